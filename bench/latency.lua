-- wrk script for bench/run.py: at the end of a run, one line of JSON with the request
-- count, the run's duration, bytes per response (headers included) and the latency
-- percentiles (microseconds) of the completed requests.
done = function(summary, latency, requests)
  local per_request = 0
  if summary.requests > 0 then
    per_request = summary.bytes / summary.requests
  end
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes_per_response": %.1f, ' ..
    '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    summary.requests, summary.duration, per_request,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean,
    summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
