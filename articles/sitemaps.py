from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from articles.models import Contributor
from articles.models.essays import live_essays


class ContributorSitemap(Sitemap):
    """Profiles of contributors with at least one essay readers can see."""

    def items(self):
        return (
            Contributor.objects.filter(essays__page__in=live_essays()).distinct().order_by("slug")
        )

    def location(self, contributor):
        return reverse("contributor", args=(contributor.slug,))


SITEMAPS = {"pages": PageSitemap, "contributors": ContributorSitemap}
