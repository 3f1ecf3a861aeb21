"""What the site keeps in the cache besides whole pages (core/cache.py): filter
choices and counts, the site with its settings and the home page's children, the view
restrictions, essay cards. Each shows a change on the next request; and the search
ranks a bounded number of candidates (search/backend.py)."""

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from articles.models import EssayIndexPage, EssayPage
from core.cache import GENERATION_KEY, derived
from core.models import SiteSettings
from tests.factories import (
    ContributorFactory,
    EssayPageFactory,
    OrganisationPageFactory,
    home_page,
    index_page,
)

pytestmark = pytest.mark.django_db


def text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_new_organisation_is_offered_as_a_filter_and_counted_at_once(client):
    EssayPageFactory()
    assert "1 essay<" in text(client, "/essays/")
    organisation = OrganisationPageFactory(short_name="NEWORG", slug="neworg")
    EssayPageFactory(organisations=[organisation])
    page = text(client, "/essays/")
    assert '<option value="neworg">NEWORG</option>' in page
    assert "2 essays" in page
    assert "1 essay<" in text(client, "/essays/?organisation=neworg")


def test_an_unpublished_essay_leaves_the_count_and_the_filters(client):
    essay = EssayPageFactory(topics=["vanishing topic"])
    EssayPageFactory()
    page = text(client, "/essays/")
    assert "2 essays" in page
    assert 'value="vanishing-topic"' in page
    essay.unpublish()
    page = text(client, "/essays/")
    assert "1 essay<" in page
    assert 'value="vanishing-topic"' not in page


def test_changed_site_settings_show_on_the_next_request(client):
    EssayPageFactory()
    text(client, "/essays/")
    settings = SiteSettings.for_site(home_page().get_site())
    settings.tagline = "A brand new tagline"
    settings.save()
    assert "A brand new tagline" in text(client, "/essays/")


def test_an_index_page_given_a_new_slug_is_routed_there_at_once(client):
    essay = EssayPageFactory()
    text(client, essay.url)
    essays = index_page(EssayIndexPage)
    essays.slug = "writing"
    essays.save_revision().publish()
    assert client.get("/essays/").status_code == 404
    assert essay.title in text(client, "/writing/")


def test_an_essay_made_private_after_it_was_read_is_hidden_at_once(client):
    essay = EssayPageFactory(title="Soon private")
    assert "Soon private" in text(client, essay.url)
    assert "Soon private" in text(client, "/essays/")
    PageViewRestriction.objects.create(page=essay, restriction_type="password", password="pw")
    assert "Soon private" not in text(client, "/essays/")
    response = client.get(essay.url)
    assert "Soon private" not in response.content.decode().split("<main", 1)[-1]
    assert 'name="password"' in response.content.decode()


def test_an_essay_card_shows_a_contributor_renamed_since(client):
    writer = ContributorFactory(name="Old Pen Name")
    EssayPageFactory(contributors=[writer])
    assert "Old Pen Name" in text(client, "/essays/")
    writer.name = "New Pen Name"
    writer.save()
    page = text(client, "/essays/")
    assert "New Pen Name" in page
    assert "Old Pen Name" not in page


def test_a_change_another_server_made_shows_here_on_the_next_request(client):
    """Derived values are kept for one generation: when another process moves the
    shared generation on, nothing kept before is used again."""
    essay = EssayPageFactory()
    EssayPageFactory()
    assert "2 essays" in text(client, "/essays/")
    # Another server unpublishes the essay: its purge moves the shared generation on.
    EssayPage.objects.filter(pk=essay.pk).update(live=False)
    cache.incr(GENERATION_KEY)
    assert "1 essay<" in text(client, "/essays/")


def test_each_reader_of_a_derived_value_gets_a_copy_of_its_own():
    first = derived("a-list", lambda: ["kept"])
    first.append("changed by its reader")
    assert derived("a-list", lambda: ["computed again"]) == ["kept"]


def listed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return [essay.title for essay in response.context["page_obj"]]


def test_a_deep_page_of_essays_reads_its_own_rows_once_their_place_is_known(client, monkeypatch):
    monkeypatch.setattr(EssayIndexPage, "per_page", 2)
    for n in range(5):
        EssayPageFactory(title=f"Essay {n}", publication_date=date(2020, 1, 1 + n))
    assert listed(client, "/essays/?page=3") == ["Essay 0"]
    with CaptureQueriesContext(connection) as queries:
        assert listed(client, "/essays/?page=2") == ["Essay 2", "Essay 1"]
    assert any("OFFSET" in query["sql"] for query in queries.captured_queries)
    with CaptureQueriesContext(connection) as queries:
        assert listed(client, "/essays/?page=2") == ["Essay 2", "Essay 1"]
    assert not any("OFFSET" in query["sql"] for query in queries.captured_queries)


