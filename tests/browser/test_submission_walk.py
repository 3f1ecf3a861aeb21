"""A whistleblower's way in, clicked through in headless Chromium with JavaScript off
(as Tor Browser's "Safest" setting has it): they find the submission page from the
footer, send a message and a document, and write down their codename; an editor reads
it in the admin with their private key, replies and makes the document a draft source;
the submitter comes back with the codename, reads the reply and sends more. The
submitter's browser holds no cookie at any point.

Each step's server side is covered without a browser in tests/test_submissions.py.
"""

import io
import re

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect
from pypdf import PdfWriter

from articles.models import SourcePage, Submission
from tests.browser.test_editorial_walk import sign_in

MESSAGE = "These are the minutes the national committee did not circulate."
REPLY = "Thank you. Is there a second page to these minutes?"
MORE = "Yes: I will look for it."
SOURCE_TITLE = "National committee minutes, March 2013"


def minutes_pdf():
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_metadata({"/Author": "A. Member Whose Name Matters"})
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


@pytest.mark.browser
def test_a_submission_goes_from_a_whistleblower_to_a_draft_source(
    demo_site, new_context, server_lock, snapshot
):
    # 1. The submitter, JavaScript off, finds the page from the footer and sends.
    submitter_context = new_context(java_script_enabled=False)
    submitter = submitter_context.new_page()
    submitter.goto("/")
    submitter.get_by_role("link", name="Send them to us safely", exact=True).click()
    expect(
        submitter.get_by_role("heading", name="Send us documents safely", level=1)
    ).to_be_visible()
    submitter.get_by_role("textbox", name="Message").fill(MESSAGE)
    submitter.get_by_label("Files", exact=True).set_input_files(
        {"name": "minutes.pdf", "mimeType": "application/pdf", "buffer": minutes_pdf()}
    )
    submitter.get_by_role("button", name="Send securely").click()
    expect(submitter.get_by_role("heading", name="We received it")).to_be_visible()
    expect(submitter.get_by_text("minutes.pdf: received, its metadata removed.")).to_be_visible()
    codename = submitter.locator("#codename").inner_text().strip()
    assert len(codename.split()) == 7
    snapshot(submitter, "1-codename")
    assert submitter_context.cookies() == []

    # 2. The editor reads it with their private key, replies, and makes a draft source.
    editor = sign_in(new_context, "editor", demo_site["password"])
    editor.goto(reverse("submissions:index"))
    with server_lock:
        reference = Submission.objects.get().reference
    editor.get_by_role("link", name=reference).click()
    editor.get_by_role("textbox", name="Your private key").fill(settings.SUBMISSION_TEST_IDENTITY)
    editor.get_by_role("button", name="Read").click()
    expect(editor.get_by_text(MESSAGE)).to_be_visible()
    expect(editor.get_by_role("listitem").filter(has_text="minutes.pdf")).to_be_visible()
    snapshot(editor, "2-read")
    editor.get_by_role("textbox", name="Reply").fill(REPLY)
    editor.get_by_role("button", name="Send reply").click()
    expect(editor.get_by_text("Your reply is sent.")).to_be_visible()

    editor.get_by_role("textbox", name="Your private key").fill(settings.SUBMISSION_TEST_IDENTITY)
    editor.get_by_role("button", name="Read").click()
    editor.get_by_role("textbox", name="Title").fill(SOURCE_TITLE)
    editor.get_by_role("textbox", name="Summary").fill(
        "Minutes of a meeting of the national committee."
    )
    editor.get_by_role("button", name="Make a draft source").click()
    expect(
        editor.get_by_text(re.compile(f"“{SOURCE_TITLE}” is a new draft source"))
    ).to_be_visible()
    expect(editor.get_by_role("textbox", name="Title")).to_have_value(SOURCE_TITLE)
    with server_lock:
        source = SourcePage.objects.get(title=SOURCE_TITLE)
        assert not source.live and source.document is not None

    # 3. The submitter comes back with the codename, reads the reply and sends more.
    returning_context = new_context(java_script_enabled=False)
    returning = returning_context.new_page()
    returning.goto(reverse("submit"))
    returning.get_by_role("textbox", name="Codename").fill(codename)
    returning.get_by_role("button", name="Open my conversation").click()
    expect(returning.get_by_text(REPLY)).to_be_visible()
    expect(returning.get_by_text(MESSAGE)).to_be_visible()
    returning.get_by_role("textbox", name="Message").fill(MORE)
    returning.get_by_role("button", name="Send securely").click()
    expect(returning.get_by_text("Sent. We will read it soon.")).to_be_visible()
    expect(returning.get_by_text(MORE)).to_be_visible()
    snapshot(returning, "3-conversation")
    assert returning_context.cookies() == []

    # A reader does not see the draft source.
    reader = new_context().new_page()
    assert reader.goto(f"/sources/{source.slug}/").status == 404
