from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import Http404
from django.template.loader import render_to_string
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Site

from articles.models import OrganisationPage, SourcePage
from articles.models.essays import live_essays
from core.cache import derived
from core.models import BasePage


class HomePage(BasePage):
    """The front page: what the collective is, and the way into everything else."""

    introduction = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A short welcome shown at the top of the home page.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        InlinePanel(
            "featured_essays",
            label="Featured essay",
            heading="Featured essays",
            max_num=3,
            help_text="Up to three essays shown first. Unpublished ones are skipped.",
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def route(self, request, path_components):
        """Route through the home page's children (the index pages: a few, seldom
        changed), kept in the cache until the site's content changes, where Wagtail's
        default takes two queries on every request."""
        if not path_components:
            return super().route(request, path_components)
        slug = path_components[0]
        if len(slug) > Page._meta.get_field("slug").max_length:
            raise Http404  # no page has it; not worth a cache key

        def find_child():
            child = self.get_children().filter(slug=slug).first()
            return child.specific if child else None

        child = derived(f"child-of:{self.pk}:{slug}", find_child)
        if child is None:
            raise Http404
        child.routed_parent = self  # the breadcrumbs' trail, without a query
        return child.route(request, path_components[1:])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured = list(
            live_essays().filter(home_features__page=self).order_by("home_features__sort_order")
        )
        latest = list(live_essays().exclude(pk__in=[essay.pk for essay in featured])[:6])
        context.update(
            featured_essays=featured,
            latest_essays=latest,
            organisation_cards=self.organisation_cards(request),
            # Filtering on the content type lets the page_type_first_published index
            # serve the order (home/migrations/0002).
            recent_sources=list(
                SourcePage.objects.readable()
                .filter(content_type=ContentType.objects.get_for_model(SourcePage))
                .only(*SourcePage.CARD_FIELDS)
                .order_by("-first_published_at")[:5]
            ),
        )
        return context

    def organisation_cards(self, request):
        """A card for every organisation readers may see (dozens, the same for every
        reader): rendered once and kept until the site's content changes, as essay
        cards are."""

        def render():
            organisations = (
                OrganisationPage.objects.readable()
                .only(*OrganisationPage.LINK_FIELDS)
                .order_by("short_name")
            )
            return render_to_string(
                "home/organisation_cards.html", {"organisations": organisations}, request
            )

        # Links to pages of another site are whole URLs: the cards are the site's own.
        site = Site.find_for_request(request)
        return derived(f"home-organisation-cards:{site.pk if site else 0}", render)


class HomeFeaturedEssay(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_essays")
    essay = models.ForeignKey(
        "articles.EssayPage", on_delete=models.CASCADE, related_name="home_features"
    )

    panels = [FieldPanel("essay")]
