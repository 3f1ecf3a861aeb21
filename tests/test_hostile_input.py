"""Bad input from anyone: every public endpoint answers 2xx, 3xx, 400 or 404, never 500.

Each endpoint gets the same 48 hostile values in each of its parameters, plus odd
paths and a bad Host header. (How long each answer takes is measured by `make soak`,
not here: timings live in benchmarks.)"""

from urllib.parse import quote

import pytest

from tests.factories import (
    ContributorFactory,
    EssayPageFactory,
    OrganisationPageFactory,
    SourcePageFactory,
)

pytestmark = pytest.mark.django_db

HOSTILE_VALUES = [
    "",
    " ",
    "x" * 100_000,
    "\x00",
    "a\x00b",
    "\u202eevil",
    "e\u0301\u0301\u0301\u0301",
    "革命 ✊ 🟥",
    "' OR '1'='1",
    "'; DROP TABLE wagtailcore_page; --",
    '" OR ""="',
    "1; SELECT pg_sleep(10)",
    "a & b",
    "a | b",
    "!a",
    "a:*",
    "(",
    ")",
    "((a)",
    "a <-> b",
    '"',
    "'",
    "\\",
    "%",
    "_",
    "*",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "${7*7}",
    "0",
    "-1",
    "1e9",
    "2.5",
    "abc",
    "99999999999999999999999",
    "NaN",
    "../../etc/passwd",
    "imt/../../",
    "%2e%2e%2f",
    "%252e%252e",
    "null",
    "undefined",
    "[]",
    "{}",
    "true",
    "IMT" * 50,
    "\r\nSet-Cookie: x=1",
    "\t\n\x0b",
]

RAW_QUERY_STRINGS = [
    "page=1&page=2&page=abc",
    "organisation=imt&organisation=swp",
    "query=%ff%fe%fd",  # not UTF-8
    "query=%",
    "%zz=1",
    "=",
    "&&&",
    "page=%00",
]

ENDPOINTS = {
    "/search/": ["query", "page", "type", "organisation", "topic", "contributor", "year"],
    "/essays/": ["page", "organisation", "topic", "contributor", "year"],
    "/sources/": ["page", "type", "organisation"],
    "/organisations/": ["page"],
    "/contributors/": ["page"],
    "/contributors/rosa-lind/": ["page"],
    "/feeds/essays/rss/": ["page"],
    "/feeds/essays/atom/": ["page"],
    "/feeds/organisations/imt/rss/": ["page"],
    "/sitemap.xml": ["p", "page"],
    "/sitemap-pages.xml": ["p"],
    "/sitemap-contributors.xml": ["p"],
    "/robots.txt": ["x"],
    "/api/v2/pages/": ["type", "fields", "limit", "offset", "order", "search", "slug"],
    "/api/v2/documents/": ["limit", "offset", "search"],
    "/essays/the-essay/": ["page", "x"],
    "/organisations/imt/": ["x"],
}

ODD_PATHS = [
    "//",
    "///essays//",
    "/essays/%00/",
    "/%00",
    "/essays/../admin/",
    "/essays/%2e%2e/",
    "/essays/%252e%252e/",
    "/" + "a" * 8000 + "/",
    "/essays/" + "%ff" * 10 + "/",
    "/essays/the-essay/..%2f..%2f",
    "/organisations/IMT/",
    "/organisations/imt/feed/",
    "/sources/nope/",
    "/contributors/" + "x" * 500 + "/",
    "/feeds/organisations/%00/rss/",
    "/sitemap-nope.xml",
    "/sitemap-%00.xml",
    "/api/v2/pages/99999999999999999999/",
    "/api/v2/pages/abc/",
    "/documents/999999/missing.pdf",
    "/media/original_images/nope.jpg",
    "/static/../collective/settings/base.py",
]

ACCEPTABLE = {200, 301, 302, 304, 400, 404}


@pytest.fixture
def site(home_page):
    imt = OrganisationPageFactory(short_name="IMT")
    writer = ContributorFactory(name="Rosa Lind")
    source = SourcePageFactory(organisations=[imt])
    EssayPageFactory(
        title="The essay",
        slug="the-essay",
        organisations=[imt],
        contributors=[writer],
        cites=[source],
    )


def check(response, what):
    assert response.status_code in ACCEPTABLE, f"{what}: {response.status_code}"
    body = response.content.decode(errors="replace")
    assert "Traceback" not in body, what


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_hostile_values_in_every_parameter(client, site, endpoint):
    sent = 0
    for param in ENDPOINTS[endpoint]:
        for value in HOSTILE_VALUES:
            check(
                client.get(f"{endpoint}?{param}={quote(value)}"),
                f"{endpoint} {param}={value[:30]!r}",
            )
            sent += 1
    for raw in RAW_QUERY_STRINGS:
        check(client.get(f"{endpoint}?{raw}"), f"{endpoint}?{raw}")
        sent += 1
    assert sent >= 40


@pytest.mark.parametrize("path", ODD_PATHS)
def test_odd_paths(client, site, path):
    check(client.get(path), path)


def test_a_bad_host_header_is_refused_with_400(client, site):
    response = client.get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    response = client.get("/essays/", HTTP_HOST="testserver:99999:x")
    assert response.status_code == 400
