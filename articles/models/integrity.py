"""Source integrity: claims checked against their sources, and sources' links watched.

* ``CitationCheck``: a fact-checker's mark on one citation of one essay revision
  (see ``articles.claims``).
* ``LinkCheck``: one fetch of a source's original or archived address, kept as history;
  ``SourceLinkHealth``: each source's current state, worked out from its last checks
  (see ``articles.linkcheck``).
* ``ArchiveRequest``: an archive capture asked of the "Save Page Now" service and the
  snapshot it proposed, for an editor to accept (see ``articles.archive``).
"""

from django.conf import settings
from django.db import models


class CitationCheck(models.Model):
    """A fact-checker's verdict on one citation (its words, source and pinpoint) in one
    revision of an essay. A new revision copies the marks of the citations it keeps
    unchanged (same ``key``); the rest start unmarked."""

    class Verdict(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        PARTLY = "partly", "Partly supports"
        DOES_NOT_SUPPORT = "does_not_support", "Does not support"

    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="citation_checks"
    )
    # A hash of the citation's words, source and pinpoint (articles.claims.citation_key).
    key = models.CharField(max_length=64)
    source = models.ForeignKey(
        "articles.SourcePage", on_delete=models.CASCADE, related_name="citation_checks"
    )
    words = models.TextField()
    pinpoint = models.CharField(max_length=255, blank=True)
    verdict = models.CharField(max_length=20, choices=Verdict.choices)
    note = models.TextField(blank=True)
    note_is_public = models.BooleanField(
        default=False, help_text="Editors only: readers see the note under the source."
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["revision", "key"], name="one_mark_per_citation")
        ]

    def __str__(self):
        return f"{self.get_verdict_display()}: {self.words[:60]}"


class LinkKind(models.TextChoices):
    ORIGINAL = "original", "Original"
    ARCHIVED = "archived", "Archived copy"


class LinkCheck(models.Model):
    """One check of one of a source's addresses. History is kept."""

    class Verdict(models.TextChoices):
        OK = "ok", "OK"
        MOVED = "moved", "Moved"
        GONE = "gone", "Gone"
        CHANGED = "changed", "Changed a lot"
        UNREACHABLE = "unreachable", "Unreachable"

    source = models.ForeignKey(
        "articles.SourcePage", on_delete=models.CASCADE, related_name="link_checks"
    )
    kind = models.CharField(max_length=10, choices=LinkKind.choices)
    url = models.URLField(max_length=500)
    checked_at = models.DateTimeField(db_index=True)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    final_url = models.URLField(max_length=2000, blank=True)
    content_type = models.CharField(max_length=255, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    body_sha256 = models.CharField(max_length=64, blank=True)
    # A 64-bit SimHash of the body's words, as hex: "changed a lot" compares them.
    body_simhash = models.CharField(max_length=16, blank=True)
    verdict = models.CharField(max_length=12, choices=Verdict.choices)
    error = models.CharField(max_length=255, blank=True)

    class Meta:
        indexes = [models.Index(fields=["source", "kind", "-checked_at"], name="link_check_latest")]
        ordering = ["-checked_at"]

    def __str__(self):
        return f"{self.url}: {self.get_verdict_display()} ({self.checked_at:%Y-%m-%d %H:%M})"


class LinkState(models.TextChoices):
    UNCHECKED = "unchecked", "Not checked yet"
    ONLINE = "online", "Online"
    FAILING = "failing", "Failing"  # failed lately, not yet long enough to call offline
    OFFLINE = "offline", "Offline"


class SourceLinkHealth(models.Model):
    """A source's addresses as its last checks leave them (one row per source).

    Not part of the page (no revision): it is what the checker saw, updated after every
    check. ``offline`` only after repeated failures a day apart; see articles.linkcheck.
    """

    source = models.OneToOneField(
        "articles.SourcePage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="link_health",
    )
    original_state = models.CharField(
        max_length=10, choices=LinkState.choices, default=LinkState.UNCHECKED
    )
    original_verdict = models.CharField(max_length=12, blank=True)
    original_checked_at = models.DateTimeField(null=True, blank=True)
    original_online_at = models.DateTimeField(null=True, blank=True)  # last good check
    original_offline_since = models.DateTimeField(null=True, blank=True)
    archived_state = models.CharField(
        max_length=10, choices=LinkState.choices, default=LinkState.UNCHECKED
    )
    archived_verdict = models.CharField(max_length=12, blank=True)
    archived_checked_at = models.DateTimeField(null=True, blank=True)
    archived_online_at = models.DateTimeField(null=True, blank=True)
    archived_offline_since = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "source link health"
        verbose_name_plural = "source link health"

    def __str__(self):
        return f"Links of source {self.source_id}"


class ArchiveRequest(models.Model):
    """An archive capture asked for one source, and the snapshot proposed."""

    class Status(models.TextChoices):
        PENDING = "pending", "Requested"
        FAILED = "failed", "Failed"
        PROPOSED = "proposed", "Proposed to editors"
        ACCEPTED = "accepted", "Accepted"
        DISMISSED = "dismissed", "Dismissed"

    source = models.ForeignKey(
        "articles.SourcePage", on_delete=models.CASCADE, related_name="archive_requests"
    )
    url = models.URLField("address captured", max_length=500)
    requested_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    snapshot_url = models.URLField("proposed archived copy", max_length=2000, blank=True)
    error = models.CharField(max_length=255, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self):
        return f"Capture of {self.url} ({self.get_status_display()})"
