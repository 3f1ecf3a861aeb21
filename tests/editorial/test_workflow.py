"""The whole editorial path on Wagtail's workflow engine, its notifications and
history, and what readers see meanwhile."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from articles.models import EssayPage
from tests.editorial.conftest import create_essay, edit_url, essay_form, workflow_action

pytestmark = pytest.mark.django_db


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_the_whole_path_from_draft_to_live(client, people, site):
    contributor, checker, editor = people["contributor"], people["factchecker"], people["editor"]

    essay = create_essay(client, site, contributor, title="On the disputes committee")
    assert not essay.live
    assert essay.current_workflow_task.name == "Source check"
    assert "factchecker@example.org" in recipients()
    assert "editor@example.org" in recipients()

    mail.outbox.clear()
    response = workflow_action(client, checker, essay, "reject", comment="Cite the page number.")
    assert response.status_code == 302
    essay.refresh_from_db()
    assert essay.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert recipients() == ["contributor@example.org"]

    # The author sees the comment in the editor, fixes the essay and resubmits.
    client.force_login(contributor)
    editor_page = client.get(edit_url(essay)).content.decode()
    assert "Cite the page number." in editor_page
    mail.outbox.clear()
    data = essay_form(
        "On the disputes committee", site["pen_name"], site["source"], [site["org"]], page=essay
    )
    data["action-restart-workflow"] = "1"
    assert client.post(edit_url(essay), data).status_code == 302
    essay.refresh_from_db()
    assert essay.current_workflow_task.name == "Source check"
    assert "factchecker@example.org" in recipients()

    mail.outbox.clear()
    workflow_action(client, checker, essay, "approve")
    essay.refresh_from_db()
    assert essay.current_workflow_task.name == "Editorial approval"
    assert "editor@example.org" in recipients()
    assert "factchecker@example.org" not in recipients()
    assert not essay.live

    mail.outbox.clear()
    workflow_action(client, editor, essay, "approve")
    essay.refresh_from_db()
    assert essay.live
    assert recipients() == ["contributor@example.org"]
    assert "approved" in mail.outbox[0].subject

    client.logout()
    assert "On the disputes committee" in client.get(site["org"].url).content.decode()
    assert "On the disputes committee" in client.get(site["source"].url).content.decode()


def test_workflow_history_shows_every_step_who_took_it_and_when(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="History essay")
    workflow_action(client, people["factchecker"], essay, "approve")
    workflow_action(client, people["editor"], essay, "approve")
    client.force_login(people["editor"])
    state = WorkflowState.objects.get(object_id=str(essay.pk))
    detail = client.get(
        reverse("wagtailadmin_pages:workflow_history_detail", args=(essay.pk, state.pk))
    ).content.decode()
    checker, editor = people["factchecker"], people["editor"]
    # Who took each step, by handle (their role and number), never by account name.
    for text in (
        "Source check",
        "Editorial approval",
        f"Fact-checker {checker.pk}",
        f"Editor {editor.pk}",
        "Approved",
    ):
        assert text in detail
    history = client.get(reverse("wagtailadmin_pages:history", args=(essay.pk,))).content.decode()
    for text in (
        "&#x27;Editorial review&#x27; started",
        "Approved at &#x27;Source check&#x27;",
        "Approved at &#x27;Editorial approval&#x27;",
        "Published",
    ):
        assert text in history


def test_a_page_in_review_is_not_visible_to_readers(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Secret review essay")
    client.logout()
    assert client.get("/essays/secret-review-essay/").status_code == 404
    for url in ["/", "/essays/", site["org"].url, site["source"].url, "/search/?query=Secret"]:
        assert "Secret review essay" not in client.get(url).content.decode(), url
    assert essay.pk


def test_the_live_version_stays_visible_while_a_new_revision_is_reviewed(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Versioned essay")
    workflow_action(client, people["factchecker"], essay, "approve")
    workflow_action(client, people["editor"], essay, "approve")
    client.force_login(people["contributor"])
    data = essay_form(
        "Versioned essay", site["pen_name"], site["source"], [site["org"]], page=essay
    )
    data["standfirst"] = "A rewritten standfirst under review."
    data["action-submit"] = "1"
    assert client.post(edit_url(essay), data).status_code == 302
    client.logout()
    content = client.get("/essays/versioned-essay/").content.decode()
    assert "What the report shows." in content
    assert "A rewritten standfirst under review." not in content


def test_a_scheduled_page_goes_live_when_the_job_runs(client, people, site):
    later = (timezone.now() + timezone.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    essay = create_essay(client, site, people["contributor"], title="Scheduled", go_live_at=later)
    workflow_action(client, people["factchecker"], essay, "approve")
    workflow_action(client, people["editor"], essay, "approve")
    essay.refresh_from_db()
    assert not essay.live
    call_command("publish_scheduled")
    essay.refresh_from_db()
    assert not essay.live  # not yet due
    # The go-live time passes.
    past = timezone.now() - timezone.timedelta(minutes=1)
    revision = essay.get_latest_revision()
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    essay.refresh_from_db()
    assert essay.live
    client.logout()
    assert client.get("/essays/scheduled/").status_code == 200


def test_approving_the_last_step_with_a_go_live_time_schedules_instead_of_publishing(
    client, people, site
):
    later = (timezone.now() + timezone.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    essay = create_essay(client, site, people["contributor"], title="Later essay", go_live_at=later)
    workflow_action(client, people["factchecker"], essay, "approve")
    workflow_action(client, people["editor"], essay, "approve")
    essay.refresh_from_db()
    assert not essay.live
    assert essay.get_latest_revision().approved_go_live_at is not None
    assert EssayPage.objects.get(pk=essay.pk).go_live_at is not None
