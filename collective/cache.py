"""A page cache for anonymous readers that is never stale.

Anonymous GET responses of public pages are kept in the default cache (Redis when
REDIS_URL is set), each with the site-wide generation number it was rendered in;
anything that can change what a page shows (publishing, unpublishing, moving,
renaming or deleting a page, privacy settings, contributor profiles, site settings,
a restore) moves the generation on, so a page kept from an earlier generation is not
served: the next request of every page is rendered afresh. A hit reads the
generation and the page together, in one round trip to the cache. A whole-site
purge is simple and correct: an essay appears on its index pages, organisations,
sources, the home page, feeds, the sitemap and search results.

Never cached: signed-in users (any session cookie), the admin, previews, responses
that set a cookie or are marked private, and anything but a plain 200.
"""

import pickle
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db.transaction import on_commit
from django.http.request import split_domain_port
from wagtail.models import Site

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
    cache until the next change readers could see, like the pages themselves.

    A value is the same in every process for a generation, so each process also keeps
    what it has read (pickled, so that every caller gets its own copy, as from the
    cache) until the generation moves on: a request asks the shared cache only for the
    generation and for values this process has not read yet."""
    current = generation()
    # Without a generation (the cache is unreachable) nothing tells a copy is stale.
    kept = process_copies(current) if current else {}
    if name in kept:
        return pickle.loads(kept[name])
    key = f"derived:{current}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        if value is None:  # nothing found is not kept: readers choose what to look for
            return None
        cache.set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
    if len(kept) < PROCESS_COPIES_LIMIT:
        kept[name] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    return value


# This process's copies of derived values: {"generation": ..., "values": {name: pickle}}.
_process_copies = {"generation": None, "values": {}}
PROCESS_COPIES_LIMIT = 2000


def process_copies(current):
    """The copies kept in this process for generation ``current`` (none of an earlier one)."""
    if _process_copies["generation"] != current:
        _process_copies.update(generation=current, values={})
    return _process_copies["values"]


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
    cached responses still get fresh security headers. The first of the project's
    middleware, it also gives each request the memo that ``per_request`` keeps (the
    generation, which pages are private), so that the generation read here is the one
    the rest of the request uses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request_memo.set({})
        try:
            return self.serve(request)
        finally:
            request_memo.reset(token)

    def serve(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = f"page-cache:{request.get_host()}:{request.get_full_path()}"
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


class CachedSiteMiddleware:
    """Wagtail finds the request's Site, its root page and the site settings with four
    queries on every request, and the sites' root paths (to make page URLs) with a read
    of the cache. They change only when an editor changes them, which moves the
    generation on, so they are kept with the derived values and put where Wagtail and
    wagtail.contrib.settings look for them first (``request._wagtail_site``,
    ``request._wagtail_cached_site_root_paths`` and the settings' own request
    attribute)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from home.models import SiteSettings

        # get_host() refuses a Host header not in ALLOWED_HOSTS (a 400) before it
        # becomes part of a cache key.
        hostname, port = split_domain_port(request.get_host())[0], request.get_port()

        def find():
            site = Site._find_for_request(request)
            if site is None:
                return None
            site.root_page = site.root_page.specific
            return site, SiteSettings.for_site(site), Site.get_site_root_paths()

        found = derived(f"site:{hostname}:{port}", find)
        if found:
            site, site_settings, root_paths = found
            request._wagtail_site = site
            request._wagtail_cached_site_root_paths = root_paths
            site_settings._request = request
            setattr(request, SiteSettings.get_cache_attr_name(), site_settings)
        return self.get_response(request)
