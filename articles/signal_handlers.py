from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_migrate, post_save
from django.urls import reverse
from modelsearch import index
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Revision, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from articles.linkcheck import forget_replaced_addresses
from articles.models import Contributor, EssayPage, SourcePage
from articles.sitemaps import sitemap_paths
from articles.uploads import release_published_uploads
from core.cache import purge_all
from core.models import SiteSettings


def reindex_published_page(sender, instance, **kwargs):
    """Index a page again once publishing has saved its child rows too.

    The index update on save runs before a page's child relations (an
    organisation's other names) are written, so names added in the same publish
    would otherwise be missing from the index until the next save.
    """
    index.insert_or_update_object(instance)


def purge_on_change(sender, created=False, **kwargs):
    """Saved settings purge; a settings row created on first use changes nothing."""
    if not created or sender is not SiteSettings:
        purge_all()


def purge_on_delete(sender, instance, **kwargs):
    if isinstance(instance, (Page, PageViewRestriction, Contributor, Site, BaseSiteSetting)):
        purge_all()


def pages_showing(page):
    """Every page whose content includes ``page``: itself, its index, the home page,
    and for an essay the organisations it names and the sources it cites."""
    pages = [page, page.get_parent(), page.get_site().root_page if page.get_site() else None]
    specific = page.specific
    if isinstance(specific, EssayPage):
        pages += list(specific.organisations.all())
        pages += [citation.source for citation in specific.citations.select_related("source")]
    return [p for p in pages if p is not None]


def purge_frontend_cache(sender, instance, **kwargs):
    """Tell the CDN (if one is configured) to drop every URL that shows this page,
    the feeds and the sitemap."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache, purge_urls_from_cache

    purge_pages_from_cache(pages_showing(instance))
    root = instance.get_site().root_url if instance.get_site() else ""
    purge_urls_from_cache(
        [root + reverse(name) for name in ("feed_rss", "feed_atom")]
        + [root + path for path in sitemap_paths()]
        + [
            root + reverse(name, args=(org.slug,))
            for org in getattr(instance.specific, "organisations", Page.objects.none()).all()
            for name in ("organisation_feed_rss", "organisation_feed_atom")
        ]
    )


def carry_citation_marks(sender, instance, created=False, raw=False, **kwargs):
    """A new essay revision keeps the fact-checker's marks of the citations it leaves
    unchanged (articles.claims)."""
    from articles.claims import carry_marks, is_essay_revision

    if created and not raw and is_essay_revision(instance):
        carry_marks(instance)


def register_signal_handlers():
    post_save.connect(carry_citation_marks, sender=Revision, dispatch_uid="carry_citation_marks")
    page_published.connect(reindex_published_page, dispatch_uid="articles_reindex_published")
    page_published.connect(release_published_uploads, dispatch_uid="articles_release_uploads")
    # Anything that changes what readers see purges the page cache (core/cache.py).
    page_published.connect(
        forget_replaced_addresses, sender=SourcePage, dispatch_uid="articles_link_states"
    )
    page_published.connect(purge_all, dispatch_uid="cache_purge_published")
    page_published.connect(purge_frontend_cache, dispatch_uid="frontend_purge_published")
    page_unpublished.connect(purge_frontend_cache, dispatch_uid="frontend_purge_unpublished")
    page_unpublished.connect(purge_all, dispatch_uid="cache_purge_unpublished")
    post_page_move.connect(purge_all, dispatch_uid="cache_purge_moved")
    post_delete.connect(purge_on_delete, dispatch_uid="cache_purge_deleted")
    # A deploy runs the migrations: pages rendered by the code it replaces (and values
    # kept in the shape that code gave them) are not served by the new code.
    post_migrate.connect(
        purge_all,
        sender=apps.get_app_config("articles"),
        dispatch_uid="cache_purge_migrated",
    )
    for model in (PageViewRestriction, Contributor, Site, SiteSettings):
        post_save.connect(
            purge_on_change, sender=model, dispatch_uid=f"cache_purge_{model.__name__}"
        )
