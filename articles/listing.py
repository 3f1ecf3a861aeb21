"""Filtered, paginated listings in shareable URLs (the essay and source indexes).

Filters are read from the query string by name; a value that matches nothing
known gives an empty result with a message, a bad page number a 404. Nothing a
reader types reaches the database except as a lookup against known values.
"""

import hashlib
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import EmptyResultSet
from django.core.paginator import InvalidPage, Paginator
from django.db.models import QuerySet
from django.http import Http404
from django.utils.functional import cached_property

from core.cache import derived

MAX_VALUE_LENGTH = 100


@dataclass
class ActiveFilter:
    name: str
    label: str
    value_label: str
    remove_query: str


class Filter:
    """One query-string filter: ``choices`` maps accepted values to their labels."""

    def __init__(self, name, label, choices, apply):
        self.name = name
        self.label = label
        self.choices = choices
        self.apply = apply
        self.selected = ""


class Listing:
    """A queryset narrowed by the filters given in ``params`` (a QueryDict)."""

    def __init__(self, queryset, filters, params, keep=None):
        self.filters = filters
        # Other parameters every link keeps, e.g. the search words.
        self.kept = {name: value for name, value in (keep or {}).items() if value}
        self.selected = {}
        self.unknown = []
        for flt in filters:
            value = (params.get(flt.name) or "").strip()[:MAX_VALUE_LENGTH]
            flt.selected = value if value in flt.choices else ""
            if not value:
                continue
            if value in flt.choices:
                self.selected[flt.name] = value
                queryset = flt.apply(queryset, value)
            else:
                self.unknown.append((flt, value))
        self.queryset = queryset.none() if self.unknown else queryset

    def query(self, **changes):
        """The query string for the current filters with ``changes`` applied (None removes)."""
        values = {**self.kept, **self.selected, **changes}
        return urlencode({k: v for k, v in values.items() if v})

    @property
    def active(self):
        return [
            ActiveFilter(
                name=flt.name,
                label=flt.label,
                value_label=flt.choices[self.selected[flt.name]],
                remove_query=self.query(**{flt.name: None}),
            )
            for flt in self.filters
            if flt.name in self.selected
        ]

    @property
    def messages(self):
        return [f"There is no {flt.label.lower()} “{value}”." for flt, value in self.unknown]


class ListingPaginator(Paginator):
    """A paginator that keeps, until the site's content changes, what costs more the
    more essays there are: the count of a queryset, and which rows a page of it holds
    (page 200 of the essays, found with OFFSET, means reading every essay before it).
    Later, a page reads just its own rows, by primary key, however deep it is, and only
    if they are used.

    ``name`` names what the queryset selects (the listing and its filters), unique
    among listings; without it the queryset is named by its SQL, which costs a
    compilation of the queryset on every request."""

    def __init__(self, object_list, per_page, name=None, by_id=True, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.name = name
        # Whether a page's rows are model instances, kept by id (not ``values()`` rows).
        self.by_id = by_id

    @cached_property
    def digest(self):
        """A name for the queryset; None when it is not a queryset or is empty."""
        if not isinstance(self.object_list, QuerySet) or self.object_list.query.is_empty():
            return None
        if self.name:
            return self.name
        try:
            sql, params = self.object_list.query.sql_with_params()
        except EmptyResultSet:  # .none(): nothing to count
            return None
        return hashlib.sha256(repr((sql, params)).encode()).hexdigest()

    @cached_property
    def count(self):
        if not isinstance(self.object_list, QuerySet):
            return super().count
        if self.digest is None:
            return 0
        return derived(f"count:{self.digest}", self.object_list.count)

    def page(self, number):
        """The page; of a listing of rows, with ``ids``, the ids of its rows in order. Its
        rows are read in full the first time (and their ids kept); after that, only if
        they are used (cards cached by id need only the ids)."""
        page = super().page(number)
        rows = page.object_list
        if self.digest is None or not self.by_id:
            return page  # not a queryset of model instances: read as it is
        start, end = rows.query.low_mark, rows.query.high_mark
        read = []

        def find_ids():
            read.extend(rows)
            return [row.pk for row in read]

        page.ids = derived(f"page:{self.digest}:{start}:{end}", find_ids)
        # Otherwise in the listing's order, as the ids were found in it (both kept until
        # the next change), by key.
        page.object_list = read or self.object_list.filter(pk__in=page.ids)
        return page


def paginate(queryset, page_number, per_page, name=None):
    """The requested page of results; a page that is not a whole number or out of range is
    a 404. ``name``: see ListingPaginator."""
    paginator = ListingPaginator(queryset, per_page, name)
    number = page_number or "1"
    if not number.isdigit() or len(number) > 6:
        raise Http404("No such page of results.")
    try:
        return paginator.page(int(number))
    except InvalidPage as error:
        raise Http404("No such page of results.") from error


class FilteredListingMixin:
    """For index pages: ``get_listing(params)`` gives a Listing, shown a page at a time."""

    per_page = 20

    def get_listing(self, params):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = self.get_listing(request.GET)
        context["listing"] = listing
        name = f"listing:{self.pk}:{listing.query()}"
        context["page_obj"] = paginate(
            listing.queryset, request.GET.get("page"), self.per_page, name
        )
        return context
