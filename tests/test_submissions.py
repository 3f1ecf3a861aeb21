"""Anonymous submissions (/submit/): what a submitter sends is kept only encrypted, nothing
about them is kept at all, the codename is the only way back in, and only editors, with
their private key, read it (docs/security.md, "Submitters")."""

import io
import logging
import re

import pyrage
import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader, PdfWriter
from wagtail.models import ModelLogEntry

from articles import sealing
from articles.models import SourceIndexPage, SourcePage, Submission, SubmissionFile
from articles.uploads import UNRELEASED
from core.editorial import CONTRIBUTORS, EDITORS, FACT_CHECKERS
from tests.factories import UserFactory, index_page
from tests.test_hostile_input import HOSTILE_VALUES

CANARY = "CANARY-7f3a9c-whistle"
AUTHOR_CANARY = "Jane Canary-Author"
ADDRESS = "203.0.113.77"
FORWARDED = "198.51.100.23"
BROWSER = "CanaryBrowser/9.9 (sender's own machine)"
SUBMIT = "/submit/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def sender():
    """A browser on the sender's machine, with an address and a name of its own."""
    return Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=BROWSER)


@pytest.fixture
def people(db):
    def member(name, group=None, **extra):
        user = UserFactory(username=name, email=f"{name}@example.org", **extra)
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "contributor": member("contributor", CONTRIBUTORS),
        "factchecker": member("factchecker", FACT_CHECKERS),
        "editor": member("editor", EDITORS),
        "admin": member("admin", is_superuser=True, is_staff=True),
    }


def named(data, name):
    file = io.BytesIO(data)
    file.name = name
    return file


def authored_pdf(text=""):
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_metadata({"/Author": AUTHOR_CANARY, "/Title": text or "Minutes"})
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def send(client, message="", files=(), codename=None, **extra):
    data = {"action": "send", "message": message, "files": list(files)}
    if codename:
        data["codename"] = codename
    return client.post(SUBMIT, data, **extra)


def codename_in(response):
    match = re.search(
        r'<p class="codename" id="codename"><strong>([a-z ]+)</strong>', response.text
    )
    assert match, "no codename shown"
    return match.group(1)


def editor_key():
    return django_settings.SUBMISSION_TEST_IDENTITY


def database_holds(needle):
    """Whether any row of any table holds ``needle`` (text), as text or as bytes: what a
    copy of the database would show whoever took it."""
    encoded = needle.encode()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, memoryview):
                        value = value.tobytes()
                    if isinstance(value, bytes):
                        if encoded in value:
                            return True
                    elif value is not None and needle in str(value):
                        return True
    return False


def media_holds(media, needle):
    if not media.exists():
        return False
    return any(needle.encode() in path.read_bytes() for path in media.rglob("*") if path.is_file())


# The page


def test_reading_the_page_sets_no_cookie_and_loads_nothing_from_elsewhere(db, sender):
    response = sender.get(SUBMIT)
    assert response.status_code == 200
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    html = response.text
    assert "<script" not in html
    for address in re.findall(
        r'<(?:link|img|iframe|source|audio|video)[^>]+(?:src|href)="([^"]+)"', html
    ):
        assert address.startswith(("/", "data:")), address
    assert 'name="csrfmiddlewaretoken"' not in html
    assert "Tor Browser" in html and "metadata" in html
    assert "Come back with your codename" in html


def test_the_footer_links_to_the_submission_page(home_page, client):
    assert f'href="{SUBMIT}"' in client.get("/").text


def test_sending_sets_no_cookie_and_shows_a_codename_once(db, sender):
    response = send(sender, message="Minutes of the 2013 conference")
    assert response.status_code == 200
    assert not response.cookies
    codename = codename_in(response)
    assert len(codename.split()) == sealing.CODENAME_WORDS
    submission = Submission.objects.get()
    assert submission.reference in response.text
    assert not database_holds(codename)


# Encrypted at rest


