"""The essay and source indexes and a source's "Cited in": combinable filters in
shareable URLs, unknown values and bad page numbers handled, and query counts that
do not grow."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from articles.models import SourcePage
from core.cache import next_generation
from core.models import SiteSettings
from tests.factories import (
    ContributorFactory,
    EssayPageFactory,
    OrganisationPageFactory,
    SourcePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def essays():
    imt = OrganisationPageFactory(short_name="IMT")
    swp = OrganisationPageFactory(short_name="SWP")
    rosa = ContributorFactory(name="Rosa Lind")
    kit = ContributorFactory(name="Kit Marlowe")
    return {
        "imt-2024": EssayPageFactory(
            title="IMT democracy 2024",
            organisations=[imt],
            topics=["internal democracy"],
            contributors=[rosa],
            publication_date=datetime.date(2024, 5, 1),
        ),
        "imt-2023": EssayPageFactory(
            title="IMT democracy 2023",
            organisations=[imt],
            topics=["internal democracy"],
            contributors=[kit],
            publication_date=datetime.date(2023, 5, 1),
        ),
        "swp-2024": EssayPageFactory(
            title="SWP complaints 2024",
            organisations=[swp],
            topics=["whistleblowing"],
            contributors=[rosa, kit],
            publication_date=datetime.date(2024, 2, 1),
        ),
        "draft": EssayPageFactory(
            title="IMT draft", organisations=[imt], topics=["internal democracy"], live=False
        ),
    }


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [essay.title for essay in response.context["page_obj"]], response


def test_essays_are_listed_newest_first_without_drafts(client, essays):
    found, _ = titles(client, "/essays/")
    assert found == ["IMT democracy 2024", "SWP complaints 2024", "IMT democracy 2023"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("organisation=imt", ["IMT democracy 2024", "IMT democracy 2023"]),
        ("topic=whistleblowing", ["SWP complaints 2024"]),
        ("contributor=kit-marlowe", ["SWP complaints 2024", "IMT democracy 2023"]),
        ("year=2024", ["IMT democracy 2024", "SWP complaints 2024"]),
        ("organisation=imt&topic=internal-democracy&year=2024", ["IMT democracy 2024"]),
        ("organisation=imt&contributor=rosa-lind", ["IMT democracy 2024"]),
        ("organisation=swp&year=2023", []),
        ("unknown_param=1", ["IMT democracy 2024", "SWP complaints 2024", "IMT democracy 2023"]),
    ],
)
def test_filters_combine_in_the_url(client, essays, query, expected):
    found, _ = titles(client, f"/essays/?{query}")
    assert found == expected


def test_active_filters_are_shown_and_each_can_be_removed(client, essays):
    _, response = titles(client, "/essays/?organisation=imt&topic=internal-democracy")
    content = response.content.decode()
    assert "Organisation: IMT" in content
    assert "Topic: internal democracy" in content
    assert (
        'href="?topic=internal-democracy" aria-label="Remove filter Organisation: IMT"' in content
    )
    assert (
        'href="?organisation=imt" aria-label="Remove filter Topic: internal democracy"' in content
    )


def test_the_filter_form_shows_the_chosen_values_selected(client, essays):
    for query, chosen in [
        ("organisation=imt&topic=internal-democracy", {"imt", "internal-democracy"}),
        ("organisation=swp", {"swp"}),
        ("", set()),
    ]:
        _, response = titles(client, f"/essays/?{query}")
        page = BeautifulSoup(response.content, "html.parser")
        assert {option["value"] for option in page.select("option[selected]")} == chosen
        options = page.select("#filter-organisation option")
        assert [(o["value"], o.text) for o in options] == [
            ("", "All"),
            ("imt", "IMT"),
            ("swp", "SWP"),
        ]


@pytest.mark.parametrize(
    "query",
    [
        "organisation=nope",
        "topic=%27%3B+DROP+TABLE",
        "contributor=x" * 50,
        "year=abcd",
        "year=1800",
    ],
)
def test_unknown_filter_values_give_an_empty_result_with_a_message(client, essays, query):
    found, response = titles(client, f"/essays/?{query}")
    assert found == []
    assert "Showing no results" in response.content.decode()


@pytest.mark.parametrize("number", ["0", "-1", "abc", "2.5", "1e9", "99", "9" * 40])
def test_bad_page_numbers_are_404_not_500(client, essays, number):
    assert client.get(f"/essays/?page={number}").status_code == 404
    assert client.get(f"/sources/?page={number}").status_code == 404


def test_pages_of_results_keep_the_filters(client):
    org = OrganisationPageFactory(short_name="CWI")
    for _ in range(13):
        EssayPageFactory(organisations=[org])
    found, response = titles(client, "/essays/?organisation=cwi")
    assert len(found) == 12
    assert 'href="?organisation=cwi&amp;page=2" rel="next"' in response.content.decode()
    found, _ = titles(client, "/essays/?organisation=cwi&page=2")
    assert len(found) == 1


def test_sources_filter_by_type_and_organisation(client):
    cwi = OrganisationPageFactory(short_name="CWI")
    SourcePageFactory(title="A CWI letter", source_type="statement", organisations=[cwi])
    SourcePageFactory(title="A CWI book", source_type="book", organisations=[cwi])
    SourcePageFactory(title="Another letter", source_type="statement")
    SourcePageFactory(title="Draft letter", source_type="statement", live=False)

    def listed(query):
        response = client.get(f"/sources/?{query}")
        assert response.status_code == 200
        return {source.title for source in response.context["page_obj"]}

    assert listed("type=statement") == {"A CWI letter", "Another letter"}
    assert listed("organisation=cwi") == {"A CWI letter", "A CWI book"}
    assert listed("type=statement&organisation=cwi") == {"A CWI letter"}
    assert listed("type=pamphlet") == set()


@pytest.fixture
def cited_source():
    """A source cited by 25 live essays, and by an unpublished and a private one."""
    source = SourcePageFactory(title="Much cited")
    for day in range(25):
        EssayPageFactory(
            title=f"Citing {day:02}",
            cites=[source],
            publication_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=day),
        )
    EssayPageFactory(title="Citing unpublished", cites=[source]).unpublish()
    private = EssayPageFactory(title="Citing private", cites=[source])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="pw")
    EssayPageFactory(title="Citing draft", cites=[source], live=False)
    return source


def test_a_source_lists_the_essays_citing_it_twenty_a_page_newest_first(client, cited_source):
    first, response = titles(client, cited_source.url)
    assert first == [f"Citing {day:02}" for day in range(24, 4, -1)]
    page_one = response.content.decode()
    assert "Cited in 25 essays" in page_one
    assert 'href="?page=2" rel="next"' in page_one
    second, response = titles(client, f"{cited_source.url}?page=2")
    assert second == [f"Citing {day:02}" for day in range(4, -1, -1)]
    page_two = response.content.decode()
    assert "Cited in 25 essays" in page_two
    assert 'href="?page=1" rel="prev"' in page_two
    for content in (page_one, page_two):
        for hidden in ("unpublished", "private", "draft"):
            assert f"Citing {hidden}" not in content


@pytest.mark.parametrize("number", ["3", "0", "-1", "abc", "2.5", "9" * 40])
def test_pages_of_a_source_s_citations_beyond_the_last_are_404(client, cited_source, number):
    assert client.get(f"{cited_source.url}?page={number}").status_code == 404


def test_a_source_cited_once_says_so_and_has_no_pages(client):
    source = SourcePageFactory()
    EssayPageFactory(title="The only one", cites=[source])
    _, response = titles(client, source.url)
    content = response.content.decode()
    assert "Cited in 1 essay<" in content
    assert 'class="pagination"' not in content


def test_the_api_gives_a_source_s_citation_count_and_its_newest_citing_essays(client, cited_source):
    data = client.get(f"/api/v2/pages/{cited_source.pk}/").json()
    assert data["cited_in_count"] == 25
    assert [essay["title"] for essay in data["cited_in"]] == [
        f"Citing {day:02}" for day in range(24, 4, -1)
    ]


def test_a_source_page_costs_the_same_queries_cited_by_5_or_by_50_essays(client):
    source = SourcePageFactory()
    for _ in range(5):
        EssayPageFactory(cites=[source], contributors=[ContributorFactory(), ContributorFactory()])
    client.get(source.url)  # warm the site root cache, as any running server has
    with_five = count_queries(client, source.url)
    for _ in range(45):
        EssayPageFactory(cites=[source], contributors=[ContributorFactory(), ContributorFactory()])
    pages = [f"{source.url}?page={n}" for n in (1, 2, 3)]
    for url in pages:
        client.get(url)
    assert [count_queries(client, url) for url in pages] == [with_five] * 3
    assert with_five <= 12


def build_site(count):
    """``count`` essays, each with two organisations, two topics, two contributors and
    three citations; the sources are cited by every essay."""
    orgs = [OrganisationPageFactory() for _ in range(2)]
    sources = [SourcePageFactory(organisations=orgs) for _ in range(3)]
    for i in range(count):
        EssayPageFactory(
            organisations=orgs,
            topics=[f"topic {i % 4}", "democracy"],
            contributors=[ContributorFactory(), ContributorFactory()],
            cites=sources,
        )
    return orgs[0], sources[0]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def counts(client, url):
    """Queries of the first request after a change, when the cached site, filter choices,
    counts and cards are all found afresh, and of the next one."""
    next_generation()
    return count_queries(client, url), count_queries(client, url)


# Query budgets per page type: they must not grow with the amount of content.
BUDGETS = {
    "/": 12,
    "/essays/": 12,
    "/essays/?organisation={org}&topic=democracy": 12,
    "/sources/": 12,
    "/organisations/": 12,
    "{org_url}": 15,
    "{source_url}": 13,  # 12, and the state of its links (SourceLinkHealth)
    "/search/?query=essay": 15,
    "/search/?query=essay&organisation={org}": 15,
}


def test_query_counts_stay_within_budget_with_5_and_with_50_essays(client):
    org, source = build_site(5)
    # The site's settings row, which the first request ever would create.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    urls = {
        pattern: pattern.format(org=org.slug, org_url=org.url, source_url=source.url)
        for pattern in BUDGETS
    }
    with_five = {pattern: counts(client, url) for pattern, url in urls.items()}
    for _ in range(45):
        EssayPageFactory(
            organisations=[org],
            topics=["democracy"],
            contributors=[ContributorFactory(), ContributorFactory()],
            cites=[source],
        )
    with_fifty = {pattern: counts(client, url) for pattern, url in urls.items()}
    assert with_five == with_fifty
    # Within budget even on the first request after a change, with nothing cached.
    assert {p: n for p, n in with_fifty.items() if max(n) > BUDGETS[p]} == {}


def test_essay_page_query_count_does_not_grow_with_citations(client):
    few = EssayPageFactory(cites=[SourcePageFactory() for _ in range(2)])
    many = EssayPageFactory(cites=[SourcePageFactory() for _ in range(20)])
    client.get("/essays/")  # the site, its settings and the index, kept for every essay
    # The first request reads what later ones find kept (the essay's relations).
    assert count_queries(client, few.url) == count_queries(client, many.url) <= 15
    assert count_queries(client, few.url) == count_queries(client, many.url) <= 10
    assert SourcePage.objects.count() == 22


def test_a_page_of_a_listing_seen_before_reads_no_essays_until_the_next_change(client, essays):
    for url in ["/essays/", "/essays/?organisation=imt", "/essays/?page=1"]:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert "IMT democracy 2024" in response.content.decode()
        assert not [q for q in queries if "articles_essaypage" in q["sql"]], url
    EssayPageFactory(title="Newest word", publication_date=datetime.date(2030, 1, 1))
    assert titles(client, "/essays/")[0][0] == "Newest word"
