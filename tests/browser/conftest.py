"""Fixtures for the browser tests: Debian's headless Chromium (never a downloaded one)
driven by Playwright against pytest-django's live server, and the demo site.

Run them alone with ``pytest tests/browser`` or leave them out with ``-m "not browser"``.
On a failure, a screenshot and the HTML of every page the test opened are written to
``$BROWSER_ARTIFACTS`` (default /tmp/collective-browser). ``BROWSER_DEBUG=1`` prints
every request, response and console message (with ``-s``).
"""

import io
import os
import threading
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the test's own database
# queries (and the fixtures') would otherwise be refused as "async unsafe".
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(os.environ.get("BROWSER_ARTIFACTS", "/tmp/collective-browser"))
DEMO_PASSWORD = "browser-test-password-2026"
# Generous: the live server, Chromium and the test share two cores.
TIMEOUT_MS = 20_000
PLAYWRIGHT_DEFAULT_EXPECT_TIMEOUT_MS = 5_000


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        reason = f"Chromium is not installed: apt-get install chromium (no {CHROMIUM})"
        if os.environ.get("REQUIRE_BROWSER"):  # as CI sets it: a missing browser is an error
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def server_lock(live_server):
    """A lock the live server holds while it answers a request; hold it to query the
    database from the test.

    The live server answers each request in its own thread. With the test settings'
    in-memory SQLite database, all of them and the test share one connection, which
    fails at random when two use it at once ("bad parameter or other API misuse", a
    session that cannot be read, hence a sign-in page). So requests are answered one at
    a time, and never while the test reads the database. Harmless on PostgreSQL.
    """
    lock = threading.RLock()
    server = live_server.thread.httpd
    application = server.get_app()

    def one_at_a_time(environ, start_response):
        with lock:
            response = application(environ, start_response)
            try:
                return list(response)
            finally:
                if hasattr(response, "close"):
                    response.close()

    server.set_app(one_at_a_time)
    yield lock
    server.set_app(application)


@pytest.fixture
def new_context(chromium, live_server, server_lock, request):
    """A function opening a fresh browser context (its own cookies, so its own signed-in
    user) on the live server, with Playwright's context options (``java_script_enabled``).
    The pages opened in it are kept for the failure report."""
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)
    contexts = []
    request.node.browser_pages = []
    debug = bool(os.environ.get("BROWSER_DEBUG"))

    def open_context(**options):
        context = chromium.new_context(
            base_url=live_server.url, viewport={"width": 1400, "height": 1000}, **options
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS * 2)
        context.on("page", lambda page: request.node.browser_pages.append(page))
        if debug:
            context.on("request", lambda r: print("->", r.method, r.url))
            context.on("response", lambda r: print("<-", r.status, r.url))
            context.on("console", lambda m: print("console:", m.type, m.text))
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()
    expect.set_options(timeout=PLAYWRIGHT_DEFAULT_EXPECT_TIMEOUT_MS)


@pytest.fixture
def snapshot(request):
    """snapshot(page, name): a full-page screenshot in the artifacts folder, to look at."""

    def take(page, name):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"{request.node.name}-{name}.png", full_page=True)

    return take


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    pages = getattr(item, "browser_pages", [])
    if report.when == "call" and report.failed and pages:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        lines = []
        for number, page in enumerate(pages, start=1):
            stem = ARTIFACTS / f"{item.name}-failed-{number}"
            try:
                if page.is_closed():
                    continue
                page.screenshot(path=f"{stem}.png", full_page=True)
                Path(f"{stem}.html").write_text(page.content())
            except Exception as error:  # the browser may be gone; the report matters more
                lines.append(f"{stem}: no screenshot ({error})")
                continue
            lines.append(f"{page.url}\n    -> {stem}.png, {stem}.html")
        report.sections.append(("browser pages at the failure", "\n".join(lines)))
    return report


@pytest.fixture
def demo_site(chromium, transactional_db, django_db_serialized_rollback):
    """The demo site and its accounts (contributor, factchecker, editor, admin).

    Asks for ``chromium`` first so that without a browser the test is skipped before
    the (slow) demo content is loaded.

    The live server answers from another thread (on PostgreSQL, another connection):
    it sees only committed data, hence ``transactional_db``, which empties the tables
    afterwards; ``serialized_rollback`` first puts back what the migrations created
    (the groups and the "Editorial review" workflow).
    """
    from django.core.management import call_command
    from django.test import override_settings

    # Demo accounts are only created with DEBUG on.
    with override_settings(DEBUG=True, DEMO_PASSWORD=DEMO_PASSWORD):
        call_command("load_demo", stdout=io.StringIO())
    return {"password": DEMO_PASSWORD}
