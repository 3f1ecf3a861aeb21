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
    "/submit/": ["action", "codename", "page"],
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


def api_cases():
    """Every API endpoint with every parameter it accepts: the listing's operations, the
    find view's, and each field a page type or documents can be filtered on."""
    from articles.models import EssayPage, OrganisationPage, SourcePage
    from collective.documents.models import Document
    from core.api import PublicDocumentsAPIViewSet, PublicPagesAPIViewSet

    pages, documents = PublicPagesAPIViewSet, PublicDocumentsAPIViewSet
    cases = []
    for param in sorted(pages.known_query_parameters - {"format", "_"}):
        cases.append(("/api/v2/pages/?", param))
    for param in sorted(pages.find_query_parameters):
        cases.append(("/api/v2/pages/find/?", param))
    from wagtail.models import Page

    for model in (Page, EssayPage, OrganisationPage, SourcePage):
        prefix = "/api/v2/pages/?" if model is Page else f"/api/v2/pages/?type={model._meta.label}&"
        for param in pages.get_available_fields(model, db_fields_only=True):
            cases.append((prefix, param))
    for param in sorted(documents.known_query_parameters - {"format", "_"}):
        cases.append(("/api/v2/documents/?", param))
    for param in sorted(documents.find_query_parameters):
        cases.append(("/api/v2/documents/find/?", param))
    for param in documents.get_available_fields(Document, db_fields_only=True):
        cases.append(("/api/v2/documents/?", param))
    return sorted(set(cases))


API_VALUES = [
    *HOSTILE_VALUES,
    "xor",
    "2026-13-45",
    "2026-02-30",
    "9999-99-99T99:99",
    "1" * 30,
    "-99999999999",
    "articles.Nope",
    "wagtailcore.Page",
    "1,2,3",
    "-title",
    "?",
    "en",
    "zz",
]


@pytest.mark.parametrize(("prefix", "param"), api_cases(), ids=lambda case: str(case))
def test_every_api_parameter_answers_hostile_values_with_a_4xx_or_a_result(
    client, site, prefix, param
):
    for value in API_VALUES:
        response = client.get(f"{prefix}{param}={quote(value)}")
        check(response, f"{prefix}{param}={value[:30]!r}")
        if response.status_code == 400:
            assert "message" in response.json(), f"{prefix}{param}={value[:30]!r}"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?search=a&search_operator=xor",
        "/api/v2/documents/?search=a&search_operator=xor",
        "/api/v2/pages/?type=articles.EssayPage&publication_date=x",
        "/api/v2/pages/?type=articles.EssayPage&publication_date=2026-13-45",
        "/api/v2/pages/?first_published_at=x",
        "/api/v2/pages/find/?id=x",
        "/api/v2/pages/find/?html_path=%00",
    ],
)
def test_the_api_inputs_that_once_answered_500_are_refused_with_400(client, site, url):
    response = client.get(url)
    assert response.status_code in {400, 404}, url
    assert "message" in response.json()


def test_the_api_still_answers_good_filters(client, site):
    essays = client.get("/api/v2/pages/?type=articles.EssayPage&slug=the-essay").json()
    assert [item["meta"]["slug"] for item in essays["items"]] == ["the-essay"]
    assert client.get("/api/v2/pages/?child_of=root").status_code == 200
    assert client.get("/api/v2/pages/?search=essay&search_operator=or").status_code == 200
    dated = client.get("/api/v2/pages/?type=articles.EssayPage&publication_date=1900-01-01")
    assert dated.status_code == 200
    assert dated.json()["items"] == []
