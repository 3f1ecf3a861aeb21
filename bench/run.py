"""`make bench`: build a large site on PostgreSQL, serve it as production does, measure it,
and measure a small site beside it to show what growing costs.

    .venv/bin/python bench/run.py [--essays 10000] [--compare-essays 1000] [--sources 2000]
        [--organisations 60] [--contributors 300] [--topics 40] [--duration 5]
        [--cached-duration 1] [--rounds 3] [--skip-build] [--modes off,on]

1. Builds the large site (--essays) in the database ``collective_bench`` and the small
   one (--compare-essays; 0: none) in ``collective_bench_small``, with the same numbers
   of sources, organisations, contributors and topics: each database dropped and
   created (an empty migrated copy of each, ``<database>_template``, is kept to skip the
   migrations next time) and filled with ``manage.py build_bench_site`` (which times the
   ordinary path too, --baseline, on the large site only); then checks each tree with
   ``manage.py fixtree``.
2. Runs ``collectstatic`` and serves a site with gunicorn, the project's gunicorn.conf.py
   and production settings (2 workers, a throwaway SECRET_KEY, no SSL redirect), on
   127.0.0.1 only: the large site on --port with Redis database 14 as its cache, the
   small one on the next port with database 15 (--compare-redis-url).
3. For each URL: wrk (16 connections, 2 threads, --duration seconds, --cached-duration
   with the page cache on) for requests/s and latency percentiles (bench/latency.lua),
   and SQL queries per request counted outside the load, in-process (bench/inproc.py).
   Every URL, the static file included, is measured in each of --rounds rounds, one URL
   after another, and the median round is reported: a few seconds in which the machine
   is slower then move one round of every URL, not the whole of one. With the page cache
   off, both sites are served at once (one under load at a time) and each URL is
   measured on the small site and at once on the large one (inproc.py chooses each
   site's URLs; they are paired by name), so that the machine's drift moves both alike.
   With the page cache on, if the project has one (PAGE_CACHE_ENABLED), the large site
   only.
4. Prints a table per mode for the large site and, for each URL, its p50 on the small
   site against the large one's (page cache off; the target: within GROWTH_LIMIT
   percent); writes bench/results/<UTC time>-<essays>.json, latest.json and
   latest-<essays>.json.

Everything it starts it stops; nothing listens beyond loopback.
"""

import argparse
import dataclasses
import datetime
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BENCH = PROJECT / "bench"
RESULTS = BENCH / "results"
# The virtualenv's, as `make bench` runs this with it.
PYTHON = Path(sys.executable)
GUNICORN = PYTHON.parent / "gunicorn"
ATTEMPTS = 3
STATIC = "/static/css/site.css"
# Production settings and the bench app, whose build_bench_site command fills a database.
BUILD_SETTINGS = "collective.settings.bench"
# The most a URL's p50 may change from the small site to the large one, in percent.
GROWTH_LIMIT = 20
# The least req/s of each kind of URL, as a fraction of the static file's in the same
# round: with the page cache off (the large site) and on. None: no target.
VS_STATIC = {
    "off": {"page": 0.04, "search": 0.02, "api": 0.02},
    "on": {"page": 0.5},
}
# The most queries a Review desk listing may run, on either site (and the same on both).
ADMIN_LISTING_QUERIES = 30
ADMIN_REPEAT = 5


