"""The link checker against a local stub server: how many sources a day's check gets
through, and in how much memory (a section of `make bench`; runs alone too).

    .venv/bin/python bench/linkcheck.py [--sources 2000] [--hosts 20] [--delay 0.05]
        [--body-bytes 20000]

1. Starts, in a child process, one stub HTTP server on each of 127.0.0.2 ... 127.0.0.(1 +
   --hosts) (every 127.x address reaches the loopback on Linux; nothing listens beyond
   it). Each answers like the web: most addresses a page of --body-bytes of words, some
   a redirect, a 404, a 410 or a 500.
2. Gives each source an original address and an archived one, spread over the hosts,
   and checks them as ``check_host`` does: one thread per host (as several task workers
   each running one host's task), each host's addresses one after another
   --delay seconds apart (LINK_CHECK_HOST_DELAY), each through the checker's own fetch
   (articles.linkcheck.fetch: resolve, the address rule, the pinned connection, the size
   cap, SHA-256 and SimHash) and its verdict. The database is not written: a check's one
   INSERT and its health row are the same on every site, and measured by the tests'
   query counts, not here.
3. Prints sources per minute, addresses per second, the verdicts and the peak memory
   (the checking process's maximum resident set, and what it was before checking), and
   writes bench/results/linkcheck-<UTC time>.json and
   linkcheck-latest.json.
"""

import argparse
import datetime
import functools
import json
import multiprocessing
import os
import resource
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = PROJECT / "bench" / "results"
sys.path.insert(0, str(PROJECT))

WORDS = (
    "the central committee met to discuss the motions before conference and the branch "
    "secretaries reported on membership dues sales of the paper and the internal bulletin "
).split()


def say(message):
    print(message, flush=True)


