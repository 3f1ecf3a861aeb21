"""Load and fault test of Collective on PostgreSQL (`make soak`).

Sets up a throwaway database `collective_soak` (dropped and created again; --database),
Redis database 5 (--redis-db) and production settings, runs migrate, collectstatic and
load_demo, starts gunicorn with the project's gunicorn.conf.py and threaded workers
(2 workers x 4 threads: --workers, --threads, at least 2 threads) on a free loopback
port, reads what each reader URL's page is (its title, canonical URL and the set of
addresses it links to; an API object's id and title) before any load, and then:

1. 20 reader threads (--readers) for 60 s (--seconds): every other request alternates
   an essay and the essay index, the rest go round every kind of public page of the
   demo site (each essay, organisation, source and contributor page, the indexes and
   their filters, searches with and without filters, API objects), while editors
   publish a revision of that essay (standfirst "Revision N") every 3 s, the way the
   site publishes: through the "Editorial review" workflow, whose final approval
   publishes. Half the readers are anonymous (served by the page cache), half send a
   session cookie (the cache is bypassed and every page comes from PostgreSQL). No 5xx;
   every page complete, every essay page showing one revision; no page older than the
   last publish committed 1 s (--grace) before its request (stale).
2. PostgreSQL is restarted under that load: how long errors last after it accepts
   connections again, no request hangs, and gunicorn's workers are the same processes.
3. Redis is stopped for 15 s under that load: no 5xx, then it is started again.
   (--no-faults skips 2 and 3, which restart the machine's PostgreSQL and Redis.)
4. Two editors save the same page from the same revision in the page editor: both
   revisions are kept, and the editing-session ping tells the second editor that the
   first saved a newer version (and refuses its autosave over it).

Every response of every phase is then compared with its URL's page: none may be another
URL's (wrong); none may be a 5xx outside the PostgreSQL restart.

Prints each figure, a summary and the counts (requests, wrong, stale, 5xx), exits 1 if a
target is missed. Every loop is bounded; whatever happens, PostgreSQL and Redis are left
running and gunicorn is stopped. Run with the virtualenv's Python from the project
directory: .venv/bin/python bench/soak.py [--seconds 60] [--no-faults]
"""

import argparse
import hashlib
import itertools
import json
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent

DB_NAME = "collective_soak"
PG = {"host": "127.0.0.1", "port": "5432", "user": "postgres"}
REDIS_PORT = "6379"
REDIS_DB = "5"
REDIS_START = [
    "redis-server",
    "--daemonize",
    "yes",
    "--bind",
    "127.0.0.1",
    "-::1",
    "--port",
    REDIS_PORT,
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    "/var/lib/redis",
    "--logfile",
    "/var/log/redis/ci.log",
]

# Defaults of the command-line options (main() sets these from them).
READERS = 20
READ_SECONDS = 60
FAULTS = True  # restart PostgreSQL and stop Redis under load (phases 2 and 3)
WORKERS = 2
THREADS = 4
STALE_GRACE = 1.0  # seconds after a publish commits before no reader may see the old text
CLIENT_TIMEOUT = 15
PUBLISH_EVERY = 3.0
REVISIONS = int(READ_SECONDS / PUBLISH_EVERY)
PUBLISHER_GRACE = 60  # seconds the readers' phase may run on for the last publishes
PG_OBSERVE_AFTER = 20  # seconds of load after PostgreSQL is back
PG_ERRORS_TARGET = 10  # errors must stop this soon after PostgreSQL is back
REDIS_OUTAGE = 15
REDIS_OBSERVE_AFTER = 5
HARD_LIMIT = 540  # seconds: the whole run is aborted (and cleaned up) after this
MAX_REQUESTS_PER_READER = 20_000

ESSAY_SLUG = "two-splits-one-method"
ESSAY_URL = f"/essays/{ESSAY_SLUG}/"
INDEX_URL = "/essays/"
ORIGINAL_MARK = "has broken apart twice in thirty years"  # in the demo's standfirst
MARKER = re.compile(r"Revision (\d+)\b")
LEAD = re.compile(r'<p class="lead">([^<]*)</p>')

START = time.monotonic()


def say(line=""):
    print(line, flush=True)


def elapsed():
    return f"[{time.monotonic() - START:6.1f}s]"


def run(cmd, timeout=60, check=True, **kwargs):
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kwargs)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {result.stderr.strip() or result.stdout}")
    return result


# --- services -------------------------------------------------------------------------


def pg_version():
    return sorted(os.listdir("/etc/postgresql"))[-1]


def pg_ready():
    args = ["pg_isready", "-q", "-h", PG["host"], "-p", PG["port"], "-t", "1"]
    try:
        return run(args, timeout=5, check=False).returncode == 0
    except subprocess.TimeoutExpired:
        return False


def pg_ctl(action, timeout=120):
    return run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", pg_version(), "main", action],
        timeout=timeout,
        check=False,
    )


def psql(sql):
    run(
        [
            "psql",
            "-h",
            PG["host"],
            "-p",
            PG["port"],
            "-U",
            PG["user"],
            "-d",
            "postgres",
            "-v",
            "ON_ERROR_STOP=1",
            "-qc",
            sql,
        ]
    )


def redis_cli(*args):
    try:
        return run(
            ["redis-cli", "-h", "127.0.0.1", "-p", REDIS_PORT, *args], timeout=5, check=False
        )
    except subprocess.TimeoutExpired:
        return None


def redis_up():
    result = redis_cli("ping")
    return result is not None and result.stdout.strip() == "PONG"


def http():
    """A requests session that never uses a proxy: every request goes to 127.0.0.1."""
    session = requests.Session()
    session.trust_env = False
    return session


