"""Archive on demand: a source whose archived copy is missing, failing or offline gets a
capture asked of a service speaking the Wayback Machine's "Save Page Now" API (SPN2),
and the snapshot it makes is proposed to editors (``ArchiveRequest``; accepted in the
admin, articles/archive_views.py, as a draft that goes through review).

Runs inside the link-check task (articles.linkcheck.check_host), never in a request.
Off while ARCHIVE_SAVE_URL is empty.

The client is these few lines of ``requests`` rather than a package: ``savepagenow``
speaks the first Save Page Now API (a GET that waits for the capture, without the
S3-style keys SPN2 wants for authenticated captures), ``waybackpy`` brings a whole
Wayback client for one POST and one GET, and neither is in the package index this
project installs from. The endpoint is trusted configuration, not an address a
contributor typed, so the checker's address rules (articles.linkcheck) do not apply.

SPN2: ``POST <save url>`` with the form ``url=<address>`` and ``Accept:
application/json`` answers ``{"job_id": ...}``; ``GET <save url>/status/<job id>``
answers ``{"status": "pending" | "success" | "error", "timestamp": ..., "original_url":
..., "message": ...}``; the snapshot is ``<ARCHIVE_SNAPSHOT_URL><timestamp>/<original_url>``.
"""

import time
from datetime import timedelta

import requests
from django.conf import settings
from django.utils import timezone

from articles.models import ArchiveRequest, LinkState, SourceLinkHealth

# A failed capture is asked again at most once in this time.
RETRY_AFTER = timedelta(days=1)
OPEN = (ArchiveRequest.Status.PENDING, ArchiveRequest.Status.PROPOSED)
TIMEOUT = 30  # seconds, for each request to the service


class CaptureFailed(Exception):
    """The service refused or failed the capture: the message says why."""


def capture(url):
    """Ask the service to capture ``url``, wait for it, and give the snapshot's address."""
    session = requests.Session()
    session.headers.update(
        {"Accept": "application/json", "User-Agent": settings.LINK_CHECK_USER_AGENT}
    )
    if settings.ARCHIVE_ACCESS_KEY:
        session.headers["Authorization"] = (
            f"LOW {settings.ARCHIVE_ACCESS_KEY}:{settings.ARCHIVE_SECRET_KEY}"
        )
    save_url = settings.ARCHIVE_SAVE_URL
    try:
        job = answer(session.post(save_url, data={"url": url}, timeout=TIMEOUT))
        job_id = job.get("job_id")
        if not job_id:
            raise CaptureFailed(job.get("message") or "The service gave no job id")
        for _attempt in range(settings.ARCHIVE_POLL_ATTEMPTS):
            time.sleep(settings.ARCHIVE_POLL_WAIT)
            status = answer(session.get(f"{save_url}/status/{job_id}", timeout=TIMEOUT))
            if status.get("status") == "success":
                original = status.get("original_url") or url
                return f"{settings.ARCHIVE_SNAPSHOT_URL}{status['timestamp']}/{original}"
            if status.get("status") == "error":
                raise CaptureFailed(status.get("message") or "The capture failed")
    except requests.RequestException as error:
        raise CaptureFailed(f"The service did not answer: {type(error).__name__}") from error
    finally:
        session.close()
    raise CaptureFailed(f"Not captured after {settings.ARCHIVE_POLL_ATTEMPTS} checks")


def answer(response):
    try:
        data = response.json()
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise CaptureFailed(f"The service answered {response.status_code}, not JSON")
    if response.status_code >= 400 and "message" in data:
        raise CaptureFailed(str(data["message"]))
    return data


def needs_capture(source):
    """A live source with an original address reported online, and no archived copy or
    one failing or offline, and no capture asked already (waiting, proposed, or failed
    within RETRY_AFTER)."""
    if not settings.ARCHIVE_SAVE_URL or not source.original_url:
        return False
    health = SourceLinkHealth.objects.filter(source=source).first()
    if health is None or health.original_state != LinkState.ONLINE:
        return False
    if source.archived_url and health.archived_state not in (
        LinkState.FAILING,
        LinkState.OFFLINE,
    ):
        return False
    asked = ArchiveRequest.objects.filter(source=source)
    return not (
        asked.filter(status__in=OPEN).exists()
        or asked.filter(
            status=ArchiveRequest.Status.FAILED,
            requested_at__gte=timezone.now() - RETRY_AFTER,
        ).exists()
    )


def capture_if_needed(source):
    """Ask for a capture of the source's original address if it needs one; the
    request is kept, proposed with its snapshot or failed with the reason."""
    if not needs_capture(source):
        return None
    asked = ArchiveRequest.objects.create(
        source=source, url=source.original_url, requested_at=timezone.now()
    )
    try:
        asked.snapshot_url = capture(source.original_url)[:2000]
        asked.status = ArchiveRequest.Status.PROPOSED
    except CaptureFailed as error:
        asked.status = ArchiveRequest.Status.FAILED
        asked.error = str(error)[:255]
    asked.save(update_fields=["snapshot_url", "status", "error"])
    return asked
