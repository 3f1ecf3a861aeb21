"""The read-only JSON API (Wagtail API v2): published public pages and documents.

No images endpoint: it would hand out original files. Essays expose their images as
renditions instead."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.models import CollectionViewRestriction

from core.text import clean_query

MAX_OFFSET = 1_000_000
SEARCH_OPERATORS = {"and", "or"}
# Parameters whose value names a page or document by id, or a locale by code.
ID_PARAMETERS = {"id", "child_of", "ancestor_of", "descendant_of", "translation_of"}


def refuse_nul(name, value):
    if "\x00" in value:
        raise BadRequestError(f"{name}: null characters are not allowed")


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filters (``?publication_date=2024-05-01``), with each value checked
    against its field first: a value the field cannot hold ("x", "2026-13-45") is a 400
    saying so, not a database error."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name not in fields:
                continue
            refuse_nul(name, value)
            field = queryset.model._meta.get_field(name)
            if isinstance(field, models.ForeignKey):
                field = field.target_field
            if not isinstance(field, models.Field) or field.many_to_many:
                continue
            try:
                python_value = field.to_python(value)
            except (ValidationError, ValueError, TypeError, OverflowError) as error:
                raise BadRequestError(f"{name}: {value[:50]!r} is not a valid value") from error
            if isinstance(python_value, int) and not -(2**63) <= python_value < 2**63:
                # Past any database's integers (SQLite raises on them, not PostgreSQL).
                raise BadRequestError(f"{name}: {value[:50]!r} is out of range")
        return super().filter_queryset(request, queryset, view)


def with_checked_fields(filter_backends):
    return [CheckedFieldsFilter if f is FieldsFilter else f for f in filter_backends]


class CleanParametersMixin:
    """Refuse an offset the database cannot take (400), and give the search backend
    the same cleaned words as the site's search (an empty search is no search)."""

    def dispatch(self, request, *args, **kwargs):
        # The Django request, before the API wraps it: the view reads the cleaned words.
        if "search" in request.GET:
            params = request.GET.copy()
            words = clean_query(params["search"])
            if words:
                params["search"] = words
            else:
                del params["search"]
            request.GET = params
        return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        params = request.query_params
        offset = params.get("offset")
        if offset is not None and (not offset.isdigit() or int(offset) > MAX_OFFSET):
            raise BadRequestError(f"offset must be a whole number from 0 to {MAX_OFFSET}")
        operator = params.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        for name, value in params.items():
            refuse_nul(name, value)
            if name in ID_PARAMETERS and not (
                value == "root" or (value.isascii() and value.isdigit())
            ):
                raise BadRequestError(f"{name} must be an id (a whole number) or 'root'")
        super().initial(request, *args, **kwargs)


class PublicPagesAPIViewSet(CleanParametersMixin, PagesAPIViewSet):
    filter_backends = with_checked_fields(PagesAPIViewSet.filter_backends)


class PublicDocumentsAPIViewSet(CleanParametersMixin, DocumentsAPIViewSet):
    """Documents outside collections with a view restriction."""

    filter_backends = with_checked_fields(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        restricted = CollectionViewRestriction.objects.values("collection_id")
        return super().get_queryset().exclude(collection_id__in=restricted)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
