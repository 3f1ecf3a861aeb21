"""Search, feeds, robots.txt, the JSON API and page metadata (the sitemap: test_sitemap.py)."""

import json
import re

import feedparser
import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from articles.feeds import FEED_LENGTH
from articles.models import Contributor, EssayIndexPage, OrganisationName, OrganisationPage
from tests.factories import (
    ContributorFactory,
    EssayPageFactory,
    OrganisationPageFactory,
    SourcePageFactory,
    UserFactory,
    index_page,
)

pytestmark = pytest.mark.django_db


def found(client, query_string):
    response = client.get(f"/search/?{query_string}")
    assert response.status_code == 200
    return [result["page"].title for result in response.context["results"]], response


@pytest.fixture
def library():
    imt = OrganisationPageFactory(
        short_name="IMT", full_name="International Marxist Tendency", summary="A tendency."
    )
    imt.other_names = [OrganisationName(name="RCI", from_year=2024)]
    imt.save_revision().publish()
    cwi = OrganisationPageFactory(
        short_name="CWI",
        full_name="Committee for a Workers' International",
        summary="An international.",
    )
    cwi.other_names = [OrganisationName(name="Militant tendency", from_year=1964, to_year=1991)]
    cwi.save_revision().publish()
    writer = ContributorFactory(name="Rosa Lind")
    source = SourcePageFactory(
        title="Conference bulletin",
        summary="<p>Minutes about the expulsion vote.</p>",
        organisations=[cwi],
    )
    essays = {
        "title": EssayPageFactory(
            title="Expulsion as method",
            standfirst="How splits are handled.",
            organisations=[cwi],
            topics=["splits"],
            contributors=[writer],
        ),
        "body": EssayPageFactory(
            title="On internal life",
            standfirst="A piece that mentions expulsion only in passing.",
            organisations=[imt],
            topics=["internal democracy"],
        ),
    }
    return {"imt": imt, "cwi": cwi, "source": source, **essays}


def test_search_finds_essays_organisations_and_sources_by_a_word_from_them(client, library):
    titles, _ = found(client, "query=expulsion")
    assert {"Expulsion as method", "On internal life", "Conference bulletin"} <= set(titles)
    titles, _ = found(client, "query=Marxist")
    assert "International Marxist Tendency" in titles


def test_a_title_match_ranks_above_a_body_match(client, library):
    titles, _ = found(client, "query=expulsion")
    assert titles.index("Expulsion as method") < titles.index("On internal life")


@pytest.mark.parametrize(
    "query", ["life passing", "the life in passing", "life-passing", '"internal life"']
)
def test_words_found_some_in_the_title_some_in_the_body_find_the_page(client, library, query):
    titles, _ = found(client, f"query={query}")
    assert titles == ["On internal life"]


def test_an_organisation_is_suggested_by_its_new_name_on_the_next_request(client, library):
    imt = library["imt"]
    suggestion = "Looking for the organisation?"
    assert suggestion not in found(client, "query=Tendency Marxist")[1].text
    imt.other_names.add(OrganisationName(name="Tendency Marxist", from_year=2026))
    imt.save_revision().publish()
    _, response = found(client, "query=tendency marxist")
    assert suggestion in response.text
    assert "International Marxist Tendency (IMT)</a>: its profile" in response.text
    imt.unpublish()
    assert suggestion not in found(client, "query=tendency marxist")[1].text


@pytest.mark.parametrize(
    ("query", "organisation"),
    [("IMT", "imt"), ("RCI", "imt"), ("Militant tendency", "cwi"), ("cwi", "cwi")],
)
def test_short_names_and_other_names_find_the_profile(client, library, query, organisation):
    titles, response = found(client, f"query={query}")
    assert titles[0] == library[organisation].title
    assert f'href="/organisations/{organisation}/"' in response.content.decode()


