"""The whole editorial path, clicked through the real Wagtail admin in headless Chromium.

A contributor writes an essay that cites a source (Draftail's "Cite" button, the page
chooser, the pinpoint dialog) and submits it; the fact-checker requests changes; the
contributor reads the comment, edits and resubmits; the fact-checker, refused a plain
approval while the citation is unmarked, marks it on "Check sources" and approves; the
editor approves; a reader finds the essay with its numbered citation, on the organisation's page
and in the source's "Cited in".

Each step's server side is covered without a browser in tests/editorial/.
"""

import re
from types import SimpleNamespace

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from articles.models import EssayIndexPage, EssayPage, OrganisationPage, SourcePage

TITLE = "The split of 2019"
SLUG = "the-split-of-2019"  # what the editor makes of the title
STANDFIRST = "How the international came apart."
TEXT = "The international split in 2019 over the conduct of its sections."
CITED_WORDS = "split in 2019"
PINPOINT = "section “The 2019 split”"
SOURCE_SLUG = "wp-cwi"
ORGANISATION_SLUG = "cwi"
COMMENT = "Say which section of the article supports the date."
REVISED_STANDFIRST = "How the international came apart, and where the record says so."
SUBMITTED = re.compile(rf"Page '{TITLE}' (has been|created and) submitted for moderation")


