"""The sitemap: /sitemap.xml is an index of sections, each served a page at a time
(/sitemap-pages.xml?p=2). A page of a section costs the same few queries however big
the site is: which pages are private and the page's rows (the site and the counts are
cached).

Addresses are on the default Site's hostname and port, as the pages' own canonical URLs.
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.models import Page, Site

from articles.listing import ListingPaginator
from articles.models.essays import published_contributors
from core.cache import derived
from core.models import ReadableQuerySet, serve_path


class SiteSitemap(Sitemap):
    """Locations on the default Site's root URL rather than on the request's host.

    What the index needs of each section (its number of pages, when its pages last
    changed) is kept until the site's content changes, as the listings' counts are. A
    page of a section is its rows, made into entries without a template loop
    (``sitemap_entries``), each location built from the section's prefix.
    """

    limit = 1000

    def __init__(self):
        self.site = derived(
            "sitemap:default-site",
            lambda: Site.objects.select_related("root_page").get(is_default_site=True),
        )

    @cached_property
    def paginator(self):
        return ListingPaginator(
            self.items(), self.limit, f"sitemap:{type(self).__name__}", by_id=False
        )

    def get_urls(self, page=1, site=None, protocol=None):
        root = self.site.root_url
        urls = []
        for item in self.paginator.page(page).object_list:
            lastmod = self.lastmod(item) if hasattr(self, "lastmod") else None
            urls.append({"location": root + self.location(item), "lastmod": lastmod})
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


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

    @cached_property
    def root_length(self):
        return len(self.site.root_page.url_path)

    def location(self, page):
        # As Page.get_url_parts: the page's path below the site's root page.
        return serve_path(page["url_path"][self.root_length :])

    def lastmod(self, page):
        return page["last_published_at"]

    def get_latest_lastmod(self):
        return derived(
            "sitemap:pages:latest",
            lambda: self.items().aggregate(latest=Max("last_published_at"))["latest"],
        )


class ContributorSitemap(SiteSitemap):
    """Profiles of contributors with at least one essay readers can see."""

    def items(self):
        return published_contributors().order_by("slug").values_list("slug", flat=True)

    @cached_property
    def prefix(self):
        return reverse("contributors")

    def location(self, slug):
        # A profile is at its slug below the list (collective/urls.py).
        return f"{self.prefix}{slug}/"


SITEMAPS = {"pages": PageSitemap, "contributors": ContributorSitemap}


def sitemap_paths():
    """The index and every page of every section, as the index lists them."""
    paths = [reverse("sitemap")]
    for section, sitemap in SITEMAPS.items():
        path = reverse("sitemap_section", args=(section,))
        pages = sitemap().paginator.num_pages
        paths += [path, *(f"{path}?p={number}" for number in range(2, pages + 1))]
    return paths


def section(request, section):
    """A page of a section (a thousand entries): Django's sitemap view, rendered once
    for the site's content as it is and kept with the derived values. A section or page
    that does not exist is a 404, as Django's view has it, and is not kept."""
    number = request.GET.get("p", "1")
    if not number.isdigit() or len(number) > 6:
        raise Http404("No such page of the sitemap.")

    def render():
        response = sitemap_views.sitemap(
            request, SITEMAPS, section=section, template_name="sitemaps/section.xml"
        )
        return {"content": response.render().content, "headers": dict(response.headers)}

    rendered = derived(f"sitemap:{section}:{number}", render)
    return HttpResponse(rendered["content"], headers=rendered["headers"])
