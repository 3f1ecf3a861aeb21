"""The demo content `make run` loads."""

import datetime
import itertools
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page

from articles.models import Contributor, EssayPage, OrganisationPage, SourcePage
from articles.models.integrity import LinkCheck, SourceLinkHealth
from core.editorial import EDITORS
from tests.factories import UserFactory

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


def test_demo_sources_have_verification_statuses_in_our_own_words(demo, client):
    sources = SourcePage.objects.live()
    verified = sources.filter(verification="verified")
    assert verified.count() >= 3
    assert all(source.verification_method and source.verified_on for source in verified)
    assert sources.filter(verification="disputed").count() == 1
    withdrawn = sources.get(verification="withdrawn")
    citing = list(withdrawn.citing_essays())
    assert citing
    html = client.get(citing[0].url).content.decode()
    assert "Withdrawn: we no longer rely on this source." in html.split('id="sources-heading"')[1]
    assert not sources.exclude(verification_notes="").exists()


def test_one_demo_source_has_an_original_that_is_gone(demo):
    health = SourceLinkHealth.objects.select_related("source").get()
    assert health.original_state == "offline"
    checks = list(
        LinkCheck.objects.filter(source=health.source, kind="original").order_by("checked_at")
    )
    assert [(c.verdict, c.status_code) for c in checks] == [("gone", 404)] * 3
    assert [b.checked_at - a.checked_at for a, b in itertools.pairwise(checks)] == [
        datetime.timedelta(days=1)
    ] * 2
    assert health.original_offline_since == checks[0].checked_at
    assert health.source.citing_essays().exists()
    call_command("load_demo", stdout=StringIO())
    assert LinkCheck.objects.count() == 3


def test_the_source_health_report_lists_the_gone_and_the_withdrawn_demo_sources(demo, client):
    editor = UserFactory(username="demo-editor")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    response = client.get("/admin/reports/source-health/")
    assert response.status_code == 200
    html = response.content.decode()
    gone = SourceLinkHealth.objects.get().source
    withdrawn = SourcePage.objects.get(verification="withdrawn")
    for source in (gone, withdrawn):
        assert f'href="/admin/pages/{source.pk}/edit/"' in html
    row = html.split(withdrawn.title, 1)[1].split("</tr>", 1)[0]
    for essay in withdrawn.citing_essays():
        assert f'href="/admin/pages/{essay.pk}/edit/"' in row
    assert "Original failing or offline" in html.split(gone.title, 1)[1].split("</tr>", 1)[0]


def test_with_demo_accounts_live_essays_went_through_the_source_check(settings, client):
    settings.DEBUG = True  # demo accounts are made only then, as `make run` has it
    call_command("load_demo", stdout=StringIO())
    essays = list(EssayPage.objects.live())
    assert essays
    for essay in essays:
        html = client.get(essay.url).content.decode()
        if essay.citations.exists():
            assert "Sources checked on" in html, essay.slug
        assert "factchecker" not in html
