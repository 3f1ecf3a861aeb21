"""Sources' links watched (articles/linkcheck.py), archive on demand (articles/archive.py)
and what readers and editors see of them, against a stub HTTP server on 127.0.0.1: no
request leaves the machine, and nothing of the network is mocked."""

import datetime
import io
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import linkcheck
from articles.archive import capture_if_needed
from articles.linkcheck import (
    State,
    address_allowed,
    check_address,
    fetch,
    link_state,
    simhash,
    update_health,
)
from articles.models import ArchiveRequest, LinkCheck, LinkState, SourceLinkHealth, SourcePage
from core.editorial import CONTRIBUTORS, EDITORS
from tests.factories import EssayPageFactory, SourcePageFactory, UserFactory

TEXT_A = " ".join(
    f"the central committee met on day {n} to discuss the conference motions" for n in range(40)
)
TEXT_B = " ".join(
    f"recipe {n}: whisk eggs with sugar, fold in flour and bake the sponge cake" for n in range(40)
)
SNAPSHOT_TIME = "20261203120000"


class Stub(BaseHTTPRequestHandler):
    """The stub's addresses: what a source's link may answer."""

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", content_type="text/plain; charset=utf-8", **headers):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        server = self.server
        server.seen.append((self.path, dict(self.headers)))
        path = urlsplit(self.path).path
        if path == "/ok":
            self.send(200, f"<html><body><p>{TEXT_A}</p></body></html>".encode(), "text/html")
        elif path == "/redirect":
            self.send(301, Location="/ok")
        elif path == "/found":
            self.send(302, Location="/ok")
        elif path == "/loop":
            self.send(302, Location="/loop")
        elif path == "/missing":
            self.send(404, b"not found")
        elif path == "/gone":
            self.send(410, b"gone")
        elif path == "/error":
            self.send(500, b"oops")
        elif path == "/forbidden":
            self.send(403, b"no")
        elif path == "/slow":
            time.sleep(1.0)
            self.send(200, b"late")
        elif path == "/huge":
            self.send(200, b"word " * 20_000)
        elif path == "/changing":
            count = server.counts[self.path] = server.counts.get(self.path, 0) + 1
            self.send(200, (TEXT_A if count == 1 else TEXT_B).encode())
        elif path == "/to-private":
            self.send(302, Location=f"http://127.0.0.2:{server.server_port}/ok")
        elif path == "/to-file":
            self.send(302, Location="file:///etc/passwd")
        elif path.startswith("/save/status/"):
            job = path.rsplit("/", 1)[1]
            if job == "job-ok":
                original = server.jobs[job]
                answer = {"status": "success", "timestamp": SNAPSHOT_TIME, "original_url": original}
            elif job == "job-slow":
                answer = {"status": "pending"}
            else:
                answer = {"status": "error", "message": "The page could not be captured."}
            self.send(200, json.dumps(answer).encode(), "application/json")
        else:
            self.send(404)

    def do_POST(self):
        server = self.server
        length = int(self.headers.get("Content-Length") or 0)
        form = parse_qs(self.rfile.read(length).decode())
        server.seen.append((self.path, dict(self.headers)))
        url = form["url"][0]
        job = "job-ok"
        if "capture-bad" in url:
            job = "job-bad"
        elif "capture-slow" in url:
            job = "job-slow"
        server.jobs[job] = url
        self.send(200, json.dumps({"job_id": job}).encode(), "application/json")


@pytest.fixture(scope="module")
def stub():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    server.daemon_threads = True
    server.seen, server.counts, server.jobs = [], {}, {}
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.base = f"http://127.0.0.1:{server.server_port}"
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def checker(db, settings, stub):
    """The checker allowed to reach the stub on loopback, with small limits."""
    settings.LINK_CHECK_ALLOW_PRIVATE_ADDRESSES = True
    settings.LINK_CHECK_TIMEOUT = 0.3
    settings.LINK_CHECK_MAX_BYTES = 1_000
    settings.LINK_CHECK_HOST_DELAY = 0
    settings.ARCHIVE_SAVE_URL = ""
    settings.ARCHIVE_POLL_WAIT = 0
    settings.ARCHIVE_POLL_ATTEMPTS = 2
    stub.seen.clear()
    return stub


def source_at(stub, original="/ok", archived="/redirect", **extra):
    source = SourcePageFactory(
        original_url=f"{stub.base}{original}" if original else "",
        archived_url=f"{stub.base}{archived}?archived" if archived else "https://example.org/a",
        **extra,
    )
    return source if archived else without_archived_copy(source)


