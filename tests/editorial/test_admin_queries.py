"""The admin stays quick as the site grows: each view the project adds or configures
makes a bounded number of queries, the same with a few rows as with a full page of
them on a larger site (no query per row, per account or per contributor).

Every test builds a small site, counts the queries of a view signed in as an
administrator and as an editor, grows the site, counts again, and checks that the
view still shows what editors rely on (the rows, contributors by their pen names and
accounts by their handles, never a real name). The URLs are the admin's own, so the
benchmark can time the same views (docs/performance.md)."""

import itertools

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Workflow

from core.editorial import CONTRIBUTORS, FACT_CHECKERS, WORKFLOW
from tests.editorial.conftest import edit_url
from tests.factories import (
    ContributorFactory,
    EssayPageFactory,
    OrganisationPageFactory,
    SourcePageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LISTING_BUDGET = 30
# The dashboard also reads, for the essays at "Source check", their cited sources and
# the fact-checkers' marks (two queries, whatever the number of essays).
DASHBOARD_BUDGET = LISTING_BUDGET + 2
EXPLORER_EDITOR_BUDGET = 36
EDIT_BUDGET = 40
# The essay editor: its five tabs, byline formset, citation editor and comments, and
# the "Check sources" button (who saved the latest revision, and the viewer's groups).
ESSAY_EDIT_BUDGET = 62
SMALL, LARGE = 5, 40
VIEWERS = ("admin", "editor")

ESSAY_DESK = "/admin/articles/essaypage/"
SOURCE_DESK = "/admin/articles/sourcepage/"
CONTRIBUTOR_DESK = "/admin/articles/contributor/"
DASHBOARD = "/admin/"

serial = itertools.count()


def account(role, group, with_pen_name):
    """An account with a real name that must never show, with or without a pen name."""
    n = next(serial)
    user = UserFactory(
        username=f"{role}{n}-login",
        first_name=f"Realfirst{n}x",
        last_name=f"Reallast{n}x",
    )
    user.groups.add(Group.objects.get(name=group))
    pen_name = ContributorFactory(name=f"Pen {role} {n}", user=user) if with_pen_name else None
    return user, pen_name


class Newsroom:
    """A site that grows: each ``grow(n)`` adds ``n`` writers (half with pen names, half
    fact-checkers known by role and number), each with a source, and an essay about two
    organisations, signed by two contributors, citing their source; every third essay
    is in review, every third a draft."""

    def __init__(self, site):
        self.site = site
        self.organisations = [site["org"], *(OrganisationPageFactory() for _ in range(3))]
        self.workflow = Workflow.objects.get(name=WORKFLOW)
        self.essays, self.sources, self.contributors, self.accounts = [], [], [], []

    def grow(self, n):
        for i in range(len(self.essays), len(self.essays) + n):
            if i % 2:
                user, pen_name = account("checker", FACT_CHECKERS, with_pen_name=False)
                pen_name = ContributorFactory(name=f"Unlinked pen {i}")
            else:
                user, pen_name = account("writer", CONTRIBUTORS, with_pen_name=True)
            orgs = self.organisations[i % 3 : i % 3 + 2]
            source = SourcePageFactory(organisations=orgs, owner=user)
            essay = EssayPageFactory(
                contributors=[pen_name, self.site["pen_name"]],
                organisations=orgs,
                cites=[source, self.site["source"]],
                owner=user,
                live=i % 3 != 2,
            )
            if i % 3 == 1:
                essay.save_revision(user=user)
                self.workflow.start(essay, user)
            self.essays.append(essay)
            self.sources.append(source)
            self.contributors.append(pen_name)
            self.accounts.append(user)
        return self


@pytest.fixture
def newsroom(site):
    return Newsroom(site).grow(SMALL)


def count_queries(client, url):
    """The queries of one GET of ``url`` (after a first one, as someone browsing)."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context), response.content.decode()


def counts_as_the_site_grows(client, people, newsroom, url, check):
    """{viewer: (queries at the small site, queries at the large one)}; ``check`` reads
    each page as its viewer saw it."""
    counts = {viewer: [] for viewer in VIEWERS}
    for step in (0, LARGE - SMALL):
        newsroom.grow(step)
        for viewer in VIEWERS:
            client.force_login(people[viewer])
            queries, html = count_queries(client, url() if callable(url) else url)
            check(html, viewer)
            counts[viewer].append(queries)
    return counts


def assert_flat_within(counts, budget):
    for viewer, (small, large) in counts.items():
        assert large <= budget, f"{viewer}: {large} queries, budget {budget}: {counts}"
        assert small == large, f"{viewer}: {small} queries with few rows, {large} with many"


def no_real_names(html, newsroom):
    for user in newsroom.accounts:
        for private in (user.username, user.first_name, user.last_name):
            assert private not in html


def rows(html):
    return BeautifulSoup(html, "html.parser").select("tbody tr")


def test_the_essay_desk_lists_a_full_page_in_a_flat_number_of_queries(client, people, newsroom):
    def check(html, viewer):
        shown = min(len(newsroom.essays), 30)
        assert len(rows(html)) == shown
        newest = newsroom.essays[-1]
        assert newest.title in html
        assert newsroom.contributors[-1].name in html
        assert "Source check" in html
        no_real_names(html, newsroom)

    counts = counts_as_the_site_grows(client, people, newsroom, ESSAY_DESK, check)
    assert_flat_within(counts, LISTING_BUDGET)


def test_the_source_desk_lists_a_full_page_in_a_flat_number_of_queries(client, people, newsroom):
    def check(html, viewer):
        assert len(rows(html)) == min(len(newsroom.sources) + 1, 30)
        assert newsroom.sources[-1].title in html

    counts = counts_as_the_site_grows(client, people, newsroom, SOURCE_DESK, check)
    assert_flat_within(counts, LISTING_BUDGET)


def test_the_contributor_desk_lists_pen_names_in_a_flat_number_of_queries(client, people, newsroom):
    def check(html, viewer):
        assert len(rows(html)) >= min(len(newsroom.contributors), 30)
        assert "Quiet Voice" in html
        no_real_names(html, newsroom)

    counts = counts_as_the_site_grows(client, people, newsroom, CONTRIBUTOR_DESK, check)
    assert_flat_within(counts, LISTING_BUDGET)


def test_the_explorer_lists_essays_and_owners_by_handle_in_a_flat_number_of_queries(
    client, people, newsroom
):
    def check(html, viewer):
        assert newsroom.essays[-1].title in html
        # The owner filter names every owner by handle: pen name, else role and number.
        assert newsroom.contributors[0].name in html
        checker = newsroom.accounts[1]
        assert f"Fact-checker {checker.pk}" in html
        no_real_names(html, newsroom)

    explorer = f"/admin/pages/{newsroom.site['essays'].pk}/"
    counts = counts_as_the_site_grows(client, people, newsroom, explorer, check)
    assert_flat_within({"admin": counts["admin"]}, LISTING_BUDGET)
    # Wagtail's own view: an editor's listing also reads their page, collection, site
    # and task-group permissions (six queries an administrator does not need).
    assert_flat_within({"editor": counts["editor"]}, EXPLORER_EDITOR_BUDGET)


def test_the_dashboard_shows_drafts_and_reviews_in_a_flat_number_of_queries(
    client, people, newsroom
):
    """The viewer's drafts and pages in review, and what awaits their review, grow with
    the site; the dashboard's queries do not."""
    workflow = newsroom.workflow

    def own_pages(n):
        for viewer in VIEWERS:
            for i in range(n):
                EssayPageFactory(title=f"{viewer} draft {i}", owner=people[viewer], live=False)
                essay = EssayPageFactory(
                    title=f"{viewer} in review {i}", owner=people[viewer], live=False
                )
                essay.save_revision(user=people[viewer])
                workflow.start(essay, people[viewer])

    own_pages(2)
    counts = {viewer: [] for viewer in VIEWERS}
    for step in (0, LARGE - SMALL):
        newsroom.grow(step)
        own_pages(step // 4)
        for viewer in VIEWERS:
            client.force_login(people[viewer])
            queries, html = count_queries(client, DASHBOARD)
            page = BeautifulSoup(html, "html.parser")
            assert f"{viewer} draft" in page.find(id="your-drafts-section").get_text()
            assert f"{viewer} in review" in html
            no_real_names(html, newsroom)
            counts[viewer].append(queries)
    assert_flat_within(counts, DASHBOARD_BUDGET)


@pytest.mark.parametrize("kind", ["essay", "source", "organisation"])
def test_an_edit_view_makes_as_many_queries_on_a_large_site_as_on_a_small_one(
    client, people, newsroom, kind
):
    """Edit views list every contributor, organisation and source to choose from, and
    the page's own contributors, organisations and citations: none costs a query each."""
    site = newsroom.site
    big_essay = EssayPageFactory(
        title="Signed by many",
        contributors=[site["pen_name"], *newsroom.contributors],
        organisations=newsroom.organisations,
        cites=newsroom.sources,
    )
    pages = {"essay": big_essay, "source": site["source"], "organisation": site["org"]}
    page = pages[kind]

    def check(html, viewer):
        assert page.title in html

    counts = counts_as_the_site_grows(client, people, newsroom, edit_url(page), check)
    assert_flat_within(counts, ESSAY_EDIT_BUDGET if kind == "essay" else EDIT_BUDGET)


def test_a_contributor_profile_edit_view_lists_accounts_by_handle_in_a_flat_number_of_queries(
    client, people, newsroom
):
    """The account chooser on a contributor profile offers every account, by handle."""
    profile = newsroom.site["pen_name"]

    def check(html, viewer):
        assert "Quiet Voice" in html
        no_real_names(html, newsroom)
        checker = newsroom.accounts[1]
        assert f"Fact-checker {checker.pk}" in html

    url = f"/admin/articles/contributor/edit/{profile.pk}/"
    counts = counts_as_the_site_grows(client, people, newsroom, url, check)
    assert_flat_within(counts, EDIT_BUDGET)


def test_the_two_factor_set_up_page_makes_a_fixed_number_of_queries(client, people, newsroom):
    def check(html, viewer):
        assert "authenticator" in html.lower()

    counts = counts_as_the_site_grows(client, people, newsroom, "/admin/2fa/setup/", check)
    assert_flat_within(counts, LISTING_BUDGET)
