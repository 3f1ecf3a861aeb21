"""The permission matrix of docs/editorial.md, every cell, and the routes by which a
contributor might try to publish without review.

| action                                              | Contributor | Fact-checker    | Editor |
| create essay / source drafts                        | yes         | yes             | yes    |
| edit own drafts, submit for review, comment         | yes         | yes             | yes    |
| edit other people's pages                           | no          | pages in review | yes    |
| approve / reject "Source check"                     | no          | yes             | yes    |
| approve "Editorial approval" (publishes)            | no          | no              | yes    |
| publish (by approving), schedule, unpublish,        | no          | no              | yes    |
|   delete live pages, move                           |             |                 |        |
| create/edit organisation and contributor profiles   | no          | no              | yes    |
| upload images and documents                         | yes         | yes             | yes    |
"""

import io

import pytest
from django.urls import reverse
from PIL import Image
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from articles.models import Contributor, EssayPage, SourcePage
from tests.editorial.conftest import (
    add_url,
    create_essay,
    edit_url,
    essay_form,
    workflow_action,
)
from tests.factories import EssayPageFactory

pytestmark = pytest.mark.django_db

ROLES = ["contributor", "factchecker", "editor"]


def can_open(client, url):
    """True if the admin shows the page; Wagtail answers a refusal with a redirect or 403."""
    response = client.get(url)
    return response.status_code == 200


def source_form(title):
    data = nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "source_type": "statement",
            "creator": "",
            "publisher": "",
            "date": "2013-01-04",
            "date_precision": "day",
            "summary": rich_text("<p>A statement.</p>"),
            "provenance": rich_text("<p>Public.</p>"),
            "original_url": "https://example.org/statement",
            "archived_url": "https://web.archive.org/web/2020/https://example.org/statement",
            "date_accessed": "",
            "document": "",
            "comments": inline_formset([]),
            "listing_summary": "",
            "social_image": "",
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    data["excerpts-count"] = "0"  # an empty StreamField
    return data


def in_review(client, site, people, title="Under review"):
    return create_essay(client, site, people["other_contributor"], title=title)


def others_live_essay(site, people):
    return EssayPageFactory(title="Someone else's essay", owner=people["other_contributor"])


@pytest.mark.parametrize("role", ROLES)
def test_every_role_creates_essay_and_source_drafts(client, people, site, role):
    essay = create_essay(client, site, people[role], title=f"Draft by {role}", action=None)
    assert not essay.live and essay.owner == people[role]
    response = client.post(add_url(site["sources"], "sourcepage"), source_form(f"Source {role}"))
    assert response.status_code == 302, response.content.decode()[:2000]
    source = SourcePage.objects.get(title=f"Source {role}")
    assert not source.live


@pytest.mark.parametrize("role", ROLES)
def test_every_role_edits_own_draft_submits_it_and_comments(client, people, site, role):
    essay = create_essay(client, site, people[role], title=f"Own {role}", action=None)
    assert can_open(client, edit_url(essay))
    data = essay_form(f"Own {role}", site["pen_name"], site["source"], [site["org"]], page=essay)
    data["action-submit"] = "1"
    data.update(
        {
            "comments-TOTAL_FORMS": "1",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            "comments-0-id": "",
            "comments-0-contentpath": "title",
            "comments-0-text": f"A note from {role}",
            "comments-0-position": "",
            "comments-0-resolved": "",
            "comments-0-replies-TOTAL_FORMS": "0",
            "comments-0-replies-INITIAL_FORMS": "0",
            "comments-0-replies-MIN_NUM_FORMS": "0",
            "comments-0-replies-MAX_NUM_FORMS": "1000",
        }
    )
    assert client.post(edit_url(essay), data).status_code == 302
    essay.refresh_from_db()
    assert essay.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert essay.wagtail_admin_comments.get().text == f"A note from {role}"


@pytest.mark.parametrize(
    ("role", "live_page", "page_in_review"),
    [("contributor", False, False), ("factchecker", False, True), ("editor", True, True)],
)
def test_editing_other_peoples_pages(client, people, site, role, live_page, page_in_review):
    live = others_live_essay(site, people)
    reviewed = in_review(client, site, people)
    client.force_login(people[role])
    assert can_open(client, edit_url(live)) is live_page
    assert can_open(client, edit_url(reviewed)) is page_in_review


@pytest.mark.parametrize(
    ("role", "allowed"), [("contributor", False), ("factchecker", True), ("editor", True)]
)
def test_approving_and_rejecting_the_source_check(client, people, site, role, allowed):
    approved = in_review(client, site, people, "To approve")
    rejected = in_review(client, site, people, "To reject")
    workflow_action(client, people[role], approved, "approve")
    workflow_action(client, people[role], rejected, "reject", comment="No.")
    approved.refresh_from_db()
    rejected.refresh_from_db()
    assert (approved.current_workflow_task.name == "Editorial approval") is allowed
    assert (rejected.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES) is allowed


@pytest.mark.parametrize(
    ("role", "allowed"), [("contributor", False), ("factchecker", False), ("editor", True)]
)
def test_approving_the_editorial_step_publishes(client, people, site, role, allowed):
    essay = in_review(client, site, people)
    workflow_action(client, people["factchecker2"], essay, "approve")
    workflow_action(client, people[role], essay, "approve")
    essay.refresh_from_db()
    assert essay.live is allowed


