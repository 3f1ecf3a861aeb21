"""Claims checked one by one: in "Source check" the fact-checker marks every citation of
the revision under review, and the step approves only when all are marked and none is
marked "does not support" (or with an override reason, kept in the page's history)."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import rich_text

from articles.blocks import RICH_TEXT_FEATURES
from articles.models import CitationCheck, EssayPage
from articles.models.workflow import SOURCE_CHECK_OVERRIDE
from tests.editorial.conftest import (
    check_sources,
    create_essay,
    edit_url,
    essay_form,
    workflow_action,
)
from tests.factories import SourcePageFactory, cite

pytestmark = pytest.mark.django_db


def refused(response):
    """Wagtail's admin answers a refused action with its "no permission" redirect to the
    dashboard (or a 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def sheet_url(page):
    return reverse("source_check", args=(page.pk,))


def two_claims(site, second_words="the appeal was never heard"):
    second = SourcePageFactory(title="Appeal letter")
    html = (
        f"<p>The report says {cite(site['source'], 'the complaint was dismissed', 'p. 4')}, "
        f"and {cite(second, second_words)}.</p>"
    )
    return second, rich_text(html, features=RICH_TEXT_FEATURES)


def submitted_essay(client, site, people, body=None, title="Checked claims"):
    if body is None:
        essay = create_essay(client, site, people["contributor"], title=title)
    else:
        # Drafted, then given these citations and submitted.
        essay = create_essay(client, site, people["contributor"], title=title, action=None)
        data = essay_form(title, site["pen_name"], site["source"], [site["org"]], page=essay)
        data["body-0-value"] = body
        data["action-submit"] = "1"
        assert client.post(edit_url(essay), data).status_code == 302
    essay.refresh_from_db()
    assert essay.current_workflow_task.name == "Source check"
    return essay


def mark(client, user, essay, verdicts, notes=None, public=()):
    """``user`` posts the sheet with these verdicts (in the sheet's order)."""
    client.force_login(user)
    page = client.get(sheet_url(essay))
    data = {"revision": page.context["revision"].pk}
    for number, verdict in enumerate(verdicts, start=1):
        data[f"claim-{number}-verdict"] = verdict
        data[f"claim-{number}-note"] = (notes or {}).get(number, "")
        if number in public:
            data[f"claim-{number}-note_is_public"] = "on"
    return client.post(sheet_url(essay), data, follow=True)


def step(essay):
    essay.refresh_from_db()
    return essay.current_workflow_task.name if essay.current_workflow_task else None


def test_the_sheet_shows_every_citation_with_its_words_source_and_pinpoint(client, people, site):
    _, body = two_claims(site)
    essay = submitted_essay(client, site, people, body=body)
    client.force_login(people["factchecker"])
    editor_html = client.get(edit_url(essay)).content.decode()
    assert f'href="{sheet_url(essay)}"' in editor_html  # "Check sources" in the header
    html = client.get(sheet_url(essay)).content.decode()
    assert "the complaint was dismissed" in html
    assert "Disputes committee report" in html
    assert "At: p. 4" in html
    assert "the appeal was never heard" in html
    assert "Appeal letter" in html
    assert "2 unmarked, 0 marked “does not support”, of 2 citations" in html


def test_source_check_is_not_approved_while_a_citation_is_unmarked(client, people, site):
    _, body = two_claims(site)
    essay = submitted_essay(client, site, people, body=body)
    checker = people["factchecker"]
    mark(client, checker, essay, ["supports", ""])

    # Not offered in the editor, and refused when posted anyway.
    client.force_login(checker)
    editor_html = client.get(edit_url(essay)).content.decode()
    assert "Approve with override reason" in editor_html
    assert 'data-workflow-action-name="override"' in editor_html
    assert 'data-workflow-action-name="approve"' not in editor_html
    assert refused(workflow_action(client, checker, essay, "approve", mark=False))
    assert step(essay) == "Source check"

    mark(client, checker, essay, ["supports", "partly"])
    response = workflow_action(client, checker, essay, "approve", mark=False)
    assert response.status_code == 302
    assert step(essay) == "Editorial approval"


def test_does_not_support_needs_an_override_reason_which_the_history_keeps(client, people, site):
    essay = submitted_essay(client, site, people)
    checker = people["factchecker"]
    mark(client, checker, essay, ["does_not_support"], notes={1: "The report says the opposite."})
    assert refused(workflow_action(client, checker, essay, "approve", mark=False))

    task_state = essay.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(essay.pk, "override", task_state.pk))
    client.force_login(checker)
    client.post(url, {"reason": "  "})
    assert step(essay) == "Source check"

    reason = "Agreed with the writer: the minutes, not the report, are cited in the next edit."
    assert client.post(url, {"reason": reason}).status_code == 302
    assert step(essay) == "Editorial approval"
    entry = PageLogEntry.objects.get(page=essay, action=SOURCE_CHECK_OVERRIDE)
    assert entry.data["reason"] == reason
    assert entry.data["not_supported"] == 1
    assert entry.user_id == checker.pk

    client.force_login(people["editor"])
    history = client.get(reverse("wagtailadmin_pages:history", args=(essay.pk,)))
    assert "Source check approved with an override" in history.content.decode()


