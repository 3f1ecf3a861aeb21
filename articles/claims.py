"""Claims checked one by one: the "Source check" step's marks on an essay's citations.

A *claim* is one citation in an essay revision: the cited words, the source and the
pinpoint (a quotation block citing a source is a claim too: its words are the quotation).
A fact-checker marks each claim of the revision under review *supports*, *partly supports*
or *does not support* (``CitationCheck``). Marks belong to a revision: when a new revision
is saved, the marks of the claims it keeps unchanged (same words, source and pinpoint) are
copied to it, and the rest start unmarked (``carry_marks``).

"Source check" approves only when every claim is marked and none is marked *does not
support*; otherwise the fact-checker must give an override reason, which is kept in the
audit log (``SourceCheckTask``).
"""

import hashlib
import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.html import strip_tags
from wagtail.models import Revision

from articles.citations import citation_links, source_id
from articles.models import CitationCheck, EssayPage


@dataclass(frozen=True)
class Claim:
    source_id: int
    words: str
    pinpoint: str

    @property
    def key(self):
        return citation_key(self.source_id, self.words, self.pinpoint)


def citation_key(source_id, words, pinpoint):
    """What makes a claim the same claim in another revision."""
    text = f"{source_id}\n{' '.join(pinpoint.split())}\n{' '.join(words.split())}"
    return hashlib.sha256(text.encode()).hexdigest()


def claims_in(body):
    """The claims of an essay body's stored form (a StreamField's list of blocks, or the
    JSON text of one, as a revision keeps it), in reading order, each once. Read from the
    stored data, so that no source is read to find them."""
    if isinstance(body, str):
        body = json.loads(body or "[]")
    found = {}
    for block in body or []:
        value = block.get("value")
        if block.get("type") == "paragraph" and isinstance(value, str):
            for match, attrs in citation_links(value):
                pk = source_id(attrs)
                if pk is None:
                    continue
                words = " ".join(strip_tags(match.group(2)).split())
                claim = Claim(pk, words, " ".join(attrs.get("data-pinpoint", "").split()))
                found.setdefault(claim.key, claim)
        elif block.get("type") == "quotation" and isinstance(value, dict):
            pk = value.get("source")
            if isinstance(pk, int):
                claim = Claim(pk, " ".join(str(value.get("text", "")).split()), "")
                found.setdefault(claim.key, claim)
    return list(found.values())


def revision_claims(revision):
    return claims_in(revision.content.get("body"))


def is_essay_revision(revision):
    model = ContentType.objects.get_for_id(revision.content_type_id).model_class()
    return model is not None and issubclass(model, EssayPage)


@dataclass
class SheetRow:
    claim: Claim
    source: object  # the SourcePage, or None if it no longer exists
    mark: CitationCheck | None


def check_sheet(revision):
    """Every claim of ``revision`` with its source and its mark (or None)."""

    return check_sheets([revision])[revision.pk]


def check_sheets(revisions):
    """``check_sheet`` of each revision, by revision id, in two queries for them all."""
    from articles.models import SourcePage

    claims = {revision.pk: revision_claims(revision) for revision in revisions}
    source_ids = {claim.source_id for found in claims.values() for claim in found}
    sources = SourcePage.objects.only("title", "original_url", "archived_url").in_bulk(source_ids)
    marks = {}
    for mark in CitationCheck.objects.filter(revision__in=list(claims)):
        marks[mark.revision_id, mark.key] = mark
    return {
        revision_id: [
            SheetRow(claim, sources.get(claim.source_id), marks.get((revision_id, claim.key)))
            for claim in found
        ]
        for revision_id, found in claims.items()
    }


def unresolved(rows):
    """The rows that stop a plain approval: unmarked, or marked "does not support"."""
    return [
        row
        for row in rows
        if row.mark is None or row.mark.verdict == CitationCheck.Verdict.DOES_NOT_SUPPORT
    ]


def carry_marks(revision):
    """Copy to a new essay revision the marks of the claims it keeps unchanged from the
    revision before it. Returns how many were carried."""
    previous = (
        Revision.objects.filter(
            base_content_type_id=revision.base_content_type_id,
            object_id=revision.object_id,
            pk__lt=revision.pk,
        )
        .order_by("-pk")
        .first()
    )
    if previous is None:
        return 0
    marks = list(previous.citation_checks.all())
    if not marks:
        return 0
    kept = {claim.key for claim in revision_claims(revision)}
    copies = [
        CitationCheck(
            revision=revision,
            key=mark.key,
            source_id=mark.source_id,
            words=mark.words,
            pinpoint=mark.pinpoint,
            verdict=mark.verdict,
            note=mark.note,
            note_is_public=mark.note_is_public,
            checked_by_id=mark.checked_by_id,
            checked_at=mark.checked_at,
        )
        for mark in marks
        if mark.key in kept
    ]
    CitationCheck.objects.bulk_create(copies, ignore_conflicts=True)
    return len(copies)


def mark_every_claim(revision, user, verdict=CitationCheck.Verdict.SUPPORTS):
    """Mark every unmarked claim of ``revision`` (the demo content and the soak test,
    which stand in for a fact-checker's sheet)."""
    from django.utils import timezone

    now = timezone.now()
    rows = [row for row in check_sheet(revision) if row.mark is None and row.source]
    CitationCheck.objects.bulk_create(
        [
            CitationCheck(
                revision=revision,
                key=row.claim.key,
                source_id=row.claim.source_id,
                words=row.claim.words,
                pinpoint=row.claim.pinpoint,
                verdict=verdict,
                checked_by=user,
                checked_at=now,
            )
            for row in rows
        ],
        ignore_conflicts=True,
    )
    return len(rows)