def sign_in(new_context, username, password) -> Page:
    page = new_context().new_page()
    page.goto(reverse("wagtailadmin_login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        page.get_by_role("button", name="Sign in").click()
    status = answer.value.status
    assert status == 302, f"{username} could not sign in ({status}): {page.inner_text('body')}"
    expect(page).to_have_url(re.compile(f"{re.escape(reverse('wagtailadmin_home'))}$"))
    return page


def essay_facts(server_lock):
    """What the database says of the essay (read while the live server is idle)."""
    with server_lock:
        page = EssayPage.objects.get(slug=SLUG)
        state = page.current_workflow_state
        latest = page.get_latest_revision_as_object()
        return SimpleNamespace(
            live=page.live,
            owner=page.owner.username,
            workflow_status=state.status if state else None,
            task=state.current_task_state.task.name if state else None,
            revisions_by={revision.user.username for revision in page.revisions.all()},
            latest_contributors=[row.contributor.slug for row in latest.essay_contributors.all()],
            latest_organisations=[org.slug for org in latest.organisations.all()],
            latest_body=latest.body.raw_data[0]["value"],
            latest_standfirst=latest.standfirst,
            standfirst=page.standfirst,
            citations=list(page.citations.values_list("source__slug", "number")),
        )


def footer_action(page, name):
    """Click an action in the editor's footer menu (the dropdown beside "Save draft")."""
    footer = page.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    footer.get_by_role("button", name=name, exact=True).click()


def modal(page, heading):
    """Wagtail's modal (a page chooser, a workflow action's form) with this heading."""
    return page.get_by_role("dialog").filter(has=page.get_by_role("heading", name=heading))


def review_row(page):
    """The essay's row in the dashboard's "Awaiting your review" panel."""
    panel = page.get_by_role("region", name="Awaiting your review")
    return panel.get_by_role("row").filter(has=page.get_by_role("link", name=TITLE, exact=True))


def approve_from_dashboard(page):
    row = review_row(page)
    row.get_by_role("button", name="Actions").click()
    # "Approve" posts the action at once and comes back to the dashboard.
    with page.expect_response(lambda response: "/workflow/action/" in response.url) as action:
        row.get_by_role("button", name="Approve", exact=True).click()
    assert action.value.status == 302
    expect(review_row(page)).to_have_count(0)


def check_the_citation(page):
    """While the citation is unmarked, "Source check" offers only an approval with an
    override reason; the fact-checker opens "Check sources", marks it, and may approve."""
    row = review_row(page)
    row.get_by_role("button", name="Actions").click()
    expect(row.get_by_role("button", name="Approve with override reason")).to_be_visible()
    expect(row.get_by_role("button", name="Approve", exact=True)).to_have_count(0)
    page.keyboard.press("Escape")

    row.get_by_role("link", name=TITLE, exact=True).click()
    # "Check sources" is in the menu of the editor's header.
    page.locator("header").get_by_role("button", name="Actions").click()
    page.locator("header").get_by_role("link", name="Check sources").click()
    expect(page.locator(".source-check-summary")).to_have_text(
        re.compile(r"1 unmarked, 0 marked “does not support”, of 1 citation")
    )
    claim = page.locator(".source-check__claim")
    expect(claim.locator("blockquote")).to_have_text(CITED_WORDS)
    expect(claim).to_contain_text(PINPOINT)
    claim.get_by_label("Supports", exact=True).check()
    claim.get_by_label("Note").fill("The section names the year.")
    page.get_by_role("button", name="Save marks").click()
    expect(page.get_by_text("Marks saved: all 1 citations are marked.")).to_be_visible()
    page.goto(reverse("wagtailadmin_home"))


def write_essay(page, index, source, organisation):
    """The contributor's new essay, with one claim cited, ready to submit."""
    page.goto(reverse("wagtailadmin_pages:add", args=("articles", "essaypage", index.pk)))
    page.get_by_role("textbox", name="Title").fill(TITLE)
    page.get_by_role("textbox", name="Standfirst").fill(STANDFIRST)
    # The "Contributors" inline panel starts with its one required row.
    page.get_by_role("combobox", name="Contributor").select_option(label="K. Sable")

    page.get_by_role("button", name="Insert a block").click()
    page.get_by_role("option", name="Paragraph").click()
    page.locator(".public-DraftEditor-content").click()  # Draft.js's editable element
    page.keyboard.type(TEXT)
    # Select the cited words with the keyboard, as a writer would.
    for _ in TEXT[TEXT.index(CITED_WORDS) + len(CITED_WORDS) :]:
        page.keyboard.press("ArrowLeft")
    for _ in CITED_WORDS:
        page.keyboard.press("Shift+ArrowLeft")

    page.get_by_role("button", name="Cite a source").click()
    # Wagtail's page chooser, restricted to sources, opens where they are.
    modal(page, "Choose").get_by_role("link", name=source.title, exact=True).click()
    pinpoint = page.get_by_role("dialog", name="Cite source")
    expect(pinpoint).to_contain_text(source.title)
    pinpoint.get_by_label("Pinpoint (optional)").fill(PINPOINT)
    pinpoint.get_by_role("button", name="Save citation").click()
    expect(pinpoint).to_have_count(0)
    citation = page.locator(f'[data-citation-source="{source.pk}"]')
    expect(citation).to_have_text(CITED_WORDS)
    expect(citation).to_have_attribute("data-citation-pinpoint", PINPOINT)

    page.get_by_role("tab", name="About").click()
    page.get_by_role("checkbox", name=organisation.short_name, exact=True).check()

    if page.locator("#w-autosave-indicator").count():
        # Wagtail 8 autosaves: the first autosave creates the page, and the form then
        # posts to its edit view. Submitting before that could create a second page.
        expect(page).to_have_url(re.compile(r"/pages/\d+/edit/"))
        expect(page.locator("#w-autosave-indicator")).to_have_attribute(
            "data-w-autosave-state-value", "saved"
        )


@pytest.mark.browser
def test_an_essay_goes_from_draft_to_readers_through_the_admin(
    demo_site, new_context, server_lock, snapshot
):
    password = demo_site["password"]
    with server_lock:
        source = SourcePage.objects.get(slug=SOURCE_SLUG)
        organisation = OrganisationPage.objects.get(slug=ORGANISATION_SLUG)
        index = EssayIndexPage.objects.get()
    essay_url = f"/essays/{SLUG}/"
    reader = new_context().new_page()

    # 1. The contributor writes the essay, cites a source and submits it.
    contributor = sign_in(new_context, "contributor", password)
    write_essay(contributor, index, source, organisation)
    footer_action(contributor, "Submit to Editorial review")
    expect(contributor.get_by_text(SUBMITTED)).to_be_visible()
    snapshot(contributor, "1-submitted")

    facts = essay_facts(server_lock)
    assert not facts.live
    assert facts.owner == "contributor"
    assert (facts.workflow_status, facts.task) == ("in_progress", "Source check")
    assert facts.latest_contributors == ["k-sable"]
    assert facts.latest_organisations == [ORGANISATION_SLUG]
    assert (
        f'<a linktype="citation" id="{source.pk}" data-pinpoint="{PINPOINT}">{CITED_WORDS}</a>'
        in facts.latest_body
    )
    assert reader.goto(essay_url).status == 404

    # 2. The fact-checker finds it awaiting review, opens it and requests changes.
    checker = sign_in(new_context, "factchecker", password)
    review_row(checker).get_by_role("link", name=TITLE, exact=True).click()
    expect(checker.get_by_role("textbox", name="Title")).to_have_value(TITLE)
    footer_action(checker, "Request changes")
    request_changes = modal(checker, "Request changes")
    request_changes.get_by_label("Comment").fill(COMMENT)
    request_changes.get_by_role("button", name="Request changes").click()
    expect(
        checker.get_by_text(f"Changes requested at “Source check”: “{TITLE}” goes back")
    ).to_be_visible()

    facts = essay_facts(server_lock)
    assert (facts.workflow_status, facts.task) == ("needs_changes", "Source check")
    assert not facts.live
    # Opening the editor to review saved nothing in the fact-checker's name.
    assert facts.revisions_by == {"contributor"}

    # 3. The contributor reads the comment, edits the essay and resubmits it.
    contributor = sign_in(new_context, "contributor", password)
    drafts = contributor.get_by_role("region", name="Your drafts")
    expect(drafts.get_by_role("row", name=TITLE)).to_contain_text("Changes requested")
    drafts.get_by_role("link", name=TITLE, exact=True).click()
    # What was asked, and at which step, is above the editor: no dialog to open.
    asked = contributor.locator(".messages").get_by_text("Changes requested at “Source check”")
    expect(asked).to_be_visible()
    expect(asked).to_contain_text(COMMENT)
    contributor.get_by_role("button", name="Toggle status").click()
    contributor.get_by_role("button", name="View details").click()
    progress = contributor.get_by_role("dialog", name="Editorial review")
    expect(progress).to_contain_text(re.compile(r"Changes requested by Fact-checker \d+"))
    expect(progress).to_contain_text(COMMENT)
    snapshot(contributor, "2-changes-requested")
    progress.get_by_role("button", name="Close dialog").click()
    expect(progress).to_be_hidden()

    contributor.get_by_role("textbox", name="Standfirst").fill(REVISED_STANDFIRST)
    # Resubmitting posts the whole form, whether or not autosave got to the edit first.
    footer_action(contributor, "Resubmit to Source check")
    expect(contributor.get_by_text(SUBMITTED)).to_be_visible()

    facts = essay_facts(server_lock)
    assert (facts.workflow_status, facts.task) == ("in_progress", "Source check")
    assert facts.latest_standfirst == REVISED_STANDFIRST
    assert not facts.live

    # 4. The fact-checker marks the citation against its source and approves the source
    # check, then the editor approves the final step.
    checker = sign_in(new_context, "factchecker", password)
    check_the_citation(checker)
    approve_from_dashboard(checker)
    facts = essay_facts(server_lock)
    assert (facts.workflow_status, facts.task) == ("in_progress", "Editorial approval")
    assert not facts.live
    assert reader.goto(essay_url).status == 404

    editor = sign_in(new_context, "editor", password)
    approve_from_dashboard(editor)
    facts = essay_facts(server_lock)
    assert facts.live
    assert facts.workflow_status is None
    assert facts.standfirst == REVISED_STANDFIRST
    assert facts.citations == [(SOURCE_SLUG, 1)]
    assert facts.revisions_by == {"contributor"}

    # 5. Readers see it, with its citation, and find it where it belongs.
    assert reader.goto(essay_url).status == 200
    expect(reader.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(reader.get_by_text(REVISED_STANDFIRST)).to_be_visible()
    paragraph = reader.locator("p").filter(has_text=re.compile(f"^{TEXT.split(CITED_WORDS)[0]}"))
    expect(paragraph).to_have_text(re.compile(rf"{CITED_WORDS}\s*\[1\]\s*over the conduct"))
    marker = paragraph.get_by_role("link", name="[1]")
    expect(marker).to_have_attribute("href", "#source-1")
    listed = reader.locator("#source-1")
    expect(listed.get_by_role("link", name=source.title)).to_have_attribute(
        "href", f"/sources/{SOURCE_SLUG}/"
    )
    expect(listed).to_contain_text(PINPOINT)
    expect(reader.locator(".sources-checked")).to_contain_text("Sources checked on")
    # The fact-checker's note stays in the admin unless an editor publishes it.
    expect(listed).not_to_contain_text("The section names the year.")
    marker.click()
    expect(reader).to_have_url(re.compile("#source-1$"))
    snapshot(reader, "3-published")

    reader.goto(f"/organisations/{ORGANISATION_SLUG}/")
    expect(reader.get_by_role("link", name=TITLE)).to_have_attribute("href", essay_url)

    reader.goto(f"/sources/{SOURCE_SLUG}/")
    cited_in = reader.get_by_role("region", name="Cited in")
    expect(cited_in.get_by_role("link", name=TITLE)).to_have_attribute("href", essay_url)
