from modelsearch import index
from wagtail.signals import page_published


def reindex_published_page(sender, instance, **kwargs):
    """Index a page again once publishing has saved its child rows too.

    The index update on save runs before a page's child relations (an
    organisation's other names) are written, so names added in the same publish
    would otherwise be missing from the index until the next save.
    """
    index.insert_or_update_object(instance)


def register_signal_handlers():
    page_published.connect(reindex_published_page, dispatch_uid="articles_reindex_published")
