import re
from functools import cache, reduce
from operator import or_
from urllib.parse import quote

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.coreutils import WAGTAIL_APPEND_SLASH
from wagtail.models import Page, PageManager, PageViewRestriction, Site
from wagtail.query import PageQuerySet

from core.cache import per_request
from core.editorial import EditorialPermissionTester


def restricted_paths():
    """Tree paths of the pages with a view restriction (a password, a login, groups): a
    handful on most sites, often none. Read once per request, never from the shared
    cache: privacy must not wait for a cache to catch up."""
    return per_request(
        "restricted-paths",
        lambda: list(
            PageViewRestriction.objects.order_by("page__path").values_list("page__path", flat=True)
        ),
    )


# The characters reverse() leaves unquoted in a path (django.urls.resolvers), and a
# path made of nothing else (as most are), which quote() would give back unchanged.
PATH_SAFE = "/~:@!$&'()*+,;="
UNQUOTED_PATH = re.compile(r"[A-Za-z0-9_.\-~/:@!$&'()*+,;=]*")


@cache
def serve_prefix():
    return reverse("wagtail_serve", args=("",))


def serve_path(below_root):
    """What ``reverse("wagtail_serve", args=(below_root,))`` gives, without resolving
    the URL patterns again for every page."""
    if not UNQUOTED_PATH.fullmatch(below_root):
        below_root = quote(below_root, safe=PATH_SAFE)
    path = serve_prefix() + below_root
    if not WAGTAIL_APPEND_SLASH and path != "/":
        path = path.rstrip("/")
    return path


def site_url(request, path):
    """``path`` as an absolute URL on the site serving ``request``, as its pages' own
    URLs are (the Site record's host and port, not whatever Host the request named)."""
    if request is not None:
        site = Site.find_for_request(request)
    else:
        site = Site.objects.filter(is_default_site=True).first()
    return site.root_url + path if site else path


class ReadableQuerySet(PageQuerySet):
    def readable(self):
        """Pages readers may see: live, and neither they nor an ancestor has a view restriction.

        Unlike ``live().public()``, which queries the restrictions every time, the
        restricted paths are read once per request, and a site without restrictions adds
        nothing to the query.
        """
        queryset = self.live()
        paths = restricted_paths()
        if paths:
            queryset = queryset.exclude(reduce(or_, (Q(path__startswith=path) for path in paths)))
        return queryset


def is_readable(page):
    """Whether readers may see ``page``, by the rule ``readable()`` applies to querysets
    (live, no view restriction on it or above it), with no query of its own."""
    return bool(page) and page.live and not page.path.startswith(tuple(restricted_paths()))


ReadablePageManager = PageManager.from_queryset(ReadableQuerySet)


class BasePage(Page):
    """Fields every public page shares: a listing summary and a social image."""

    objects = ReadablePageManager()

    schema_type = "WebPage"

    def structured_data(self, request):
        """schema.org data for this page, rendered as JSON-LD in its head."""
        return {
            "@context": "https://schema.org",
            "@type": self.schema_type,
            "name": self.title,
            "url": self.get_full_url(request),
            "description": self.search_description or self.listing_summary,
        }

    def get_view_restrictions(self):
        """Wagtail checks these (two queries) before serving every page; a site without
        any view restriction (read once per request) has none to find."""
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    # Set while the page is shown as a preview (``serve_preview``).
    previewing = False

    def relations_stored(self):
        """Whether this page's relations are the ones stored in the database. A preview's
        are the editor's, held in memory (modelcluster), and are read from there instead."""
        return self.pk is not None and not self.previewing

    def serve_preview(self, request, mode_name):
        self.previewing = True
        return super().serve_preview(request, mode_name)

    def get_url_parts(self, request=None):
        """As Wagtail's, but the path is made from the prefix of Wagtail's URL pattern
        and quoted as ``reverse()`` would (``serve_path``), not reversed for each page:
        a listing asks for dozens of URLs. The sites' root paths are read once per
        request (Wagtail's ``Site.get_site_root_paths()``, kept in the cache by Wagtail),
        with or without the request: a feed's items and the API give none."""
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            return super().get_url_parts(request)
        root_paths = per_request("site-root-paths", Site.get_site_root_paths)
        possible_sites = [values for values in root_paths if self.url_path.startswith(values[1])]
        if not possible_sites:
            return None
        site_id, root_path, root_url, _ = possible_sites[0]
        if len({values[0] for values in possible_sites}) > 1 and isinstance(request, HttpRequest):
            # A page of more than one site: prefer the request's (as Wagtail does).
            site = Site.find_for_request(request)
            for values in possible_sites:
                if site and values[0] == site.pk:
                    site_id, root_path, root_url, _ = values
                    break
        return site_id, root_url, serve_path(self.url_path[len(root_path) :])

    def permissions_for_user(self, user):
        return EditorialPermissionTester(user, self)

    @property
    def current_workflow_task(self):
        """The task in progress on this page, as Wagtail's, in its own class without a
        query: the class is known from the task's content type, and the review tasks
        (``FourEyesApprovalTask``) have no fields beyond ``Task``'s (a field a task type
        adds is read when first used). A listing asks this of every page in review, to
        know whether the page is locked for the viewer; Wagtail's ``task.specific`` reads
        each task again, one query a row."""
        task_state = self.current_workflow_task_state
        if task_state:
            return task_state.task.specific_deferred
        return None

    listing_summary = models.TextField(
        blank=True,
        max_length=300,
        help_text=(
            "One or two sentences shown where this page is listed. "
            "Leave blank to use the page's own summary or standfirst."
        ),
    )
    social_image = models.ForeignKey(
        "images.CollectiveImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared on social media. Ideally 1200 by 630 pixels.",
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("social_image")],
            heading="Listings and sharing",
        ),
    ]

    class Meta:
        abstract = True


class IndexRoutingMixin:
    """For index pages whose children are all of one type (the first of ``subpage_types``):
    route to a child with one query for the specific page, where Wagtail's default takes two.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        model = apps.get_model(self.subpage_types[0])
        slug = path_components[0]
        if len(slug) > Page._meta.get_field("slug").max_length:
            raise Http404  # no page has it
        child = model.objects.filter(
            path__startswith=self.path, depth=self.depth + 1, slug=slug
        ).first()
        if child is None:
            raise Http404
        child.routed_parent = self  # the breadcrumbs' trail, without a query
        return child.route(request, path_components[1:])


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Site-wide text editors can change without a deploy."""

    tagline = models.CharField(
        max_length=200,
        blank=True,
        help_text="One line under the site name in the header.",
    )
    footer_text = models.TextField(
        blank=True,
        help_text="Shown in the footer of every page, e.g. how to contact the collective.",
    )

    panels = [FieldPanel("tagline"), FieldPanel("footer_text")]

    class Meta:
        verbose_name = "site settings"
