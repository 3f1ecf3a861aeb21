"""The admin's "Archive captures" (Reports menu, editors and administrators only): the snapshots the
archive service made of sources without a working archived copy (articles/archive.py),
for an editor to accept or dismiss. Accepting saves a new revision of the source with
the snapshot as its archived copy: a draft, which goes through review like any other
change; nothing is published from here."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from articles.models import ArchiveRequest

# Editors' (articles/migrations/0010), and administrators'.
DECIDE = "articles.change_archiverequest"


def may_decide(user):
    """Read from the permissions the admin has loaded for the request already."""
    return user.has_perm(DECIDE)


def editors_only(request):
    if not may_decide(request.user):
        raise PermissionDenied


def archive_captures(request):
    """The proposed snapshots, oldest request first."""
    editors_only(request)
    proposed = (
        ArchiveRequest.objects.filter(status=ArchiveRequest.Status.PROPOSED)
        .select_related("source")
        .order_by("requested_at", "pk")
    )
    return TemplateResponse(
        request,
        "articles/admin/archive_captures.html",
        {"page_title": "Archive captures", "header_icon": "doc-full", "captures": proposed},
    )


@require_POST
def decide_archive_capture(request, pk):
    """Accept (a new draft revision of the source with the snapshot as its archived
    copy) or dismiss one proposed snapshot."""
    editors_only(request)
    capture = get_object_or_404(ArchiveRequest, pk=pk, status=ArchiveRequest.Status.PROPOSED)
    decision = request.POST.get("decision")
    if decision not in ("accept", "dismiss"):
        messages.error(request, "Choose to accept or to dismiss the capture.")
        return redirect("articles_archive_captures")
    if decision == "dismiss":
        decide(capture, ArchiveRequest.Status.DISMISSED, request.user)
        messages.success(request, f"The capture of “{capture.source.title}” is dismissed.")
        return redirect("articles_archive_captures")
    page = capture.source.get_latest_revision_as_object()
    page.archived_url = capture.snapshot_url
    try:
        page.save_revision(user=request.user, log_action=True)
    except ValidationError as error:
        messages.error(
            request,
            f"The capture of “{page.title}” cannot be its archived copy: "
            + " ".join(error.messages),
        )
        return redirect("articles_archive_captures")
    decide(capture, ArchiveRequest.Status.ACCEPTED, request.user)
    messages.success(
        request,
        f"The capture is saved as the archived copy of “{page.title}” in a new draft. "
        "It goes through review before readers see it: submit it for review.",
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def decide(capture, status, user):
    capture.status = status
    capture.decided_by = user
    capture.decided_at = timezone.now()
    capture.save(update_fields=["status", "decided_by", "decided_at"])
