import dataclasses
import datetime

from django import forms
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Value
from django.db.models.functions import Cast, ExtractYear
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page, PageManager, TaskState
from wagtail.search import index

from articles.blocks import BodyBlock
from articles.citations import CitationList, find_citations
from articles.listing import Filter, FilteredListingMixin, Listing
from articles.panels import tabbed
from core.cache import derived
from core.editorial import is_editor
from core.models import BasePage, IndexRoutingMixin, ReadableQuerySet, site_url

from .contributors import Contributor
from .integrity import CitationCheck
from .organisations import OrganisationPage
from .relations import linked_organisations
from .sources import SourcePage, readable_sources
from .workflow import SourceCheckTask

# Newest first, on the essay table's own columns so that its index serves the order
# and a page of a listing reads only that page's rows.
NEWEST_FIRST = ("-publication_date", "-page_ptr_id")


class EssayQuerySet(ReadableQuerySet):
    def listed(self):
        """Live, public essays, newest first, without their bodies (no listing shows
        them). Their cards are rendered by ``{% essay_cards %}``, which reads the
        contributors and organisations (``essay_card_prefetches``) only for the cards
        not already cached. Also from the other end of a relation:
        ``organisation.essays.listed()``."""
        return self.readable().defer("body").order_by(*NEWEST_FIRST)


class CitationQuerySet(models.QuerySet):
    def essays(self):
        """The live, public essays these citations are in, newest first:
        ``source.citations.essays()``."""
        return live_essays().filter(pk__in=self.values("page"))


def live_essays():
    return EssayPage.objects.listed()


def published_contributors():
    """Contributors with at least one essay readers can see (a semi-join: each contributor
    is looked up once, where a join with DISTINCT reads every byline)."""
    return Contributor.objects.filter(
        Exists(
            EssayContributor.objects.filter(
                contributor=OuterRef("pk"), page__in=EssayPage.objects.readable()
            )
        )
    )


def essay_card_prefetches():
    """What an essay's card shows besides the essay: its contributors and organisations."""
    return [
        with_contributors(),
        Prefetch(
            "organisations",
            queryset=OrganisationPage.objects.readable()
            .only(*OrganisationPage.LINK_FIELDS)
            .order_by("short_name"),
        ),
    ]


def with_contributors():
    """Prefetch an essay's contributors (pen names), in the order they are credited."""
    return Prefetch(
        "essay_contributors",
        queryset=EssayContributor.objects.select_related("contributor").order_by("sort_order"),
    )


@dataclasses.dataclass
class EssayRelations:
    """What an essay's page shows of its relations, each a list of model instances in
    the order readers see them."""

    contributors: list  # as credited
    organisations: list  # those readers may see, by short name
    topics: list  # as tagged
    corrections: list  # by date, then as entered

    @classmethod
    def read(cls, essay):
        """Read from the database (four small queries) or, for a preview, from the
        page's own unsaved relations."""
        if not essay.relations_stored():
            return cls(
                contributors=[item.contributor for item in essay.essay_contributors.all()],
                organisations=linked_organisations(essay),
                topics=list(essay.topics.all()),
                corrections=list(essay.corrections.all()),
            )
        return cls(
            contributors=list(
                Contributor.objects.filter(essays__page=essay)
                .only("name", "slug")
                .order_by("essays__sort_order")
            ),
            organisations=linked_organisations(essay),
            topics=list(
                Tag.objects.filter(articles_essaytopic_items__content_object=essay).order_by(
                    "articles_essaytopic_items__id"
                )
            ),
            corrections=list(EssayCorrection.objects.filter(page=essay)),
        )


@dataclasses.dataclass(frozen=True)
class SourceCheck:
    """When a revision passed "Source check" (None if it did not) and the fact-checkers'
    notes editors chose to publish, by source id. Readers are told the role, never the
    name."""

    checked_at: datetime.datetime | None
    notes: dict

    @classmethod
    def read(cls, revision_id):
        approved = (
            TaskState.objects.filter(
                revision_id=revision_id,
                status=TaskState.STATUS_APPROVED,
                task_id__in=SourceCheckTask.objects.values("pk"),
            )
            .order_by("-finished_at")
            .values_list("finished_at", flat=True)
            .first()
        )
        notes = {}
        published = (
            CitationCheck.objects.filter(revision_id=revision_id, note_is_public=True)
            .exclude(note="")
            .order_by("pk")
            .values_list("source_id", "note")
        )
        for source_id, note in published:
            notes.setdefault(source_id, []).append(note)
        return cls(approved, notes)


