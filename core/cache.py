"""The site's one cache design (docs/caching.md): what readers see is kept in the
default cache (Redis when REDIS_URL is set), under the site-wide *generation* number it
was rendered in, for at most PAGE_CACHE_SECONDS.

- Pages: anonymous GET responses of public pages (``PageCacheMiddleware``), keyed on
  the host, the path and the query parameters pages read (``PAGE_CACHE_PARAMETERS``),
  normalised.
- Derived values (``derived()``): what pages compute from the content and share (filter
  choices, counts, an essay's relations, rendered cards), keyed on the generation.
- Per request (``per_request()``): the generation and which pages are private, read once
  a request, forgotten with it.

Anything that can change what a page shows (publishing, unpublishing, moving, renaming
or deleting a page, privacy settings, contributor profiles, site settings, a restore)
moves the generation on once committed: from then on nothing kept from an earlier
generation is served. If the cache cannot be reached (Redis down), nothing is kept or
served from it, and a change made meanwhile cannot move the generation on: what was
kept before expires PAGE_CACHE_SECONDS after it was written, the bound on staleness.
There is no per-process copy.

Never cached: signed-in users (any session cookie), the admin, previews, responses
that set a cookie or are marked private, and anything but a plain 200.
"""

import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db.transaction import on_commit
from django.http import QueryDict
from django.utils.cache import patch_cache_control

GENERATION_KEY = "page-cache:generation"
SKIPPED_PREFIXES = ("/static/", "/media/", "/documents/", "/api/")


def generation():
    """The site-wide generation, read from the cache once per request."""
    return per_request("generation", read_generation)


def read_generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        # Starting from the clock, not from 1: if the cache loses this key but keeps
        # older entries, a restarted count would find them again.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY) or 0
    return value


def derived(name, compute):
    """A value computed from the site's content (filter choices, counts), kept in the
    cache for this generation, like the pages themselves, for at most
    PAGE_CACHE_SECONDS. ``compute()`` giving None is not kept (nothing found: readers
    choose what to look for)."""
    key = f"derived:{generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
    return value


def purge_all(**kwargs):
    """Move the generation on, once the change is committed: every cached page is from
    then on a miss. (Purging inside the publishing transaction would let a reader
    cache the old page under the new generation before the commit.) What this request
    has remembered (``per_request``) is forgotten at once."""
    forget_request_memo()
    on_commit(next_generation)


def forget_request_memo():
    memo = request_memo.get()
    if memo:
        memo.clear()


# Values a request works out once, however often it asks (see per_request).
request_memo = ContextVar("request_memo", default=None)


def per_request(name, compute):
    """``compute()``, once per request (outside a request, every time). For what must
    never be stale, even where the shared cache could be: which pages are private."""
    memo = request_memo.get()
    if memo is None:
        return compute()
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def next_generation():
    forget_request_memo()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # the key was lost: start again from the clock, as generation() does
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def is_cacheable_request(request):
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method in ("GET", "HEAD")
        and is_anonymous_request(request)
        and not request.path.startswith((f"/{settings.ADMIN_PATH}/", *SKIPPED_PREFIXES))
    )


def is_anonymous_request(request):
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
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


def normalised_query(params):
    """The query parameters a page reads (``PAGE_CACHE_PARAMETERS``), each once (its
    first value, trimmed), in name order; None if they are too long to be worth a key."""
    query = QueryDict(mutable=True)
    for name in sorted(settings.PAGE_CACHE_PARAMETERS):
        value = next(iter(params.getlist(name)), "").strip()
        if value:
            query[name] = value
    encoded = query.urlencode()
    if len(encoded) > MAX_QUERY_LENGTH:
        return None
    return QueryDict(encoded)


MAX_QUERY_LENGTH = 500


class PageCacheMiddleware:
    """Serve anonymous readers from the cache; listed after the security middleware so
    cached responses still get fresh security headers. The first of the project's
    middleware, it also gives each request the memo that ``per_request`` keeps (the
    generation, which pages are private), so that the generation read here is the one
    the rest of the request uses.

    A cacheable request's query string is normalised first (``normalised_query``): the
    page sees only the parameters pages read, so ``?page=2&utm_source=x`` and
    ``?page=2`` are the same page and the same entry. Responses tell shared caches (a
    CDN, kept right by Wagtail's frontend-cache purge) how long they may keep a page
    (``public, s-maxage``), and everything personal (``private, no-store``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request_memo.set({})
        try:
            response = self.serve(request)
        finally:
            request_memo.reset(token)
        if "Cache-Control" not in response:
            if is_anonymous_request(request) and is_cacheable_response(response):
                patch_cache_control(
                    response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS
                )
            else:
                patch_cache_control(response, private=True, no_store=True)
        return response

    def serve(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        query = normalised_query(request.GET)
        if query is None:
            return self.get_response(request)
        request.GET = query
        key = f"page-cache:{request.method}:{request.get_host()}:{request.path}?{query.urlencode()}"
        found = cache.get_many([GENERATION_KEY, key])
        current = per_request("generation", lambda: found.get(GENERATION_KEY) or read_generation())
        rendered_in, response = found.get(key, (None, None))
        if response is not None and rendered_in == current:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if is_cacheable_response(response):
            # The generation read before rendering: a change committed meanwhile moves
            # it on, and this page is then not served.
            cache.set(key, (current, response), timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
