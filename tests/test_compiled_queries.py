"""Queries compiled once per process and run with new arguments (collective/sql.py):
each call gets its own rows, privacy changes reach them at once, arguments are taken
literally, and a preview still shows the draft's relations, not the stored ones; a search
compiled once finds what the search backend finds."""

import pytest
from wagtail.models import Page, PageViewRestriction

from articles.models import EssayContributor, EssayPage
from collective.sql import Verbatim, compiled
from search.backend import WORDS, best_matches
from search.views import Scope
from tests.factories import ContributorFactory, EssayPageFactory, SourcePageFactory

pytestmark = pytest.mark.django_db


def titles_starting(prefix):
    return compiled(
        "test:titles-starting",
        lambda prefix: (
            Page.objects.filter(title__startswith=prefix)
            .order_by("title")
            .values_list("title", flat=True)
        ),
        prefix,
    )


def test_each_call_reads_the_rows_of_its_own_arguments():
    first = EssayPageFactory(contributors=[ContributorFactory(name="Ana Pen")])
    second = EssayPageFactory(contributors=[ContributorFactory(name="Bo Pen")])
    assert [c.name for c in EssayPage.objects.get(pk=first.pk).contributors] == ["Ana Pen"]
    assert [c.name for c in EssayPage.objects.get(pk=second.pk).contributors] == ["Bo Pen"]


def test_an_argument_is_matched_literally_not_as_a_pattern():
    EssayPageFactory(title="50% of the members left")
    EssayPageFactory(title="500 members left")
    EssayPageFactory(title="5_0 members")
    assert titles_starting("50%") == ["50% of the members left"]
    assert titles_starting("5_") == ["5_0 members"]
    assert len(titles_starting("50")) == 2


def test_a_verbatim_argument_is_put_into_its_parameter_as_given():
    EssayPageFactory(title="50% of the members left")
    EssayPageFactory(title="500 members left")
    found = compiled(
        "test:titles-like",
        lambda pattern: Page.objects.filter(title__startswith=pattern).values_list("title"),
        Verbatim("50%"),
    )
    assert len(found) == 2


def test_an_argument_the_query_does_not_use_is_refused():
    with pytest.raises(ValueError, match="did not reach the SQL"):
        compiled("test:unused", lambda pk: Page.objects.all(), 1)


def test_a_source_made_private_leaves_the_sources_of_an_essay_already_read(client):
    source = SourcePageFactory(title="The minutes of the purge")
    essay = EssayPageFactory(cites=[source])
    assert "The minutes of the purge" in client.get(essay.url).content.decode()
    PageViewRestriction.objects.create(page=source, restriction_type="password", password="pw")
    assert "The minutes of the purge" not in client.get(essay.url).content.decode()


def test_a_preview_shows_the_drafts_contributors_not_the_published_ones(client):
    essay = EssayPageFactory(contributors=[ContributorFactory(name="Published Pen")])
    draft = essay.get_latest_revision_as_object()
    draft.essay_contributors = [
        EssayContributor(contributor=ContributorFactory(name="Draft Pen"), sort_order=0)
    ]
    assert [c.name for c in draft.contributors] == ["Draft Pen"]
    assert [c.name for c in EssayPage.objects.get(pk=essay.pk).contributors] == ["Published Pen"]


def test_page_urls_are_the_ones_wagtail_would_give_on_every_site(rf):
    from wagtail.models import Site

    from articles.models import EssayIndexPage
    from tests.factories import index_page

    essays = [
        EssayPageFactory(title="Ökonomie und Partei", slug="ökonomie-und-partei"),
        EssayPageFactory(title="Plain", slug="plain-words"),
    ]
    default = Site.objects.get(is_default_site=True)
    # A second site whose root is the essay index: its essays sit at its top level.
    Site.objects.create(
        hostname="essays.example.org", port=80, root_page=index_page(EssayIndexPage)
    )
    requests = [
        None,
        rf.get("/", HTTP_HOST=default.hostname),
        rf.get("/", HTTP_HOST="essays.example.org"),
    ]
    for essay in essays:
        essay = EssayPage.objects.get(pk=essay.pk)
        for request in requests:
            ours = essay.get_url_parts(request)
            assert ours == Page.get_url_parts(essay, request), (essay.slug, request)
    assert EssayPage.objects.get(pk=essays[0].pk).get_url_parts(requests[2])[2] == (
        "/%C3%B6konomie-und-partei/"
    )


SEARCHED_TITLES = [
    "Internal democracy in the IUPS",
    "Democracy deferred",
    "O'Brien's letter to the branches",
    "A back\\slash in the minutes",
    "Co-operation and its limits",
    "The Łódź conference",
]


@pytest.mark.parametrize(
    "query",
    ["democracy", "internal democracy", "O'Brien's", "back\\slash", "co-operation", "Łódź"],
)
def test_a_search_compiled_once_finds_what_the_backend_finds(query):
    for title in SEARCHED_TITLES:
        EssayPageFactory(title=title)
    pages = Scope().pages
    # Another query of as many words first, so that this one runs the SQL compiled for it.
    best_matches(pages, " ".join(["nothing"] * len(WORDS.findall(query))), 100, name="test")
    found = best_matches(pages, query, 100, name="test")
    assert found == best_matches(pages, query, 100)
    assert found, f"nothing found for {query!r}"
