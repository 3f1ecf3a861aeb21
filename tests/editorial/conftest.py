import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.blocks import RICH_TEXT_FEATURES
from articles.claim_views import may_check
from articles.models import (
    Contributor,
    EssayIndexPage,
    EssayPage,
    OrganisationIndexPage,
    SourceIndexPage,
)
from core.editorial import CONTRIBUTORS, EDITORS, FACT_CHECKERS, SOURCE_CHECK
from tests.factories import (
    ContributorFactory,
    OrganisationPageFactory,
    SourcePageFactory,
    UserFactory,
    cite,
    index_page,
)


def member(username, group=None, **extra):
    user = UserFactory(username=username, email=f"{username}@example.org", **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def people(db):
    return {
        "contributor": member("contributor", CONTRIBUTORS),
        "other_contributor": member("other_contributor", CONTRIBUTORS),
        "factchecker": member("factchecker", FACT_CHECKERS),
        "factchecker2": member("factchecker2", FACT_CHECKERS),
        "editor": member("editor", EDITORS),
        "editor2": member("editor2", EDITORS),
        "admin": member("admin", is_superuser=True, is_staff=True),
    }


@pytest.fixture
def site(db, people):
    org = OrganisationPageFactory(short_name="SWP")
    return {
        "essays": index_page(EssayIndexPage),
        "sources": index_page(SourceIndexPage),
        "organisations": index_page(OrganisationIndexPage),
        "org": org,
        "source": SourcePageFactory(title="Disputes committee report", organisations=[org]),
        "pen_name": ContributorFactory(name="Quiet Voice", user=people["contributor"]),
    }


def essay_form(title, contributor, source=None, organisations=(), page=None, **extra):
    """The page editor's form data for an essay, as a browser would post it
    (for an existing ``page``, with the ids of its contributor rows)."""
    rows = list(page.essay_contributors.all()) if page else []
    contributors = (
        inline_formset(
            [{"id": row.pk, "contributor": row.contributor_id} for row in rows], initial=len(rows)
        )
        if rows
        else inline_formset([{"contributor": contributor.pk}])
    )
    text = (
        f"<p>The report says {cite(source, 'the complaint was dismissed')}.</p>"
        if source
        else "<p>Text.</p>"
    )
    data = nested_form_data(
        {
            "title": title,
            "slug": extra.pop("slug", title.lower().replace(" ", "-")),
            "standfirst": "What the report shows.",
            "essay_contributors": contributors,
            "body": streamfield([("paragraph", rich_text(text, features=RICH_TEXT_FEATURES))]),
            "topics": "internal democracy",
            "corrections": inline_formset([]),
            "comments": inline_formset([]),
            "publication_date": "",
            "hero_image": "",
            "listing_summary": "",
            "social_image": "",
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            **extra,
        }
    )
    # A multiple choice is a repeated key, which nested_form_data would number instead.
    data["organisations"] = [org.pk for org in organisations]
    return data


def add_url(parent, model="essaypage"):
    return reverse("wagtailadmin_pages:add", args=("articles", model, parent.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def create_essay(
    client, site, user, title="New essay", action="action-submit", pen_name=None, **extra
):
    """``user`` creates an essay in the editor (``action``: save draft / submit / publish)."""
    client.force_login(user)
    data = essay_form(title, pen_name or byline(user, site), site["source"], [site["org"]], **extra)
    if action:
        data[action] = "1"
    response = client.post(add_url(site["essays"]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return EssayPage.objects.get(title=title)


def byline(user, site):
    """The pen name ``user`` may sign with: the site's writer's for editors (who may byline
    anyone) and that writer, else a profile of their own."""
    if user.is_superuser or user.groups.filter(name=EDITORS).exists():
        return site["pen_name"]
    own = Contributor.objects.filter(user=user).order_by("pk").first()
    return own or ContributorFactory(name=f"Pen of {user.username}", user=user)


def check_sources(client, user, page, verdict="supports", note=""):
    """``user`` marks every citation of the essay's latest revision on the "Check
    sources" sheet, as a fact-checker does before approving "Source check"."""
    client.force_login(user)
    url = reverse("source_check", args=(page.pk,))
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    rows = response.context["rows"]
    data = {"revision": response.context["revision"].pk}
    for number, _ in enumerate(rows, start=1):
        data[f"claim-{number}-verdict"] = verdict
        data[f"claim-{number}-note"] = note
    return client.post(url, data)


def workflow_action(client, user, page, action, comment="", mark=True):
    """``user`` takes a workflow action on ``page`` from the action view. Approving an
    essay's "Source check" marks its citations "supports" first, as a fact-checker does
    (``mark=False``: approve as they stand)."""
    client.force_login(user)
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    if (
        mark
        and action == "approve"
        and task_state.task.name == SOURCE_CHECK
        and page.specific_class is EssayPage
        and may_check(user, page.get_latest_revision())
    ):
        check_sources(client, user, page)
        client.force_login(user)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    data = {"comment": comment} if comment else {}
    return client.post(url, data)
