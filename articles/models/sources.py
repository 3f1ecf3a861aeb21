from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from articles.blocks import ExcerptsBlock
from articles.listing import Filter, FilteredListingMixin, Listing, paginate
from articles.models.relations import linked_organisations
from articles.panels import tabbed
from core.models import BasePage, IndexRoutingMixin


def readable_sources(ids, fields):
    """The sources of these ids that readers may see, with only ``fields`` read (those of
    their link health, ``link_health__...``, in the same query)."""
    if not ids:
        return []
    sources = SourcePage.objects.readable().filter(pk__in=ids).only(*fields)
    if any(field.startswith("link_health__") for field in fields):
        sources = sources.select_related("link_health")
    return list(sources)


class SourceIndexPage(IndexRoutingMixin, FilteredListingMixin, BasePage):
    """/sources/: every source, filterable by type and organisation."""

    introduction = models.TextField(blank=True, help_text="Shown above the list.")

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.SourcePage"]
    max_count = 1

    def get_listing(self, params):
        # The organisation pages: the model at the other end of a source's organisations.
        organisation_pages = SourcePage._meta.get_field("organisations").related_model
        organisations = dict(
            organisation_pages.objects.readable().values_list("slug", "short_name")
        )
        filters = [
            Filter(
                "type",
                "Type",
                dict(SourcePage.SourceType.choices),
                lambda qs, value: qs.filter(source_type=value),
            ),
            Filter(
                "organisation",
                "Organisation",
                organisations,
                lambda qs, value: qs.filter(organisations__slug=value),
            ),
        ]
        sources = (
            SourcePage.objects.child_of(self)
            .readable()
            .order_by("-date", "title")
            .prefetch_related(
                Prefetch(
                    "organisations",
                    queryset=organisation_pages.objects.readable().order_by("short_name"),
                )
            )
        )
        return Listing(sources, filters, params)


class DatePrecision(models.TextChoices):
    YEAR = "year", "Year only"
    MONTH = "month", "Month and year"
    DAY = "day", "Exact day"


DATE_FORMATS = {DatePrecision.YEAR: "Y", DatePrecision.MONTH: "F Y", DatePrecision.DAY: "j F Y"}


class Verification(models.TextChoices):
    UNVERIFIED = "unverified", "Unverified"
    VERIFIED = "verified", "Verified"
    DISPUTED = "disputed", "Disputed"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Who may set a source's verification status (fact-checkers and editors: migration 0008).
VERIFY_SOURCE = "articles.verify_source"


class SourcePageForm(WagtailAdminPageForm):
    """The source editor. The verification fields are in the form only for those with
    the "verify_source" permission (their panels carry it: Wagtail leaves the fields
    out of everyone else's form, so a crafted post of them is ignored)."""

    def clean(self):
        cleaned_data = super().clean()
        if "verification" not in self.fields:
            return cleaned_data
        changed = cleaned_data.get("verification") != self.initial.get("verification")
        date_kept = cleaned_data.get("verified_on") in (None, self.initial.get("verified_on"))
        if changed and date_kept:
            # A new decision is dated today, unless the fact-checker gave its date.
            cleaned_data["verified_on"] = timezone.localdate()
        return cleaned_data


