"""Rich text links to pages and citations, as readers get them (registered in
wagtail_hooks)."""

from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text import LinkHandler
from wagtail.rich_text.pages import PageLinkHandler

from articles.citations import CITATION_LINKTYPE
from articles.models import SourcePage
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


class CitationLinkHandler(LinkHandler):
    """Outside an essay (feeds, the API) a citation is a plain link to its source."""

    identifier = CITATION_LINKTYPE

    @classmethod
    def extract_references(cls, attrs):
        """Citations count as references to the source page (Wagtail's usage view)."""
        yield Page, attrs["id"], "", ""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        ids = []
        for attrs in attrs_list:
            try:
                ids.append(int(attrs.get("id", "")))
            except ValueError:
                ids.append(None)
        pages = SourcePage.objects.readable().in_bulk([i for i in ids if i])
        return [f'<a href="{escape(pages[i].url)}">' if i in pages else "<a>" for i in ids]