def say(message):
    print(message, flush=True)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--essays", type=int, default=10_000)
    parser.add_argument(
        "--compare-essays",
        type=int,
        default=1_000,
        help="essays of a small site measured beside the large one, page cache off (0: none)",
    )
    parser.add_argument("--sources", type=int, default=2_000)
    parser.add_argument("--organisations", type=int, default=60)
    parser.add_argument("--contributors", type=int, default=300)
    parser.add_argument("--topics", type=int, default=40)
    parser.add_argument(
        "--duration",
        type=int,
        default=5,
        help="seconds of load per URL in each round, page cache off",
    )
    parser.add_argument(
        "--cached-duration",
        type=int,
        default=1,
        help="the same with the page cache on (cached pages: over 1,000 requests a second)",
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds over every URL; the median is reported"
    )
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8089)))
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/collective_bench"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
    )
    parser.add_argument(
        "--compare-redis-url",
        default=os.environ.get("BENCH_COMPARE_REDIS_URL", "redis://127.0.0.1:6379/15"),
        help="the small site's cache: not --redis-url's database",
    )
    parser.add_argument(
        "--baseline",
        type=int,
        default=10,
        help="essays created the ordinary way (rolled back) to compare the build rate",
    )
    parser.add_argument("--skip-build", action="store_true", help="measure the sites built last")
    parser.add_argument("--modes", default="off,on", help="page cache modes to measure")
    return parser.parse_args()


# Sites -----------------------------------------------------------------------------


@dataclasses.dataclass
class Site:
    name: str  # "large" or "small"
    essays: int
    database_url: str
    redis_url: str
    port: int
    baseline: int  # essays created the ordinary way after the build, to time them
    urls: dict = None  # {name: {"name", "url", "note"}}, chosen from the built site
    counts: dict = None  # the pages it has


def make_sites(args, modes):
    """The small site (None unless the page cache off is measured) and the large one."""
    large = Site("large", args.essays, args.database_url, args.redis_url, args.port, args.baseline)
    if not args.compare_essays or "off" not in modes:
        return None, large
    if args.compare_redis_url == args.redis_url:
        sys.exit("bench: the small site needs a cache of its own: --compare-redis-url")
    url = urllib.parse.urlsplit(args.database_url)
    database_url = url._replace(path=f"{url.path}_small").geturl()
    small = Site(
        "small",
        args.compare_essays,
        database_url,
        args.compare_redis_url,
        args.port + 1,
        baseline=0,
    )
    return small, large


# Environment -----------------------------------------------------------------------


def server_env(args, site, page_cache=None):
    """Production settings, as the deployment has them, but throwaway and on loopback."""
    # Other GUNICORN_* settings (GUNICORN_MAX_REQUESTS, GUNICORN_THREADS...) pass through,
    # to measure a change to them; by default gunicorn.conf.py's defaults apply.
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PAGE_CACHE"))
        and key
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "SECRET_KEY",
            "DEBUG",
            "ALLOWED_HOSTS",
            "GUNICORN_BIND",
            "GUNICORN_WORKERS",
            "PORT",
        }
    }
    env.update(
        DJANGO_SETTINGS_MODULE="collective.settings.production",
        # Throwaway: generated for this run, never stored.
        SECRET_KEY="bench-" + os.urandom(40).hex(),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DEBUG="false",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=site.database_url,
        REDIS_URL=site.redis_url,
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{site.port}",
        GUNICORN_BIND=f"127.0.0.1:{site.port}",
        GUNICORN_WORKERS=str(args.workers),
        PYTHONUNBUFFERED="1",
    )
    if page_cache is not None:
        env["PAGE_CACHE_ENABLED"] = "true" if page_cache else "false"
    return env


def run(command, env, capture=False, check=True):
    """Run a command in the project; its output is shown unless captured."""
    result = subprocess.run(
        [str(part) for part in command],
        cwd=PROJECT,
        env=env,
        text=True,
        stdout=subprocess.PIPE if capture else None,
        stderr=subprocess.STDOUT if capture else None,
        check=False,
    )
    if check and result.returncode:
        if capture:
            say(result.stdout)
        sys.exit(f"bench: failed ({result.returncode}): {' '.join(map(str, command))}")
    return result


def marked_json(output, marker):
    for line in output.splitlines():
        if line.startswith(marker + " "):
            return json.loads(line[len(marker) + 1 :])
    raise SystemExit(f"bench: no {marker} line in:\n{output}")


# Database --------------------------------------------------------------------------


