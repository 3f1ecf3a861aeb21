"""Queries compiled once per process and run with new arguments (collective/sql.py):
each call gets its own rows, privacy changes reach them at once, arguments are taken
literally, and a preview still shows the draft's relations, not the stored ones."""

import pytest
from wagtail.models import Page, PageViewRestriction

from articles.models import EssayContributor, EssayPage
from collective.sql import compiled
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
