"""Rich text links to pages, as readers get them (registered in wagtail_hooks)."""

from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler


class ReadablePageLinkHandler(PageLinkHandler):
    """Links in rich text lead readers only to live, public pages: a link to a draft, a
    page in review or a private page is an ``<a>`` without an address (its words stay,
    as plain text; the page's address, which gives its title away, is not written), as
    Wagtail does for a deleted page."""

    @classmethod
    def get_many(cls, attrs_list):
        pages = super().get_many(attrs_list)
        ids = [page.pk for page in pages if page]
        readable = set(Page.objects.filter(pk__in=ids).live().public().values_list("pk", flat=True))
        return [page if page and page.pk in readable else None for page in pages]