def test_a_newly_published_essay_moves_every_page_of_essays_along_at_once(client, monkeypatch):
    monkeypatch.setattr(EssayIndexPage, "per_page", 2)
    essays = [
        EssayPageFactory(title=f"Essay {n}", publication_date=date(2020, 1, 1 + n))
        for n in range(4)
    ]
    assert listed(client, "/essays/?page=2") == ["Essay 1", "Essay 0"]
    EssayPageFactory(title="Newest", publication_date=date(2021, 1, 1))
    assert listed(client, "/essays/?page=2") == ["Essay 2", "Essay 1"]
    assert listed(client, "/essays/?page=3") == ["Essay 0"]
    essays[3].unpublish()
    assert listed(client, "/essays/?page=2") == ["Essay 1", "Essay 0"]
    assert client.get("/essays/?page=3").status_code == 404


postgres_only = pytest.mark.postgresql_only(
    "ranking among the newest matches is PostgreSQL's; SQLite ranks every match "
    "(test_sqlite_ranks_every_match)"
)


def found(client, query_string):
    response = client.get(f"/search/?{query_string}")
    assert response.status_code == 200
    return [result["page"].title for result in response.context["results"]]


@postgres_only
def test_a_common_word_is_ranked_among_the_newest_matches(client, monkeypatch):
    monkeypatch.setattr("search.backend.CANDIDATES", 3)
    for n in range(5):
        EssayPageFactory(title=f"Essay {n}", standfirst="It is about samizdat.")
    assert sorted(found(client, "query=samizdat")) == ["Essay 2", "Essay 3", "Essay 4"]


@postgres_only
def test_an_older_page_with_the_word_in_its_title_is_still_found(client, monkeypatch):
    monkeypatch.setattr("search.backend.CANDIDATES", 2)
    EssayPageFactory(title="Samizdat in the nineties", standfirst="An old essay.")
    for n in range(4):
        EssayPageFactory(title=f"Essay {n}", standfirst="It is about samizdat.")
    assert sorted(found(client, "query=samizdat")) == [
        "Essay 2",
        "Essay 3",
        "Samizdat in the nineties",
    ]
    monkeypatch.setattr("search.backend.TITLE_CANDIDATES", 0)
    assert sorted(found(client, "query=samizdat")) == ["Essay 2", "Essay 3"]


@postgres_only
def test_filters_choose_the_candidates_before_they_are_limited(client, monkeypatch):
    monkeypatch.setattr("search.backend.CANDIDATES", 2)
    older = OrganisationPageFactory(short_name="OLD", slug="old")
    newer = OrganisationPageFactory(short_name="NEW", slug="new")
    for n in range(2):
        EssayPageFactory(title=f"Old {n}", standfirst="Samizdat.", organisations=[older])
    for n in range(3):
        EssayPageFactory(title=f"New {n}", standfirst="Samizdat.", organisations=[newer])
    assert sorted(found(client, "query=samizdat&organisation=old")) == ["Old 0", "Old 1"]
    assert sorted(found(client, "query=samizdat")) == ["New 1", "New 2"]


@pytest.mark.sqlite_only("SQLite's counterpart of the bounded ranking tests above")
def test_sqlite_ranks_every_match(client, monkeypatch):
    monkeypatch.setattr("search.backend.CANDIDATES", 2)
    for n in range(4):
        EssayPageFactory(title=f"Essay {n}", standfirst="It is about samizdat.")
    assert sorted(found(client, "query=samizdat")) == [f"Essay {n}" for n in range(4)]


def test_related_essays_show_a_new_one_and_hide_one_made_private_at_once(client):
    organisation = OrganisationPageFactory()
    essay = EssayPageFactory(title="The first", organisations=[organisation])
    assert "Related essays" not in text(client, essay.url)
    related = EssayPageFactory(title="Newly related", organisations=[organisation])
    assert "Newly related" in text(client, essay.url)
    PageViewRestriction.objects.create(page=related, restriction_type="password", password="pw")
    assert "Newly related" not in text(client, essay.url)


def test_a_preview_leaves_the_related_essays_readers_see(client):
    first, second = OrganisationPageFactory(), OrganisationPageFactory()
    essay = EssayPageFactory(title="The essay", organisations=[first])
    EssayPageFactory(title="Shares the first", organisations=[first])
    EssayPageFactory(title="Shares the second", organisations=[second])
    draft = essay.get_latest_revision_as_object()
    draft.organisations = [second]
    preview = draft.make_preview_request().render().content.decode()
    assert "Shares the second" in preview
    assert "Shares the first" not in preview
    page = text(client, essay.url)
    assert "Shares the first" in page
    assert "Shares the second" not in page


def test_the_home_page_lists_a_new_organisation_and_hides_one_made_private_at_once(client):
    OrganisationPageFactory(short_name="FIRSTORG")
    assert "FIRSTORG" in text(client, "/")
    newer = OrganisationPageFactory(short_name="NEWERORG")
    assert "NEWERORG" in text(client, "/")
    PageViewRestriction.objects.create(page=newer, restriction_type="password", password="pw")
    page = text(client, "/")
    assert "NEWERORG" not in page
    assert "FIRSTORG" in page
