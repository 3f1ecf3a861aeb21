from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page


class BasePage(Page):
    """Fields every public page shares: a listing summary and a social image."""

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


class HomePage(BasePage):
    """The front page: what the collective is, and the way into everything else."""

    introduction = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A short welcome shown at the top of the home page.",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1


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
