"""Citations inside essay text.

In the database a citation is an inline link on the words that make a claim::

    <a linktype="citation" id="42" data-pinpoint="p. 12">the words</a>

where 42 is a SourcePage id and ``data-pinpoint`` (optional) is a page,
timestamp or quoted passage. Editors add them with the "Cite" button of the
rich text editor (registered in wagtail_hooks.py). Readers see the words followed
by a numbered marker linking to the essay's numbered "Sources" list; sources are
numbered by first appearance, and a source cited again keeps its number. Sources
that readers cannot see (drafts, private pages) get no marker and no number.
"""

from collections import OrderedDict
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from django.utils.html import escape
from wagtail.rich_text import LinkHandler, expand_db_html

CITATION_FEATURE = "citation"
CITATION_LINKTYPE = "citation"


def find_citations(html):
    """(source id, pinpoint) for each citation in a rich text's database HTML, in order."""
    if not html or CITATION_LINKTYPE not in html:
        return []
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for link in soup.find_all("a", attrs={"linktype": CITATION_LINKTYPE}):
        try:
            source_id = int(link.get("id", ""))
        except ValueError:
            continue
        found.append((source_id, link.get("data-pinpoint", "").strip()))
    return found


@dataclass
class Citation:
    """One numbered entry of an essay's Sources list."""

    number: int
    source: object
    pinpoints: list = field(default_factory=list)
    occurrences: int = 0

    def anchor(self):
        return f"source-{self.number}"


class CitationList:
    """The numbered sources of one essay, built from its body in reading order.

    ``sources_by_id`` maps SourcePage ids to the pages readers may see; a citation
    of any other id is dropped.
    """

    def __init__(self, cited, sources_by_id):
        self.by_source = OrderedDict()
        for source_id, pinpoint in cited:
            source = sources_by_id.get(source_id)
            if source is None:
                continue
            citation = self.by_source.get(source_id)
            if citation is None:
                citation = Citation(number=len(self.by_source) + 1, source=source)
                self.by_source[source_id] = citation
            if pinpoint and pinpoint not in citation.pinpoints:
                citation.pinpoints.append(pinpoint)

    def __iter__(self):
        return iter(self.by_source.values())

    def __len__(self):
        return len(self.by_source)

    def render(self, html):
        """Expand rich text database HTML, turning each citation into words + marker."""
        if CITATION_LINKTYPE not in html:
            return expand_db_html(html)
        soup = BeautifulSoup(html, "html.parser")
        for link in soup.find_all("a", attrs={"linktype": CITATION_LINKTYPE}):
            try:
                citation = self.by_source.get(int(link.get("id", "")))
            except ValueError:
                citation = None
            if citation is None:
                link.unwrap()
                continue
            citation.occurrences += 1
            marker = soup.new_tag("sup", attrs={"class": "citation-marker"})
            anchor = soup.new_tag(
                "a",
                attrs={
                    "href": f"#{citation.anchor()}",
                    "id": f"cite-{citation.number}-{citation.occurrences}",
                },
            )
            anchor.string = f"[{citation.number}]"
            marker.append(anchor)
            span = soup.new_tag("span", attrs={"class": "cited"})
            link.wrap(span)
            link.unwrap()
            span.insert_after(marker)
        return expand_db_html(str(soup))


class CitationLinkHandler(LinkHandler):
    """Outside an essay (feeds, the API) a citation is a plain link to its source."""

    identifier = CITATION_LINKTYPE

    @classmethod
    def extract_references(cls, attrs):
        """Citations count as references to the source page (Wagtail's usage view)."""
        from wagtail.models import Page

        yield Page, attrs["id"], "", ""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        from articles.models import SourcePage

        ids = []
        for attrs in attrs_list:
            try:
                ids.append(int(attrs.get("id", "")))
            except ValueError:
                ids.append(None)
        pages = SourcePage.objects.readable().in_bulk([i for i in ids if i])
        return [f'<a href="{escape(pages[i].url)}">' if i in pages else "<a>" for i in ids]
