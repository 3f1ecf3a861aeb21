"""What the people in a review read: the reviewer's words where the author works, messages
and emails that name what happened, and dashboard panels that list each page where it
belongs, once."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from tests.editorial.conftest import (
    check_sources,
    create_essay,
    edit_url,
    essay_form,
    workflow_action,
)

pytestmark = pytest.mark.django_db


def messages_shown(response):
    """The text of the admin's message list (above the editor) in ``response``."""
    soup = BeautifulSoup(response.content, "html.parser")
    box = soup.select_one("div.messages")
    return " ".join(box.get_text(" ").split()) if box else ""


def unchanged_form(page, site):
    """The editor's form for the page's latest revision as a browser posts it back
    untouched: Wagtail then sees no change and saves no revision."""
    latest = page.get_latest_revision_as_object()
    data = essay_form(latest.title, site["pen_name"], site["source"], [site["org"]], page=latest)
    paragraph = latest.body[0]
    data["body-0-id"] = paragraph.id
    data["body-0-value"] = paragraph.block.get_form_state(paragraph.value)
    data["essay_contributors-0-ORDER"] = "1"
    return data


def act_from_the_editor(client, user, page, site, action, comment="", change=False):
    """``user`` approves or requests changes from the page editor's action menu (having
    changed the standfirst, if ``change``)."""
    client.force_login(user)
    page.refresh_from_db()
    data = unchanged_form(page, site)
    if change:
        data["standfirst"] = "Changed by the reviewer."
    data["action-workflow-action"] = "1"
    data["workflow-action-name"] = action
    data["workflow-action-extra-data"] = json.dumps({"comment": comment})
    return client.post(edit_url(page), data, follow=True)


def panel(response, panel_id):
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.find(id=f"{panel_id}-section")
    return " ".join(section.get_text(" ").split()) if section else ""


def test_the_author_reads_the_request_and_who_made_it_above_the_editor(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Asked to change")
    workflow_action(client, people["factchecker"], essay, "reject", comment="Cite page 12.")
    client.force_login(people["contributor"])
    shown = messages_shown(client.get(edit_url(essay)))
    checker = people["factchecker"]
    assert f"Changes requested at “Source check” by Fact-checker {checker.pk}" in shown
    assert "“Cite page 12.”" in shown
    # Who asked is the reviewer, never the author, and never the reviewer's account name.
    assert "contributor" not in shown.lower()
    assert checker.username not in shown


def test_approving_and_requesting_changes_from_the_editor_say_what_happened(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Named actions")
    check_sources(client, people["factchecker"], essay)
    shown = messages_shown(
        act_from_the_editor(client, people["factchecker"], essay, site, "approve")
    )
    assert "Source check approved" in shown
    assert "goes to “Editorial approval”" in shown
    assert "has been updated" not in shown

    shown = messages_shown(
        act_from_the_editor(client, people["editor"], essay, site, "reject", "Shorter, please.")
    )
    assert "Changes requested at “Editorial approval”" in shown
    assert "has been updated" not in shown

    client.force_login(people["contributor"])
    data = essay_form(essay.title, site["pen_name"], site["source"], [site["org"]], page=essay)
    data["action-restart-workflow"] = "1"
    client.post(edit_url(essay), data)
    workflow_action(client, people["factchecker"], essay, "approve")
    shown = messages_shown(act_from_the_editor(client, people["editor"], essay, site, "approve"))
    assert "Editorial approval approved: “Named actions” is published." in shown
    assert "has been updated" not in shown
    essay.refresh_from_db()
    assert essay.live


def test_a_reviewer_who_changes_the_page_and_approves_is_told_their_change_needs_another(
    client, people, site
):
    essay = create_essay(client, site, people["contributor"], title="Changed and approved")
    response = act_from_the_editor(
        client, people["factchecker"], essay, site, "approve", change=True
    )
    shown = messages_shown(response)
    assert "Your changes are saved, and not approved" in shown
    assert "permission" not in shown
    essay.refresh_from_db()
    assert essay.get_latest_revision_as_object().standfirst == "Changed by the reviewer."
    state = essay.current_workflow_task_state
    assert state.task.name == "Source check"
    assert state.revision_id == essay.get_latest_revision().pk
    # Another fact-checker approves the changed revision.
    workflow_action(client, people["factchecker2"], essay, "approve")
    essay.refresh_from_db()
    assert essay.current_workflow_task.name == "Editorial approval"


def test_the_authors_email_says_changes_requested_not_rejected(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Emailed request")
    mail.outbox.clear()
    workflow_action(client, people["factchecker"], essay, "reject", comment="Which page?")
    [message] = mail.outbox
    assert message.to == ["contributor@example.org"]
    assert message.subject.startswith("Changes requested")
    assert "Source check" in message.subject
    html = message.alternatives[0].content if message.alternatives else ""
    for text in (message.subject, message.body, html):
        assert "rejected" not in text.lower()
        assert people["factchecker"].username not in text
    assert "Which page?" in message.body
    assert f"Fact-checker {people['factchecker'].pk}" in message.body


def test_your_drafts_lists_drafts_and_pages_sent_back_not_pages_with_reviewers(
    client, people, site
):
    create_essay(client, site, people["contributor"], title="Still a draft", action=None)
    create_essay(client, site, people["contributor"], title="With the reviewers")
    sent_back = create_essay(client, site, people["contributor"], title="Sent back")
    workflow_action(client, people["factchecker"], sent_back, "reject", comment="Fix it.")
    client.force_login(people["contributor"])
    drafts = panel(client.get("/admin/"), "your-drafts")
    assert "Still a draft" in drafts
    assert "Sent back" in drafts
    assert "With the reviewers" not in drafts


def test_awaiting_your_review_lists_only_what_you_may_act_on_once(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Awaiting check")
    workflow_action(client, people["factchecker"], essay, "approve")
    # An editor's edit sends it back to the Source check: the editor may not approve
    # their own revision, so it does not await them; it awaits the fact-checkers once.
    client.force_login(people["editor"])
    data = essay_form(essay.title, site["pen_name"], site["source"], [site["org"]], page=essay)
    data["standfirst"] = "Edited by the editor."
    client.post(edit_url(essay), data)
    client.force_login(people["editor"])
    assert "Awaiting check" not in panel(client.get("/admin/"), "awaiting-review")
    client.force_login(people["factchecker"])
    awaiting = panel(client.get("/admin/"), "awaiting-review")
    assert awaiting.count("Awaiting check") == 1
    client.force_login(people["contributor"])
    assert "Awaiting check" not in panel(client.get("/admin/"), "awaiting-review")


def test_the_review_desk_keeps_each_state_whole_and_offers_only_real_organisations(
    client, people, site
):
    create_essay(client, site, people["contributor"], title="On the desk")
    client.force_login(people["editor"])
    page = client.get("/admin/articles/essaypage/").content.decode()
    assert '<span class="review-state">In review</span>' in page
    css = b"".join(client.get("/static/articles/css/admin.css").streaming_content).decode()
    assert re.search(r"\.review-state\s*{[^}]*white-space:\s*nowrap", css)
    assert re.search(r"td\[class\^=\"field-\"\]\s*{[^}]*word-break:\s*normal", css)
    soup = BeautifulSoup(page, "html.parser")
    choices = [link.get_text(strip=True) for link in soup.select("ul li a[href*='organisation']")]
    assert "SWP" in choices
    options = [link.get_text(strip=True) for link in soup.select("li a")]
    assert "-" not in options and "—" not in options
