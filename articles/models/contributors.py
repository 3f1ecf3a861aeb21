from django.conf import settings
from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class Contributor(index.Indexed, models.Model):
    """A writer's public profile, usually under a pen name.

    ``user`` ties the profile to an account so the writer can find their own
    drafts; it is for the admin only and is never rendered, serialised or
    indexed for readers.
    """

    name = models.CharField(
        max_length=120,
        help_text="The name readers see: a pen name for pseudonymous writers.",
    )
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="Used in addresses, e.g. /essays/contributors/<slug>/. Do not use a real name.",
    )
    bio = models.TextField(
        blank=True,
        max_length=1000,
        help_text="A short public biography. Leave out anything that could identify a "
        "pseudonymous writer.",
    )
    is_pseudonymous = models.BooleanField(
        "pseudonymous",
        default=True,
        help_text="Writes under a pen name. Their account and real name must never appear "
        "publicly (they never do, whatever this says; the flag is shown to editors).",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributor_profiles",
        help_text="The account this writer signs in with. Private: only editors see it.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("is_pseudonymous")],
            heading="Public profile",
        ),
        FieldPanel("bio"),
        FieldPanel("user", heading="Account (private)"),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("bio"),
        index.FilterField("slug"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("contributor", kwargs={"slug": self.slug})