def without_archived_copy(source):
    """A source published before the archived copy was required (the factory's pages
    are validated)."""
    SourcePage.objects.filter(pk=source.pk).update(archived_url="")
    source.refresh_from_db()
    return source


def check_links(**options):
    out = io.StringIO()
    call_command("check_links", stdout=out, **options)
    return out.getvalue()


def paths_seen(stub):
    return [path for path, _headers in stub.seen]


# Which addresses the checker may reach


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.0.0.2",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "::ffff:10.0.0.1",
        "not an address",
    ],
)
def test_private_loopback_link_local_and_reserved_addresses_are_refused(settings, address):
    settings.LINK_CHECK_ALLOW_PRIVATE_ADDRESSES = False
    assert not address_allowed(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700::1111", "::ffff:93.184.215.14"])
def test_public_addresses_are_allowed(settings, address):
    settings.LINK_CHECK_ALLOW_PRIVATE_ADDRESSES = False
    assert address_allowed(address)


def test_the_stub_on_loopback_is_refused_without_the_setting(checker, settings):
    settings.LINK_CHECK_ALLOW_PRIVATE_ADDRESSES = False
    fetched = fetch(f"{checker.base}/ok")
    assert fetched.error.startswith("Refused")
    assert fetched.status_code is None
    assert paths_seen(checker) == []


def test_a_name_resolving_to_loopback_is_refused_without_the_setting(checker, settings):
    settings.LINK_CHECK_ALLOW_PRIVATE_ADDRESSES = False
    fetched = fetch(f"http://localhost:{checker.server_port}/ok")
    assert fetched.error.startswith("Refused")
    assert paths_seen(checker) == []


def test_the_cloud_metadata_address_is_refused_without_connecting(settings):
    settings.LINK_CHECK_ALLOW_PRIVATE_ADDRESSES = False
    settings.LINK_CHECK_TIMEOUT = 0.2
    fetched = fetch("http://169.254.169.254/latest/meta-data/")
    assert fetched.error.startswith("Refused")
    assert LinkCheck.Verdict.UNREACHABLE == linkcheck.verdict(fetched)


def test_each_redirect_is_checked_again_before_it_is_followed(checker, monkeypatch):
    # The first hop's address allowed, the redirect's (127.0.0.2) not: it is never asked.
    monkeypatch.setattr(linkcheck, "address_allowed", lambda address: address == "127.0.0.1")
    fetched = fetch(f"{checker.base}/to-private")
    assert fetched.error.startswith("Refused")
    assert paths_seen(checker) == ["/to-private"]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/"])
def test_only_http_and_https_addresses_are_fetched(checker, url):
    assert fetch(url).error.startswith("Refused: not an http or https address")


def test_a_redirect_to_another_scheme_is_refused(checker):
    fetched = fetch(f"{checker.base}/to-file")
    assert fetched.error.startswith("Refused: not an http or https address")


def test_requests_name_the_checker_and_the_host(checker, settings):
    settings.LINK_CHECK_USER_AGENT = "CollectiveLinkChecker/1.0 (+http://testserver/)"
    fetch(f"http://127.0.0.1:{checker.server_port}/ok")
    _path, headers = checker.seen[-1]
    assert headers["User-Agent"] == "CollectiveLinkChecker/1.0 (+http://testserver/)"
    assert headers["Host"] == f"127.0.0.1:{checker.server_port}"


def test_https_is_checked_against_the_host_s_certificate(checker):
    # The stub speaks plain HTTP: the TLS handshake with the pinned address fails.
    fetched = fetch(f"https://127.0.0.1:{checker.server_port}/ok")
    assert fetched.status_code is None
    assert fetched.error.startswith(("TLS error", "Connection failed"))


# Verdicts


@pytest.mark.parametrize(
    ("path", "verdict", "status"),
    [
        ("/ok", LinkCheck.Verdict.OK, 200),
        ("/redirect", LinkCheck.Verdict.MOVED, 200),
        ("/found", LinkCheck.Verdict.MOVED, 200),
        ("/missing", LinkCheck.Verdict.GONE, 404),
        ("/gone", LinkCheck.Verdict.GONE, 410),
        ("/error", LinkCheck.Verdict.UNREACHABLE, 500),
        ("/forbidden", LinkCheck.Verdict.UNREACHABLE, 403),
        ("/slow", LinkCheck.Verdict.UNREACHABLE, None),
        ("/loop", LinkCheck.Verdict.UNREACHABLE, None),
    ],
)
def test_each_check_is_kept_with_its_verdict(checker, path, verdict, status):
    source = source_at(checker, original=path)
    check_address(source, "original")
    check = LinkCheck.objects.get(source=source, kind="original")
    assert (check.verdict, check.status_code) == (verdict, status)
    assert check.url == f"{checker.base}{path}"
    if status == 200:
        assert check.final_url == f"{checker.base}/ok"
        assert check.content_type == "text/html"
        assert len(check.body_sha256) == 64
        assert len(check.body_simhash) == 16
        assert check.size > 0
    if path == "/slow":
        assert check.error == "No answer in time"
    if path == "/loop":
        assert check.error == "More than 5 redirects"


@pytest.mark.parametrize(
    "url",
    ["http://", "http://exa mple.org/", "http://[::1/", "http://x:99999/", "http://\u2603..x/"],
)
def test_a_malformed_address_is_unreachable_not_an_error(checker, url):
    fetched = fetch(url)
    assert fetched.error
    assert linkcheck.verdict(fetched) == LinkCheck.Verdict.UNREACHABLE


def test_a_closed_port_is_unreachable(checker):
    assert fetch("http://127.0.0.1:1/ok").error == "Connection refused or failed"


def test_a_host_that_does_not_resolve_is_unreachable(checker):
    source = SourcePageFactory(original_url="http://no-such-host.invalid/x")
    check_address(source, "original")
    check = LinkCheck.objects.get(source=source)
    assert check.verdict == LinkCheck.Verdict.UNREACHABLE
    assert check.error.startswith("Host not found")


def test_a_huge_body_is_read_up_to_the_cap_and_still_judged(checker):
    source = source_at(checker, original="/huge")
    check_address(source, "original")
    check = LinkCheck.objects.get(source=source)
    assert check.size == 1_000  # at least: the rest was not read
    assert check.verdict == LinkCheck.Verdict.OK


def test_a_page_whose_words_changed_a_lot_is_changed(checker):
    source = source_at(checker, original="/changing?n=1")
    check_address(source, "original")
    check_address(source, "original")
    first, second = LinkCheck.objects.filter(source=source).order_by("checked_at")
    assert first.verdict == LinkCheck.Verdict.OK
    assert second.verdict == LinkCheck.Verdict.CHANGED
    assert first.body_sha256 != second.body_sha256
    assert SourceLinkHealth.objects.get(source=source).original_state == LinkState.ONLINE


def test_the_same_page_again_is_ok(checker):
    source = source_at(checker, original="/ok")
    check_address(source, "original")
    check_address(source, "original")
    assert set(LinkCheck.objects.filter(source=source).values_list("verdict", flat=True)) == {"ok"}


def test_simhash_keeps_similar_texts_close_and_different_ones_apart():
    a, b = simhash(TEXT_A), simhash(TEXT_B)
    edited = simhash(TEXT_A.replace("day 3 ", "day 33 "))
    assert (a ^ edited).bit_count() <= linkcheck.CHANGED_BITS
    assert (a ^ b).bit_count() > linkcheck.CHANGED_BITS
    assert simhash("") == 0


# States


NOW = timezone.make_aware(datetime.datetime(2026, 12, 3, 12, 0))


def days_ago(days):
    return NOW - datetime.timedelta(days=days)


def test_three_failures_two_days_apart_or_more_are_offline_since_the_first():
    checks = [("gone", days_ago(0)), ("gone", days_ago(1)), ("unreachable", days_ago(2))]
    state = link_state([*checks, ("ok", days_ago(3))])
    assert state == State("offline", "gone", days_ago(0), days_ago(3), days_ago(2))


def test_two_failures_are_only_failing():
    state = link_state([("gone", days_ago(0)), ("gone", days_ago(3)), ("ok", days_ago(4))])
    assert (state.state, state.online_at, state.offline_since) == ("failing", days_ago(4), None)


def test_three_failures_within_a_day_are_only_failing():
    checks = [("gone", days_ago(0)), ("gone", NOW - datetime.timedelta(hours=8))]
    state = link_state([*checks, ("gone", NOW - datetime.timedelta(hours=20))])
    assert state.state == "failing"


def test_a_success_after_failures_is_online():
    state = link_state([("moved", days_ago(0)), ("gone", days_ago(1)), ("gone", days_ago(2))])
    assert (state.state, state.online_at, state.offline_since) == ("online", days_ago(0), None)


def test_no_checks_are_unchecked():
    assert link_state([]).state == "unchecked"


def record(source, verdict, at, kind="original"):
    LinkCheck.objects.create(
        source=source, kind=kind, url=getattr(source, f"{kind}_url"), checked_at=at, verdict=verdict
    )


def test_the_health_follows_the_checks_kept(db):
    source = SourcePageFactory()
    record(source, "ok", days_ago(5))
    record(source, "gone", days_ago(2))
    update_health(source, "original", source.original_url)
    health = SourceLinkHealth.objects.get(source=source)
    assert (health.original_state, health.original_online_at) == ("failing", days_ago(5))
    record(source, "gone", days_ago(1))
    record(source, "unreachable", days_ago(0))
    update_health(source, "original", source.original_url)
    health.refresh_from_db()
    assert (health.original_state, health.original_offline_since) == ("offline", days_ago(2))
    assert health.original_verdict == "unreachable"
    assert health.archived_state == "unchecked"
    record(source, "ok", NOW + datetime.timedelta(hours=1))
    update_health(source, "original", source.original_url)
    health.refresh_from_db()
    assert (health.original_state, health.original_offline_since) == ("online", None)


def test_checks_of_an_earlier_address_do_not_count(db):
    source = SourcePageFactory()
    for days in (4, 3, 2):
        LinkCheck.objects.create(
            source=source,
            kind="original",
            url="https://example.org/old",
            checked_at=days_ago(days),
            verdict="gone",
        )
    record(source, "ok", days_ago(0))
    update_health(source, "original", source.original_url)
    assert SourceLinkHealth.objects.get(source=source).original_state == "online"


# The command and its tasks


def test_check_links_checks_every_live_source_s_addresses(checker):
    online = source_at(checker, original="/ok", archived="/redirect")
    missing = source_at(checker, original="/missing", archived="/ok")
    only_archived = source_at(checker, original="", archived="/ok")
    draft = source_at(checker, original="/ok", archived="/ok", live=False)
    assert check_links() == ("Queued the checks of 5 addresses, one task per host (1 host).\n")
    assert LinkCheck.objects.count() == 5
    assert not LinkCheck.objects.filter(source=draft).exists()
    health = {h.source_id: h for h in SourceLinkHealth.objects.all()}
    assert (health[online.pk].original_state, health[online.pk].archived_state) == (
        "online",
        "online",
    )
    assert health[online.pk].archived_verdict == "moved"
    assert (health[missing.pk].original_state, health[missing.pk].original_verdict) == (
        "failing",
        "gone",
    )
    assert health[only_archived.pk].original_state == "unchecked"


def test_check_links_can_check_one_source(checker):
    one, other = source_at(checker), source_at(checker)
    check_links(source=[one.pk])
    assert set(LinkCheck.objects.values_list("source", flat=True)) == {one.pk}
    check_links(limit=0)
    assert not LinkCheck.objects.filter(source=other).exists()


def test_addresses_are_grouped_by_host_one_task_each(db):
    a = SourcePageFactory(original_url="https://a.example/1", archived_url="https://arch.example/a")
    b = SourcePageFactory(original_url="https://A.example/2", archived_url="https://arch.example/b")
    hosts = linkcheck.addresses_by_host([a, b])
    assert hosts == {
        "a.example": [[a.pk, "original"], [b.pk, "original"]],
        "arch.example": [[a.pk, "archived"], [b.pk, "archived"]],
    }


# What readers see


def test_a_reader_sees_a_source_offline_after_three_failures_days_apart(client, checker):
    source = source_at(checker, original="/missing", archived="/ok")
    essay = EssayPageFactory(cites=[source])
    now = timezone.now()
    record(source, "gone", now - datetime.timedelta(days=3))
    record(source, "gone", now - datetime.timedelta(days=2))
    check_links(source=[source.pk])
    since = timezone.localdate(now - datetime.timedelta(days=3))
    day = f"{since.day} {since:%B %Y}"
    page = client.get(source.url).content.decode()
    assert f'Original: offline since <time datetime="{since:%Y-%m-%d}">{day}</time>' in page
    assert ": use the archived copy." in page
    assert "Archived copy: online, checked" in page
    essay_page = client.get(essay.url).content.decode()
    assert f'offline since <time datetime="{since:%Y-%m-%d}">{day}</time>' in essay_page


def test_a_failing_original_says_when_it_was_last_online(client, db):
    source = SourcePageFactory()
    record(source, "ok", days_ago(1))
    record(source, "unreachable", days_ago(0))
    update_health(source, "original", source.original_url)
    page = client.get(source.url).content.decode()
    assert "Original: not answering lately, last online" in page
    assert "2 December 2026" in page


def test_a_new_address_published_shows_no_state_until_it_is_checked(client, db):
    source = SourcePageFactory()
    record(source, "ok", days_ago(1))
    for days in (4, 3, 2):
        record(source, "gone", days_ago(days), kind="archived")
    update_health(source, "original", source.original_url)
    update_health(source, "archived", source.archived_url)
    assert "Archived copy: offline since" in client.get(source.url).content.decode()
    source.archived_url = f"https://web.archive.org/web/{SNAPSHOT_TIME}/{source.original_url}"
    source.save_revision().publish()
    health = SourceLinkHealth.objects.get(source=source)
    assert (health.archived_state, health.archived_offline_since) == ("unchecked", None)
    assert health.original_state == "online"
    page = client.get(source.url).content.decode()
    assert "Original: online" in page
    assert "Archived copy: offline" not in page


def test_a_new_source_s_preview_has_no_link_state_and_no_error(db):
    from django.core.exceptions import ObjectDoesNotExist
    from django.template.loader import render_to_string

    source = SourcePage(title="Unsaved", original_url="https://example.org/x")
    with pytest.raises(ObjectDoesNotExist):  # which templates show as nothing
        source.link_health  # noqa: B018
    html = render_to_string("components/link_state.html", {"health": "", "source": source}).strip()
    assert "<span" not in html


def test_an_unchecked_source_says_nothing_of_its_links(client, db):
    source = SourcePageFactory()
    essay = EssayPageFactory(cites=[source])
    assert "Links checked" not in client.get(source.url).content.decode()
    assert "checked" not in client.get(essay.url).content.decode().split("Sources")[-1]


def test_the_essay_s_sources_are_read_with_their_link_health_in_one_query(db, checker):
    sources = [source_at(checker) for _ in range(3)]
    for source in sources:
        check_address(source, "original")
    essay = EssayPageFactory(cites=sources)
    essay = type(essay).objects.get(pk=essay.pk)
    with CaptureQueriesContext(connection) as queries:
        listed = [citation.source for citation in essay.citation_list]
        states = [source.link_health.original_state for source in listed]
    assert states == ["online"] * 3
    # Which pages are private (once per request), and the sources with their health.
    assert len(queries) == 2
    assert "articles_sourcelinkhealth" in queries.captured_queries[1]["sql"]


def test_a_check_that_changes_what_readers_see_purges_the_page_cache(checker, settings):
    from core.cache import read_generation

    source = source_at(checker)
    before = read_generation()
    linkcheck.check_host.enqueue("127.0.0.1", [[source.pk, "original"]])
    moved_on = read_generation()
    assert moved_on != before
    linkcheck.check_host.enqueue("127.0.0.1", [[source.pk, "original"]])
    assert read_generation() == moved_on  # the same state, the same day: nothing to purge


# Archive on demand


@pytest.fixture
def archive(checker, settings):
    settings.ARCHIVE_SAVE_URL = f"{checker.base}/save"
    settings.ARCHIVE_SNAPSHOT_URL = "https://web.archive.org/web/"
    settings.ARCHIVE_ACCESS_KEY = "key"
    settings.ARCHIVE_SECRET_KEY = "secret"
    return checker


def test_a_source_without_an_archived_copy_gets_a_capture_proposed(archive):
    source = source_at(archive, original="/ok?capture-ok", archived="")
    check_links(source=[source.pk])
    asked = ArchiveRequest.objects.get(source=source)
    assert asked.status == ArchiveRequest.Status.PROPOSED
    assert asked.url == source.original_url
    assert asked.snapshot_url == (
        f"https://web.archive.org/web/{SNAPSHOT_TIME}/{source.original_url}"
    )
    save = next(headers for path, headers in archive.seen if path == "/save")
    assert save["Authorization"] == "LOW key:secret"
    assert save["Accept"] == "application/json"
    # Not asked again while the proposal waits for an editor.
    check_links(source=[source.pk])
    assert ArchiveRequest.objects.filter(source=source).count() == 1


def test_a_source_whose_archived_copy_is_offline_gets_a_capture(archive):
    source = source_at(archive, original="/ok?capture-ok", archived="/missing")
    now = timezone.now()
    for days in (3, 2):
        record(source, "gone", now - datetime.timedelta(days=days), kind="archived")
    check_links(source=[source.pk])
    assert SourceLinkHealth.objects.get(source=source).archived_state == "offline"
    assert ArchiveRequest.objects.get(source=source).status == "proposed"


def test_a_failed_capture_is_kept_with_the_service_s_message(archive):
    source = source_at(archive, original="/ok?capture-bad", archived="")
    check_links(source=[source.pk])
    asked = ArchiveRequest.objects.get(source=source)
    assert (asked.status, asked.error) == ("failed", "The page could not be captured.")
    assert asked.snapshot_url == ""


def test_a_capture_still_pending_after_the_polls_fails_and_is_asked_again_later(archive):
    source = source_at(archive, original="/ok?capture-slow", archived="")
    check_address(source, "original")
    asked = capture_if_needed(source)
    assert (asked.status, asked.error) == ("failed", "Not captured after 2 checks")
    assert capture_if_needed(source) is None  # not again within a day
    ArchiveRequest.objects.update(requested_at=timezone.now() - datetime.timedelta(days=2))
    assert capture_if_needed(source) is not None


def test_no_capture_while_the_archived_copy_works_or_the_service_is_off(archive, settings):
    source = source_at(archive, original="/ok?capture-ok", archived="/ok")
    check_links(source=[source.pk])
    assert not ArchiveRequest.objects.exists()
    settings.ARCHIVE_SAVE_URL = ""
    bare = source_at(archive, original="/ok?capture-ok", archived="")
    check_links(source=[bare.pk])
    assert not ArchiveRequest.objects.exists()


# Editors accept a capture


@pytest.fixture
def proposed(db):
    source = without_archived_copy(SourcePageFactory())
    return ArchiveRequest.objects.create(
        source=source,
        url=source.original_url,
        requested_at=timezone.now(),
        status=ArchiveRequest.Status.PROPOSED,
        snapshot_url=f"https://web.archive.org/web/{SNAPSHOT_TIME}/{source.original_url}",
    )


def member(group):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group))
    return user


