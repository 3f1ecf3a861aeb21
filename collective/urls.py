from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as document_views

from articles import feeds, sitemaps, submission_views
from articles import views as article_views
from articles.sitemaps import SITEMAPS
from collective.security import sandboxed
from collective.users import twofactor
from core.api import api_router
from search import views as search_views

urlpatterns = [
    path(f"{settings.ADMIN_PATH}/2fa/setup/", twofactor.setup, name="two_factor_setup"),
    path(f"{settings.ADMIN_PATH}/2fa/verify/", twofactor.verify, name="two_factor_verify"),
    path(
        f"{settings.ADMIN_PATH}/2fa/remove/<int:device_id>/",
        twofactor.remove,
        name="two_factor_remove",
    ),
    path(f"{settings.ADMIN_PATH}/", include(wagtailadmin_urls)),
    # Documents are downloads, never pages: each is sent as an attachment
    # (WAGTAILDOCS_INLINE_CONTENT_TYPES) under a policy that runs nothing in it, should a
    # browser open it all the same. Same pattern and name as Wagtail's, which it precedes.
    re_path(
        r"^documents/(\d+)/(.*)$",
        sandboxed(document_views.serve),
        name="wagtaildocs_serve",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("submit/", submission_views.submit, name="submit"),
    path("api/v2/", api_router.urls),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap_section"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("feeds/essays/rss/", feeds.EssayFeed(), name="feed_rss"),
    path("feeds/essays/atom/", feeds.AtomEssayFeed(), name="feed_atom"),
    path(
        "feeds/organisations/<slug:slug>/rss/",
        feeds.OrganisationEssayFeed(),
        name="organisation_feed_rss",
    ),
    path(
        "feeds/organisations/<slug:slug>/atom/",
        feeds.AtomOrganisationEssayFeed(),
        name="organisation_feed_atom",
    ),
    path("contributors/", article_views.contributor_list, name="contributors"),
    path("contributors/<slug:slug>/", article_views.contributor_detail, name="contributor"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Everything else is a Wagtail page.
urlpatterns += [path("", include(wagtail_urls))]