class StubHandler(BaseHTTPRequestHandler):
    """/page/N: a page; /redirect/N: 301 to /page/N; /missing/N, /gone/N, /error/N."""

    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def do_GET(self):
        kind, _, number = self.path.strip("/").partition("/")
        if kind == "page":
            self.answer(200, self.server.page(int(number)), "text/html; charset=utf-8")
        elif kind == "redirect":
            self.answer(301, b"", location=f"/page/{number}")
        else:
            self.answer({"missing": 404, "gone": 410}.get(kind, 500), b"no")

    def answer(self, status, body, content_type="text/plain", location=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        self.end_headers()
        self.wfile.write(body)


def page_maker(body_bytes):
    """The body of page N: about ``body_bytes`` of words (a few kinds of page, kept: the
    stub shares the machine with the checker, and should cost it little)."""
    count = max(body_bytes // 8, 1)

    @functools.cache
    def page(start):
        return " ".join(WORDS[(start + i) % len(WORDS)] for i in range(count)).encode()

    return lambda number: page(number % len(WORDS))


def serve(addresses, body_bytes, ports, stop):
    """The stub servers, in a child process: their ports go back through ``ports``."""
    servers = []
    for address in addresses:
        server = ThreadingHTTPServer((address, 0), StubHandler)
        server.daemon_threads = True
        server.page = page_maker(body_bytes)
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    ports.put([server.server_port for server in servers])
    stop.wait()
    for server in servers:
        server.shutdown()


def address_path(number):
    """Most addresses answer a page; one in ten a redirect; one in twenty each of 404,
    410 and 500."""
    kind = {0: "redirect", 1: "redirect", 2: "missing", 3: "gone", 4: "error"}.get(
        number % 20, "page"
    )
    return f"/{kind}/{number}"


def plan(sources, hosts):
    """{host url: [address, ...]}: each source's original and archived address, the
    archived copy on another host, as an archive's are."""
    by_host = {host: [] for host in hosts}
    for number in range(sources):
        original = hosts[number % len(hosts)]
        archived = hosts[(number + max(len(hosts) // 2, 1)) % len(hosts)]
        by_host[original].append(f"{original}{address_path(2 * number)}")
        by_host[archived].append(f"{archived}{address_path(2 * number + 1)}")
    return by_host


def check_hosts(by_host, delay):
    """Check every host's addresses, one thread per host, each host's one after
    another ``delay`` seconds apart: {verdict: count}."""
    from articles.linkcheck import fetch, verdict

    verdicts = Counter()
    lock = threading.Lock()

    def check_host(addresses):
        found = Counter()
        for number, url in enumerate(addresses):
            if number:
                time.sleep(delay)
            found[verdict(fetch(url))] += 1
        with lock:
            verdicts.update(found)

    threads = [threading.Thread(target=check_host, args=(a,)) for a in by_host.values()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return dict(verdicts)


def measure(sources, hosts, delay, body_bytes):
    """Start the stub, check ``sources`` sources, and give the figures."""
    from django.conf import settings

    addresses = [f"127.0.0.{2 + n}" for n in range(hosts)]
    ports, stop = multiprocessing.Queue(), multiprocessing.Event()
    stub = multiprocessing.Process(target=serve, args=(addresses, body_bytes, ports, stop))
    stub.start()
    try:
        host_urls = [
            f"http://{a}:{p}" for a, p in zip(addresses, ports.get(timeout=30), strict=True)
        ]
        by_host = plan(sources, host_urls)
        rss_before = peak_rss_mib()
        started = time.perf_counter()
        verdicts = check_hosts(by_host, delay)
        seconds = time.perf_counter() - started
    finally:
        stop.set()
        stub.join(timeout=10)
        if stub.is_alive():
            stub.terminate()
    checked = sum(verdicts.values())
    return {
        "sources": sources,
        "addresses": checked,
        "hosts": hosts,
        "delay_seconds": delay,
        "body_bytes": body_bytes,
        "max_bytes": settings.LINK_CHECK_MAX_BYTES,
        "seconds": round(seconds, 2),
        "sources_per_minute": round(sources / seconds * 60),
        "addresses_per_second": round(checked / seconds, 1),
        # The checking process's peak resident memory, and before it started checking
        # (Django and the project loaded).
        "peak_rss_mib": peak_rss_mib(),
        "rss_before_mib": rss_before,
        "verdicts": verdicts,
        # The least the host delay allows: each host's addresses, one after another.
        "floor_seconds": round(max(len(a) for a in by_host.values()) * delay, 2),
    }


def peak_rss_mib():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # Linux: KiB


def table(result):
    rows = [
        ("sources (addresses)", f"{result['sources']:,} ({result['addresses']:,})"),
        ("hosts (one thread each)", result["hosts"]),
        ("delay between a host's requests", f"{result['delay_seconds']} s"),
        ("body of a page", f"{result['body_bytes']:,} bytes"),
        ("time", f"{result['seconds']} s (the delays alone: {result['floor_seconds']} s)"),
        ("sources per minute", f"{result['sources_per_minute']:,}"),
        ("addresses per second", result["addresses_per_second"]),
        (
            "peak memory (process RSS)",
            f"{result['peak_rss_mib']} MiB ({result['rss_before_mib']} MiB before checking)",
        ),
        ("verdicts", ", ".join(f"{k} {v}" for k, v in sorted(result["verdicts"].items()))),
    ]
    lines = ["| Link check | |", "| --- | --- |"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=int, default=2_000)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument(
        "--delay", type=float, default=0.05, help="seconds between a host's requests"
    )
    parser.add_argument("--body-bytes", type=int, default=20_000)
    args = parser.parse_args()
    if not 1 <= args.hosts <= 250:
        parser.error("--hosts: from 1 to 250 (127.0.0.2 to 127.0.0.251)")
    # The checker as production runs it, but allowed to reach the stub on loopback.
    os.environ["DJANGO_SETTINGS_MODULE"] = "collective.settings.dev"
    os.environ["LINK_CHECK_ALLOW_PRIVATE_ADDRESSES"] = "true"
    os.environ["LINK_CHECK_HOST_DELAY"] = str(args.delay)
    import django

    django.setup()
    say(f"Checking {args.sources:,} sources on {args.hosts} stub hosts ...")
    result = measure(args.sources, args.hosts, args.delay, args.body_bytes)
    result["at"] = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    say(table(result))
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = result["at"].replace(":", "").replace("-", "")
    for name in (f"linkcheck-{stamp}.json", "linkcheck-latest.json"):
        (RESULTS / name).write_text(json.dumps(result, indent=2) + "\n")
    say(f"Written to bench/results/linkcheck-{stamp}.json")


if __name__ == "__main__":
    main()
