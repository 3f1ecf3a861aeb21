"""The review desk, the dashboard panels, the demo accounts and the set-up migration."""

import importlib
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from articles.models import FourEyesApprovalTask
from tests.editorial.conftest import create_essay, workflow_action
from tests.factories import EssayPageFactory

pytestmark = pytest.mark.django_db

DESK = "/admin/articles/essaypage/"


def desk_titles(client, query=""):
    response = client.get(f"{DESK}?{query}")
    assert response.status_code == 200
    return {page.title for page in response.context["object_list"]}


def test_review_desk_shows_editors_everything_with_its_state(client, people, site):
    create_essay(client, site, people["contributor"], title="In review")
    create_essay(
        client,
        site,
        people["other_contributor"],
        title="Someone else's draft",
        action=None,
        slug="someone-elses-draft",
    )
    EssayPageFactory(title="Already live", organisations=[site["org"]])
    client.force_login(people["editor"])
    assert {"In review", "Someone else's draft", "Already live"} <= desk_titles(client)
    content = client.get(DESK).content.decode()
    for text in ("Source check", "Draft", "Live", "Quiet Voice", "SWP"):
        assert text in content
    assert desk_titles(client, "state=in_review") == {"In review"}
    assert desk_titles(client, "state=draft") == {"Someone else's draft"}
    assert "Already live" in desk_titles(client, "state=live")
    assert desk_titles(client, "contributor=quiet-voice") == {"In review"}
    assert desk_titles(client, "q=someone") == {"Someone else's draft"}
    assert "Already live" in desk_titles(client, f"organisation={site['org'].slug}")
    assert desk_titles(client, "organisation=nobody") == set()


def test_review_desk_shows_contributors_only_their_own_pages(client, people, site):
    create_essay(client, site, people["contributor"], title="Mine")
    create_essay(client, site, people["other_contributor"], title="Theirs")
    client.force_login(people["contributor"])
    assert desk_titles(client) == {"Mine"}
    client.force_login(people["factchecker"])
    assert {"Mine", "Theirs"} <= desk_titles(client)


def test_review_desk_rows_open_the_page_editor(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Open me")
    client.force_login(people["editor"])
    assert f"/admin/pages/{essay.pk}/edit/" in client.get(DESK).content.decode()


def test_dashboard_shows_reviewers_what_awaits_them_and_contributors_their_drafts(
    client, people, site
):
    create_essay(client, site, people["contributor"], title="Waiting essay")
    create_essay(client, site, people["contributor"], title="Unsent essay", action=None)
    client.force_login(people["factchecker"])
    dashboard = client.get("/admin/").content.decode()
    assert "Awaiting your review" in dashboard
    assert "Waiting essay" in dashboard
    client.force_login(people["contributor"])
    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")
    drafts = dashboard.find(id="your-drafts-section").get_text(" ")
    assert "Unsent essay" in drafts
    # A page with the reviewers is no draft: Wagtail's panel of pages in a workflow has it.
    assert "Waiting essay" not in drafts
    in_workflow = dashboard.find(id="objects-in-workflow-section").get_text(" ")
    assert "Waiting essay" in in_workflow
    assert "Source check" in in_workflow


def test_the_source_check_is_gone_from_the_panel_once_approved(client, people, site):
    essay = create_essay(client, site, people["contributor"], title="Checked essay")
    workflow_action(client, people["factchecker"], essay, "approve")
    client.force_login(people["factchecker"])
    client.get("/admin/")  # shows and clears the confirmation message
    assert "Checked essay" not in client.get("/admin/").content.decode()


@override_settings(DEBUG=True, DEMO_PASSWORD="a-demo-password-for-tests")
def test_demo_accounts_exist_only_in_development(client):
    call_command("load_demo", stdout=StringIO())
    users = get_user_model().objects
    assert set(users.values_list("username", flat=True)) == {
        "contributor",
        "factchecker",
        "editor",
        "admin",
    }
    assert users.get(username="editor").groups.filter(name="Editors").exists()
    assert users.get(username="admin").is_superuser
    assert client.login(username="contributor", password="a-demo-password-for-tests")


def test_production_never_creates_demo_accounts():
    call_command("load_demo", stdout=StringIO())
    assert not get_user_model().objects.exists()


def test_the_set_up_migration_is_safe_to_run_again_and_keeps_deliberate_changes():
    migration = importlib.import_module("articles.migrations.0003_editorial_groups_and_workflow")
    editors = Group.objects.get(name="Editors")
    extra = Permission.objects.get(codename="add_redirect")
    editors.permissions.add(extra)
    source_check = FourEyesApprovalTask.objects.get(name="Source check")
    source_check.groups.remove(editors)
    before = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        FourEyesApprovalTask.objects.count(),
        Workflow.objects.count(),
    )
    migration.setup(apps, None)
    after = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        FourEyesApprovalTask.objects.count(),
        Workflow.objects.count(),
    )
    assert before == after
    assert editors.permissions.filter(pk=extra.pk).exists()
    assert not source_check.groups.filter(pk=editors.pk).exists()
    assert WorkflowPage.objects.get(page__depth=1).workflow.name == "Editorial review"