def test_message_and_files_are_kept_only_encrypted(db, sender, media):
    pdf = authored_pdf()
    response = send(
        sender,
        message=f"The minutes, with {CANARY} in them.",
        files=[named(pdf, "minutes.pdf"), named(f"notes {CANARY}\n".encode(), "notes.txt")],
    )
    assert response.status_code == 200
    assert "minutes.pdf: received, its metadata removed" in response.text

    assert not database_holds(CANARY)
    assert not database_holds(AUTHOR_CANARY)
    assert not database_holds("minutes.pdf")  # file names are sealed too
    assert not media_holds(media, CANARY)
    assert not media_holds(media, AUTHOR_CANARY)

    # An editor's private key opens all of it; the PDF has lost its author on the way.
    identities = sealing.parse_identities(editor_key())
    submission = Submission.objects.get()
    (entry,) = sealing_entries(submission, identities)
    assert CANARY in entry.body
    assert [file["name"] for file in entry.files] == ["minutes.pdf", "notes.txt"]
    stored_pdf, stored_text = SubmissionFile.objects.order_by("position")
    opened = sealing.open_sealed(stored_pdf.sealed, identities)
    assert AUTHOR_CANARY.encode() not in opened
    assert not (PdfReader(io.BytesIO(opened)).metadata or {}).get("/Author")
    assert CANARY.encode() in sealing.open_sealed(stored_text.sealed, identities)


def sealing_entries(submission, identities):
    from articles.submissions import read_conversation

    return read_conversation(submission, identities)


def test_a_copy_of_the_database_without_a_private_key_opens_nothing(db, sender):
    send(sender, message=CANARY)
    stranger = pyrage.x25519.Identity.generate()
    with pytest.raises(sealing.SealingError):
        sealing_entries(Submission.objects.get(), [stranger])


# What is never kept


def test_nothing_about_the_sender_is_kept_in_the_database_or_the_logs(db, sender, caplog, settings):
    caplog.set_level(logging.DEBUG)
    settings.TRUSTED_PROXY_COUNT = 1  # behind a proxy that appends the address it saw
    sender.defaults["HTTP_X_FORWARDED_FOR"] = f"{FORWARDED}, {ADDRESS}"
    sender.defaults["HTTP_REFERER"] = "https://search.example/?q=leak+swp+minutes"
    sender.get(SUBMIT)
    response = send(sender, message="a message", files=[named(b"%PDF-broken", "broken.pdf")])
    codename = codename_in(response)
    sender.post(SUBMIT, {"action": "open", "codename": codename})
    sender.post(SUBMIT, {"action": "open", "codename": "wrong words entirely here"})
    sender.post(SUBMIT, {"action": "nonsense"})
    sender.get(SUBMIT + "?page=%ff%00")

    for trace in (ADDRESS, FORWARDED, BROWSER, "CanaryBrowser", "leak+swp"):
        assert not database_holds(trace), trace
        assert trace not in caplog.text, trace
    # Not even that someone came: Django's "Not Found: /submit/" for the wrong codename
    # and "Bad Request" for the nonsense would date the visit.
    assert "/submit" not in caplog.text
    # Days, never times: the models keep dates only.
    submission = Submission.objects.get()
    assert type(submission.received_on).__name__ == "date"
    assert type(submission.messages.get().sent_on).__name__ == "date"


