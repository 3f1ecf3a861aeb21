from functools import wraps

from django.conf import settings
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