def wait_for(predicate, seconds, step=0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def ensure_postgres_running():
    if pg_ready():
        return True
    say("cleanup: PostgreSQL is down, starting it")
    pg_ctl("start")
    return wait_for(pg_ready, 60, 0.5)


def ensure_redis_running():
    if redis_up():
        return True
    say("cleanup: Redis is down, starting it")
    run(REDIS_START, timeout=30, check=False)
    return wait_for(redis_up, 30, 0.3)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- gunicorn -------------------------------------------------------------------------


class Gunicorn:
    def __init__(self, port, log_path):
        self.port = port
        self.log_path = log_path
        self.proc = None

    def start(self):
        env = {
            **os.environ,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": str(WORKERS),
            "GUNICORN_THREADS": str(THREADS),
            # gunicorn.conf.py recycles a worker after ~2,000 requests; this run makes
            # more than that, and recycled workers would hide the "same workers" check.
            "GUNICORN_MAX_REQUESTS": "0",
        }
        self.log = open(self.log_path, "w")  # closed in stop()
        self.proc = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "collective.wsgi", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, stopped as one in stop()
        )

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def worker_pids(self):
        if not self.alive():
            return set()
        result = run(["ps", "-o", "pid=", "--ppid", str(self.proc.pid)], check=False)
        return {int(pid) for pid in result.stdout.split()}

    def stop(self):
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
            except ProcessLookupError:
                pass
        # Workers left behind by a killed master are in the same process group.
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.log.close()

    def log_text(self):
        try:
            return Path(self.log_path).read_text(errors="replace")
        except OSError:
            return ""


# --- readers --------------------------------------------------------------------------


@dataclass
class Result:
    phase: str
    kind: str  # "essay" or "index" (the published essay and its index), or "other"
    path: str
    cached: str  # "hit", "miss" (anonymous) or "bypass" (session cookie)
    start: float
    end: float
    status: int | None
    error: str | None
    complete: bool = False
    version: int | None = None  # revision shown: N, 0 for the original, None if unclear
    distinct_markers: int = 0
    identity: str = ""  # what the response says it is (identity()), compared with the URL's

    @property
    def latency(self):
        return self.end - self.start

    @property
    def failed(self):
        return self.error is not None or self.status != 200


class NoCookies(DefaultCookiePolicy):
    def set_ok(self, cookie, request):
        return False