class SourcePage(BasePage):
    """A document, recording or testimony that claims are filed against."""

    base_form_class = SourcePageForm

    class SourceType(models.TextChoices):
        INTERNAL_DOCUMENT = "internal_document", "Internal document"
        TRANSCRIPT = "transcript", "Transcript"
        STATEMENT = "statement", "Letter or statement"
        TESTIMONY = "testimony", "Ex-member testimony"
        NEWS_REPORT = "news_report", "News report"
        BLOG_POST = "blog_post", "Blog post"
        BOOK = "book", "Book"
        ACADEMIC = "academic", "Academic work"
        VIDEO = "video", "Video or documentary"
        OWN_PUBLICATION = "own_publication", "The organisation's own publication"
        REFERENCE_WORK = "reference_work", "Reference work"

    source_type = models.CharField("type", max_length=30, choices=SourceType.choices)
    creator = models.CharField(
        max_length=255,
        blank=True,
        help_text="Author or body that produced it. Leave blank if anonymous.",
    )
    publisher = models.CharField(max_length=255, blank=True)
    date = models.DateField(
        null=True, blank=True, help_text="When it was produced. For a year or month, any day in it."
    )
    date_precision = models.CharField(
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the date is known: only that part is shown.",
    )
    original_url = models.URLField("original address", max_length=500, blank=True)
    archived_url = models.URLField(
        "archived copy",
        max_length=500,
        blank=True,
        help_text="A permanent archived copy (e.g. the Wayback Machine). Required unless the "
        "document itself is uploaded below.",
    )
    date_accessed = models.DateField(null=True, blank=True)
    document = models.ForeignKey(
        "documents.CollectiveDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="An uploaded copy (a scan, a transcript). Identifying metadata is removed.",
    )
    summary = RichTextField(
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="What the source is and what it shows, in our words.",
    )
    excerpts = StreamField(
        ExcerptsBlock(), blank=True, verbose_name="key excerpts", help_text="Key passages."
    )
    provenance = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="How it was obtained and how it was verified.",
    )
    organisations = ParentalManyToManyField(
        "articles.OrganisationPage",
        blank=True,
        related_name="sources",
        help_text="The organisations it concerns.",
    )
    # Set by fact-checkers and editors only (the "articles.verify_source" permission).
    verification = models.CharField(
        "verification status",
        max_length=10,
        choices=Verification.choices,
        default=Verification.UNVERIFIED,
        help_text="Verified: we checked it is what it claims to be. Disputed: its "
        "authenticity or accuracy is contested. Withdrawn: we no longer rely on it; every "
        "essay citing it says so. Readers see the status once the page is published.",
    )
    verified_on = models.DateField(
        "status set on",
        null=True,
        blank=True,
        help_text="When the status was last decided. Left empty, it becomes today's date "
        "when you change the status.",
    )
    verification_method = models.TextField(
        "how we verified this",
        blank=True,
        help_text="Public: shown to readers beside the status. Say how, in plain words "
        "(for example: compared with the copy a second ex-member kept). Name nobody who "
        "asked not to be named.",
    )
    verification_notes = models.TextField(
        "private verification notes",
        blank=True,
        help_text="Never shown to readers: contacts, doubts, what is still to check.",
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("creator", boost=2),
        index.SearchField("publisher"),
        index.SearchField("excerpts"),
        index.FilterField("source_type"),
        index.FilterField("date"),
        index.RelatedFields("organisations", [index.FilterField("slug")]),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("source_type"), FieldPanel("creator"), FieldPanel("publisher")]),
        FieldRowPanel([FieldPanel("date"), FieldPanel("date_precision")]),
        FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
        FieldPanel("excerpts"),
    ]
    provenance_panels = [
        MultiFieldPanel(
            [
                FieldPanel("original_url"),
                FieldPanel("archived_url"),
                FieldPanel("date_accessed"),
                FieldPanel("document"),
            ],
            heading="Where to find it",
        ),
        FieldPanel("provenance"),
        MultiFieldPanel(
            [
                HelpPanel(
                    "Fact-checkers and editors decide whether we rely on this source. "
                    "Readers see the status and how we verified it; the private notes "
                    "stay in the editor."
                ),
                FieldRowPanel(
                    [
                        FieldPanel("verification", permission=VERIFY_SOURCE),
                        FieldPanel("verified_on", permission=VERIFY_SOURCE),
                    ]
                ),
                FieldPanel("verification_method", permission=VERIFY_SOURCE),
                FieldPanel("verification_notes", permission=VERIFY_SOURCE),
            ],
            heading="Verification",
            permission=VERIFY_SOURCE,
        ),
    ]
    edit_handler = tabbed(
        ("Content", content_panels),
        ("Provenance", provenance_panels),
        ("Promote", BasePage.promote_panels),
        ("Settings", Page.settings_panels),
    )

    api_fields = [
        APIField("source_type"),
        APIField("creator"),
        APIField("publisher"),
        APIField("date"),
        APIField("date_precision"),
        APIField("original_url"),
        APIField("archived_url"),
        APIField("date_accessed"),
        APIField("document_url"),
        APIField("summary"),
        APIField("excerpts"),
        APIField("provenance"),
        # Never "verification_notes": they are private.
        APIField("verification"),
        APIField("verified_on"),
        APIField("verification_method"),
        APIField("document_sha256"),
        APIField("organisation_links"),
        APIField("cited_in_count"),
        APIField("cited_in"),
    ]

    parent_page_types = ["articles.SourceIndexPage"]
    subpage_types = []

    # Citing essays shown per page of "Cited in" (and given by the API).
    per_page = 20

    class Meta:
        verbose_name = "source"
        permissions = [("verify_source", "Can set a source's verification status")]
        indexes = [models.Index(fields=["-date"], name="source_newest_first")]

    def structured_data(self, request):
        return {
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "name": self.title,
            "url": self.get_full_url(request),
            "genre": self.get_source_type_display(),
            "creator": {"@type": "Thing", "name": self.display_creator},
            "publisher": self.publisher or None,
            "dateCreated": self.date,
            "sameAs": [u for u in (self.original_url, self.archived_url) if u],
            "archivedAt": self.archived_url or None,
            "about": [
                {"@type": "Organization", "name": org.full_name, "url": org.get_full_url(request)}
                for org in self.readable_organisations
            ],
        }

    @property
    def document_url(self):
        return self.document.url if self.document else None

    @property
    def document_sha256(self):
        return (self.document.sha256 or None) if self.document else None

    @property
    def is_withdrawn(self):
        return self.verification == Verification.WITHDRAWN

    @property
    def organisation_links(self):
        return [
            {"id": org.pk, "short_name": org.short_name, "url": org.url}
            for org in self.readable_organisations
        ]

    @cached_property
    def readable_organisations(self):
        return linked_organisations(self)

    def citing_essays(self):
        """Live, public essays citing this source, newest first."""
        return self.citations.essays()

    @property
    def cited_in_count(self):
        return self.citing_essays().count()

    @property
    def cited_in(self):
        """The newest citing essays (``cited_in_count`` says how many there are in all)."""
        essays = self.citing_essays().prefetch_related(None)  # no contributors or organisations
        return [
            {"id": essay.pk, "title": essay.title, "url": essay.url}
            for essay in essays[: self.per_page]
        ]

    def clean(self):
        super().clean()
        if not self.archived_url and not self.document_id:
            raise ValidationError(
                {
                    "archived_url": "Give an archived copy's address, or upload the document, "
                    "so readers can check the source if the original disappears."
                }
            )
        if self.original_url and self.archived_url and self.original_url == self.archived_url:
            raise ValidationError(
                {"archived_url": "The archived copy must be a different address from the original."}
            )

    @property
    def display_date(self):
        from django.utils.dateformat import format as format_date

        if not self.date:
            return "Undated"
        return format_date(self.date, DATE_FORMATS[self.date_precision])

    # What a source's card shows (components/source_card.html): lists of cards read only these.
    CARD_FIELDS = (
        "title",
        "url_path",
        "source_type",
        "creator",
        "date",
        "date_precision",
        "verification",
        "verified_on",
    )
    # The state of its links readers see (components/link_state.html).
    LINK_STATE_FIELDS = tuple(
        f"link_health__{kind}_{name}"
        for kind in ("original", "archived")
        for name in ("state", "checked_at", "online_at", "offline_since")
    )
    # What an essay's Sources list shows of each source it cites.
    CITATION_FIELDS = (
        *CARD_FIELDS,
        "publisher",
        "original_url",
        "archived_url",
        *LINK_STATE_FIELDS,
    )

    @property
    def display_creator(self):
        return self.creator or "Anonymous"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = paginate(
            self.citing_essays(), request.GET.get("page"), self.per_page, f"citing:{self.pk}"
        )
        context["organisations"] = self.readable_organisations
        return context
