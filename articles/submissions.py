"""Receiving anonymous submissions: cleaning, encrypting and storing what is sent, and
reading a conversation back with its codename. The pages are in submission_views.py,
the editors' inbox in submission_admin.py; what is kept and what is not is in
docs/security.md."""

import json
import logging
import os
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles import sealing
from articles.models import Submission, SubmissionFile, SubmissionMessage
from collective.documents.metadata import clean_document
from collective.images.metadata import MetadataCleaningError, clean_image
from core.editorial import EDITORS

logger = logging.getLogger(__name__)

MAX_MESSAGE_LENGTH = 20_000
MAX_FILES = 5
MAX_FILE_SIZE = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp"}
DOCUMENT_EXTENSIONS = {"pdf", "docx", "odt", "txt", "csv"}

NOT_CLEANED = (
    "We could not remove its hidden details (metadata, such as an author's name or a "
    "camera's location): {reason} We kept it, marked, and will handle it with care."
)
UNKNOWN_KIND = "we have no cleaner for this kind of file."
DAMAGED = "it may be damaged, password-protected, or not really what its name says."


@dataclass
class Received:
    """One file as received: its name, cleaned bytes (or, if it could not be cleaned,
    as sent) and, when not cleaned, why, for the submitter."""

    name: str
    data: bytes
    cleaned: bool
    note: str = ""


@dataclass
class Entry:
    """A message of a conversation, opened."""

    direction: str
    sent_on: object
    body: str
    files: list = field(default_factory=list)
    sealed: bool = False  # not encrypted to the keys it was opened with

    @property
    def from_submitter(self):
        return self.direction == SubmissionMessage.Direction.IN


def size_limit(name):
    """The largest file of this kind taken: the CMS's own upload limits."""
    extension = os.path.splitext(name or "")[1].lower().lstrip(".")
    if extension in IMAGE_EXTENSIONS:
        return settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    return MAX_FILE_SIZE


def clean_received(upload):
    """The uploaded file cleaned by the same fail-closed cleaners as the CMS's uploads;
    what they cannot clean (or have no cleaner for, such as audio) is kept as sent and
    marked, with a note for the submitter."""
    name = os.path.basename(upload.name or "file")[:200]
    data = upload.read()
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    try:
        if extension in IMAGE_EXTENSIONS:
            return Received(name, clean_image(data, name), True)
        if extension in DOCUMENT_EXTENSIONS:
            return Received(name, clean_document(data, name), True)
    except MetadataCleaningError:
        return Received(name, data, False, NOT_CLEANED.format(reason=DAMAGED))
    return Received(name, data, False, NOT_CLEANED.format(reason=UNKNOWN_KIND))


def _seal_message(submission, direction, body, files):
    """Store a message (and its files, already cleaned) sealed; return it."""
    listing = [{"name": f.name, "cleaned": f.cleaned, "note": f.note} for f in files]
    plaintext = json.dumps({"body": body, "files": listing}).encode()
    conversation_key = sealing.pyrage.x25519.Recipient.from_str(submission.reply_recipient)
    message = SubmissionMessage.objects.create(
        submission=submission,
        direction=direction,
        sent_on=timezone.localdate(),
        sealed=sealing.seal(plaintext, conversation_key),
        size=len(body.encode()) + sum(len(f.data) for f in files),
    )
    SubmissionFile.objects.bulk_create(
        SubmissionFile(
            message=message,
            position=position,
            sealed=sealing.seal(received.data),
            size=len(received.data),
            cleaned=received.cleaned,
        )
        for position, received in enumerate(files)
    )
    return message


@transaction.atomic
def start_conversation(body, files):
    """A new submission: returns (its codename, shown once and never stored, and it)."""
    codename = sealing.new_codename()
    lookup, identity = sealing.derive(codename)
    submission = Submission.objects.create(
        lookup=lookup,
        reply_recipient=str(identity.to_public()),
        received_on=timezone.localdate(),
    )
    _seal_message(submission, SubmissionMessage.Direction.IN, body, files)
    notify_editors()
    return codename, submission


def find_conversation(codename):
    """(the submission, its key) for ``codename``, or (None, None)."""
    lookup, identity = sealing.derive(codename)
    submission = Submission.objects.filter(lookup=lookup).first()
    return (submission, identity) if submission else (None, None)


@transaction.atomic
def add_from_submitter(submission, body, files):
    _seal_message(submission, SubmissionMessage.Direction.IN, body, files)
    Submission.objects.filter(pk=submission.pk).update(unread=True)
    notify_editors()


@transaction.atomic
def reply(submission, body):
    _seal_message(submission, SubmissionMessage.Direction.OUT, body, [])
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.REPLIED)


def read_conversation(submission, identities):
    """Every message of ``submission``, opened with ``identities`` (the conversation's
    key, or an editor's). A message sealed before an editor's key was configured stays
    closed to it (``sealed`` True, no words). Raises sealing.SealingError if they open
    none."""
    entries = []
    for message in submission.messages.all():
        try:
            content = json.loads(sealing.open_sealed(message.sealed, identities))
        except sealing.SealingError:
            entries.append(Entry(message.direction, message.sent_on, "", [], sealed=True))
        else:
            entries.append(
                Entry(message.direction, message.sent_on, content["body"], content["files"])
            )
    if entries and all(entry.sealed for entry in entries):
        raise sealing.SealingError("None of this conversation is encrypted to these keys.")
    return entries


def notify_editors():
    """Mail the Editors that a submission arrived: those words only, and where to look."""
    if not settings.SUBMISSION_NOTIFY:
        return
    recipients = list(
        get_user_model()
        .objects.filter(groups__name=EDITORS, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return
    inbox = settings.WAGTAILADMIN_BASE_URL + reverse("submissions:index")
    transaction.on_commit(lambda: _send_notice(inbox, recipients))


def _send_notice(inbox, recipients):
    try:
        send_mail(
            "A new submission arrived",
            f"A new submission arrived. Read it in the Submissions inbox: {inbox}\n",
            None,
            recipients,
        )
    except Exception:  # the submission is stored; the mail is a courtesy
        logger.warning("The editors could not be mailed about a new submission.")