class Load:
    """READERS threads; every other request of each alternates the published essay and
    the index, the rest go round ``others`` (every kind of public page: another reader's
    page served in their place would show). Odd-numbered readers send a session cookie,
    so the page cache is bypassed and PostgreSQL serves every page."""

    def __init__(self, base_url, cookie_name, others):
        self.base_url = base_url
        self.cookie_name = cookie_name
        self.others = others
        self.phase = "warm-up"
        self.results: list[Result] = []
        self.stop_event = threading.Event()
        self.threads = []

    def start(self):
        for i in range(READERS):
            thread = threading.Thread(target=self.reader, args=(i,), daemon=True)
            thread.start()
            self.threads.append(thread)

    def stop(self):
        self.stop_event.set()
        for thread in self.threads:
            thread.join(timeout=CLIENT_TIMEOUT + 5)

    def reader(self, number):
        session = http()
        session.cookies.set_policy(NoCookies())
        bypass = number % 2 == 1
        headers = {"Cookie": f"{self.cookie_name}=soak-not-a-session"} if bypass else {}
        for n in range(MAX_REQUESTS_PER_READER):
            if self.stop_event.is_set():
                break
            if n % 2:
                kind, path = "other", self.others[(n // 2 + number) % len(self.others)]
            elif (n // 2 + number) % 2 == 0:
                kind, path = "essay", ESSAY_URL
            else:
                kind, path = "index", INDEX_URL
            phase = self.phase
            start = time.monotonic()
            status = error = None
            body = ""
            cached = "bypass" if bypass else "-"
            try:
                response = session.get(
                    self.base_url + path,
                    headers=headers,
                    timeout=CLIENT_TIMEOUT,
                    allow_redirects=False,
                )
                status, body = response.status_code, response.text
                if not bypass:
                    cached = response.headers.get("X-Page-Cache", "-")
            except requests.Timeout:
                error = "timeout"
            except requests.RequestException as exc:
                error = type(exc).__name__
            result = Result(phase, kind, path, cached, start, time.monotonic(), status, error)
            if status == 200:
                inspect(result, body)
            self.results.append(result)
            if result.failed:
                self.stop_event.wait(0.05)  # no busy loop against a refusing server


TITLE = re.compile(r"<title>(.*?)</title>", re.S)
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')
HREF = re.compile(r'href="([^"]*)"')


def identity(body):
    """What a response says it is: for an API object its id and title; for a page its
    title, canonical URL and the set of addresses it links to (a filtered listing or a
    search has the index's title: its links tell it apart)."""
    if body.lstrip().startswith("{"):
        try:
            data = json.loads(body)
        except ValueError:
            return "json:unreadable"
        return f"api:{data.get('id')}:{data.get('title')}"
    title = TITLE.search(body)
    canonical = CANONICAL.search(body)
    links = "\n".join(sorted(set(HREF.findall(body))))
    return "|".join(
        [
            " ".join(title.group(1).split()) if title else "",
            canonical.group(1) if canonical else "",
            hashlib.sha256(links.encode()).hexdigest()[:16],
        ]
    )


def inspect(result, body):
    result.identity = identity(body)
    if result.kind == "other" and result.path.startswith("/api/"):
        result.complete = result.identity.startswith("api:")
        return
    result.complete = body.rstrip().endswith("</html>")
    markers = {int(m) for m in MARKER.findall(body)}
    result.distinct_markers = len(markers)
    if result.kind == "essay":
        lead = LEAD.search(body)
        lead_text = lead.group(1) if lead else ""
        match = MARKER.fullmatch(lead_text.strip())
        if match and markers == {int(match.group(1))}:
            result.version = int(match.group(1))
        elif not markers and ORIGINAL_MARK in lead_text:
            result.version = 0
    elif len(markers) == 1:
        result.version = markers.pop()
    elif not markers and ORIGINAL_MARK in body:
        result.version = 0


def percentile(values, fraction):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def describe(results, seconds):
    latencies = [r.latency for r in results if r.error is None]
    statuses = Counter(r.status if r.error is None else r.error for r in results)
    return {
        "requests": len(results),
        "rps": len(results) / seconds if seconds else 0.0,
        "p50": percentile(latencies, 0.50),
        "p99": percentile(latencies, 0.99),
        "max": max((r.latency for r in results), default=0.0),
        "5xx": sum(1 for r in results if r.status and r.status >= 500),
        "timeouts": sum(1 for r in results if r.error == "timeout"),
        "errors": sum(1 for r in results if r.failed),
        "statuses": dict(sorted(statuses.items(), key=str)),
        "cache": dict(Counter(r.cached for r in results if r.status == 200)),
        "p50_by_cache": {
            mode: percentile([r.latency for r in results if r.cached == mode and not r.failed], 0.5)
            for mode in sorted({r.cached for r in results if r.status == 200})
        },
    }


def print_figures(title, figures):
    say(
        f"  {title}: {figures['requests']} requests, {figures['rps']:.1f} rps, "
        f"p50 {figures['p50'] * 1000:.0f} ms, p99 {figures['p99'] * 1000:.0f} ms, "
        f"max {figures['max']:.2f} s"
    )
    say(f"    by status: {figures['statuses']}   200s by cache: {figures['cache']}")
    by_cache = ", ".join(f"{m} {v * 1000:.0f} ms" for m, v in figures["p50_by_cache"].items())
    say(f"    p50 by cache: {by_cache}")
    say(f"    5xx: {figures['5xx']}   timeouts: {figures['timeouts']}")


# --- Django (the editors) -------------------------------------------------------------


def form_post_data(form):
    """What a browser posts for the page editor's ``form`` as it stands (unchanged)."""
    from django import forms
    from wagtail.blocks.base import BlockField

    data = {}

    def block_data(block, state, prefix):
        from wagtail import blocks

        if isinstance(block, (blocks.StreamBlock, blocks.ListBlock)):
            data[f"{prefix}-count"] = str(len(state))
            for i, child in enumerate(state):
                item = f"{prefix}-{i}"
                data[f"{item}-id"] = child.get("id") or ""
                data[f"{item}-order"] = str(i)
                data[f"{item}-deleted"] = ""
                if isinstance(block, blocks.StreamBlock):
                    data[f"{item}-type"] = child["type"]
                    child_block = block.child_blocks[child["type"]]
                else:
                    child_block = block.child_block
                block_data(child_block, child["value"], f"{item}-value")
        elif isinstance(block, blocks.StructBlock):
            for name, child_block in block.child_blocks.items():
                block_data(child_block, (state or {}).get(name), f"{prefix}-{name}")
        elif isinstance(state, dict):  # a chooser
            data[prefix] = str(state.get("id") or "")
        else:
            data[prefix] = "" if state is None else str(state)

    def field_data(bound):
        field, value, name = bound.field, bound.value(), bound.html_name
        if isinstance(field, BlockField):
            block_data(field.block, field.block.get_form_state(value), name)
        elif isinstance(field.widget, forms.CheckboxInput):
            if value:
                data[name] = "on"
        elif isinstance(field, forms.ModelMultipleChoiceField):
            data[name] = [str(getattr(v, "pk", v)) for v in value or []]
        elif isinstance(field, forms.ModelChoiceField):
            data[name] = "" if value in (None, "") else str(getattr(value, "pk", value))
        else:
            formatted = field.widget.format_value(value)
            data[name] = "" if formatted is None else str(formatted)

    for name in form.fields:
        field_data(form[name])
    for formset in form.formsets.values():
        management = formset.management_form
        for name in management.fields:
            data[management[name].html_name] = str(management[name].value())
        for i, subform in enumerate(formset.forms):
            if getattr(subform, "formsets", None):
                raise RuntimeError("nested formsets are not supported by this script")
            for name in subform.fields:
                if name == "ORDER":
                    data[subform[name].html_name] = str(i + 1)
                elif name != "DELETE":
                    field_data(subform[name])
    return data


def make_editor(username, first_name, group="Editors"):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user, _ = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": "(soak)",
            "email": f"{username}@localhost",
        },
    )
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get(name=group))
    return user


class Publisher(threading.Thread):
    """Publishes "Revision 1".."Revision N" of the essay every PUBLISH_EVERY seconds.

    The way the site publishes: on this site editors cannot publish directly, so each
    revision goes through the "Editorial review" workflow, in the ORM as the admin's
    views do it: an editor saves and submits it, a fact-checker approves the Source
    check, a second editor approves the Editorial approval, which publishes it (inside
    TaskState.approve's transaction, like the workflow action view).
    """

    def __init__(self, page_id, people, stop_event):
        super().__init__(daemon=True)
        self.page_id, self.people, self.stop_event = page_id, people, stop_event
        self.published = []  # (n, final approval started, committed)
        self.error = None

    def run(self):
        from django.db import connection

        from articles.claims import mark_every_claim
        from articles.models import EssayPage, SourceCheckTask

        author, fact_checker, approver = self.people
        begin = time.monotonic()
        try:
            for n in range(1, REVISIONS + 1):
                due = begin + 1.5 + (n - 1) * PUBLISH_EVERY
                if self.stop_event.wait(max(0.0, due - time.monotonic())):
                    break
                page = EssayPage.objects.get(pk=self.page_id).get_latest_revision_as_object()
                page.standfirst = f"Revision {n}"
                page.save_revision(user=author, log_action=True)
                workflow_state = page.get_workflow().start(page, author)
                for user in (fact_checker, approver):
                    workflow_state.refresh_from_db()
                    task_state = workflow_state.current_task_state.specific
                    if isinstance(task_state.task.specific, SourceCheckTask):
                        mark_every_claim(task_state.revision, user)
                    started = time.monotonic()
                    task_state.task.specific.on_action(task_state, user, "approve")
                live = EssayPage.objects.get(pk=self.page_id).live_revision.as_object()
                if live.standfirst != f"Revision {n}":
                    raise RuntimeError(f"Revision {n} was approved but is not live")
                self.published.append((n, started, time.monotonic()))
        except Exception as exc:  # reported in the summary
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            connection.close()


