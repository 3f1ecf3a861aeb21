"""The demo content `make run` loads."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page

from articles.models import Contributor, EssayPage, OrganisationPage, SourcePage

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "live": Page.objects.live().count(),
        "contributors": Contributor.objects.count(),
        "revisions": sum(page.revisions.count() for page in Page.objects.all()),
    }


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())


def test_loading_the_demo_twice_leaves_the_same_counts(demo):
    first = counts()
    call_command("load_demo", stdout=StringIO())
    assert counts() == first


def test_the_four_organisations_each_have_essays_sources_and_a_timeline(demo, client):
    for slug in ("imt", "swp", "iso", "cwi"):
        org = OrganisationPage.objects.get(slug=slug)
        response = client.get(f"/organisations/{slug}/")
        assert response.status_code == 200
        assert response.context["essays"], slug
        assert response.context["sources"], slug
        assert len(response.context["timeline_events"]) >= 4, slug
        assert all(sources for _, sources in response.context["timeline_events"]), slug
        assert org.relations_for_readers(), slug


def test_demo_has_the_promised_variety(demo):
    assert SourcePage.objects.live().count() >= 12
    assert SourcePage.objects.exclude(archived_url="").count() == SourcePage.objects.count()
    assert SourcePage.objects.values("source_type").distinct().count() >= 6
    live = EssayPage.objects.live()
    assert live.count() >= 6
    assert EssayPage.objects.filter(live=False).count() >= 3
    assert Contributor.objects.filter(essays__page__in=live).distinct().count() >= 3
    assert Contributor.objects.filter(is_pseudonymous=True, essays__page__in=live).exists()


def test_every_citation_in_a_live_essay_resolves_to_a_live_source(demo, client):
    live_sources = set(SourcePage.objects.live().values_list("pk", flat=True))
    for essay in EssayPage.objects.live():
        cited = {source_id for source_id, _ in essay.cited()}
        assert cited, essay.slug
        assert cited <= live_sources, essay.slug
        response = client.get(essay.url)
        assert response.status_code == 200
        assert len(response.context["page"].citation_list) == len(cited)
