"""Nothing goes live on one person's word."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import PageLogEntry

from core.editorial import DIRECT_PUBLISH_REFUSED
from tests.editorial.conftest import create_essay, edit_url, essay_form, workflow_action
from tests.factories import EssayPageFactory

pytestmark = pytest.mark.django_db


def edit_in_review(client, user, site, essay, standfirst):
    client.force_login(user)
    data = essay_form(essay.title, site["pen_name"], site["source"], [site["org"]], page=essay)
    data["standfirst"] = standfirst
    assert client.post(edit_url(essay), data).status_code == 302
    essay.refresh_from_db()


def test_nobody_approves_a_revision_they_saved(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Own revision")
    edit_in_review(client, people["factchecker"], site, essay, "Tightened by the checker.")
    task = essay.current_workflow_task.specific
    assert "approve" not in [name for name, *_ in task.get_actions(essay, people["factchecker"])]
    response = workflow_action(client, people["factchecker"], essay, "approve")
    assert response.status_code in (302, 403)
    essay.refresh_from_db()
    assert essay.current_workflow_task.name == "Source check"
    # Another fact-checker can.
    workflow_action(client, people["factchecker2"], essay, "approve")
    essay.refresh_from_db()
    assert essay.current_workflow_task.name == "Editorial approval"


def test_an_editor_cannot_approve_their_own_edit_at_the_final_step(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Editor edit")
    workflow_action(client, people["factchecker"], essay, "approve")
    edit_in_review(client, people["editor"], site, essay, "Edited by the editor.")
    workflow_action(client, people["editor"], essay, "approve")
    essay.refresh_from_db()
    assert not essay.live


def test_editing_a_page_in_review_needs_both_approvals_again(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Reapproval")
    workflow_action(client, people["factchecker"], essay, "approve")
    assert essay.current_workflow_task.name == "Editorial approval"
    edit_in_review(client, people["editor"], site, essay, "Changed during review.")
    # The changed revision has not been source-checked: it goes back to step 1.
    assert essay.current_workflow_task.name == "Source check"
    workflow_action(client, people["factchecker"], essay, "approve")
    essay.refresh_from_db()
    assert essay.current_workflow_task.name == "Editorial approval"
    workflow_action(client, people["editor"], essay, "approve")  # their own edit: refused
    essay.refresh_from_db()
    assert not essay.live
    workflow_action(client, people["editor2"], essay, "approve")
    essay.refresh_from_db()
    assert essay.live
    client.logout()
    assert "Changed during review." in client.get(essay.url).content.decode()


def test_an_editor_cannot_publish_directly_and_is_told_why(client, people, site):
    essay = create_essay(client, site, people["editor"], title="Editor direct", action=None)
    data = essay_form("Editor direct", site["pen_name"], site["source"], [site["org"]], page=essay)
    data["standfirst"] = "Kept as a draft."
    data["action-publish"] = "1"
    response = client.post(edit_url(essay), data, follow=True)
    essay.refresh_from_db()
    assert not essay.live
    assert essay.get_latest_revision().as_object().standfirst == "Kept as a draft."
    assert DIRECT_PUBLISH_REFUSED in [str(m) for m in get_messages(response.wsgi_request)]
    assert 'name="action-publish"' not in client.get(edit_url(essay)).content.decode()


def test_an_administrator_may_publish_directly_and_it_is_marked_in_the_audit_log(
    client, people, site
):
    essay = create_essay(
        client, site, people["admin"], title="Admin direct", action="action-publish"
    )
    assert essay.live
    entry = PageLogEntry.objects.get(page=essay, action="collective.publish_outside_review")
    assert entry.user == people["admin"]


def test_unpublishing_is_immediate_for_editors(client, people, site):
    essay = EssayPageFactory(title="Take down")
    client.force_login(people["editor"])
    client.post(reverse("wagtailadmin_pages:unpublish", args=(essay.pk,)))
    essay.refresh_from_db()
    assert not essay.live
    assert client.get("/essays/").content.decode().count("Take down") == 0


def test_approvals_rejections_publishes_and_unpublishes_are_in_the_audit_log(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Audited")
    workflow_action(client, people["factchecker"], essay, "reject", comment="Source?")
    client.force_login(people["contributor"])
    data = essay_form("Audited", site["pen_name"], site["source"], [site["org"]], page=essay)
    data["action-restart-workflow"] = "1"
    client.post(edit_url(essay), data)
    workflow_action(client, people["factchecker"], essay, "approve")
    workflow_action(client, people["editor"], essay, "approve")
    client.force_login(people["editor"])
    client.post(reverse("wagtailadmin_pages:unpublish", args=(essay.pk,)))
    actions = list(
        PageLogEntry.objects.filter(page=essay)
        .order_by("timestamp")
        .values_list("action", "user__username")
    )
    assert ("wagtail.workflow.reject", "factchecker") in actions
    assert ("wagtail.workflow.approve", "factchecker") in actions
    assert ("wagtail.workflow.approve", "editor") in actions
    assert ("wagtail.publish", "editor") in actions
    assert ("wagtail.unpublish", "editor") in actions
    assert essay.revisions.count() >= 2