def admin_connection(database_url):
    import psycopg2

    url = urllib.parse.urlsplit(database_url)
    connection = psycopg2.connect(
        dbname="postgres",
        user=urllib.parse.unquote(url.username or "postgres"),
        password=urllib.parse.unquote(url.password or "") or None,
        host=url.hostname or "127.0.0.1",
        port=url.port or 5432,
    )
    connection.autocommit = True
    return connection, url.path.lstrip("/")


def database_exists(cursor, name):
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    return cursor.fetchone() is not None


def create_database(site, env):
    """Drop and create a site's database, migrated; keep an empty migrated template."""
    connection, name = admin_connection(site.database_url)
    if "bench" not in name:
        sys.exit(f"bench: refusing to drop {name!r}: the database name must contain 'bench'")
    template = f"{name}_template"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if database_exists(cursor, template):
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        else:
            cursor.execute(f'CREATE DATABASE "{name}"')
    say(f"Database {name}: created; migrating")
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], env)
    with connection.cursor() as cursor:
        # The template holds only the migrations: the next run starts from it.
        cursor.execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{template}" TEMPLATE "{name}"')
    connection.close()


def build(args, site, env, last_attempt=True):
    # The build writes no cache: without REDIS_URL it uses a local-memory cache. Its
    # command is the bench app's, installed by the bench settings only.
    build_env = {key: value for key, value in env.items() if key != "REDIS_URL"}
    build_env["DJANGO_SETTINGS_MODULE"] = BUILD_SETTINGS
    command = [PYTHON, "manage.py", "build_bench_site", "--essays", site.essays]
    for option in ("sources", "organisations", "contributors", "topics"):
        command += [f"--{option}", getattr(args, option)]
    command += ["--baseline", site.baseline]
    result = run(command, build_env, capture=True, check=last_attempt)
    if result.returncode:
        say(result.stdout[-3000:])
        return None
    say("\n".join("  " + line for line in result.stdout.splitlines() if line.strip()))
    stats = marked_json(result.stdout, "BUILD_STATS")
    say("Checking the page tree with manage.py fixtree")
    tree = run([PYTHON, "manage.py", "fixtree", "--noinput"], build_env, capture=True)
    lines = [line for line in tree.stdout.splitlines() if line.strip()]
    say("\n".join("  " + line for line in lines))
    problems = [
        line for line in lines if not line.startswith("Checking") and line != "No problems found."
    ]
    if tree.returncode or problems:
        sys.exit("bench: fixtree reported problems")
    stats["fixtree"] = "No problems found."
    return stats


def build_site(args, site):
    """Build a site, again if PostgreSQL or Redis restarted meanwhile (up to ATTEMPTS)."""
    env = server_env(args, site)
    for attempt in range(1, ATTEMPTS + 1):
        before = wait_for_services(args)
        create_database(site, env)
        say(
            f"Building the {site.name} site: {site.essays} essays, {args.sources} sources, "
            f"{args.organisations} organisations, {args.contributors} contributors, "
            f"{args.topics} topics"
        )
        stats = build(args, site, env, last_attempt=attempt == ATTEMPTS)
        if stats and services_state(args) == before:
            break
        say("PostgreSQL or Redis restarted during the build: building again")
    return stats


# Services --------------------------------------------------------------------------


def services_state(args):
    """When PostgreSQL started and which Redis process runs, or None while either is down.

    Other work on the machine may restart them (a soak test does); a measurement that
    spans a restart is taken again."""
    import psycopg2
    import redis

    try:
        connection, _ = admin_connection(args.database_url)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_postmaster_start_time()")
            postgres = cursor.fetchone()[0].isoformat()
        connection.close()
        client = redis.Redis.from_url(args.redis_url, socket_connect_timeout=2)
        redis_run = client.info("server")["run_id"]
        client.close()
    except (psycopg2.Error, redis.RedisError, OSError):
        return None
    return postgres, redis_run


