"""Rich text links to pages, as readers get them (registered in wagtail_hooks)."""

from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from core.models import ReadableQuerySet


class ReadablePageLinkHandler(PageLinkHandler):
    """Links in rich text lead readers only to pages they may see (``readable()``): a
    link to a draft, a page in review or a private page is an ``<a>`` without an address
    (its words stay, as plain text; the page's address, which gives its title away, is
    not written), as Wagtail does for a deleted page."""

    @classmethod
    def get_many(cls, attrs_list):
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        pages = ReadableQuerySet(Page).readable().filter(id__in=ids).defer_streamfields()
        found = {str(page.pk): page for page in pages.specific()}
        return [found.get(pk) for pk in ids]
