"""The "Source health" report (admin Reports menu) and its dashboard panel.

The sources that live essays cite and that have a problem a reader would meet: no
copy of our own, an original or archived copy that the link checker finds failing or
offline (``SourceLinkHealth``; a source never checked has no row and counts as
unchecked, not as a problem), or a verification status other than "verified". Editors
and fact-checkers (the ``articles.verify_source`` permission) see it; it exports to CSV
and XLSX like Wagtail's own reports.

"No archived copy": no archived address *and* no uploaded document. An uploaded
document is a copy we hold and serve ourselves, which is what ``SourcePage.clean``
accepts in place of an archived address, so a source with one is not listed for it.
"""

import datetime

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from articles.models import EssayCitation, OrganisationPage, SourcePage
from articles.models.essays import live_essays
from articles.models.integrity import LinkState
from articles.models.sources import VERIFY_SOURCE, Verification
from core.cache import derived

DOWN = (LinkState.FAILING, LinkState.OFFLINE)
STATES = dict(LinkState.choices)

# Each problem: its filter value, its label and the condition on a source.
PROBLEMS = {
    "no_archive": ("No archived copy", Q(archived_url="", document__isnull=True)),
    "original_down": (
        "Original failing or offline",
        Q(link_health__original_state__in=DOWN),
    ),
    "archive_down": (
        "Archived copy failing or offline",
        Q(link_health__archived_state__in=DOWN),
    ),
    "unverified": ("Unverified", Q(verification=Verification.UNVERIFIED)),
    "disputed": ("Disputed", Q(verification=Verification.DISPUTED)),
    "withdrawn": ("Withdrawn", Q(verification=Verification.WITHDRAWN)),
}
ANY_PROBLEM = Q()
for _label, _condition in PROBLEMS.values():
    ANY_PROBLEM |= _condition


def may_see_source_health(user):
    return user.is_active and user.has_perm(VERIFY_SOURCE)


def live_citations():
    """The citations of live, public essays (what readers follow)."""
    return EssayCitation.objects.filter(page__in=live_essays().order_by().values("pk"))


