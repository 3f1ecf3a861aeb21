"""The read-only JSON API (Wagtail API v2): published public pages and documents.

No images endpoint: it would hand out original files. Essays expose their images as
renditions instead."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.models import CollectionViewRestriction

from search.views import clean_query

MAX_OFFSET = 1_000_000


class CleanParametersMixin:
    """Refuse an offset the database cannot take (400), and give the search backend
    the same cleaned words as the site's search (an empty search is no search)."""

    def initial(self, request, *args, **kwargs):
        params = request._request.GET.copy()
        offset = params.get("offset")
        if offset is not None and (not offset.isdigit() or int(offset) > MAX_OFFSET):
            raise BadRequestError(f"offset must be a whole number from 0 to {MAX_OFFSET}")
        if "search" in params:
            words = clean_query(params["search"])
            if words:
                params["search"] = words
            else:
                del params["search"]
        request._request.GET = params
        super().initial(request, *args, **kwargs)


class PublicPagesAPIViewSet(CleanParametersMixin, PagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(CleanParametersMixin, DocumentsAPIViewSet):
    """Documents outside collections with a view restriction."""

    def get_queryset(self):
        restricted = CollectionViewRestriction.objects.values("collection_id")
        return super().get_queryset().exclude(collection_id__in=restricted)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
