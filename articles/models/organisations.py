import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles.blocks import BodyBlock, TimelineBlock
from articles.panels import tabbed
from core.models import BasePage, IndexRoutingMixin

from .sources import SourcePage, readable_sources


class OrganisationIndexPage(IndexRoutingMixin, BasePage):
    """/organisations/: every organisation profile."""

    introduction = models.TextField(blank=True, help_text="Shown above the list.")

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.OrganisationPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisations"] = list(
            OrganisationPage.objects.child_of(self)
            .readable()
            .only(*OrganisationPage.CARD_FIELDS)
            .order_by("short_name")
        )
        return context


class OrganisationPage(BasePage):
    """The sourced profile of one organisation."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        DISSOLVED = "dissolved", "Dissolved"
        SPLIT = "split", "Split"
        RENAMED = "renamed", "Renamed"

    short_name = models.CharField(
        max_length=30,
        help_text="The abbreviation readers know it by, e.g. IMT. The page's slug should "
        "be the same in lower case (imt).",
    )
    full_name = models.CharField(max_length=255, help_text="e.g. International Marxist Tendency")
    tradition = models.CharField(
        max_length=120, blank=True, help_text="The political tradition, e.g. Trotskyist."
    )
    founded = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Year founded.")
    dissolved = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Year dissolved, if it no longer exists."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    is_international = models.BooleanField(
        "international",
        default=False,
        help_text="An international organisation rather than a national one.",
    )
    country = models.CharField(
        max_length=100, blank=True, help_text="For a national organisation: its country."
    )
    parent_international = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sections",
        help_text="The international it belongs to now, if any (e.g. the IST for the SWP).",
    )
    official_url = models.URLField("official website", blank=True)
    wikipedia_url = models.URLField("Wikipedia article", blank=True)
    summary = models.TextField(
        max_length=500, help_text="One or two sentences, shown at the top and in listings."
    )
    body = StreamField(BodyBlock(), blank=True, help_text="The full profile.")
    timeline = StreamField(
        TimelineBlock(),
        blank=True,
        help_text="Dated events in order, each citing the sources that establish it.",
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("short_name", boost=10),
        index.AutocompleteField("short_name"),
        index.SearchField("full_name", boost=5),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.RelatedFields("other_names", [index.SearchField("name", boost=5)]),
        index.FilterField("status"),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("full_name")]),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    facts_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("founded"), FieldPanel("dissolved")]),
                FieldPanel("status"),
                FieldPanel("tradition"),
                FieldRowPanel([FieldPanel("is_international"), FieldPanel("country")]),
                FieldPanel("parent_international"),
            ],
            heading="Facts",
        ),
        InlinePanel("other_names", label="Other name", heading="Other names"),
        InlinePanel(
            "relations",
            label="Relation",
            heading="Relations to other organisations",
            help_text="State each relation once, from this organisation's side: the other "
            "organisation's page shows it from its side automatically.",
        ),
        MultiFieldPanel([FieldPanel("official_url"), FieldPanel("wikipedia_url")], heading="Links"),
    ]
    timeline_panels = [FieldPanel("timeline")]
    edit_handler = tabbed(
        ("Content", content_panels),
        ("Facts", facts_panels),
        ("Timeline", timeline_panels),
        ("Promote", BasePage.promote_panels),
        ("Settings", Page.settings_panels),
    )

    api_fields = [
        APIField("short_name"),
        APIField("full_name"),
        APIField("names"),
        APIField("tradition"),
        APIField("founded"),
        APIField("dissolved"),
        APIField("status"),
        APIField("is_international"),
        APIField("country"),
        APIField("official_url"),
        APIField("wikipedia_url"),
        APIField("summary"),
        APIField("body"),
        APIField("timeline_events"),
        APIField("relation_links"),
        APIField("essay_links"),
    ]

    parent_page_types = ["articles.OrganisationIndexPage"]
    subpage_types = []
    LIST_LIMIT = 5
    # What a link to an organisation shows: its names, at its address.
    LINK_FIELDS = ("title", "url_path", "short_name", "full_name")
    # What the list of organisations shows of each.
    CARD_FIELDS = (*LINK_FIELDS, "founded", "dissolved", "status", "country", "is_international")

    class Meta:
        verbose_name = "organisation"

    def __str__(self):
        return self.short_name or self.title

    def clean(self):
        super().clean()
        if self.founded and self.dissolved and self.dissolved < self.founded:
            raise ValidationError(
                {"dissolved": "The year it was dissolved cannot be before the year it was founded."}
            )
        if self.status == self.Status.DISSOLVED and not self.dissolved:
            raise ValidationError(
                {"dissolved": "Give the year it was dissolved, or choose another status."}
            )

    @property
    def years(self):
        if not self.founded:
            return ""
        return f"{self.founded}–{self.dissolved or ''}"

    @cached_property
    def relation_rows(self):
        """Its relations from both ends, in order of year (the other ends not yet read)."""
        return list(
            OrganisationRelation.objects.filter(Q(page=self.pk) | Q(other=self.pk))
            .only("kind", "year", "until", "note", "page", "other")
            .order_by("year", "pk")
        )

    def related_ids(self):
        """The organisations at the other end of its relations."""
        return {r.other_id if r.page_id == self.pk else r.page_id for r in self.relation_rows}

    def relations_for_readers(self, organisations=None):
        """Relations from both ends, with only organisations readers may see on the other end.

        Each item is (label, other organisation, relation): the IMT's page lists
        ("Split from", CWI, ...) and the CWI's page ("Split from it", IMT, ...).
        ``organisations``: {id: organisation} holding the readable other ends, if they
        have been read already.
        """
        if organisations is None:
            organisations = (
                OrganisationPage.objects.readable()
                .only(*self.LINK_FIELDS)
                .in_bulk(self.related_ids())
            )
        items = []
        for relation in self.relation_rows:
            if relation.page_id == self.pk:
                label, other = relation.get_kind_display(), relation.other_id
            else:
                label, other = relation.reverse_label, relation.page_id
            if other in organisations:
                items.append((label, organisations[other], relation))
        return items

    def timeline_for_readers(self):
        """(event, the sources readers may see) in date order, with one query for the sources.

        Reads the stream's raw data so the chosen pages are fetched once, already
        filtered, rather than by the block and again for the check.
        """
        events = []
        for block in self.timeline.raw_data:
            if block["type"] != "event":
                continue
            value = block["value"]
            source_ids = [
                item["value"] if isinstance(item, dict) else item for item in value["sources"]
            ]
            events.append(
                (
                    {
                        "date": datetime.date.fromisoformat(value["date"]),
                        "precision": value["precision"],
                        "title": value["title"],
                        "description": value["description"],
                    },
                    source_ids,
                )
            )
        events.sort(key=lambda item: item[0]["date"])
        visible = {
            source.pk: source
            for source in readable_sources(
                {pk for _, ids in events for pk in ids if pk}, SourcePage.CARD_FIELDS
            )
        }
        return [(event, [visible[pk] for pk in ids if pk in visible]) for event, ids in events]

    def structured_data(self, request):
        return {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.full_name,
            "alternateName": [self.short_name, *(n.name for n in self.other_name_list)],
            "url": self.get_full_url(request),
            "description": self.summary,
            "foundingDate": str(self.founded) if self.founded else None,
            "dissolutionDate": str(self.dissolved) if self.dissolved else None,
            "sameAs": [u for u in (self.official_url, self.wikipedia_url) if u],
        }

    @cached_property
    def other_name_list(self):
        if not self.relations_stored():
            return list(self.other_names.all())
        return list(OrganisationName.objects.filter(page=self).order_by("sort_order"))

    @property
    def names(self):
        return [
            {"name": n.name, "from_year": n.from_year, "to_year": n.to_year}
            for n in self.other_name_list
        ]

    @property
    def timeline_events(self):
        return [
            {**event, "sources": [{"id": s.pk, "title": s.title, "url": s.url} for s in sources]}
            for event, sources in self.timeline_for_readers()
        ]

    @property
    def relation_links(self):
        return [
            {"relation": label, "organisation": other.short_name, "id": other.pk, "year": r.year}
            for label, other, r in self.relations_for_readers()
        ]

    @property
    def essay_links(self):
        return [
            {"id": essay.pk, "title": essay.title, "url": essay.url}
            for essay in self.essays.listed()
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # One more than shown tells whether to link to the full filtered list.
        limit = self.LIST_LIMIT + 1
        essays = list(self.essays.listed()[:limit])
        # EXISTS rather than a join: for an organisation with many sources, PostgreSQL
        # reads the newest sources down the date index until it has found ``limit``,
        # where a join sorted every source of the organisation.
        sources = list(
            SourcePage.objects.readable()
            .filter(
                Exists(
                    SourcePage.organisations.through.objects.filter(
                        sourcepage_id=OuterRef("pk"), organisationpage_id=self.pk
                    )
                )
            )
            .only(*SourcePage.CARD_FIELDS)
            .order_by("-date", "title")[:limit]
        )
        # Its sections, the international it is a section of, and those it is related to.
        family = list(
            OrganisationPage.objects.readable()
            .filter(
                Q(parent_international=self.pk)
                | Q(pk__in=[self.parent_international_id or 0, *self.related_ids()])
            )
            .only(*self.LINK_FIELDS, "country", "parent_international")
        )
        context.update(
            essays=essays[: self.LIST_LIMIT],
            more_essays=len(essays) > self.LIST_LIMIT,
            sources=sources[: self.LIST_LIMIT],
            more_sources=len(sources) > self.LIST_LIMIT,
            sections=sorted(
                (org for org in family if org.parent_international_id == self.pk),
                key=lambda org: org.short_name,
            ),
            parent=next((org for org in family if org.pk == self.parent_international_id), None),
            relations=self.relations_for_readers({org.pk: org for org in family}),
            timeline_events=self.timeline_for_readers(),
        )
        return context


class OrganisationName(Orderable):
    """Another name the organisation has gone by, with the years it used it."""

    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="other_names")
    name = models.CharField(max_length=255)
    from_year = models.PositiveSmallIntegerField(null=True, blank=True)
    to_year = models.PositiveSmallIntegerField(null=True, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("from_year"), FieldPanel("to_year")])]

    def __str__(self):
        return self.name

    def clean(self):
        if self.from_year and self.to_year and self.to_year < self.from_year:
            raise ValidationError({"to_year": "The last year cannot be before the first."})


class OrganisationRelation(Orderable):
    """A relation between two organisations, stated once and shown from both ends."""

    class Kind(models.TextChoices):
        SPLIT_FROM = "split_from", "Split from"
        SECTION_OF = "section_of", "Section of"
        AFFILIATED_WITH = "affiliated_with", "Affiliated with"
        SUCCESSOR_OF = "successor_of", "Successor of"

    REVERSE_LABELS = {
        Kind.SPLIT_FROM: "Split from it",
        Kind.SECTION_OF: "Its section",
        Kind.AFFILIATED_WITH: "Affiliated with it",
        Kind.SUCCESSOR_OF: "Its successor",
    }

    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    other = models.ForeignKey(
        OrganisationPage,
        on_delete=models.CASCADE,
        related_name="inbound_relations",
        help_text="The other organisation.",
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True, help_text="When it began.")
    until = models.PositiveSmallIntegerField(null=True, blank=True, help_text="When it ended.")
    note = models.CharField(max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("other")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("until")]),
        FieldPanel("note"),
    ]

    def __str__(self):
        return f"{self.page} {self.get_kind_display().lower()} {self.other}"

    @property
    def reverse_label(self):
        return self.REVERSE_LABELS[self.kind]

    @property
    def years(self):
        if self.year and self.until:
            return f"{self.year}–{self.until}"
        return str(self.year or "")

    def clean(self):
        if self.year and self.until and self.until < self.year:
            raise ValidationError({"until": "The end year cannot be before the start year."})
        if self.other_id and self.page_id and self.other_id == self.page_id:
            raise ValidationError({"other": "An organisation cannot be related to itself."})
