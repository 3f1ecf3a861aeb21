"""Anonymous submissions (/submit/): conversations with people who hold documents.

What is stored is only what the inbox needs to be sorted: days (never times), sizes,
a random reference, a status. Every message's words, every file and every file's name
are age-encrypted (``articles.sealing``); nothing about the sender's address, browser
or account exists to be stored. See docs/security.md.
"""

import secrets

from django.db import models
from django.db.models import Count, Max, Sum
from django.db.models.functions import Coalesce

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_reference():
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


class SubmissionQuerySet(models.QuerySet):
    def with_totals(self):
        return self.annotate(
            message_count=Count("messages", distinct=True),
            last_message_on=Max("messages__sent_on"),
            total_size=Coalesce(Sum("messages__size"), 0),
        )


class Submission(models.Model):
    """One submitter's conversation with the collective, found again by their codename."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        READ = "read", "Read"
        REPLIED = "replied", "Replied"
        SOURCED = "sourced", "Turned into a source"
        CLOSED = "closed", "Closed"

    # Shown to the submitter with their codename and to editors: not derived from it.
    reference = models.CharField(max_length=8, unique=True, default=new_reference)
    # The first half of the codename's scrypt derivation (articles.sealing.derive).
    lookup = models.CharField(max_length=64, unique=True)
    # The public half of the conversation's key: replies are encrypted to it.
    reply_recipient = models.CharField(max_length=100)
    received_on = models.DateField(help_text="The day only: no time is kept.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    # Set when the submitter sends something new; cleared when an editor opens it.
    unread = models.BooleanField(default=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-pk"]
        permissions = [("read_submission", "Can read and answer anonymous submissions")]

    def __str__(self):
        return f"Submission {self.reference}"


class SubmissionMessage(models.Model):
    """A message of a conversation: the submitter's (with any files) or an editor's reply.

    ``sealed`` holds JSON ``{"body": ..., "files": [{"name", "cleaned", "note"}]}``
    encrypted to the collective and to the conversation's key."""

    class Direction(models.TextChoices):
        IN = "in", "From the submitter"
        OUT = "out", "From the collective"

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(max_length=3, choices=Direction.choices)
    sent_on = models.DateField()
    sealed = models.BinaryField()
    # The size of what was sent: the words and the files, before encryption.
    size = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.get_direction_display()}, {self.sent_on:%d %B %Y}"


class SubmissionFile(models.Model):
    """A file sent with a message, cleaned of its metadata where it could be, then
    encrypted to the collective only (the submitter has it already)."""

    message = models.ForeignKey(SubmissionMessage, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveSmallIntegerField()
    sealed = models.BinaryField()
    size = models.PositiveBigIntegerField()
    cleaned = models.BooleanField(
        help_text="False if its metadata could not be removed: handle it with care."
    )

    class Meta:
        ordering = ["message", "position"]

    def __str__(self):
        return f"File {self.position + 1} of a message"
