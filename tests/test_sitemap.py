"""The sitemap: /sitemap.xml is an index of sections served a page at a time. Together
they list exactly the pages and contributor profiles readers can see, and a page of
a section costs the same few queries however big the site is."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from articles.models import SourceIndexPage
from articles.sitemaps import SiteSitemap
from tests.factories import (
    ContributorFactory,
    EssayPageFactory,
    OrganisationPageFactory,
    SourcePageFactory,
    UserFactory,
    index_page,
)

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    return ElementTree.fromstring(response.content)


def local(url):
    """'http://testserver/sitemap-pages.xml?p=2' -> '/sitemap-pages.xml?p=2'"""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def sections(client):
    """The sitemap pages the index lists."""
    index = xml(client, "/sitemap.xml")
    return [local(loc.text) for loc in index.iterfind("s:sitemap/s:loc", NS)]


def entries(client, url):
    """[(location, lastmod)] of one sitemap page."""
    return [
        (item.findtext("s:loc", namespaces=NS), item.findtext("s:lastmod", namespaces=NS))
        for item in xml(client, url).iterfind("s:url", NS)
    ]


def everything(client):
    """Every (location, lastmod) of every section, following the index."""
    return [entry for section in sections(client) for entry in entries(client, section)]


@pytest.fixture
def site(home_page):
    """Live and public pages, and every kind of page readers must not see."""
    writer = ContributorFactory(name="Rosa Lind")
    hidden_writer = ContributorFactory(name="Hidden Writer")
    org = OrganisationPageFactory(short_name="IMT")
    live = EssayPageFactory(title="Live essay", contributors=[writer], organisations=[org])
    EssayPageFactory(title="Draft essay", contributors=[hidden_writer], live=False)
    in_review = EssayPageFactory(title="Review essay", contributors=[hidden_writer], live=False)
    in_review.get_workflow().start(in_review, UserFactory())
    EssayPageFactory(title="Unpublished essay", contributors=[hidden_writer]).unpublish()
    private = EssayPageFactory(title="Private essay", contributors=[hidden_writer])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="pw")
    # A restriction on a section hides the pages under it too.
    SourcePageFactory(title="Source in a private section")
    PageViewRestriction.objects.create(
        page=index_page(SourceIndexPage), restriction_type="password", password="pw"
    )
    return {"live": live}


def test_the_index_lists_every_section(client, site):
    assert sections(client) == ["/sitemap-pages.xml", "/sitemap-contributors.xml"]


def test_the_sections_list_exactly_the_pages_and_profiles_readers_can_see(client, site):
    found = everything(client)
    locations = [location for location, _ in found]
    assert len(locations) == len(set(locations))
    # Wagtail's own rule for what the public may see, and its own full URLs.
    readable = Page.objects.live().public().filter(depth__gt=1)
    assert set(locations) == {page.get_full_url() for page in readable} | {
        "http://localhost/contributors/rosa-lind/"
    }
    assert "http://localhost/essays/live-essay/" in locations
    assert "http://localhost/organisations/imt/" in locations
    for hidden in ("draft", "review", "unpublished", "private", "hidden-writer", "sources/"):
        assert not [location for location in locations if hidden in location], hidden


def test_pages_carry_when_they_were_last_published(client, site):
    lastmod = dict(everything(client))
    live = site["live"]
    assert lastmod[live.get_full_url()] == live.last_published_at.date().isoformat()


def test_no_page_of_a_section_exceeds_the_limit(client, site, monkeypatch):
    monkeypatch.setattr(SiteSitemap, "limit", 2)
    for _ in range(3):
        EssayPageFactory(contributors=[ContributorFactory()])
    listed = sections(client)
    page_count = Page.objects.live().public().filter(depth__gt=1).count()
    assert listed == [
        "/sitemap-pages.xml",
        *(f"/sitemap-pages.xml?p={n}" for n in range(2, (page_count + 1) // 2 + 1)),
        "/sitemap-contributors.xml",
        "/sitemap-contributors.xml?p=2",
    ]
    sizes = [len(entries(client, url)) for url in listed]
    assert max(sizes) == 2
    assert sum(sizes) == page_count + 4  # and Rosa Lind and the three new writers


@pytest.mark.parametrize("number", ["0", "-1", "abc", "1.5", "", "99999", "9" * 40, "9" * 5000])
def test_bad_page_numbers_of_a_section_are_404(client, site, number):
    for section in ("pages", "contributors"):
        assert client.get(f"/sitemap-{section}.xml?p={number}").status_code == 404


def test_an_unknown_section_is_404(client, site):
    assert client.get("/sitemap-nope.xml").status_code == 404


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_a_page_of_a_section_costs_the_same_few_queries_with_5_and_with_50_essays(
    client, home_page, monkeypatch
):
    monkeypatch.setattr(SiteSitemap, "limit", 10)
    for _ in range(5):
        EssayPageFactory()
    urls = ["/sitemap.xml", "/sitemap-pages.xml", "/sitemap-contributors.xml"]
    # Each first request after a change finds the cached site afresh: count the next.
    with_five = [(client.get(url), count_queries(client, url))[1] for url in urls]
    for _ in range(45):
        EssayPageFactory()
    with_fifty = [(client.get(url), count_queries(client, url))[1] for url in urls]
    assert with_five == with_fifty
    # A page of a section, first asked for: which pages are private (read once per
    # request), then its rows; after that it is kept whole until the content changes,
    # as the sections' counts and latest changes are.
    last_pages = ["/sitemap-pages.xml?p=6", "/sitemap-contributors.xml?p=5"]
    assert [count_queries(client, url) for url in last_pages] == [2, 2]
    assert [count_queries(client, url) for url in last_pages] == [0, 0]
    index, pages, contributors = with_fifty
    assert index <= 1
    assert pages == contributors == 0