@pytest.mark.parametrize(
    ("role", "allowed"), [("contributor", False), ("factchecker", False), ("editor", True)]
)
def test_unpublishing_deleting_and_moving_live_pages(client, people, site, role, allowed):
    to_unpublish = others_live_essay(site, people)
    to_delete = EssayPageFactory(title="Delete me", owner=people[role])
    to_move = EssayPageFactory(title="Move me", owner=people[role])
    client.force_login(people[role])
    client.post(reverse("wagtailadmin_pages:unpublish", args=(to_unpublish.pk,)))
    client.post(reverse("wagtailadmin_pages:delete", args=(to_delete.pk,)))
    client.post(reverse("wagtailadmin_pages:move_confirm", args=(to_move.pk, site["sources"].pk)))
    to_unpublish.refresh_from_db()
    to_move.refresh_from_db()
    assert (not to_unpublish.live) is allowed
    assert (not Page.objects.filter(pk=to_delete.pk).exists()) is allowed
    # An essay cannot go under the sources index; the editor may move it within essays.
    assert to_move.get_parent().pk == site["essays"].pk


def test_an_editor_can_move_a_page(client, people, site):
    page = EssayPageFactory(title="Movable")
    other_index = site["essays"]
    client.force_login(people["editor"])
    response = client.get(reverse("wagtailadmin_pages:move", args=(page.pk,)))
    assert response.status_code == 200
    assert page.permissions_for_user(people["editor"]).can_move_to(other_index)
    assert not page.permissions_for_user(people["contributor"]).can_move()
    assert not page.permissions_for_user(people["factchecker"]).can_move()


@pytest.mark.parametrize(
    ("role", "allowed"), [("contributor", False), ("factchecker", False), ("editor", True)]
)
def test_organisation_and_contributor_profiles_are_for_editors(client, people, site, role, allowed):
    client.force_login(people[role])
    assert can_open(client, add_url(site["organisations"], "organisationpage")) is allowed
    assert can_open(client, edit_url(site["org"])) is allowed
    assert can_open(client, "/admin/articles/contributor/create/") is allowed
    contributor = Contributor.objects.first()
    assert can_open(client, f"/admin/articles/contributor/edit/{contributor.pk}/") is allowed


@pytest.mark.parametrize("role", ROLES)
def test_every_role_uploads_images_and_documents(client, people, site, role):
    client.force_login(people[role])
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(buffer, "PNG")
    image = io.BytesIO(buffer.getvalue())
    image.name = "photo.png"
    response = client.post(reverse("wagtailimages:add"), {"title": "Photo", "file": image})
    assert response.status_code == 302, response.content.decode()[:1500]
    document = io.BytesIO(b"minutes of the meeting")
    document.name = "minutes.txt"
    response = client.post(reverse("wagtaildocs:add"), {"title": "Minutes", "file": document})
    assert response.status_code == 302, response.content.decode()[:1500]


# A contributor may not publish by any route.


def test_contributor_cannot_publish_with_the_publish_button(client, people, site):
    essay = create_essay(
        client, site, people["contributor"], title="Button", action="action-publish"
    )
    assert not essay.live
    assert essay.current_workflow_state is None


def test_contributor_cannot_publish_by_bulk_action(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Bulk", action=None)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(f"{url}?id={essay.pk}", {"include_descendants": ""})
    essay.refresh_from_db()
    assert not essay.live


def test_contributor_cannot_publish_by_reverting_to_a_revision(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Revert", action=None)
    revision = essay.get_latest_revision()
    assert can_open(
        client, reverse("wagtailadmin_pages:revisions_revert", args=(essay.pk, revision.pk))
    )
    data = essay_form("Revert", site["pen_name"], site["source"], [site["org"]], page=essay)
    data["action-publish"] = "1"
    data["revision"] = revision.pk
    client.post(edit_url(essay), data)
    essay.refresh_from_db()
    assert not essay.live


def test_contributor_cannot_publish_copies(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Copy", action=None)
    client.post(
        reverse("wagtailadmin_pages:copy", args=(essay.pk,)),
        {
            "new_title": "Copied",
            "new_slug": "copied",
            "new_parent_page": site["essays"].pk,
            "publish_copies": "on",
        },
    )
    assert not EssayPage.objects.filter(slug="copied", live=True).exists()


def test_contributor_cannot_move_a_page(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Moving", action=None)
    response = client.post(
        reverse("wagtailadmin_pages:move_confirm", args=(essay.pk, site["essays"].pk))
    )
    assert response.status_code in (302, 403)
    assert not essay.permissions_for_user(people["contributor"]).can_move()


def test_contributor_cannot_publish_with_the_schedule_form(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Schedule", action=None)
    data = essay_form("Schedule", site["pen_name"], site["source"], [site["org"]], page=essay)
    data.update({"action-publish": "1", "go_live_at": "2020-01-01 10:00"})
    client.post(edit_url(essay), data)
    essay.refresh_from_db()
    assert not essay.live
    assert essay.get_latest_revision().approved_go_live_at is None


def test_contributor_cannot_approve_by_a_crafted_post(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Crafted")
    response = workflow_action(client, people["contributor"], essay, "approve")
    assert response.status_code in (302, 403)
    essay.refresh_from_db()
    assert essay.current_workflow_task.name == "Source check"
    assert not essay.live
