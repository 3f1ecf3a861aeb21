"""A page in review has exactly one step in progress, whatever happens to it: edits by
reviewers, approvals, requests for changes and resubmissions, in any order. One step in
progress means one notification per reviewer, one row on each reviewer's dashboard and
an approval that moves the page on."""

from collections import Counter

import pytest
from django.core import mail
from wagtail.models import TaskState, WorkflowState

from tests.editorial.conftest import create_essay, edit_url, essay_form, workflow_action

pytestmark = pytest.mark.django_db


def in_progress(page):
    return TaskState.objects.filter(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def assert_one_step(page, step):
    """Exactly one task state in progress, at ``step`` (None: the review is over or
    waits for the author)."""
    states = list(in_progress(page).select_related("task"))
    if step is None:
        assert states == []
    else:
        assert [state.task.name for state in states] == [step]
        page.refresh_from_db()
        assert page.current_workflow_task_state == states[0]


def save_edit(client, user, page, site, standfirst, action=None):
    """``user`` changes the standfirst in the page editor and saves (or ``action``)."""
    client.force_login(user)
    page.refresh_from_db()
    data = essay_form(page.title, site["pen_name"], site["source"], [site["org"]], page=page)
    data["standfirst"] = standfirst
    if action:
        data[action] = "1"
    response = client.post(edit_url(page), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def assert_each_reviewer_told_once():
    counts = Counter(address for message in mail.outbox for address in message.to)
    assert counts, "nobody was told"
    assert max(counts.values()) == 1, counts


def dashboard_rows(client, user, title):
    client.force_login(user)
    return client.get("/admin/").content.decode().count(f">{title}<")


def test_a_fact_checker_editing_a_page_in_review_restarts_one_source_check(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Edited in review")
    mail.outbox.clear()
    save_edit(client, people["factchecker"], essay, site, "Tightened by the fact-checker.")
    assert_one_step(essay, "Source check")
    assert_each_reviewer_told_once()
    assert dashboard_rows(client, people["factchecker2"], "Edited in review") == 1
    # Approving the one step moves the page on: nothing is left behind at Source check.
    workflow_action(client, people["factchecker2"], essay, "approve")
    assert_one_step(essay, "Editorial approval")


def test_an_editor_editing_at_the_final_step_sends_it_back_to_one_source_check(
    client, people, site
):
    essay = create_essay(client, site, people["contributor"], title="Final step edit")
    workflow_action(client, people["factchecker"], essay, "approve")
    assert_one_step(essay, "Editorial approval")
    mail.outbox.clear()
    save_edit(client, people["editor"], essay, site, "The editor's standfirst.")
    assert_one_step(essay, "Source check")
    assert_each_reviewer_told_once()
    workflow_action(client, people["factchecker"], essay, "approve")
    assert_one_step(essay, "Editorial approval")
    workflow_action(client, people["editor2"], essay, "approve")
    assert_one_step(essay, None)
    essay.refresh_from_db()
    assert essay.live
    assert essay.standfirst == "The editor's standfirst."


@pytest.mark.parametrize(
    "steps",
    [
        # (who, what): "edit" saves a change in the editor, "approve"/"reject" act on the
        # current step, "resubmit" is the author's fix sent back for review.
        [("factchecker", "edit"), ("factchecker", "edit"), ("editor", "edit")],
        [("factchecker2", "approve"), ("editor", "edit"), ("factchecker", "edit")],
        [("factchecker", "reject"), ("contributor", "resubmit"), ("factchecker", "edit")],
        [
            ("factchecker", "approve"),
            ("editor", "reject"),
            ("contributor", "resubmit"),
            ("editor2", "edit"),
            ("factchecker", "approve"),
        ],
        [("editor", "edit"), ("factchecker", "reject"), ("contributor", "resubmit")],
    ],
    ids=["three-edits", "approve-then-edits", "reject-resubmit-edit", "long", "edit-reject"],
)
def test_any_sequence_leaves_exactly_one_step_in_progress(client, people, site, steps):
    essay = create_essay(client, site, people["contributor"], title="Sequence essay")
    assert_one_step(essay, "Source check")
    for number, (who, what) in enumerate(steps):
        user = people[who]
        if what == "edit":
            save_edit(client, user, essay, site, f"Change {number} by {who}.")
        elif what == "resubmit":
            save_edit(
                client, user, essay, site, f"Fixed ({number}).", action="action-restart-workflow"
            )
        else:
            assert workflow_action(client, user, essay, what).status_code == 302
        essay.refresh_from_db()
        state = essay.current_workflow_state
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            assert_one_step(essay, None)
        else:
            assert in_progress(essay).count() == 1, (number, who, what)
            assert_one_step(essay, state.current_task_state.task.name)
    # Whatever happened, the page can still be taken to the end by two other people.
    essay.refresh_from_db()
    if essay.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        save_edit(
            client, people["contributor"], essay, site, "Last fix.", "action-restart-workflow"
        )
    if essay.current_workflow_task.name == "Source check":
        checker = next(
            people[name]
            for name in ("factchecker", "factchecker2")
            if essay.get_latest_revision().user_id != people[name].pk
        )
        workflow_action(client, checker, essay, "approve")
    approver = next(
        people[name]
        for name in ("editor", "editor2")
        if essay.get_latest_revision().user_id != people[name].pk
    )
    workflow_action(client, approver, essay, "approve")
    assert_one_step(essay, None)
    essay.refresh_from_db()
    assert essay.live
