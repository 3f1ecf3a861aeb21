"""One search across essays, organisations and sources, with the essay filters and a
type filter, in shareable URLs. Bad input gives an empty result, never an error."""

import re

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from articles.listing import Filter, Listing, paginate
from articles.models import EssayPage, OrganisationName, OrganisationPage, SourcePage
from articles.models.essays import about_organisation, by_contributor, essay_filters, on_topic
from core.cache import derived
from core.models import ReadableQuerySet
from core.text import clean_query
from search.backend import best_matches

MAX_RESULTS = 100  # relevance past this many hits is noise; "more than 100" is said instead
PER_PAGE = 10
TYPES = {"essay": "Essays", "organisation": "Organisations", "source": "Sources"}
TAGS = re.compile(r"<[^>]+>")
# What a result shows of each type of page (search/search.html), and its URL.
SHOWN = ("title", "url_path", "content_type")
RESULT_FIELDS = {
    EssayPage: (*SHOWN, "publication_date", "standfirst", "body"),
    OrganisationPage: (*SHOWN, "summary"),
    SourcePage: (*SHOWN, "date", "date_precision", "summary"),
}


class Scope:
    """The pages of each type a search may return, narrowed by the filters. Those not
    given are every readable page of the type, built only if used."""

    def __init__(self, essays=None, organisations=None, sources=None, narrowed=False):
        given = {"essays": essays, "organisations": organisations, "sources": sources}
        self.__dict__.update({name: pages for name, pages in given.items() if pages is not None})
        self.narrowed = narrowed

    @cached_property
    def essays(self):
        return EssayPage.objects.readable()

    @cached_property
    def organisations(self):
        return OrganisationPage.objects.readable()

    @cached_property
    def sources(self):
        return SourcePage.objects.readable()

    def none(self):
        return Scope(
            EssayPage.objects.none(),
            OrganisationPage.objects.none(),
            SourcePage.objects.none(),
            narrowed=True,
        )

    def only(self, kind):
        empty = self.none()
        return Scope(
            self.essays if kind == "essay" else empty.essays,
            self.organisations if kind == "organisation" else empty.organisations,
            self.sources if kind == "source" else empty.sources,
            narrowed=True,
        )

    def by_organisation(self, organisation_id):
        return Scope(
            about_organisation(self.essays, organisation_id),
            self.organisations.filter(pk=organisation_id),
            self.sources.filter(organisations=organisation_id),
            narrowed=True,
        )

    def essays_where(self, essay_filter, value):
        """A filter only essays have (one of the essay index's): the other types drop out."""
        empty = self.none()
        return Scope(
            essay_filter(self.essays, value), empty.organisations, empty.sources, narrowed=True
        )

    def by_year(self, year):
        return Scope(
            self.essays.filter(publication_date__year=year),
            self.organisations.none(),
            self.sources.filter(date__year=year),
            narrowed=True,
        )

    def pages(self):
        if not self.narrowed:
            # Every readable page of the three types: one table, no joins.
            readable = ReadableQuerySet(Page).readable()
            return Page.objects.filter(
                pk__in=readable.type(EssayPage, OrganisationPage, SourcePage).values("pk")
            )
        searched = [
            pages
            for pages in (self.essays, self.organisations, self.sources)
            if not pages.query.is_empty()
        ]
        if len(searched) == 1:
            # One type: searched in its own model, so that only its index entries are read.
            pages = searched[0]
            return pages.model.objects.filter(pk__in=pages.values("pk"))
        return Page.objects.filter(
            Q(pk__in=self.essays.values("pk"))
            | Q(pk__in=self.organisations.values("pk"))
            | Q(pk__in=self.sources.values("pk"))
        )


def search_filters():
    known = essay_filters()
    choices, ids = known["choices"], known["ids"]
    return [
        Filter("type", "Type", TYPES, lambda scope, value: scope.only(value)),
        Filter(
            "organisation",
            "Organisation",
            choices["organisation"],
            lambda scope, value: scope.by_organisation(ids["organisation"][value]),
        ),
        Filter(
            "topic",
            "Topic",
            choices["topic"],
            lambda scope, value: scope.essays_where(on_topic, ids["topic"][value]),
        ),
        Filter(
            "contributor",
            "Contributor",
            choices["contributor"],
            lambda scope, value: scope.essays_where(by_contributor, ids["contributor"][value]),
        ),
        Filter("year", "Year", choices["year"], lambda scope, value: scope.by_year(value)),
    ]