def content_checks(results, published):
    """incomplete pages, essay pages not showing exactly one revision, stale pages (older
    than the last publish committed STALE_GRACE seconds before the request), pages older
    than a publish committed within the grace (allowed, counted), impossible ones."""
    committed = sorted(done for _, _, done in published)
    started = sorted(begun for _, begun, _ in published)
    incomplete = wrong = future = within_grace = 0
    stale = []
    for r in results:
        if r.status != 200 or r.kind == "other":
            continue
        if not r.complete:
            incomplete += 1
        if r.kind == "essay" and r.version is None:
            wrong += 1
        if r.version is None:
            continue
        must_show = sum(1 for t in committed if t + STALE_GRACE < r.start)
        committed_before = sum(1 for t in committed if t < r.start)
        could_show = sum(1 for t in started if t < r.end)
        if r.version < must_show:
            stale.append((r, must_show))
        elif r.version < committed_before:
            within_grace += 1
        if r.version > could_show:
            future += 1
    return incomplete, wrong, stale, future, within_grace


def reader_urls():
    """The other pages readers ask for: every kind of public page of the demo site (each
    essay, organisation, source and contributor, the indexes and their filters, searches
    with and without filters, API objects)."""
    from django.urls import reverse

    from articles.models import Contributor, EssayPage, OrganisationPage, SourcePage

    essays = list(EssayPage.objects.live().exclude(slug=ESSAY_SLUG).order_by("pk"))
    organisations = list(OrganisationPage.objects.live().order_by("pk"))
    sources = list(SourcePage.objects.live().order_by("pk")[:10])
    contributors = list(Contributor.objects.order_by("pk"))
    topics = sorted({tag.slug for essay in essays for tag in essay.topics.all()})[:3]
    types = sorted({source.source_type for source in sources})[:3]
    search = reverse("search")
    urls = ["/", "/organisations/", "/sources/", reverse("contributors")]
    urls += [page.url for page in (*essays, *organisations, *sources)]
    urls += [contributor.get_absolute_url() for contributor in contributors]
    urls += [f"{INDEX_URL}?organisation={org.slug}" for org in organisations[:4]]
    urls += [f"{INDEX_URL}?topic={slug}" for slug in topics]
    urls += [f"{INDEX_URL}?contributor={c.slug}" for c in contributors[:2]]
    urls += [f"/sources/?type={value}" for value in types]
    urls += [f"{search}?query=party", f"{search}?query=split", f"{search}?query=party&type=source"]
    urls += [f"{search}?query=party&organisation={org.slug}" for org in organisations[:2]]
    urls += [f"/api/v2/pages/{page.pk}/" for page in essays[:3]]
    return urls


def baseline_identities(base_url, paths, cookie_name):
    """Each URL's identity, read before the load (anonymous and with a session cookie);
    the URLs two of which cannot be told apart are dropped."""
    session = http()
    session.cookies.set_policy(NoCookies())
    expected = {}
    for path in paths:
        seen = set()
        for headers in ({}, {"Cookie": f"{cookie_name}=soak-not-a-session"}):
            response = session.get(base_url + path, headers=headers, timeout=CLIENT_TIMEOUT)
            if response.status_code != 200:
                raise RuntimeError(f"{path}: HTTP {response.status_code} before the load")
            seen.add(identity(response.text))
        expected[path] = seen
    owners = Counter(ident for seen in expected.values() for ident in seen)
    kept = {path: seen for path, seen in expected.items() if all(owners[i] == 1 for i in seen)}
    return kept, sorted(set(expected) - set(kept))