class EssayIndexPage(IndexRoutingMixin, FilteredListingMixin, BasePage):
    """/essays/: every essay, newest first, filterable by organisation, topic, contributor, year."""

    introduction = models.TextField(blank=True, help_text="Shown above the list.")

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.EssayPage"]
    max_count = 1
    per_page = 12

    def get_listing(self, params):
        known = essay_filters()
        choices, ids = known["choices"], known["ids"]
        filters = [
            Filter(
                "organisation",
                "Organisation",
                choices["organisation"],
                lambda qs, value: about_organisation(qs, ids["organisation"][value]),
            ),
            Filter(
                "topic",
                "Topic",
                choices["topic"],
                lambda qs, value: on_topic(qs, ids["topic"][value]),
            ),
            Filter(
                "contributor",
                "Contributor",
                choices["contributor"],
                lambda qs, value: by_contributor(qs, ids["contributor"][value]),
            ),
            Filter(
                "year",
                "Year",
                choices["year"],
                lambda qs, value: qs.filter(publication_date__year=value),
            ),
        ]
        return Listing(live_essays().child_of(self), filters, params)


# The essay filters, as EXISTS conditions on ids rather than joins on slugs: no
# duplicate rows, and with the id in the query PostgreSQL can tell how common the value
# is, walk the newest-first index and stop at the end of the page.
def about_organisation(essays, organisation_id):
    return essays.filter(
        Exists(
            EssayPage.organisations.through.objects.filter(
                essaypage_id=OuterRef("pk"), organisationpage_id=organisation_id
            )
        )
    )


def on_topic(essays, tag_id):
    return essays.filter(
        Exists(EssayTopic.objects.filter(content_object_id=OuterRef("pk"), tag_id=tag_id))
    )


def by_contributor(essays, contributor_id):
    return essays.filter(
        Exists(
            EssayContributor.objects.filter(page_id=OuterRef("pk"), contributor_id=contributor_id)
        )
    )


def essay_filters():
    """The essay filters from one UNION query, kept in the cache until the site's content
    changes: ``choices``, {filter: {value: label}} (years newest first), and ``ids``,
    {filter: {value: id}} (the organisation, topic or contributor a slug names). Only
    values that match an essay readers may see are offered."""
    return derived("essay-filters", find_essay_filters)


def find_essay_filters():
    published = EssayPage.objects.readable()

    def columns(queryset, kind, value, label, ident):
        return (
            queryset.order_by()
            .annotate(
                kind=Value(kind, output_field=models.CharField()),
                value=value,
                label=label,
                ident=ident,
            )
            .values_list("kind", "value", "label", "ident")
        )

    year = ExtractYear("publication_date")
    year_text = Cast(year, models.CharField())
    rows = columns(
        Tag.objects.filter(
            Exists(EssayTopic.objects.filter(tag=OuterRef("pk"), content_object__in=published))
        ),
        "topic",
        F("slug"),
        F("name"),
        F("pk"),
    ).union(
        columns(
            Contributor.objects.filter(
                Exists(
                    EssayContributor.objects.filter(contributor=OuterRef("pk"), page__in=published)
                )
            ),
            "contributor",
            F("slug"),
            F("name"),
            F("pk"),
        ),
        columns(
            OrganisationPage.objects.readable(), "organisation", F("slug"), F("short_name"), F("pk")
        ),
        columns(
            published.filter(publication_date__isnull=False), "year", year_text, year_text, year
        ),
    )
    grouped = {"organisation": [], "topic": [], "contributor": [], "year": []}
    ids = {kind: {} for kind in grouped}
    for kind, value, label, ident in rows:
        grouped[kind].append((value, label))
        ids[kind][value] = ident
    choices = {
        kind: dict(sorted(items, key=lambda item: item[1].lower(), reverse=kind == "year"))
        for kind, items in grouped.items()
    }
    return {"choices": choices, "ids": ids}


class EssayTopic(TaggedItemBase):
    content_object = ParentalKey(
        "articles.EssayPage", on_delete=models.CASCADE, related_name="topic_items"
    )


class EssayPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and not is_editor(self.for_user):
            self.limit_bylines(self.for_user)

    def limit_bylines(self, user):
        """Pen names belong to their people: someone who is not an editor may sign an
        essay only with the profiles tied to their own account (besides those already
        on it), and their own comes first in a new essay's byline. Enforced by the
        field's choices, so a crafted post is refused like any invalid choice."""
        already = [row.contributor_id for row in self.instance.essay_contributors.all()]
        allowed = Contributor.objects.filter(Q(user=user) | Q(pk__in=already))
        own = Contributor.objects.filter(user=user).order_by("pk").first()
        formset = self.formsets["essay_contributors"]

        class BylineForm(formset.form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                field = self.fields["contributor"]
                field.queryset = allowed
                new_row = not self.is_bound and self.instance.pk is None
                if own and new_row and "__prefix__" not in self.prefix:
                    field.initial = own.pk

        # Every row, and the template of rows added in the browser, is made from this.
        formset.form = BylineForm

    def clean(self):
        cleaned_data = super().clean()
        seen = set()
        for form in self.formsets["essay_contributors"].forms:
            data = getattr(form, "cleaned_data", {})
            contributor = data.get("contributor")
            if not contributor or data.get("DELETE"):
                continue
            if contributor in seen:
                form.add_error("contributor", "This contributor is already listed.")
            seen.add(contributor)
        return cleaned_data


class EssayPage(BasePage):
    """An essay: claims in the text, each cited to a source."""

    objects = PageManager.from_queryset(EssayQuerySet)()

    base_form_class = EssayPageForm

    standfirst = models.TextField(
        max_length=400, help_text="One or two sentences under the title: what the essay argues."
    )
    publication_date = models.DateField(
        null=True,
        blank=True,
        help_text="The date readers see. Left blank, it is set to the day it is first published.",
    )
    organisations = ParentalManyToManyField(
        "articles.OrganisationPage",
        blank=True,
        related_name="essays",
        help_text="The organisations the essay discusses.",
    )
    topics = ClusterTaggableManager(
        through=EssayTopic,
        blank=True,
        help_text="e.g. democratic centralism, internal democracy, whistleblowing.",
    )
    hero_image = models.ForeignKey(
        "images.CollectiveImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), help_text="The essay text, with its citations.")

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("standfirst", boost=2),
        index.SearchField("body"),
        index.FilterField("publication_date"),
        index.RelatedFields(
            "essay_contributors", [index.RelatedFields("contributor", [index.SearchField("name")])]
        ),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("standfirst"),
        InlinePanel(
            "essay_contributors",
            label="Contributor",
            heading="Contributors",
            min_num=1,
            help_text="In the order their names should appear.",
        ),
        FieldPanel("body"),
    ]
    about_panels = [
        FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics"),
        MultiFieldPanel(
            [FieldPanel("publication_date"), FieldPanel("hero_image")], heading="Publication"
        ),
    ]
    corrections_panels = [
        InlinePanel(
            "corrections",
            label="Correction",
            heading="Corrections",
            help_text="Readers see every correction, dated, at the end of the essay.",
        )
    ]
    edit_handler = tabbed(
        ("Content", content_panels),
        ("About", about_panels),
        ("Corrections", corrections_panels),
        ("Promote", BasePage.promote_panels),
        ("Settings", Page.settings_panels),
    )

    api_fields = [
        APIField("standfirst"),
        APIField("publication_date"),
        APIField("contributor_profiles"),
        APIField("organisation_links"),
        APIField("topic_names"),
        APIField("hero_image", serializer=ImageRenditionField("width-1200|format-webp")),
        APIField("body"),
        APIField("sources"),
        APIField("correction_log"),
    ]

    parent_page_types = ["articles.EssayIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "essay"
        indexes = [
            models.Index(fields=["-publication_date", "-page_ptr"], name="essay_newest_first")
        ]

    def structured_data(self, request):
        return {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.standfirst,
            "url": self.get_full_url(request),
            "datePublished": self.publication_date,
            "dateModified": self.last_published_at,
            "author": [
                {
                    "@type": "Person",
                    "name": c.name,
                    "url": site_url(request, c.get_absolute_url()),
                }
                for c in self.contributors
            ],
            "publisher": {"@type": "Organization", "name": "Collective"},
            "about": [
                {"@type": "Organization", "name": org.full_name, "url": org.get_full_url(request)}
                for org in self.readable_organisations
            ],
            "keywords": [topic.name for topic in self.topic_list],
            "citation": [
                {
                    "@type": "CreativeWork",
                    "name": c.source.title,
                    "url": c.source.get_full_url(request),
                    "sameAs": [u for u in (c.source.original_url, c.source.archived_url) if u],
                }
                for c in self.citation_list
            ],
        }

    # What the API shows of the relations: public names and links only.
    @property
    def contributor_profiles(self):
        return [{"name": c.name, "slug": c.slug} for c in self.contributors]

    @property
    def organisation_links(self):
        return [
            {"id": org.pk, "short_name": org.short_name, "url": org.url}
            for org in self.readable_organisations
        ]

    @property
    def topic_names(self):
        return [topic.name for topic in self.topic_list]

    @property
    def sources(self):
        return [
            {
                "number": citation.number,
                "id": citation.source.pk,
                "title": citation.source.title,
                "url": citation.source.url,
                "original_url": citation.source.original_url,
                "archived_url": citation.source.archived_url,
                "verification": citation.source.verification,
                "pinpoints": citation.pinpoints,
            }
            for citation in self.citation_list
        ]

    @property
    def correction_log(self):
        return [{"date": c.date, "text": c.text} for c in self.correction_list]

    def cited(self):
        """(source id, pinpoint) for every citation in the body, in reading order."""
        found = []
        for block in self.body:
            if block.block_type == "paragraph":
                found.extend(find_citations(block.value.source))
            elif block.block_type == "quotation" and block.value["source"]:
                found.append((block.value["source"].pk, ""))
        return found

    @cached_property
    def citation_list(self):
        """The numbered sources readers can see, in order of first citation (one query)."""
        cited = self.cited()
        sources = readable_sources({pk for pk, _ in cited}, SourcePage.CITATION_FIELDS)
        return CitationList(cited, {source.pk: source for source in sources})

    def save(self, *args, **kwargs):
        if self.publication_date is None and self.live:
            self.publication_date = timezone.localdate()
        # The citations table mirrors the body so "cited in" lists are one query.
        # It is written on a full save (publishing), never by a draft's partial save.
        numbers = {}
        pinpoints = {}
        for source_id, pinpoint in self.cited():
            numbers.setdefault(source_id, len(numbers) + 1)
            if pinpoint:
                pinpoints.setdefault(source_id, []).append(pinpoint)
        self.citations = [
            EssayCitation(
                source_id=source_id,
                number=number,
                pinpoints="; ".join(pinpoints.get(source_id, [])),
            )
            for source_id, number in numbers.items()
        ]
        return super().save(*args, **kwargs)

    @cached_property
    def relations(self):
        """Its contributors, organisations, topics and corrections (``EssayRelations``),
        kept with the derived values until the site's content changes; a preview's are
        read afresh."""
        if not self.relations_stored():
            return EssayRelations.read(self)
        return derived(f"essay-relations:{self.pk}", lambda: EssayRelations.read(self))

    @property
    def contributors(self):
        return self.relations.contributors

    @property
    def readable_organisations(self):
        return self.relations.organisations

    @property
    def topic_list(self):
        return self.relations.topics

    @property
    def correction_list(self):
        return self.relations.corrections

    @cached_property
    def source_check(self):
        """What readers are told of the live revision's source check (``SourceCheck``)."""
        if self.live_revision_id is None:
            return SourceCheck(None, {})
        if not self.relations_stored():
            return SourceCheck.read(self.live_revision_id)
        return derived(f"source-check:{self.pk}", lambda: SourceCheck.read(self.live_revision_id))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisations"] = self.readable_organisations
        context["related_essays"] = self.related_essays()
        return context

    def related_essays(self, limit=3):
        """Other essays readers may see that share an organisation or a topic, newest
        first. The essays before it are read to find them (more, the more essays share
        an organisation): kept until the site's content changes."""
        organisations = [org.pk for org in self.readable_organisations]
        topics = [topic.pk for topic in self.topic_list]

        def find():
            shares_organisation = EssayPage.organisations.through.objects.filter(
                essaypage_id=OuterRef("pk"), organisationpage_id__in=organisations
            )
            shares_topic = EssayTopic.objects.filter(
                content_object_id=OuterRef("pk"), tag_id__in=topics
            )
            # EXISTS rather than joins: newest first down the date index, stopping at ``limit``.
            return list(
                EssayPage.objects.readable()
                .exclude(pk=self.pk)
                .filter(Q(Exists(shares_organisation)) | Q(Exists(shares_topic)))
                .order_by(*NEWEST_FIRST)
                .only("title", "url_path", "publication_date")[:limit]
            )

        if self.pk is None or not (organisations or topics):
            return []
        # A preview's relations are the draft's: not kept for readers.
        if self.relations_stored():
            return derived(f"related-essays:{self.pk}:{limit}", find)
        return find()


class EssayContributor(Orderable):
    page = ParentalKey(EssayPage, on_delete=models.CASCADE, related_name="essay_contributors")
    contributor = models.ForeignKey(Contributor, on_delete=models.PROTECT, related_name="essays")

    panels = [FieldPanel("contributor")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "contributor"], name="unique_essay_contributor")
        ]


class EssayCorrection(Orderable):
    page = ParentalKey(EssayPage, on_delete=models.CASCADE, related_name="corrections")
    date = models.DateField(default=datetime.date.today)
    text = models.TextField(help_text="What was wrong, what it now says, and why.")

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        ordering = ["date", "sort_order"]


class EssayCitation(Orderable):
    """A source cited in a published essay, derived from its body when it is published."""

    page = ParentalKey(EssayPage, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(SourcePage, on_delete=models.CASCADE, related_name="citations")

    objects = CitationQuerySet.as_manager()
    number = models.PositiveIntegerField()
    pinpoints = models.TextField(blank=True)

    class Meta(Orderable.Meta):
        ordering = ["number"]
