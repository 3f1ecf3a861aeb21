"""The read-only JSON API (Wagtail API v2): published public pages and documents.

No images endpoint: it would hand out original files. Essays expose their images as
renditions instead."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.models import CollectionViewRestriction


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Documents outside collections with a view restriction."""

    def get_queryset(self):
        restricted = CollectionViewRestriction.objects.values("collection_id")
        return super().get_queryset().exclude(collection_id__in=restricted)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