def test_notification_says_only_that_a_submission_arrived(
    db, sender, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(sender, message=CANARY, files=[named(b"hello", "letter-from-branch.txt")])
    (notice,) = mail.outbox
    assert notice.subject == "A new submission arrived"
    assert "editor@example.org" in notice.to
    assert "contributor@example.org" not in notice.to
    reference = Submission.objects.get().reference
    for secret in (CANARY, "letter-from-branch", reference):
        assert secret not in notice.subject + notice.body


# Files the cleaner refuses


def test_a_file_the_cleaner_refuses_is_kept_marked_and_the_submitter_is_told(db, sender):
    response = send(
        sender,
        files=[
            named(b"%PDF-1.7 this is not really a pdf", "damaged.pdf"),
            named(b"ID3" + b"\x00" * 64, "call.mp3"),
        ],
    )
    assert response.status_code == 200
    text = response.text
    assert "damaged.pdf: received, but <strong>not cleaned</strong>" in text
    assert "call.mp3: received, but <strong>not cleaned</strong>" in text
    assert "we have no cleaner for this kind of file" in text
    assert list(SubmissionFile.objects.values_list("cleaned", flat=True)) == [False, False]


# The codename


def test_the_codename_reads_the_reply_and_sends_more(db, sender, people):
    codename = codename_in(send(sender, message="first message"))
    submission = Submission.objects.get()

    editor = Client()
    editor.force_login(people["editor"])
    reply = f"Thank you. Could you send page two? {CANARY}"
    response = editor.post(reverse("submissions:answer", args=[submission.pk]), {"body": reply})
    assert response.status_code == 302
    assert not database_holds(CANARY)

    response = sender.post(
        SUBMIT, {"action": "open", "codename": codename.upper().replace(" ", "-")}
    )
    assert response.status_code == 200
    assert CANARY in response.text and "first message" in response.text
    assert not response.cookies

    Submission.objects.filter(pk=submission.pk).update(unread=False)
    response = send(
        sender, message="page two", codename=codename, files=[named(b"two", "page2.txt")]
    )
    assert response.status_code == 200
    assert "Sent. We will read it soon." in response.text and "page two" in response.text
    submission.refresh_from_db()
    assert submission.unread
    assert submission.messages.count() == 3


def test_a_wrong_codename_reads_nothing_and_is_rate_limited(db, sender, settings):
    codename = codename_in(send(sender, message=CANARY))
    for _ in range(settings.SUBMISSION_CODENAME_LIMIT):
        response = sender.post(
            SUBMIT, {"action": "open", "codename": "plainly not the right words"}
        )
        assert response.status_code == 404
        assert CANARY not in response.text
        assert "No conversation has that codename" in response.text
    # Even the right codename waits now: guesses cannot go on.
    response = sender.post(SUBMIT, {"action": "open", "codename": codename})
    assert response.status_code == 429
    assert CANARY not in response.text
    # Sending more with a codename is held to the same limit.
    response = send(sender, message="more", codename=codename)
    assert response.status_code == 429
    # Someone else (another address) is not held up.
    other = Client(REMOTE_ADDR="198.51.100.9")
    assert CANARY in other.post(SUBMIT, {"action": "open", "codename": codename}).text


def test_sending_is_rate_limited(db, sender, settings):
    settings.SUBMISSION_SEND_LIMIT = 2
    assert send(sender, message="one").status_code == 200
    assert send(sender, message="two").status_code == 200
    response = send(sender, message="three")
    assert response.status_code == 429
    assert Submission.objects.count() == 2


# Bad input


@pytest.mark.parametrize(
    "data, status",
    [
        ({"action": "what"}, 400),
        ({}, 400),
        ({"action": "send"}, 400),
        ({"action": "send", "message": "x" * 20_001}, 400),
        ({"action": "open"}, 400),
        ({"action": "open", "codename": "w" * 5000}, 400),
        ({"action": "open", "codename": "\x00\x01"}, 400),
        ({"action": "open", "codename": "'; DROP TABLE articles_submission; --"}, 404),
    ],
)
def test_bad_posts_are_answered_with_a_clear_4xx(db, sender, data, status):
    response = sender.post(SUBMIT, data)
    assert response.status_code == status
    assert Submission.objects.count() == 0


def test_hostile_values_in_every_field_are_answered_without_an_error(db, sender, settings):
    settings.SUBMISSION_SEND_LIMIT = 10_000
    settings.SUBMISSION_CODENAME_LIMIT = 10_000
    for value in HOSTILE_VALUES:
        for data in (
            {"action": value},
            {"action": "open", "codename": value},
            {"action": "send", "message": value},
            {"action": "send", "message": "x", "codename": value},
        ):
            response = sender.post(SUBMIT, data)
            assert response.status_code in (200, 400, 404), (data, response.status_code)
            assert "Traceback" not in response.text


def test_too_many_or_too_large_files_are_refused(db, sender, settings, monkeypatch):
    files = [named(b"x", f"f{i}.txt") for i in range(6)]
    response = send(sender, message="many", files=files)
    assert response.status_code == 400
    assert "Send at most 5 files at once" in response.text

    monkeypatch.setattr("articles.submissions.MAX_FILE_SIZE", 10)
    response = send(sender, files=[named(b"x" * 11, "big.txt")])
    assert response.status_code == 400
    assert "is larger than" in response.text
    # Images keep the image uploads' own limit.
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5
    response = send(sender, files=[named(b"\x89PNG\r\n", "photo.png")])
    assert response.status_code == 400
    assert "“photo.png” is larger than" in response.text
    assert Submission.objects.count() == 0


def test_other_methods_and_cross_site_posts_are_refused(db, sender):
    assert sender.put(SUBMIT).status_code == 405
    response = sender.post(
        SUBMIT, {"action": "send", "message": "x"}, HTTP_SEC_FETCH_SITE="cross-site"
    )
    assert response.status_code == 403
    response = sender.post(
        SUBMIT, {"action": "send", "message": "x"}, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403
    assert Submission.objects.count() == 0
    assert send(sender, message="x", HTTP_SEC_FETCH_SITE="same-origin").status_code == 200


def test_without_a_key_configured_nothing_is_taken(db, sender, settings):
    settings.SUBMISSION_RECIPIENTS = []
    page = sender.get(SUBMIT)
    assert "We cannot take submissions at the moment" in page.text
    assert send(sender, message=CANARY).status_code == 503
    assert Submission.objects.count() == 0


def test_onion_location_is_sent_when_configured(db, client, settings):
    assert "Onion-Location" not in client.get(SUBMIT)
    settings.ONION_LOCATION = "http://collectivexyz.onion"
    response = client.get(SUBMIT + "?a=1")
    assert response["Onion-Location"] == "http://collectivexyz.onion/submit/?a=1"


# The editors' inbox


def refused(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


@pytest.mark.parametrize("role", ["contributor", "factchecker"])
def test_only_editors_reach_the_inbox(db, sender, people, role):
    send(sender, message=CANARY)
    submission = Submission.objects.get()
    insider = Client()
    insider.force_login(people[role])
    assert refused(insider.get(reverse("submissions:index")))
    assert refused(insider.get(reverse("submissions:detail", args=[submission.pk])))
    assert refused(
        insider.post(reverse("submissions:read", args=[submission.pk]), {"key": editor_key()})
    )
    assert refused(
        insider.post(reverse("submissions:answer", args=[submission.pk]), {"body": "hi"})
    )
    file_url = reverse(
        "submissions:sealed_message", args=[submission.pk, submission.messages.get().pk]
    )
    assert refused(insider.get(file_url))
    assert "Submissions" not in insider.get(reverse("wagtailadmin_home")).text


def test_only_editors_hold_the_permission(db):
    holders = Group.objects.filter(permissions__codename="read_submission")
    assert list(holders.values_list("name", flat=True)) == [EDITORS]


def test_the_inbox_lists_days_sizes_and_references_only(db, sender, people):
    send(sender, message=CANARY, files=[named(b"a" * 2048, "a.txt")])
    editor = Client()
    editor.force_login(people["editor"])
    response = editor.get(reverse("submissions:index"))
    assert response.status_code == 200
    submission = Submission.objects.get()
    assert submission.reference in response.text and "New message" in response.text
    assert CANARY not in response.text and "a.txt" not in response.text
    assert editor.get(reverse("submissions:index") + "?status=nonsense&p=999").status_code == 200
    assert editor.get(reverse("submissions:index") + "?status=closed").status_code == 200


def test_an_editor_reads_with_their_key_which_is_kept_nowhere(db, sender, people, caplog):
    send(sender, message=CANARY, files=[named(authored_pdf(), "minutes.pdf")])
    submission = Submission.objects.get()
    editor = Client()
    editor.force_login(people["editor"])
    detail = editor.get(reverse("submissions:detail", args=[submission.pk]))
    assert CANARY not in detail.text

    response = editor.post(
        reverse("submissions:read", args=[submission.pk]), {"key": "AGE-SECRET-KEY-1NOPE"}
    )
    assert response.status_code == 400
    stranger = str(pyrage.x25519.Identity.generate())
    response = editor.post(reverse("submissions:read", args=[submission.pk]), {"key": stranger})
    assert response.status_code == 400
    assert "does not open this submission" in response.text

    caplog.set_level(logging.DEBUG)
    response = editor.post(reverse("submissions:read", args=[submission.pk]), {"key": editor_key()})
    assert response.status_code == 200
    assert editor_key() not in caplog.text
    assert CANARY in response.text and "minutes.pdf" in response.text
    assert "no-store" in response["Cache-Control"]
    submission.refresh_from_db()
    assert submission.status == Submission.Status.READ and not submission.unread

    # Kept nowhere: not in the database, sessions included.
    assert not database_holds(editor_key())
    assert all(editor_key() not in str(s.get_decoded()) for s in Session.objects.all())

    # The cleaned file, decrypted, as an attachment that runs nothing.
    stored = SubmissionFile.objects.get()
    download = editor.post(
        reverse("submissions:download_open", args=[submission.pk, stored.pk]), {"key": editor_key()}
    )
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="minutes.pdf"'
    assert "sandbox" in download["Content-Security-Policy"]
    assert AUTHOR_CANARY.encode() not in download.content


def test_a_passphrase_protected_key_opens_with_its_passphrase(db, sender, people):
    send(sender, message=CANARY)
    submission = Submission.objects.get()
    armoured = pyrage.passphrase.encrypt(f"{editor_key()}\n".encode(), "correct horse")
    armoured_text = armoured_to_text(armoured)
    editor = Client()
    editor.force_login(people["editor"])
    url = reverse("submissions:read", args=[submission.pk])
    assert "protected by a passphrase" in editor.post(url, {"key": armoured_text}).text
    assert (
        "does not open this key"
        in editor.post(url, {"key": armoured_text, "passphrase": "nope"}).text
    )
    response = editor.post(url, {"key": armoured_text, "passphrase": "correct horse"})
    assert CANARY in response.text


def armoured_to_text(data):
    import base64

    body = base64.b64encode(data).decode()
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "\n".join(
        ["-----BEGIN AGE ENCRYPTED FILE-----", *lines, "-----END AGE ENCRYPTED FILE-----"]
    )


def test_the_encrypted_download_opens_on_the_editors_own_machine(db, sender, people):
    send(sender, message=CANARY, files=[named(f"{CANARY} file".encode(), "n.txt")])
    submission = Submission.objects.get()
    editor = Client()
    editor.force_login(people["editor"])
    message = submission.messages.get()
    sealed = editor.get(reverse("submissions:sealed_message", args=[submission.pk, message.pk]))
    assert sealed.status_code == 200 and CANARY.encode() not in sealed.content
    identity = pyrage.x25519.Identity.from_str(editor_key())
    assert CANARY in pyrage.decrypt(sealed.content, [identity]).decode()  # age -d -i key
    stored = SubmissionFile.objects.get()
    sealed = editor.get(reverse("submissions:sealed_file", args=[submission.pk, stored.pk]))
    assert pyrage.decrypt(sealed.content, [identity]) == f"{CANARY} file".encode()
    # Another submission's file is not reachable through this one.
    send(sender, message="other")
    other = Submission.objects.exclude(pk=submission.pk).get()
    assert (
        editor.get(reverse("submissions:sealed_file", args=[other.pk, stored.pk])).status_code
        == 404
    )


def test_a_submission_becomes_a_draft_source_with_nothing_identifying(
    db, sender, people, home_page
):
    sources = index_page(SourceIndexPage)
    body = f"I was on the committee. {CANARY}"
    send(sender, message=body, files=[named(authored_pdf(), "janes-notes-from-branch.pdf")])
    submission = Submission.objects.get()
    stored = SubmissionFile.objects.get()
    editor = Client()
    editor.force_login(people["editor"])
    response = editor.post(
        reverse("submissions:make_source", args=[submission.pk]),
        {
            "key": editor_key(),
            "file": stored.pk,
            "title": "Branch minutes, 2013",
            "source_type": SourcePage.SourceType.INTERNAL_DOCUMENT,
            "summary": "Minutes of a branch meeting.",
        },
    )
    page = SourcePage.objects.child_of(sources).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live and page.owner == people["editor"]
    assert page.creator == ""
    document = page.document
    assert document.collection.name == UNRELEASED
    with document.file.open("rb") as file:
        data = file.read()
    assert AUTHOR_CANARY.encode() not in data and data.startswith(b"%PDF")
    revision = page.latest_revision.content
    for trace in (submission.reference, CANARY, "janes-notes", str(submission.received_on)):
        assert trace not in str(revision), trace
        assert trace not in page.title + str(page.summary)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SOURCED

    # Readers see neither the draft nor its document until it is reviewed and published.
    reader = Client()
    assert reader.get(page.url or f"/sources/{page.slug}/").status_code == 404
    assert reader.get(document.url).status_code in (302, 403, 404)


def test_an_uncleaned_file_cannot_become_a_source(db, sender, people, home_page):
    index_page(SourceIndexPage)
    send(sender, files=[named(b"%PDF-1.7 broken", "damaged.pdf")])
    submission = Submission.objects.get()
    editor = Client()
    editor.force_login(people["editor"])
    response = editor.post(
        reverse("submissions:make_source", args=[submission.pk]),
        {
            "key": editor_key(),
            "file": SubmissionFile.objects.get().pk,
            "title": "Damaged",
            "source_type": SourcePage.SourceType.INTERNAL_DOCUMENT,
            "summary": "x",
        },
        follow=True,
    )
    assert "could not be cleaned of its metadata" in response.text
    assert not SourcePage.objects.exists()


def test_a_key_added_later_reads_what_came_after_and_says_what_it_cannot(
    db, sender, people, settings
):
    codename = codename_in(send(sender, message="before the new key"))
    newcomer = pyrage.x25519.Identity.generate()
    settings.SUBMISSION_RECIPIENTS = [*settings.SUBMISSION_RECIPIENTS, str(newcomer.to_public())]
    send(sender, message="after the new key", codename=codename)
    editor = Client()
    editor.force_login(people["editor"])
    response = editor.post(
        reverse("submissions:read", args=[Submission.objects.get().pk]), {"key": str(newcomer)}
    )
    assert response.status_code == 200
    assert "after the new key" in response.text
    assert "before the new key" not in response.text
    assert "Not encrypted to this key" in response.text


def test_an_incomplete_source_form_says_why_and_makes_nothing(db, sender, people, home_page):
    index_page(SourceIndexPage)
    send(sender, files=[named(b"plain words", "notes.txt")])
    submission = Submission.objects.get()
    editor = Client()
    editor.force_login(people["editor"])
    url = reverse("submissions:make_source", args=[submission.pk])
    file = SubmissionFile.objects.get().pk
    response = editor.post(url, {"key": editor_key(), "file": file, "title": "", "summary": ""})
    assert response.status_code == 400
    assert "The draft source was not made" in response.text
    assert editor.post(url, {"key": editor_key(), "file": "x"}).status_code == 404
    assert editor.post(url, {"key": editor_key(), "file": 99999}).status_code == 404
    assert not SourcePage.objects.exists()


def test_editors_actions_are_in_the_audit_log_without_the_content(db, sender, people, home_page):
    index_page(SourceIndexPage)
    send(sender, message=CANARY, files=[named(b"plain words", "notes.txt")])
    submission = Submission.objects.get()
    editor = Client()
    editor.force_login(people["editor"])
    editor.post(reverse("submissions:read", args=[submission.pk]), {"key": editor_key()})
    editor.post(reverse("submissions:answer", args=[submission.pk]), {"body": f"re {CANARY}"})
    editor.post(reverse("submissions:status", args=[submission.pk]), {"status": "closed"})
    editor.post(
        reverse("submissions:make_source", args=[submission.pk]),
        {
            "key": editor_key(),
            "file": SubmissionFile.objects.get().pk,
            "title": "Notes",
            "source_type": SourcePage.SourceType.TESTIMONY,
            "summary": "Notes.",
        },
    )
    entries = ModelLogEntry.objects.filter(object_id=str(submission.pk)).order_by("pk")
    assert [entry.action for entry in entries] == [
        "collective.submission.read",
        "collective.submission.reply",
        "collective.submission.status",
        "collective.submission.source",
    ]
    assert {entry.user for entry in entries} == {people["editor"]}
    assert not any(CANARY in str(entry.data) for entry in entries)
    # The site history shows them to editors, and to no contributor.
    history = reverse("wagtailadmin_reports:site_history")
    assert submission.reference in editor.get(history).text
    contributor = Client()
    contributor.force_login(people["contributor"])
    answer = contributor.get(history)
    assert submission.reference not in answer.text


def test_an_editor_deletes_a_submission_after_confirming(db, sender, people):
    codename = codename_in(send(sender, message=CANARY, files=[named(b"x", "x.txt")]))
    submission = Submission.objects.get()
    url = reverse("submissions:delete", args=[submission.pk])
    contributor = Client()
    contributor.force_login(people["contributor"])
    assert refused(contributor.post(url))
    editor = Client()
    editor.force_login(people["editor"])
    confirm = editor.get(url)
    assert confirm.status_code == 200 and "This cannot be undone" in confirm.text
    assert Submission.objects.exists()
    response = editor.post(url, follow=True)
    assert f"Submission {submission.reference} is deleted" in response.text
    assert not Submission.objects.exists() and not SubmissionFile.objects.exists()
    opened = sender.post(SUBMIT, {"action": "open", "codename": codename})
    assert opened.status_code == 404
