"""The sitemap: /sitemap.xml is an index of sections, each served a page at a time
(/sitemap-pages.xml?p=2). A page of a section costs the same few queries however big
the site is: which pages are private, a count, and the page's rows (the site is cached).

Addresses are on the default Site's hostname and port, as the pages' own canonical URLs.
"""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from wagtail.models import Page, Site

from articles.models import Contributor
from articles.models.essays import live_essays
from home.models import ReadableQuerySet


class SiteSitemap(Sitemap):
    """Locations on the default Site's root URL rather than on the request's host."""

    limit = 1000

    def __init__(self):
        self.site = Site.objects.select_related("root_page").get(is_default_site=True)

    def get_urls(self, page=1, site=None, protocol=None):
        root = urlsplit(self.site.root_url)
        return self._urls(page, root.scheme, root.netloc)


class PageSitemap(SiteSitemap):
    """Every page of the site readers may see, in tree order, with when it was last published."""

    def items(self):
        return (
            ReadableQuerySet(Page)
            .descendant_of(self.site.root_page, inclusive=True)
            .readable()
            .order_by("path")
            .values("url_path", "last_published_at")
        )

    def location(self, page):
        # As Page.get_url_parts: the page's path below the site's root page, served by Wagtail.
        below_root = page["url_path"][len(self.site.root_page.url_path) :]
        return reverse("wagtail_serve", args=(below_root,))

    def lastmod(self, page):
        return page["last_published_at"]

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]


class ContributorSitemap(SiteSitemap):
    """Profiles of contributors with at least one essay readers can see."""

    def items(self):
        return (
            Contributor.objects.filter(essays__page__in=live_essays()).distinct().order_by("slug")
        )

    def location(self, contributor):
        return reverse("contributor", args=(contributor.slug,))


SITEMAPS = {"pages": PageSitemap, "contributors": ContributorSitemap}


def sitemap_paths():
    """The index and every page of every section, as the index lists them."""
    paths = [reverse("sitemap")]
    for section, sitemap in SITEMAPS.items():
        path = reverse("sitemap_section", args=(section,))
        pages = sitemap().paginator.num_pages
        paths += [path, *(f"{path}?p={number}" for number in range(2, pages + 1))]
    return paths
