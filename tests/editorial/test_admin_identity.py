"""Account data belongs to administrators: a contributor or a fact-checker crawling the
admin never reads another account's username, real name or email. Other accounts are
shown by a handle: the pen name tied to the account, else its role and number."""

import re
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group

from core.editorial import CONTRIBUTORS, EDITORS, FACT_CHECKERS
from tests.editorial.conftest import create_essay, edit_url, essay_form, workflow_action
from tests.factories import ContributorFactory, UserFactory

pytestmark = pytest.mark.django_db

# GET links that change something or leave the admin are not followed.
SKIP = re.compile(r"logout|/delete/|/unpublish/|/lock/|/unlock/|/copy/|/move/|/revert/|/2fa/")
LIMIT = 150


def canary_account(role, group):
    user = UserFactory(
        username=f"{role}-login-9c1e",
        email=f"{role}-mail-9c1e@example.org",
        first_name=f"{role.capitalize()}First9c1e",
        last_name=f"{role.capitalize()}Last9c1e",
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def private_strings(user):
    return [user.username, user.email, user.first_name, user.last_name]


@pytest.fixture
def newsroom(site):
    writer = canary_account("writer", CONTRIBUTORS)
    rival = canary_account("rival", CONTRIBUTORS)
    checker = canary_account("checker", FACT_CHECKERS)
    editor = canary_account("editor", EDITORS)
    ContributorFactory(name="Writer Pen", user=writer)
    ContributorFactory(name="Rival Pen", user=rival)
    return {"writer": writer, "rival": rival, "checker": checker, "editor": editor}


def save_from_editor(client, user, essay, site, **changes):
    client.force_login(user)
    pen_name = essay.essay_contributors.get().contributor
    data = essay_form(essay.title, pen_name, site["source"], [site["org"]], page=essay)
    data.update(changes)
    client.post(edit_url(essay), data)


def activity(client, site, people):
    """A review with everyone's hands on it: submissions, an edit by the editor, a
    request for changes, an approval, a lock."""
    essay = create_essay(client, site, people["writer"], title="Contested essay")
    workflow_action(client, people["checker"], essay, "reject", comment="Which page?")
    save_from_editor(client, people["writer"], essay, site, **{"action-restart-workflow": "1"})
    workflow_action(client, people["checker"], essay, "approve")
    save_from_editor(client, people["editor"], essay, site, standfirst="The editor's words.")
    rival_essay = create_essay(client, site, people["rival"], title="Rival essay")
    rival_essay.locked, rival_essay.locked_by = True, people["editor"]
    rival_essay.save()
    return essay


def crawl(client, start):
    seen, queue, pages = set(), list(start), {}
    while queue and len(seen) < LIMIT:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode(errors="replace")
        pages[url] = body
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for link in BeautifulSoup(body, "html.parser").find_all("a", href=True):
            target = urljoin(url, link["href"])
            parts = urlsplit(target)
            if parts.netloc or not parts.path.startswith("/admin/") or SKIP.search(target):
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return pages


@pytest.mark.parametrize("viewer", ["rival", "checker"])
def test_the_admin_shows_other_accounts_by_handle_only(client, site, newsroom, viewer):
    essay = activity(client, site, newsroom)
    client.force_login(newsroom[viewer])
    start = [
        "/admin/",
        f"/admin/pages/{site['essays'].pk}/",
        edit_url(essay),
        f"/admin/pages/{essay.pk}/history/",
        "/admin/reports/site-history/",
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/aging-pages/",
        f"/admin/pages/{essay.pk}/usage/",
        "/admin/articles/essaypage/",
        "/admin/articles/sourcepage/",
    ]
    pages = crawl(client, start)
    assert len(pages) > len(start)
    secrets = [
        text for name, user in newsroom.items() if name != viewer for text in private_strings(user)
    ]
    pattern = re.compile("|".join(re.escape(text) for text in secrets), re.IGNORECASE)
    leaks = {url: sorted(set(pattern.findall(body))) for url, body in pages.items()}
    leaks = {url: found for url, found in leaks.items() if found}
    assert not leaks, leaks