def organisations_named(query):
    """Organisations whose short name, full name or another name is what was typed
    (in any case)."""
    ids = organisation_names().get(query.casefold()) if query else None
    if not ids:
        return []
    return list(
        OrganisationPage.objects.readable()
        .filter(pk__in=ids)
        .only(*OrganisationPage.LINK_FIELDS)
        .order_by("path")
    )


def organisation_names():
    """{name, case folded: [organisation ids]} for every name of every readable
    organisation, kept until the site's content changes: most searches name none, and
    finding that out from the names costs less than asking the database."""
    return derived("organisation-names", find_organisation_names)


def find_organisation_names():
    readable = OrganisationPage.objects.readable().order_by()
    rows = [
        *readable.values_list("short_name", "pk"),
        *readable.values_list("full_name", "pk"),
        *OrganisationName.objects.filter(page__in=readable).values_list("name", "page_id"),
    ]
    names = {}
    for name, pk in rows:
        ids = names.setdefault(name.casefold(), [])
        if pk not in ids:
            ids.append(pk)
    return names


def ranked(hits, query, named_ids):
    """Hits, as (id, title), whose title holds every word typed (or an organisation
    named so) first, each group in the backend's order of relevance."""
    words = [word.lower() for word in query.split()]

    def is_title_match(hit):
        pk, title, _type = hit
        return pk in named_ids or all(word in title.lower() for word in words)

    return [h for h in hits if is_title_match(h)] + [h for h in hits if not is_title_match(h)]


def snippet(text, query, length=220):
    """A stretch of ``text`` around the first word of the query found in it, with the
    words typed marked."""
    if not text:
        return ""
    words = [re.escape(word) for word in query.split() if len(word) > 1]
    pattern = re.compile("|".join(words), re.IGNORECASE) if words else None
    match = pattern.search(text) if pattern else None
    start = max(0, match.start() - length // 3) if match else 0
    excerpt = text[start : start + length]
    pieces, position = [], 0
    for found in pattern.finditer(excerpt) if pattern else ():
        pieces.append(escape(excerpt[position : found.start()]))
        pieces.append(format_html("<mark>{}</mark>", found.group()))
        position = found.end()
    pieces.append(escape(excerpt[position:]))
    prefix = "… " if start else ""
    suffix = " …" if start + length < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)


def search(request):
    query = clean_query(request.GET.get("query", ""))
    listing = Listing(Scope(), search_filters(), request.GET, keep={"query": query})
    suggestions = organisations_named(query)
    hits = []
    if query:
        found = best_matches(listing.queryset.pages, query, MAX_RESULTS)
        hits = ranked(found, query, {org.pk for org in suggestions})
    page_obj = paginate(hits, request.GET.get("page"), PER_PAGE)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "listing": listing,
            "page_obj": page_obj,
            "results": [
                {"page": page, "snippet": snippet(result_text(page), query)}
                for page in result_pages(page_obj)
            ],
            "suggestions": suggestions,
            "more_than_shown": len(hits) >= MAX_RESULTS,
        },
    )


def result_pages(hits):
    """The pages of ``hits`` (id, title, content type id), in order, each of its own
    type with only what a result shows: one query for each type."""
    ids_by_type = {}
    for pk, _title, content_type_id in hits:
        ids_by_type.setdefault(content_type_id, []).append(pk)
    pages = {}
    for content_type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        for page in model.objects.filter(pk__in=ids).only(*RESULT_FIELDS[model]):
            pages[page.pk] = page
    return [pages[pk] for pk, _title, _type in hits if pk in pages]


def result_text(page):
    """The reader-facing text a snippet is cut from (of an essay, from the body's
    stored paragraphs, without building its blocks)."""
    if isinstance(page, EssayPage):
        paragraphs = (
            block["value"] for block in page.body.raw_data if block["type"] == "paragraph"
        )
        return page.standfirst + " " + " ".join(TAGS.sub("", html) for html in paragraphs)
    if isinstance(page, OrganisationPage):
        return page.summary
    if isinstance(page, SourcePage):
        return TAGS.sub("", page.summary)
    return page.search_description
