import hashlib
import hmac
import logging
import secrets
from datetime import date
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse

DOCUMENT_POLICY = "default-src 'none'; sandbox"


def sandboxed(view):
    """A view whose answers are opened, if a browser opens them at all, with nothing
    loaded, nothing run and no origin (``sandbox``): served documents, which may hold
    scripts. Wagtail's serve view sets ``default-src 'none'`` itself; this adds the
    sandbox."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.has_header("Content-Disposition"):  # the file, not a password form
            response.headers["Content-Security-Policy"] = DOCUMENT_POLICY
        return response

    return wrapper


def client_address(request):
    """The address of whoever sent ``request``, for login rate limiting (django-axes).

    With no proxy in front (TRUSTED_PROXY_COUNT 0) it is the connection's. Behind N
    trusted proxies, each of which appends the address it received the request from to
    X-Forwarded-For, it is the Nth address from the right: what a client writes into the
    header itself stays on the left, where it is never read."""
    count = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "")
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    return forwarded[-count] if len(forwarded) >= count else remote


class AdminSecurityHeadersMiddleware:
    """Headers for the admin and for pages with a form.

    - The admin's Content-Security-Policy (ADMIN_CSP): Wagtail's editor needs inline
      scripts and styles and frames its own previews. Public pages keep SECURE_CSP.
    - ``Referrer-Policy: same-origin`` where a form posts back (the admin, and any
      page that hands out a CSRF cookie, such as a private page's password form):
      under ``no-referrer`` browsers send ``Origin: null`` and Django's CSRF check
      rightly refuses the post. Everywhere else readers keep ``no-referrer``.

    Listed after Django's CSP and security middleware, so it marks the response
    before they write their headers (they do not overwrite what is already set).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = f"/{settings.ADMIN_PATH}/"

    def __call__(self, request):
        response = self.get_response(request)
        in_admin = request.path.startswith(self.prefix)
        if in_admin:
            response._csp_config = settings.ADMIN_CSP
        if in_admin or settings.CSRF_COOKIE_NAME in response.cookies:
            response.headers["Referrer-Policy"] = "same-origin"
        return response


class DatabaseUnavailableMiddleware:
    """While the database is unreachable (a restart, a failover), readers get a short
    503 with Retry-After instead of an error page; nothing is logged as a bug."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)):
            response = HttpResponse(
                '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                "<title>Back in a moment | Collective</title></head><body><main>"
                "<h1>Back in a moment</h1><p>The site is briefly unavailable. "
                "Please try again in a few seconds.</p></main></body></html>",
                status=503,
            )
            response["Retry-After"] = "10"
            return response
        return None


# What identifies whoever sent a request: their address (as the connection, a proxy or
# a CDN reports it), their browser, and where they came from.
SENDER_HEADERS = (
    "REMOTE_ADDR",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
    "HTTP_CF_CONNECTING_IP",
    "HTTP_TRUE_CLIENT_IP",
    "HTTP_USER_AGENT",
    "HTTP_REFERER",
)


def daily_key():
    """A random key for today, kept only in the cache (for two days at most): the
    sender keys of different days cannot be linked, nor worked back to an address."""
    name = f"sender-key:{date.today().isoformat()}"
    cache.add(name, secrets.token_hex(32), timeout=2 * 24 * 60 * 60)
    return cache.get(name, "")


class ForgetSenderMiddleware:
    """For the paths of FORGET_SENDER_PATHS (the anonymous submission pages), replace
    the sender's address by ``request.sender_key`` (a keyed hash of it under today's
    key, for rate limiting) and drop their browser's name and their referrer, before
    any other middleware, view, log or error report can see them.

    First in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(settings.FORGET_SENDER_PATHS):
            address = client_address(request)
            request.sender_key = hmac.new(
                daily_key().encode(), address.encode(), hashlib.sha256
            ).hexdigest()
            for header in SENDER_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)


class ForgetSenderLogFilter(logging.Filter):
    """Drops log records about requests to FORGET_SENDER_PATHS: Django's "Not Found:
    /submit/" (a wrong codename) and the development server's request lines would
    otherwise put the time of a submitter's visit in the logs. On the loggers and
    handlers of LOGGING."""

    def filter(self, record):
        request = getattr(record, "request", None)
        path = getattr(request, "path", None)
        if isinstance(path, str) and path.startswith(settings.FORGET_SENDER_PATHS):
            return False
        request_line = getattr(record, "request_line", None) or (
            str(record.args[0]) if isinstance(record.args, tuple) and record.args else ""
        )
        return not any(f" {prefix}" in request_line for prefix in settings.FORGET_SENDER_PATHS)


class OnionLocationMiddleware:
    """With ONION_LOCATION set (the site's onion service), every page tells Tor Browser
    where the same page is as an onion service (the Onion-Location header)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.ONION_LOCATION and request.method in ("GET", "HEAD"):
            response.headers.setdefault(
                "Onion-Location", settings.ONION_LOCATION + request.get_full_path()
            )
        return response