def test_results_show_type_title_snippet_and_date(client, library):
    _, response = found(client, "query=expulsion")
    content = response.content.decode()
    assert "<mark>expulsion</mark>" in content or "<mark>Expulsion</mark>" in content
    assert "Essay ·" in content
    assert "Source ·" in content


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ("type=essay", {"Expulsion as method", "On internal life"}),
        ("type=source", {"Conference bulletin"}),
        ("organisation=cwi", {"Expulsion as method", "Conference bulletin"}),
        ("topic=splits", {"Expulsion as method"}),
        ("contributor=rosa-lind", {"Expulsion as method"}),
        ("organisation=imt&type=essay", {"On internal life"}),
    ],
)
def test_search_filters_combine(client, library, filters, expected):
    titles, _ = found(client, f"query=expulsion&{filters}")
    assert set(titles) == expected


def test_no_results_says_so_with_suggestions(client, library):
    titles, response = found(client, "query=zzzyzzx")
    assert titles == []
    assert "Nothing matches" in response.content.decode()


def test_search_returns_only_live_public_pages(client, library):
    EssayPageFactory(title="Draft expulsion notes", live=False)
    private = EssayPageFactory(title="Private expulsion notes")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    titles, _ = found(client, "query=expulsion")
    assert "Draft expulsion notes" not in titles
    assert "Private expulsion notes" not in titles


def test_the_index_follows_publish_unpublish_move_and_delete(client, library):
    essay = EssayPageFactory(title="Quorum rules", live=False)
    assert found(client, "query=quorum")[0] == []
    essay.save_revision().publish()
    assert found(client, "query=quorum")[0] == ["Quorum rules"]
    essay.refresh_from_db()
    essay.title = "Quorum rules revisited"
    essay.save_revision().publish()
    assert found(client, "query=revisited")[0] == ["Quorum rules revisited"]
    essay.refresh_from_db()
    essay.unpublish()
    assert found(client, "query=quorum")[0] == []
    essay.save_revision().publish()
    assert found(client, "query=quorum")[0] == ["Quorum rules revisited"]
    essay.refresh_from_db()
    essay.move(index_page(EssayIndexPage), pos="last-child")
    assert found(client, "query=quorum")[0] == ["Quorum rules revisited"]
    essay.delete()
    assert found(client, "query=quorum")[0] == []


def test_update_index_rebuilds_the_index(client, library):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    assert "Expulsion as method" in found(client, "query=expulsion")[0]