def test_an_editor_accepting_a_capture_saves_a_draft_for_review(client, proposed):
    editor = member(EDITORS)
    client.force_login(editor)
    listing = client.get(reverse("articles_archive_captures"))
    assert proposed.snapshot_url in listing.content.decode()
    response = client.post(
        reverse("articles_archive_capture_decide", args=[proposed.pk]), {"decision": "accept"}
    )
    source = SourcePage.objects.get(pk=proposed.source_id)
    assert response.url == reverse("wagtailadmin_pages:edit", args=[source.pk])
    assert source.archived_url == ""  # nothing published
    assert source.has_unpublished_changes
    assert source.get_latest_revision_as_object().archived_url == proposed.snapshot_url
    assert source.get_latest_revision().user == editor
    proposed.refresh_from_db()
    assert (proposed.status, proposed.decided_by) == ("accepted", editor)
    shown = [str(m) for m in response.wsgi_request._messages]
    assert any("draft" in m and "review" in m for m in shown)


def test_an_editor_can_dismiss_a_capture(client, proposed):
    client.force_login(member(EDITORS))
    client.post(
        reverse("articles_archive_capture_decide", args=[proposed.pk]), {"decision": "dismiss"}
    )
    proposed.refresh_from_db()
    assert proposed.status == "dismissed"
    assert not SourcePage.objects.get(pk=proposed.source_id).has_unpublished_changes


def test_only_editors_see_or_decide_captures(client, proposed):
    client.force_login(member(CONTRIBUTORS))
    # The admin turns a refusal into a message on its home page.
    home = reverse("wagtailadmin_home")
    assert client.get(reverse("articles_archive_captures")).url == home
    url = reverse("articles_archive_capture_decide", args=[proposed.pk])
    assert client.post(url, {"decision": "accept"}).url == home
    assert "Archive captures" not in client.get(reverse("wagtailadmin_home")).content.decode()
    proposed.refresh_from_db()
    assert proposed.status == "proposed"


def test_deciding_needs_a_post(client, proposed):
    client.force_login(member(EDITORS))
    url = reverse("articles_archive_capture_decide", args=[proposed.pk])
    assert client.get(url).status_code == 405
    assert client.post(url, {"decision": "publish"}).status_code == 302
    proposed.refresh_from_db()
    assert proposed.status == "proposed"


def test_editors_find_archive_captures_in_the_menu(client, db):
    client.force_login(member(EDITORS))
    assert "Archive captures" in client.get(reverse("wagtailadmin_home")).content.decode()
