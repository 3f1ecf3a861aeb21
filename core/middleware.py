"""Middleware every page shares, besides the page cache (core/cache.py)."""

from django.http.request import split_domain_port
from wagtail.models import Site

from core.cache import derived
from core.models import SiteSettings


class CachedSiteMiddleware:
    """Wagtail finds the request's Site, its root page and the site settings with
    three queries on every request. They change only when an editor changes them,
    which moves the generation on, so they are kept with the derived values and put
    where Wagtail and wagtail.contrib.settings look for them first: the request's
    ``_wagtail_site`` (named in ``Site.find_for_request``'s documentation) and the
    settings' ``get_cache_attr_name()``. The first is Wagtail's, not public API:
    tests/test_page_cache.py pins that Wagtail still reads it (no query for the site or
    its settings on a served page)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # get_host() refuses a Host header not in ALLOWED_HOSTS (a 400) before it
        # becomes part of a cache key.
        hostname, port = split_domain_port(request.get_host())[0], request.get_port()

        def find():
            site = Site.find_for_request(request)
            if site is None:
                return None
            site.root_page = site.root_page.specific
            return site, SiteSettings.for_site(site)

        found = derived(f"site:{hostname}:{port}", find)
        if found:
            site, site_settings = found
            request._wagtail_site = site
            setattr(request, SiteSettings.get_cache_attr_name(), site_settings)
        return self.get_response(request)