HOSTILE_QUERIES = [
    "",
    "x" * 10_000,
    "ünïcödé ☭ 革命",
    "'",
    "&",
    "!",
    ":*",
    "(",
    "a & b | !c",
    "'; DROP TABLE wagtailcore_page; --",
    "\x00nul",
    "\u202eright-to-left",
    "e\u0301\u0301\u0301",
    '"unbalanced',
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_never_fail(client, library, query):
    response = client.get("/search/", {"query": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize(
    "query_string",
    [
        "query=x&type=nope",
        "query=x&organisation=%00",
        "query=x&topic=" + "z" * 500,
        "query=x&page=abc",
    ],
)
def test_bad_filters_and_pages_are_empty_or_404(client, library, query_string):
    response = client.get(f"/search/?{query_string}")
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert response.context["results"] == []


def test_feeds_list_essays_with_pen_names_only(client, library):
    account = UserFactory(
        username="real-account-name", email="real@example.org", first_name="Realname"
    )
    Contributor.objects.filter(name="Rosa Lind").update(user=account)
    EssayPageFactory(title="Unpublished", live=False)
    for url in ["/feeds/essays/rss/", "/feeds/essays/atom/"]:
        response = client.get(url)
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        titles = [entry.title for entry in feed.entries]
        assert "Expulsion as method" in titles
        assert "Unpublished" not in titles
        entry = next(e for e in feed.entries if e.title == "Expulsion as method")
        assert entry.author == "Rosa Lind"
        raw = response.content.decode()
        for secret in ("real-account-name", "real@example.org", "Realname"):
            assert secret not in raw


def test_a_feed_is_sent_whole_in_one_piece(client, library):
    cwi = OrganisationPage.objects.get(slug="cwi")
    for _ in range(FEED_LENGTH + 5):
        EssayPageFactory(organisations=[cwi], topics=["splits", "democracy"])
    for url in [
        "/feeds/essays/rss/",
        "/feeds/essays/atom/",
        "/feeds/organisations/cwi/rss/",
        "/feeds/organisations/cwi/atom/",
    ]:
        response = client.get(url)
        pieces = list(response)
        assert len(pieces) == 1, url
        feed = feedparser.parse(pieces[0])
        assert not feed.bozo, feed.bozo_exception
        assert len(feed.entries) == FEED_LENGTH, url


def test_each_organisation_has_its_own_feed_linked_from_its_page(client, library):
    feed = feedparser.parse(client.get("/feeds/organisations/imt/rss/").content)
    assert [entry.title for entry in feed.entries] == ["On internal life"]
    atom = feedparser.parse(client.get("/feeds/organisations/cwi/atom/").content)
    assert [entry.title for entry in atom.entries] == ["Expulsion as method"]
    page = client.get("/organisations/imt/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in page
    assert "/feeds/organisations/imt/rss/" in page
    assert client.get("/feeds/organisations/nope/rss/").status_code == 404


def test_robots_txt_points_at_the_sitemap(client, library):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_api_lists_published_public_pages_with_their_cross_links(client, library):
    EssayPageFactory(title="API draft", live=False)
    private = EssayPageFactory(title="API private")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    data = client.get("/api/v2/pages/", {"type": "articles.EssayPage", "fields": "*"}).json()
    titles = {item["title"] for item in data["items"]}
    assert titles == {"Expulsion as method", "On internal life"}
    essay = next(item for item in data["items"] if item["title"] == "Expulsion as method")
    assert essay["contributor_profiles"] == [{"name": "Rosa Lind", "slug": "rosa-lind"}]
    assert essay["organisation_links"][0]["short_name"] == "CWI"
    raw = json.dumps(data)
    for forbidden in ('"owner"', '"user"', '"latest_revision"', '"email"'):
        assert forbidden not in raw
    source = client.get(f"/api/v2/pages/{library['source'].pk}/").json()
    assert source["archived_url"].startswith("https://web.archive.org/")
    assert source["organisation_links"][0]["short_name"] == "CWI"


def test_api_has_no_images_endpoint_and_refuses_unknown_fields(client, library):
    assert client.get("/api/v2/images/").status_code == 404
    assert client.get("/api/v2/pages/?fields=owner").status_code == 400
    assert client.get("/api/v2/pages/?limit=abc").status_code == 400
    assert client.get("/api/v2/pages/?type=nope.Nope").status_code == 400
    assert client.get("/api/v2/documents/").status_code == 200


def ld_json(content):
    soup = BeautifulSoup(content, "html.parser")
    return json.loads(soup.find("script", type="application/ld+json").string)


def test_pages_carry_json_ld_open_graph_and_canonical_tags(client, library):
    essay = EssayPageFactory(
        title="Cited essay", cites=[library["source"]], organisations=[library["cwi"]]
    )
    content = client.get(essay.url).content.decode()
    data = ld_json(content)
    assert data["@type"] == "Article"
    assert data["author"][0]["@type"] == "Person"
    assert data["citation"][0]["name"] == "Conference bulletin"
    assert re.search(r'<link rel="canonical" href="http://localhost/essays/cited-essay/">', content)
    assert '<meta property="og:title" content="Cited essay">' in content
    assert '<meta name="twitter:card"' in content
    assert ld_json(client.get("/organisations/imt/").content)["@type"] == "Organization"
    source = ld_json(client.get(library["source"].url).content)
    assert source["@type"] == "CreativeWork"
    assert source["archivedAt"].startswith("https://web.archive.org/")