def identity_checks(results, expected):
    """Responses that are another URL's page (wrong), and those that are no known URL's
    (unrecognised: a page whose links changed, e.g. after a publish), with examples."""
    owner = {ident: path for path, seen in expected.items() for ident in seen}
    wrong, unrecognised = [], []
    for r in results:
        if r.status != 200 or r.path not in expected or r.identity in expected[r.path]:
            continue
        if r.identity in owner:
            wrong.append((r, owner[r.identity]))
        else:
            unrecognised.append(r)
    return wrong, unrecognised


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def two_editors(page_id, editor_a, editor_b):
    """Both editors open the page editor on the same revision and save; returns figures."""
    from django.db import connections
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse
    from wagtail.admin.models import EditingSession

    from articles.models import EssayPage

    connections.close_all()  # the restart of PostgreSQL broke any old connection
    setup_test_environment()  # the test client's host, mail kept in memory
    backend = "django.contrib.auth.backends.ModelBackend"
    clients = {}
    for name, user in (("A", editor_a), ("B", editor_b)):
        clients[name] = Client()
        clients[name].force_login(user, backend=backend)

    page = EssayPage.objects.get(pk=page_id)
    start_revision = page.latest_revision
    count_before = page.revisions.count()
    edit_url = reverse("wagtailadmin_pages:edit", args=(page_id,))
    loaded = {
        "loaded_revision_id": str(start_revision.pk),
        "loaded_revision_created_at": start_revision.created_at.isoformat(),
    }
    ping_urls = {}
    for name, user in (("A", editor_a), ("B", editor_b)):
        response = clients[name].get(edit_url)
        if response.status_code != 200:
            raise RuntimeError(f"editor {name} cannot open the page editor: {response.status_code}")
        session = EditingSession.objects.filter(user=user, object_id=str(page_id)).latest("id")
        ping_urls[name] = reverse(
            "wagtailadmin_editing_sessions:ping", args=("wagtailcore", "page", page_id, session.pk)
        )

    def ping(name):
        response = clients[name].post(
            ping_urls[name],
            {
                "is_editing": "1",
                "revision_id": str(start_revision.pk),
                "revision_created_at": start_revision.created_at.isoformat(),
            },
        )
        return response.json()

    def editor_form(user, standfirst):
        latest = EssayPage.objects.get(pk=page_id)
        draft = start_revision.as_object()  # what both editors loaded
        form_class = latest.get_edit_handler().get_form_class()
        form = form_class(instance=draft, for_user=user, parent_page=latest.get_parent())
        data = form_post_data(form)
        data["standfirst"] = standfirst
        data.update(loaded)
        return data

    figures = {"start_revision": start_revision.pk, "count_before": count_before}
    ping("A")
    figures["b_sees_before"] = ping("B")["other_sessions"]

    response = clients["A"].post(edit_url, editor_form(editor_a, "Editor A's version"))
    figures["a_status"] = response.status_code
    figures["a_revision"] = EssayPage.objects.get(pk=page_id).latest_revision_id

    warning = ping("B")
    figures["b_warning"] = warning["other_sessions"]
    figures["b_warning_text"] = text_of(warning["html"])

    request_log = logging.getLogger("django.request")
    level = request_log.level
    request_log.setLevel(logging.ERROR)  # the 400 below is the expected answer
    try:
        autosave = clients["B"].post(
            edit_url, editor_form(editor_b, "Editor B's autosave"), HTTP_ACCEPT="application/json"
        )
    finally:
        request_log.setLevel(level)
    try:
        figures["b_autosave"] = (autosave.status_code, autosave.json())
    except ValueError:
        figures["b_autosave"] = (autosave.status_code, autosave.content[:200])

    response = clients["B"].post(edit_url, editor_form(editor_b, "Editor B's version"))
    figures["b_status"] = response.status_code
    page = EssayPage.objects.get(pk=page_id)
    figures["b_revision"] = page.latest_revision_id
    figures["count_after"] = page.revisions.count()
    kept = {}
    for key in ("a_revision", "b_revision"):
        revision = page.revisions.filter(pk=figures[key]).first()
        kept[key] = revision.as_object().standfirst if revision else None
    figures["kept"] = kept
    for client in clients.values():
        client.logout()
    return figures


# --- the run --------------------------------------------------------------------------


class Abort(Exception):
    pass


def on_signal(signum, frame):
    raise Abort(f"stopped by signal {signum}")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--seconds",
        type=float,
        default=READ_SECONDS,
        help=f"the readers' phase, with a publish every {PUBLISH_EVERY} s",
    )
    parser.add_argument("--readers", type=int, default=READERS)
    parser.add_argument("--workers", type=int, default=WORKERS, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=THREADS, help="threads per worker (> 1)")
    parser.add_argument(
        "--grace",
        type=float,
        default=STALE_GRACE,
        help="seconds after a publish commits from which no reader may get the old text",
    )
    parser.add_argument(
        "--no-faults",
        action="store_true",
        help="skip restarting PostgreSQL and stopping Redis (phases 2 and 3)",
    )
    parser.add_argument("--database", default=DB_NAME, help="dropped and created again")
    parser.add_argument("--redis-db", default=REDIS_DB, help="a Redis database number")
    args = parser.parse_args()
    if args.threads < 2:
        parser.error("the soak is of threaded workers: --threads must be 2 or more")
    if "soak" not in args.database:
        parser.error("refusing to drop a database whose name does not contain 'soak'")
    return args