def test_nobody_overrides_when_every_citation_is_marked_supported(client, people, site):
    essay = submitted_essay(client, site, people)
    checker = people["factchecker"]
    check_sources(client, checker, essay)
    task_state = EssayPage.objects.get(pk=essay.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(essay.pk, "override", task_state.pk))
    client.force_login(checker)
    assert refused(client.post(url, {"reason": "Because."}))
    assert step(essay) == "Source check"


def test_a_new_revision_keeps_the_marks_of_unchanged_citations_only(client, people, site):
    second, body = two_claims(site)
    essay = submitted_essay(client, site, people, body=body)
    checker = people["factchecker"]
    mark(client, checker, essay, ["supports", "does_not_support"])
    workflow_action(client, checker, essay, "reject", comment="The letter says it was heard.")

    # The writer changes the second claim's words and resubmits.
    data = essay_form("Checked claims", site["pen_name"], site["source"], [site["org"]], page=essay)
    data["body-0-value"] = rich_text(
        f"<p>The report says {cite(site['source'], 'the complaint was dismissed', 'p. 4')}, "
        f"and {cite(second, 'the appeal was heard late')}.</p>",
        features=RICH_TEXT_FEATURES,
    )
    data["action-restart-workflow"] = "1"
    client.force_login(people["contributor"])
    assert client.post(edit_url(essay), data).status_code == 302

    client.force_login(checker)
    sheet = client.get(sheet_url(essay))
    marks = {row.claim.words: row.mark for row, _ in sheet.context["rows"]}
    assert marks["the complaint was dismissed"].verdict == "supports"
    assert marks["the appeal was heard late"] is None
    # The earlier revision keeps its own marks.
    assert CitationCheck.objects.filter(verdict="does_not_support").count() == 1


def test_writers_and_the_reviser_cannot_mark_citations(client, people, site):
    essay = submitted_essay(client, site, people)
    for user in (people["contributor"], people["other_contributor"]):
        client.force_login(user)
        assert refused(client.get(sheet_url(essay)))
        assert refused(client.post(sheet_url(essay), {"claim-1-verdict": "supports"}))
    assert not CitationCheck.objects.exists()


def test_only_editors_publish_a_note_and_readers_see_the_check_date_not_the_name(
    client, people, site
):
    essay = submitted_essay(client, site, people)
    checker, editor = people["factchecker"], people["editor"]
    # A fact-checker's try to publish their own note is ignored.
    mark(client, checker, essay, ["supports"], notes={1: "Page 4, second paragraph."}, public=[1])
    assert not CitationCheck.objects.get().note_is_public
    workflow_action(client, checker, essay, "approve")
    mark(client, editor, essay, ["supports"], notes={1: "Page 4, second paragraph."}, public=[1])
    workflow_action(client, editor, essay, "approve")
    essay.refresh_from_db()
    assert essay.live

    client.logout()
    html = client.get(essay.url).content.decode()
    assert "Sources checked on" in html
    assert "by a fact-checker" in html
    assert "Fact-checker's note: Page 4, second paragraph." in html
    for name in (checker.username, checker.email, editor.username):
        assert name not in html


def test_an_essay_published_without_a_source_check_claims_none(client, people, site):
    essay = create_essay(client, site, people["admin"], title="Straight out", action=None)
    client.force_login(people["admin"])
    data = essay_form("Straight out", site["pen_name"], site["source"], [site["org"]], page=essay)
    data["action-publish"] = "1"
    client.post(edit_url(essay), data)
    essay.refresh_from_db()
    assert essay.live
    client.logout()
    assert "Sources checked on" not in client.get(essay.url).content.decode()


def test_the_sheet_refuses_marks_for_a_revision_that_is_no_longer_the_latest(client, people, site):
    essay = submitted_essay(client, site, people)
    checker = people["factchecker"]
    client.force_login(checker)
    stale = client.get(sheet_url(essay)).context["revision"].pk
    latest = EssayPage.objects.get(pk=essay.pk).get_latest_revision_as_object()
    latest.save_revision(user=people["factchecker2"])
    response = client.post(
        sheet_url(essay), {"revision": stale, "claim-1-verdict": "supports"}, follow=True
    )
    assert "nothing was saved" in response.content.decode()
    assert not CitationCheck.objects.exists()


def test_the_sheet_of_no_essay_is_not_found(client, people, site):
    client.force_login(people["factchecker"])
    assert client.get(reverse("source_check", args=(99_999_999_999,))).status_code == 404
    assert client.get(reverse("source_check", args=(site["source"].pk,))).status_code == 404