def wait_for_services(args, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = services_state(args)
        if state:
            return state
        time.sleep(1)
    sys.exit("bench: PostgreSQL or Redis has been unreachable for 3 minutes")


# Redis -----------------------------------------------------------------------------


def clear_cache(redis_url):
    """Delete this project's keys (prefix "collective") in the bench's Redis database."""
    import redis

    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(match="collective:*", count=1000))
    for start in range(0, len(keys), 1000):
        client.delete(*keys[start : start + 1000])
    client.close()


# Server ----------------------------------------------------------------------------


def port_is_free(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def fetch(base, path, timeout=300):
    request = urllib.request.Request(base + path, headers={"User-Agent": "collective-bench"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class Server:
    def __init__(self, site, workers, env, log_path):
        self.base = f"http://127.0.0.1:{site.port}"
        self.workers = workers
        if not port_is_free(site.port):
            sys.exit(f"bench: port {site.port} is in use; set BENCH_PORT to another")
        self.log = open(log_path, "w")  # closed in stop()
        # No control socket: by default every gunicorn takes over the same one.
        self.process = subprocess.Popen(
            [str(GUNICORN), "-c", "gunicorn.conf.py", "--no-control-socket", "collective.wsgi"],
            cwd=PROJECT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.close()
                sys.exit(f"bench: gunicorn exited; see {log_path}")
            try:
                if fetch(self.base, STATIC, timeout=5)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        self.stop()
        sys.exit(f"bench: gunicorn did not answer within 90 s; see {log_path}")

    def drain(self):
        """Wait until the workers have answered the requests wrk left queued when it
        stopped (a slow page can leave a dozen), so they do not slow the next URL: until
        as many concurrent requests as there are workers come back at once."""
        deadline = time.monotonic() + 600
        with ThreadPoolExecutor(self.workers) as pool:
            while time.monotonic() < deadline:
                started = time.monotonic()
                list(pool.map(lambda _: fetch(self.base, STATIC), range(self.workers)))
                if time.monotonic() - started < 1:
                    return

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def load_seconds(args, page_cache):
    """Seconds of load per URL in a round."""
    return args.cached_duration if page_cache else args.duration


def load(args, url, seconds):
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{seconds}s",
        "--timeout",
        "30s",
        "-s",
        str(BENCH / "latency.lua"),
        url,
    ]
    result = subprocess.run(command, text=True, capture_output=True, check=False)
    if result.returncode:
        sys.exit(f"bench: wrk failed: {result.stderr or result.stdout}")
    data = marked_json(result.stdout, "WRK_JSON")
    seconds = data["duration_us"] / 1e6
    return {
        "requests": data["requests"],
        "rps": round(data["requests"] / seconds, 1) if seconds else 0,
        "p50_ms": round(data["p50_us"] / 1000, 1),
        "p90_ms": round(data["p90_us"] / 1000, 1),
        "p99_ms": round(data["p99_us"] / 1000, 1),
        "max_ms": round(data["max_us"] / 1000, 1),
        "bytes_per_response": round(data["bytes_per_response"]),
        "errors": {key: value for key, value in data["errors"].items() if value},
    }


def count_queries(args, env, urls):
    for attempt in range(1, ATTEMPTS + 1):
        before = wait_for_services(args)
        counted = run(
            [PYTHON, BENCH / "inproc.py", "count", *(u["url"] for u in urls)],
            env,
            capture=True,
            check=attempt == ATTEMPTS,
        )
        if not counted.returncode and services_state(args) == before:
            return marked_json(counted.stdout, "INPROC_JSON")["results"]
        say("  counting failed or PostgreSQL/Redis restarted meanwhile; counting again")
    return marked_json(counted.stdout, "INPROC_JSON")["results"]


def measure_url(args, site, server, item, seconds):
    """One wrk run of one URL, after a warm-up; measured again (up to ATTEMPTS) if
    PostgreSQL or Redis restarted meanwhile, or if it failed."""
    for attempt in range(1, ATTEMPTS + 1):
        before = wait_for_services(args)
        for _ in range(2):  # warm both workers (and, when on, fill the page cache)
            status, _body = fetch(server.base, item["url"])
        measured = load(args, server.base + item["url"], seconds)
        server.drain()
        after = services_state(args)
        if after == before and status == 200 and not measured["errors"]:
            break
        reason = (
            "PostgreSQL or Redis restarted meanwhile"
            if after != before
            else f"HTTP {status}, errors {measured['errors']}"
        )
        if attempt < ATTEMPTS:
            say(f"  {item['url']}: {reason}; measuring again")
            time.sleep(3)
    say(
        f"    {item['name']:<30} {site.essays:>6} essays {measured['rps']:>8.1f} req/s"
        f"  p50 {measured['p50_ms']:>8.1f} ms  p99 {measured['p99_ms']:>8.1f} ms"
        + (f"  errors {measured['errors']}" if measured["errors"] else "")
    )
    return {"status": status, "attempts": attempt, **measured}


def measure_mode(args, page_cache, sites):
    """Every URL of each site in each round, the same URL on each site one after the
    other; {site name: a row per URL}."""
    mode = "on" if page_cache else "off"
    seconds = load_seconds(args, page_cache)
    envs = {site.name: server_env(args, site, page_cache) for site in sites}
    wait_for_services(args)
    counts = {}
    for site in sites:
        clear_cache(site.redis_url)
        say(f"\nPage cache {mode}, {site.name} site: counting queries in-process")
        counts[site.name] = count_queries(args, envs[site.name], site.urls.values())
    runs = {site.name: {name: [] for name in site.urls} for site in sites}
    servers = []
    try:
        for site in sites:
            say(f"Page cache {mode}, {site.name} site: gunicorn on 127.0.0.1:{site.port}")
            log_path = RESULTS / f"gunicorn-{mode}-{site.name}.log.tmp"
            servers.append(Server(site, args.workers, envs[site.name], log_path))
        for round_number in range(1, args.rounds + 1):
            say(f"  round {round_number} of {args.rounds}")
            for name in sites[-1].urls:
                for site, server in zip(sites, servers, strict=True):
                    item = site.urls[name]
                    runs[site.name][name].append(measure_url(args, site, server, item, seconds))
    finally:
        for server in servers:
            server.stop()
    return {site.name: site_rows(args, site, counts[site.name], runs[site.name]) for site in sites}


def site_rows(args, site, counts, runs):
    """A row per URL: its median round, its queries and its cost."""
    result = []
    for name, item in site.urls.items():
        measured = runs[name]
        median = sorted(measured, key=lambda run: run["rps"])[len(measured) // 2]
        row = {**item, **counts[item["url"]], **median}
        row["rounds_rps"] = [run["rps"] for run in measured]
        result.append(row)
    static = next(row for row in result if row["kind"] == "static")
    for row in result:
        row["vs_static"] = round(row["rps"] / static["rps"], 4) if static["rps"] else None
        # What one request costs a worker (the p50 under load is mostly queueing: 16
        # connections share the workers).
        row["worker_ms_per_request"] = (
            round(args.workers * 1000 / row["rps"], 1) if row["rps"] else None
        )
    return result


def growth(small_rows, large_rows):
    """Each URL's p50 on the small site and on the large one, by name."""
    large = {row["name"]: row for row in large_rows}
    result = []
    for small in small_rows:
        grown = large[small["name"]]
        before, after = small["p50_ms"], grown["p50_ms"]
        change = round((after - before) * 100 / before, 1) if before else None
        result.append(
            {
                "name": small["name"],
                "small_url": small["url"],
                "large_url": grown["url"],
                "small_p50_ms": before,
                "large_p50_ms": after,
                "change_percent": change,
                "within_limit": change is not None and abs(change) <= GROWTH_LIMIT,
                "small_queries": small["queries"],
                "large_queries": grown["queries"],
                "queries_flat": small["queries"] == grown["queries"],
            }
        )
    return result


# Report ----------------------------------------------------------------------------


def markdown(lines):
    """A table: a header line, then the rest; the first column left-aligned."""
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    out = []
    for n, line in enumerate(lines):
        cells = [
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
            for i, cell in enumerate(line)
        ]
        out.append("| " + " | ".join(cells) + " |")
        if n == 0:
            out.append(
                "| "
                + " | ".join(
                    "-" * width if i == 0 else "-" * (width - 1) + ":"
                    for i, width in enumerate(widths)
                )
                + " |"
            )
    return "\n".join(out)


def verdict(passed):
    return "-" if passed is None else ("PASS" if passed else "FAIL")


def judge(rows, mode):
    """Each row's target (its least ratio to the static file) and whether it met it;
    a URL that did not answer 200, or with wrk errors, fails."""
    for row in rows:
        least = VS_STATIC[mode].get(row["kind"])
        row["target_vs_static"] = least
        answered = row["status"] == 200 and not row["errors"]
        if least is None:
            row["passed"] = None if answered else False
        else:
            row["passed"] = answered and row["vs_static"] is not None and row["vs_static"] >= least
    return rows


def table(rows):
    lines = [
        ["URL", "kind", "req/s", "p50 ms", "p99 ms", "queries", "bytes", "vs static", "target"]
    ]
    for row in rows:
        least = row["target_vs_static"]
        lines.append(
            [
                row["url"],
                row["kind"],
                f"{row['rps']:.1f}",
                f"{row['p50_ms']:.1f}",
                f"{row['p99_ms']:.1f}",
                str(row["queries"]),
                f"{row['bytes_per_response']:,}",
                f"{row['vs_static']:.3f}" if row["vs_static"] is not None else "",
                (f">= {least} " if least is not None else "") + verdict(row["passed"]),
            ]
        )
    return markdown(lines)


def admin_table(small, large, admin):
    """The admin views on each site: median ms, queries, and the listings' budget."""
    sites = [site for site in (small, large) if site]
    lines = [
        [
            "admin view",
            *(f"ms, {site.essays:,} essays" for site in sites),
            *(f"queries, {site.essays:,}" for site in sites),
            "flat",
            "target",
        ]
    ]
    for row in admin:
        lines.append(
            [
                row["name"],
                *(f"{row['sites'][site.name]['median_ms']:.1f}" for site in sites),
                *(str(row["sites"][site.name]["queries"]) for site in sites),
                "yes" if row["flat"] else "NO",
                (
                    f"<= {ADMIN_LISTING_QUERIES} queries, flat " + verdict(row["passed"])
                    if row["listing"]
                    else verdict(row["passed"])
                ),
            ]
        )
    return markdown(lines)


def admin_rows(timed, sites):
    """{site name: inproc admin results} as a row per view, judged: every view must
    answer 200; a Review desk listing runs at most ADMIN_LISTING_QUERIES queries, the
    same number on both sites."""
    names = [row["name"] for row in timed[sites[-1].name]["results"]]
    rows = []
    for name in names:
        by_site = {
            site.name: next(r for r in timed[site.name]["results"] if r["name"] == name)
            for site in sites
        }
        queries = {result["queries"] for result in by_site.values()}
        listing = name.startswith("review desk")
        answered = all(result["status"] == 200 for result in by_site.values())
        flat = len(queries) == 1
        if listing:
            passed = answered and flat and max(queries) <= ADMIN_LISTING_QUERIES
        else:
            passed = None if answered else False
        rows.append(
            {"name": name, "sites": by_site, "flat": flat, "listing": listing, "passed": passed}
        )
    return rows


def time_admin(args, sites):
    """The admin views of each site, in-process, outside the load."""
    timed = {}
    for site in sites:
        env = server_env(args, site, page_cache=False)
        say(f"Admin views, {site.name} site: {ADMIN_REPEAT} requests each, in-process")
        output = run([PYTHON, BENCH / "inproc.py", "admin", ADMIN_REPEAT], env, capture=True)
        timed[site.name] = marked_json(output.stdout, "INPROC_JSON")
    return admin_rows(timed, sites)


def growth_table(small, large, rows):
    lines = [
        [
            "URL",
            f"p50 ms, {small.essays:,} essays",
            f"p50 ms, {large.essays:,} essays",
            "change",
            f"within {GROWTH_LIMIT}%",
            "queries",
            "flat",
        ]
    ]
    for row in rows:
        change = row["change_percent"]
        lines.append(
            [
                row["name"],
                f"{row['small_p50_ms']:.1f}",
                f"{row['large_p50_ms']:.1f}",
                f"{change:+.1f}%" if change is not None else "",
                verdict(row["within_limit"]),
                f"{row['small_queries']} / {row['large_queries']}",
                verdict(row["queries_flat"]),
            ]
        )
    return markdown(lines)


def summary(result):
    """(target, URLs that missed it) for every target measured."""
    checks = []
    for mode, rows in result["modes"].items():
        for kind, least in VS_STATIC[mode].items():
            judged = [row for row in rows if row["kind"] == kind]
            if judged:
                checks.append(
                    (
                        f"page cache {mode}: every {kind} >= {least}x the static file",
                        [row["name"] for row in judged if not row["passed"]],
                    )
                )
        unanswered = [
            row["name"]
            for row in rows
            if row["passed"] is False and row["kind"] not in VS_STATIC[mode]
        ]
        if unanswered:
            checks.append((f"page cache {mode}: every other URL answered 200", unanswered))
    if "growth" in result:
        rows = result["growth"]["rows"]
        checks.append(
            (
                f"p50 growth within {GROWTH_LIMIT}%",
                [row["name"] for row in rows if not row["within_limit"]],
            )
        )
        checks.append(
            (
                "queries the same on both sites",
                [row["name"] for row in rows if not row["queries_flat"]],
            )
        )
    if result.get("admin"):
        checks.append(
            (
                f"admin: Review desk listings <= {ADMIN_LISTING_QUERIES} queries, flat; "
                "every view 200",
                [row["name"] for row in result["admin"] if row["passed"] is False],
            )
        )
    return checks


def machine():
    load1, load5, _ = os.getloadavg()
    return {
        "cpus": os.cpu_count(),
        "load_average_1m_at_end": round(load1, 2),
        "load_average_5m_at_end": round(load5, 2),
    }


def main():
    args = parse_args()
    if not shutil.which("wrk"):
        sys.exit("bench: wrk is not installed (Debian: apt-get install -y wrk)")
    started = time.monotonic()
    modes = [mode.strip() for mode in args.modes.split(",") if mode.strip()]
    small, large = make_sites(args, modes)
    sites = [site for site in (small, large) if site]  # the small site first
    RESULTS.mkdir(parents=True, exist_ok=True)

    builds = {site.name: None for site in sites}
    if not args.skip_build:
        for site in sites:
            builds[site.name] = build_site(args, site)

    say("collectstatic")
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], server_env(args, large))
    for site in sites:
        # The build writes the database only: what the cache holds is of the site built before.
        clear_cache(site.redis_url)
        chosen = marked_json(
            run([PYTHON, BENCH / "inproc.py", "urls"], server_env(args, site), capture=True).stdout,
            "INPROC_JSON",
        )
        site.urls = {item["name"]: item for item in chosen["urls"]}
        site.counts = chosen["counts"]
    notes = []
    if not chosen["page_cache_setting"]:
        modes = ["off"]
        notes.append(
            "The project has no PAGE_CACHE_ENABLED setting: measured without a page cache."
        )

    admin = time_admin(args, sites)
    results = {}
    for mode in modes:
        results[mode] = measure_mode(args, mode == "on", sites if mode == "off" else [large])
        for rows in results[mode].values():
            judge(rows, mode)

    finished = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    result = {
        "finished_at": finished.isoformat(),
        "minutes": round((time.monotonic() - started) / 60, 1),
        "sizes": {
            "essays": args.essays,
            "sources": args.sources,
            "organisations": args.organisations,
            "contributors": args.contributors,
            "topics": args.topics,
        },
        "site": large.counts,
        "build": builds["large"],
        "load": {
            "tool": "wrk",
            "connections": args.connections,
            "threads": args.threads,
            "seconds_per_url": args.duration,
            "seconds_per_url_page_cache_on": args.cached_duration,
            "rounds": args.rounds,
            "gunicorn_workers": args.workers,
            "gunicorn_overrides": {
                key: value
                for key, value in os.environ.items()
                if key.startswith("GUNICORN_") and key not in {"GUNICORN_BIND", "GUNICORN_WORKERS"}
            },
        },
        "machine": machine(),
        "notes": notes,
        "modes": {mode: rows["large"] for mode, rows in results.items()},
        "targets": {
            "vs_static": VS_STATIC,
            "growth_limit_percent": GROWTH_LIMIT,
            "admin_listing_queries": ADMIN_LISTING_QUERIES,
        },
        "admin": admin,
    }
    if small:
        # The same numbers of everything but essays; measured with the page cache off only.
        result["small_site"] = {
            "essays": small.essays,
            "site": small.counts,
            "build": builds["small"],
            "modes": {"off": results["off"]["small"]},
        }
        result["growth"] = {
            "limit_percent": GROWTH_LIMIT,
            "rows": growth(results["off"]["small"], results["off"]["large"]),
        }
    say("")
    for site in sites:
        stats = builds[site.name]
        if stats:
            say(
                f"Build, {site.name} site: {stats['pages']} pages in {stats['seconds']} s, "
                f"{stats['pages_per_second']} pages/s"
                + (
                    f" (ordinary path {stats['ordinary_pages_per_second']} pages/s: "
                    f"{stats['speedup']}x)"
                    if "speedup" in stats
                    else ""
                )
            )
    for mode, rows in result["modes"].items():
        say(
            f"\nPage cache {mode} ({args.essays} essays; wrk -t{args.threads} "
            f"-c{args.connections} -d{load_seconds(args, mode == 'on')}s, median of "
            f"{args.rounds} rounds; gunicorn {args.workers} workers)\n"
        )
        say(table(rows))
        for row in rows:
            if row["note"]:
                say(f"  {row['url']}: {row['note']}")
            if "sitemap_pages" in row:
                say(f"  {row['url']}: an index of {row['sitemap_pages']} sitemap pages")
            if "sitemap_urls" in row:
                say(f"  {row['url']}: {row['sitemap_urls']} URLs in this page of the section")
            if row["errors"] or row["status"] != 200:
                say(f"  {row['url']}: HTTP {row['status']}, wrk errors {row['errors']}")
    if small:
        say(
            f"\nGrowth, page cache off: p50 and queries at {small.essays} and at "
            f"{large.essays} essays, median of {args.rounds} rounds, each URL on both sites "
            "one after the other\n"
        )
        say(growth_table(small, large, result["growth"]["rows"]))
    say(
        f"\nAdmin views, signed in as an administrator: median of {ADMIN_REPEAT} requests "
        "in-process (Django's test client, no load), queries of the last\n"
    )
    say(admin_table(small, large, admin))
    checks = summary(result)
    result["summary"] = [{"target": what, "missed": missed} for what, missed in checks]
    say("\nTargets:")
    for what, missed in checks:
        say(f"  {verdict(not missed)}  {what}" + (f": {', '.join(missed)}" if missed else ""))
    failed = sum(1 for _, missed in checks if missed)
    say(f"{len(checks) - failed} of {len(checks)} targets met")
    text = json.dumps(result, indent=2) + "\n"
    stamp = finished.strftime("%Y%m%dT%H%M%SZ")
    for name in (f"{stamp}-{args.essays}.json", "latest.json", f"latest-{args.essays}.json"):
        (RESULTS / name).write_text(text)
    load1, _, _ = os.getloadavg()
    say(
        f"\nResults: bench/results/{stamp}-{args.essays}.json (and latest.json); "
        f"{result['minutes']} min; load average {load1:.1f} on {os.cpu_count()} CPUs at the end"
    )


if __name__ == "__main__":
    main()