def sources_with_problems():
    """Sources cited by at least one live essay and with at least one problem, each
    annotated with ``live_citing`` (how many live essays cite it), a ``problem_<name>``
    flag for every problem and its link states (``unchecked`` without a health row)."""
    citing = (
        live_citations()
        .filter(source=OuterRef("pk"))
        .order_by()
        .values("source")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        SourcePage.objects.annotate(
            live_citing=Coalesce(Subquery(citing, output_field=IntegerField()), 0),
            original_link=Coalesce("link_health__original_state", Value(LinkState.UNCHECKED)),
            archived_link=Coalesce("link_health__archived_state", Value(LinkState.UNCHECKED)),
            **{
                f"problem_{name}": ExpressionWrapper(condition, output_field=BooleanField())
                for name, (_label, condition) in PROBLEMS.items()
            },
        )
        .filter(live_citing__gt=0)
        .filter(ANY_PROBLEM)
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def organisation_choices():
    return list(OrganisationPage.objects.order_by("short_name").values_list("slug", "short_name"))


class SourceHealthFilterSet(WagtailFilterSet):
    # By slug, from a list of choices: a value that is not one of them is refused by the
    # form before any query (a pk would be looked up as given, however large).
    organisation = django_filters.ChoiceFilter(
        label="Organisation",
        choices=organisation_choices,
        empty_label="Any",
        method="filter_organisation",
    )
    problem = django_filters.ChoiceFilter(
        label="Problem",
        choices=[(name, label) for name, (label, _condition) in PROBLEMS.items()],
        empty_label="Any",
        method="filter_problem",
    )

    class Meta:
        model = SourcePage
        fields = []

    def filter_organisation(self, queryset, name, value):
        return queryset.filter(organisations__slug=value) if value else queryset

    def filter_problem(self, queryset, name, value):
        return queryset.filter(PROBLEMS[value][1]) if value in PROBLEMS else queryset


class SourceHealthView(ReportView):
    """Sources with problems cited by live essays, worst first: withdrawn sources (with
    the essays to fix), then the most cited."""

    page_title = "Source health"
    header_icon = "warning"
    index_url_name = "articles_source_health"
    index_results_url_name = "articles_source_health_results"
    filterset_class = SourceHealthFilterSet
    paginate_by = 50
    columns = [
        TitleColumn("title", label="Source", get_url=edit_url),
        Column("problems", label="Problems", accessor="problems_text"),
        Column("verification", label="Verification", accessor="get_verification_display"),
        Column("original_link", label="Original", accessor="original_text"),
        Column("archived_link", label="Archived copy", accessor="archived_text"),
        Column("live_citing", label="Live essays citing it"),
        Column("essays_to_fix", label="Essays to fix", accessor="essays_to_fix_html"),
    ]
    list_export = [
        "title",
        "problems_text",
        "get_verification_display",
        "original_text",
        "archived_text",
        "live_citing",
        "essays_to_fix_text",
        "edit_link",
    ]
    export_headings = {
        "title": "Source",
        "problems_text": "Problems",
        "get_verification_display": "Verification",
        "original_text": "Original",
        "archived_text": "Archived copy",
        "live_citing": "Live essays citing it",
        "essays_to_fix_text": "Essays to fix (withdrawn sources)",
        "edit_link": "Edit link",
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_see_source_health(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"source-health-{datetime.date.today():%Y-%m-%d}"

    def get_base_queryset(self):
        withdrawn_first = Case(
            When(verification=Verification.WITHDRAWN, then=Value(0)),
            When(verification=Verification.DISPUTED, then=Value(1)),
            default=Value(2),
        )
        return sources_with_problems().order_by(withdrawn_first, "-live_citing", "title", "pk")

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        withdrawn = [row.pk for row in rows if row.problem_withdrawn]
        essays = {}
        if withdrawn:
            for citation in (
                live_citations()
                .filter(source__in=withdrawn)
                .select_related("page")
                .only("source_id", "page__title", "page__id")
                .order_by("page__title", "page_id")
            ):
                essays.setdefault(citation.source_id, []).append(citation.page)
        for row in rows:
            row.problems_text = "; ".join(
                label
                for name, (label, _condition) in PROBLEMS.items()
                if getattr(row, f"problem_{name}")
            )
            row.original_text = STATES.get(row.original_link, row.original_link)
            row.archived_text = STATES.get(row.archived_link, row.archived_link)
            row.edit_link = self.request.build_absolute_uri(edit_url(row))
            to_fix = essays.get(row.pk, [])
            row.essays_to_fix_text = "; ".join(essay.title for essay in to_fix)
            row.essays_to_fix_html = (
                format_html_join(
                    mark_safe("<br>"),
                    '<a href="{}">{}</a>',
                    ((edit_url(essay), essay.title) for essay in to_fix),
                )
                or "—"
            )
        return rows


class SourceHealthMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_source_health(request.user)


class SourceHealthPanel(Component):
    """Dashboard, for editors and fact-checkers: how many live essays cite sources with
    problems, linking to the report."""

    name = "source_health"
    template_name = "articles/admin/source_health_panel.html"
    order = 95

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        # Kept for the content's generation: a publish shows at once, a link check
        # within PAGE_CACHE_SECONDS (the report itself is never cached).
        counts = derived("source-health-counts", count_essays_citing_problems)
        context["essays_count"] = counts["problems"]
        context["withdrawn_count"] = counts["withdrawn"]
        context["report_url"] = reverse("articles_source_health")
        return context


def count_essays_citing_problems():
    """How many live essays cite a source with problems, and how many a withdrawn one
    (one query)."""
    citations = EssayCitation.objects.filter(page=OuterRef("pk"))
    return (
        live_essays()
        .order_by()
        .aggregate(
            problems=Count(
                "pk", filter=Q(Exists(citations.filter(source__in=sources_with_problems())))
            ),
            withdrawn=Count(
                "pk",
                filter=Q(Exists(citations.filter(source__verification=Verification.WITHDRAWN))),
            ),
        )
    )
