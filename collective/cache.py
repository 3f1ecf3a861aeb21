"""A page cache for anonymous readers that is never stale.

Anonymous GET responses of public pages are kept in the default cache (Redis when
REDIS_URL is set). Every key carries a site-wide generation number; anything that
can change what a page shows (publishing, unpublishing, moving, renaming or
deleting a page, privacy settings, contributor profiles, site settings) moves the
generation on, so the next request of every page is rendered afresh. A whole-site
purge is simple and correct: an essay appears on its index pages, organisations,
sources, the home page, feeds, the sitemap and search results.

Never cached: signed-in users (any session cookie), the admin, previews, responses
that set a cookie or are marked private, and anything but a plain 200.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "page-cache:generation"
SKIPPED_PREFIXES = ("/static/", "/media/", "/documents/", "/api/")


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = 1
        cache.add(GENERATION_KEY, value, timeout=None)
    return value


def purge_all(**kwargs):
    """Move the generation on, once the change is committed: every cached page is from
    then on a miss. (Purging inside the publishing transaction would let a reader
    cache the old page under the new generation before the commit.)"""
    transaction.on_commit(next_generation)


def next_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def is_cacheable_request(request):
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith((f"/{settings.ADMIN_PATH}/", *SKIPPED_PREFIXES))
    )


def is_cacheable_response(response):
    cache_control = {
        part.split("=")[0].strip().lower() for part in response.get("Cache-Control", "").split(",")
    }
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not cache_control & {"private", "no-cache", "no-store"}
    )


class PageCacheMiddleware:
    """Serve anonymous readers from the cache; listed after the security middleware so
    cached responses still get fresh security headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = f"page-cache:{generation()}:{request.get_host()}:{request.get_full_path()}"
        response = cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if is_cacheable_response(response):
            cache.set(key, response, timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