def main():
    global READ_SECONDS, READERS, WORKERS, THREADS, STALE_GRACE, REVISIONS, FAULTS
    global DB_NAME, REDIS_DB
    args = parse_args()
    READ_SECONDS, READERS, STALE_GRACE = args.seconds, args.readers, args.grace
    WORKERS, THREADS, FAULTS = args.workers, args.threads, not args.no_faults
    REVISIONS = max(2, int(READ_SECONDS / PUBLISH_EVERY))
    DB_NAME, REDIS_DB = args.database, args.redis_db
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGALRM, on_signal)
    signal.alarm(int(HARD_LIMIT + 2 * READ_SECONDS))
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))

    workdir = Path(tempfile.mkdtemp(prefix="collective-soak-"))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "collective.settings.production",
            "SECRET_KEY": "soak-" + os.urandom(40).hex(),  # throwaway, 85 characters
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DEBUG": "false",
            "TWO_FACTOR_REQUIRED": "false",
            "DATABASE_URL": f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{DB_NAME}",
            "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/{REDIS_DB}",
            "MEDIA_ROOT": str(workdir / "media"),  # not the project's media/
            "EMAIL_URL": "dummymail://",  # review notifications are mailed nowhere
            "FRONTEND_CACHE_PURGE_URL": "",  # no PURGE requests to a CDN: loopback only
        }
    )
    checks = []  # (what, figure, target, passed)
    counts = None
    gunicorn = None
    load = None
    try:
        if not ensure_postgres_running() or not ensure_redis_running():
            raise RuntimeError("PostgreSQL or Redis is not running and could not be started")

        say(f"{elapsed()} Setting up database {DB_NAME} (dropped and created again)")
        psql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        psql(f"CREATE DATABASE {DB_NAME}")
        redis_cli("-n", REDIS_DB, "flushdb")  # no cached pages from an earlier run

        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connections
        from django.test.client import ClientHandler
        from django.urls import get_resolver
        from wagtail.admin.utils import get_user_display_name

        from articles.models import EssayPage

        say(f"{elapsed()} manage.py migrate")
        call_command("migrate", interactive=False, verbosity=0)
        say(f"{elapsed()} manage.py collectstatic --noinput")
        call_command("collectstatic", interactive=False, verbosity=0)
        say(f"{elapsed()} manage.py load_demo")
        call_command("load_demo")
        people = (
            make_editor("soak-author", "Author"),
            make_editor("soak-fact-checker", "Fact-checker", group="Fact-checkers"),
            make_editor("soak-approver", "Approver"),
        )
        editor_a = make_editor("soak-editor-a", "Editor A")
        editor_b = make_editor("soak-editor-b", "Editor B")
        page_id = EssayPage.objects.get(slug=ESSAY_SLUG).pk
        others = reader_urls()
        connections.close_all()
        # Import the middleware and URLconf now, with the settings just read, as gunicorn
        # does at start: the project's files may change on disk during the run.
        ClientHandler().load_middleware()
        get_resolver().url_patterns  # noqa: B018 (imports every URL module and view)

        port = free_port()
        gunicorn = Gunicorn(port, workdir / "gunicorn.log")
        gunicorn.start()
        base_url = f"http://127.0.0.1:{port}"
        say(
            f"{elapsed()} gunicorn on {base_url} ({WORKERS} workers x {THREADS} threads), "
            f"log {gunicorn.log_path}"
        )

        client = http()

        def answers():
            if not gunicorn.alive():
                raise RuntimeError("gunicorn exited:\n" + gunicorn.log_text()[-3000:])
            try:
                response = client.get(base_url + ESSAY_URL, timeout=CLIENT_TIMEOUT)
                return response.status_code == 200
            except requests.RequestException:
                return False

        if not wait_for(answers, 120, 0.5):
            raise RuntimeError("gunicorn does not answer:\n" + gunicorn.log_text()[-3000:])
        for _ in range(8):  # both workers import and render once before timing
            client.get(base_url + INDEX_URL, timeout=CLIENT_TIMEOUT)
        workers_at_start = gunicorn.worker_pids()
        say(f"{elapsed()} gunicorn answers; workers {sorted(workers_at_start)}")
        expected, alike = baseline_identities(
            base_url, [ESSAY_URL, INDEX_URL, *others], settings.SESSION_COOKIE_NAME
        )
        say(
            f"{elapsed()} identities of {len(expected)} URLs read before the load"
            + (f"; not told apart, so not checked: {', '.join(alike)}" if alike else "")
        )

        load = Load(base_url, settings.SESSION_COOKIE_NAME, others)

        # 1. Readers and an editor --------------------------------------------------
        say()
        say(
            f"{elapsed()} 1. {READERS} readers for {READ_SECONDS} s, editors publishing "
            f"{REVISIONS} revisions"
        )
        load.phase = "readers"
        begin = time.monotonic()
        load.start()
        publisher_stop = threading.Event()
        publisher = Publisher(page_id, people, publisher_stop)
        publisher.start()
        load.stop_event.wait(READ_SECONDS)
        # Readers go on until the last revision is published (a slow machine), not forever.
        publisher.join(timeout=PUBLISHER_GRACE)
        publisher_stop.set()
        publisher.join(timeout=30)
        phase_seconds = time.monotonic() - begin
        load.phase = "between"
        phase1 = [r for r in load.results if r.phase == "readers"]
        figures1 = describe(phase1, phase_seconds)
        incomplete, wrong, stale_pages, future, within_grace = content_checks(
            phase1, publisher.published
        )
        stale = len(stale_pages)
        print_figures("readers", figures1)
        commits = [committed for _, _, committed in publisher.published]
        intervals = [later - earlier for earlier, later in itertools.pairwise(commits)]
        say(
            f"    phase lasted {phase_seconds:.0f} s; revisions published: "
            f"{len(publisher.published)}, one every "
            f"{sum(intervals) / len(intervals) if intervals else 0:.1f} s on average"
            + (f" (publisher failed: {publisher.error})" if publisher.error else "")
        )
        say(
            f"    incomplete pages: {incomplete}   essay pages not showing exactly one "
            f"revision: {wrong}   stale pages: {stale} (requested over {STALE_GRACE} s after "
            f"a publish committed)   older within the grace: {within_grace}   "
            f"impossible: {future}"
        )
        if stale_pages:
            after = sorted({must for _, must in stale_pages})
            say(f"    stale pages were served after the publishing of revisions {after}, e.g.:")
            for r, must in stale_pages[:: max(1, len(stale_pages) // 4)][:4]:
                committed = publisher.published[must - 1][2]
                say(
                    f"      {r.kind} ({r.cached}) requested {r.start - committed:.2f} s after "
                    f"Revision {must} was committed showed "
                    + (f"Revision {r.version}" if r.version else "the original")
                )
        checks += [
            ("1. requests / rps", f"{figures1['requests']} / {figures1['rps']:.1f}", "-", True),
            (
                "1. latency p50 / p99",
                f"{figures1['p50'] * 1000:.0f} / {figures1['p99'] * 1000:.0f} ms",
                "-",
                True,
            ),
            (
                "1. revisions published",
                len(publisher.published),
                REVISIONS,
                len(publisher.published) == REVISIONS,
            ),
            ("1. 5xx", figures1["5xx"], 0, figures1["5xx"] == 0),
            (
                "1. other failures (timeouts, refused)",
                figures1["errors"] - figures1["5xx"],
                0,
                figures1["errors"] == figures1["5xx"],
            ),
            ("1. incomplete pages", incomplete, 0, incomplete == 0),
            ("1. essay pages not one revision", wrong, 0, wrong == 0),
            ("1. stale pages (older than last publish)", stale, 0, stale == 0),
        ]

        if FAULTS:
            # 2. PostgreSQL restart -----------------------------------------------------
            say()
            say(f"{elapsed()} 2. PostgreSQL restart under load")
            load.phase = "postgres"
            load.stop_event.wait(3)
            workers_before = gunicorn.worker_pids()
            restart_at = time.monotonic()
            restart = {}

            def do_restart():
                restart["result"] = pg_ctl("restart")
                restart["done"] = time.monotonic()

            restarter = threading.Thread(target=do_restart, daemon=True)
            restarter.start()
            down_at = back_at = None
            deadline = restart_at + 120
            while time.monotonic() < deadline:
                ready = pg_ready()
                now = time.monotonic()
                if not ready and down_at is None:
                    down_at = now
                if ready and (down_at is not None or "done" in restart):
                    back_at = now
                    break
                time.sleep(0.1)
            restarter.join(timeout=60)
            if back_at is None or restart.get("result") is None or restart["result"].returncode:
                detail = restart.get("result")
                raise RuntimeError(f"PostgreSQL did not come back: {detail and detail.stderr}")
            say(
                f"    restart issued; down seen after "
                f"{(down_at - restart_at) if down_at else float('nan'):.1f} s; back (pg_isready) "
                f"{back_at - restart_at:.1f} s after the restart began"
            )
            load.stop_event.wait(PG_OBSERVE_AFTER)
            phase_end = time.monotonic()
            workers_after = gunicorn.worker_pids()
            load.phase = "between"
            phase2 = [r for r in load.results if r.phase == "postgres"]
            figures2 = describe(phase2, phase_end - (restart_at - 3))
            print_figures("during restart", figures2)
            failures = [r for r in phase2 if r.failed]
            last_error = max((r.end for r in failures), default=None)
            first_error = min((r.end for r in failures), default=None)
            if last_error is None:
                stopped_after = 0.0
                say("    no errors at all during the restart")
            else:
                stopped_after = max(0.0, last_error - back_at)
                say(
                    f"    errors: {len(failures)} (5xx {figures2['5xx']}), from "
                    f"{first_error - restart_at:.1f} s to {last_error - restart_at:.1f} s after "
                    "the restart began"
                )
                say(f"    errors stopped {stopped_after:.1f} s after PostgreSQL returned")
                after_back = sum(1 for r in failures if r.end > back_at)
                say(f"    failed requests completed after PostgreSQL returned: {after_back}")
            hang = figures2["max"] > CLIENT_TIMEOUT or figures2["timeouts"] > 0
            say(
                f"    longest request {figures2['max']:.2f} s (client timeout {CLIENT_TIMEOUT} s): "
                + ("a request hung" if hang else "no request hung")
            )
            same = workers_before == workers_after and len(workers_after) == WORKERS
            say(
                f"    gunicorn workers before {sorted(workers_before)}, after "
                f"{sorted(workers_after)}: {'unchanged' if same else 'CHANGED'}"
            )
            checks += [
                (
                    "2. errors during the restart",
                    f"{len(failures)} (5xx {figures2['5xx']})",
                    "-",
                    True,
                ),
                (
                    "2. errors stopped after PostgreSQL back",
                    f"{stopped_after:.1f} s",
                    f"<= {PG_ERRORS_TARGET} s",
                    stopped_after <= PG_ERRORS_TARGET,
                ),
                (
                    "2. longest request",
                    f"{figures2['max']:.2f} s",
                    f"< {CLIENT_TIMEOUT} s",
                    not hang,
                ),
                ("2. gunicorn workers unchanged", "yes" if same else "no", "yes", same),
            ]

            # 3. Redis stopped ---------------------------------------------------------
            say()
            say(f"{elapsed()} 3. Redis stopped for {REDIS_OUTAGE} s under load")
            load.phase = "redis"
            load.stop_event.wait(3)
            redis_cli("shutdown", "nosave")
            stopped_at = time.monotonic()
            down = wait_for(lambda: not redis_up(), 10, 0.2)
            say(f"    Redis {'stopped' if down else 'did NOT stop'}")
            load.stop_event.wait(REDIS_OUTAGE)
            run(REDIS_START, timeout=30, check=False)
            started_at = time.monotonic()
            if not wait_for(redis_up, 30, 0.2):
                raise RuntimeError("Redis did not start again")
            say(f"    Redis running again after {started_at - stopped_at:.1f} s")
            load.stop_event.wait(REDIS_OBSERVE_AFTER)
            phase3_end = time.monotonic()
            load.phase = "done"
            phase3 = [r for r in load.results if r.phase == "redis"]
            outage = [r for r in phase3 if r.end >= stopped_at and r.start <= started_at]
            figures3 = describe(phase3, phase3_end - (stopped_at - 3))
            outage_figures = describe(outage, started_at - stopped_at)
            print_figures("whole phase", figures3)
            print_figures("while Redis was down", outage_figures)
            say(f"    5xx while Redis was down: {outage_figures['5xx']}")
            checks += [
                ("3. 5xx while Redis down", outage_figures["5xx"], 0, outage_figures["5xx"] == 0),
                ("3. failures in the Redis phase", figures3["errors"], 0, figures3["errors"] == 0),
            ]
        load.phase = "done"
        load.stop()
        all_results = [r for r in load.results if r.phase != "warm-up"]
        total = describe(all_results, 1)
        # 5xx outside the PostgreSQL restart, where a cache-bypassing request gets a 503.
        server_errors = sum(
            1 for r in all_results if r.phase != "postgres" and r.status and r.status >= 500
        )
        wrong_pages, unrecognised = identity_checks(all_results, expected)
        say()
        say(
            f"{elapsed()} every response against the identity of the URL requested: "
            f"{len(wrong_pages)} another URL's page, {len(unrecognised)} no known URL's"
        )
        for r, owner in wrong_pages[:5]:
            say(f"    {r.path} ({r.cached}, {r.phase}) answered with {owner}'s page")
        for r in unrecognised[:5]:
            say(f"    {r.path} ({r.cached}, {r.phase}): {r.identity}")
        say(
            f"    all phases: {total['requests']} requests, 5xx {total['5xx']} "
            f"({server_errors} outside the PostgreSQL restart), timeouts {total['timeouts']}"
        )
        counts = {
            "requests": total["requests"],
            "wrong": len(wrong_pages),
            "stale": stale,
            "5xx": server_errors,
        }
        checks += [
            ("wrong pages (another URL's)", len(wrong_pages), 0, not wrong_pages),
            ("5xx (outside the PostgreSQL restart)", server_errors, 0, server_errors == 0),
        ]

        # 4. Two editors ------------------------------------------------------------
        say()
        say(f"{elapsed()} 4. Two editors save the same page from the same revision")
        editors = two_editors(page_id, editor_a, editor_b)
        say(
            f"    both loaded revision {editors['start_revision']} "
            f"({editors['count_before']} revisions)"
        )
        say(f"    B's ping before A saves: {summarise_sessions(editors['b_sees_before'])}")
        say(f"    A saves: HTTP {editors['a_status']}, revision {editors['a_revision']}")
        say(f"    B's ping after A saved: {summarise_sessions(editors['b_warning'])}")
        say(f'    B\'s editor shows: "{editors["b_warning_text"]}"')
        status, body = editors["b_autosave"]
        say(f"    B's autosave from revision {editors['start_revision']}: HTTP {status} {body}")
        say(f"    B saves: HTTP {editors['b_status']}, revision {editors['b_revision']}")
        say(
            f"    revisions {editors['count_before']} -> {editors['count_after']}; kept: "
            f"{editors['kept']}"
        )
        # The ping names the user as the admin shows them (Wagtail's display name).
        warned = any(
            s["revision_id"] == editors["a_revision"]
            and s["user"] == get_user_display_name(editor_a)
            for s in editors["b_warning"]
        )
        both = (
            editors["count_after"] == editors["count_before"] + 2
            and editors["kept"]["a_revision"] == "Editor A's version"
            and editors["kept"]["b_revision"] == "Editor B's version"
            and editors["a_revision"] != editors["b_revision"]
        )
        checks += [
            (
                "4. both revisions kept (count +2)",
                f"+{editors['count_after'] - editors['count_before']}",
                "+2",
                both,
            ),
            ("4. second editor warned of newer revision", "yes" if warned else "no", "yes", warned),
        ]

        # gunicorn's own log: worker timeouts, restarts, errors --------------------
        log = gunicorn.log_text()
        timeouts = log.count("WORKER TIMEOUT")
        boots = log.count("Booting worker")
        say()
        say(
            f"gunicorn log: {boots} worker boots ({WORKERS} at start), {timeouts} worker timeouts, "
            f"{log.count('Traceback')} tracebacks"
        )
        for line in summarise_log(log):
            say(f"    {line}")
        workers_end = gunicorn.worker_pids()
        checks.append(
            (
                "gunicorn worker boots / timeouts",
                f"{boots} / {timeouts}",
                f"{WORKERS} / 0",
                boots == WORKERS and timeouts == 0 and workers_end == workers_at_start,
            )
        )
    except Abort as exc:
        checks.append(("run completed", str(exc), "yes", False))
    except Exception as exc:
        import traceback

        traceback.print_exc()
        checks.append(("run completed", f"{type(exc).__name__}: {exc}"[:120], "yes", False))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # the clean-up is bounded: let it finish
        if load is not None:
            load.stop()
        if gunicorn is not None:
            gunicorn.stop()
        pg_ok = ensure_postgres_running()
        redis_ok = ensure_redis_running()
        say()
        say(
            f"{elapsed()} gunicorn stopped; PostgreSQL {'running' if pg_ok else 'DOWN'}, "
            f"Redis {'running' if redis_ok else 'DOWN'}"
        )
        if not (pg_ok and redis_ok):
            checks.append(("services restored", "no", "yes", False))

    say()
    say(f"{'check':<45} {'figure':>22} {'target':>10}  result")
    for what, figure, target, passed in checks:
        say(f"{what:<45} {figure!s:>22} {target!s:>10}  {'ok' if passed else 'FAIL'}")
    failed = [c for c in checks if not c[3]]
    if counts:
        say(", ".join(f"{name} {value}" for name, value in counts.items()))
    say(
        f"total time {time.monotonic() - START:.0f} s; "
        + ("all targets met" if not failed else f"{len(failed)} target(s) missed")
    )
    return 1 if failed else 0


def summarise_sessions(sessions):
    if not sessions:
        return "no other session"
    return "; ".join(
        f"{s['user']} (editing={s['is_editing']}, newer revision={s['revision_id']})"
        for s in sessions
    )


def summarise_log(log):
    """The distinct error lines of gunicorn's log (exception messages, worker events)."""
    interesting = Counter()
    for line in log.splitlines():
        text = re.sub(r"^\[[^\]]*\] \[\d+\] ", "", line).strip()
        if (
            re.match(r"^[\w.]+(Error|Exception|Timeout)\b", text)
            or "WORKER TIMEOUT" in text
            or text.startswith(("Internal Server Error", "[ERROR]", "[CRITICAL]"))
        ):
            interesting[re.sub(r"\d{3,}", "N", text)[:160]] += 1
    return [f"{count} x {text}" for text, count in interesting.most_common(8)]


if __name__ == "__main__":
    sys.exit(main())
