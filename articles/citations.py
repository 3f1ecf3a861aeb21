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

import re
from collections import OrderedDict
from dataclasses import dataclass, field

from wagtail.rich_text import expand_db_html
from wagtail.rich_text.rewriters import extract_attrs

CITATION_FEATURE = "citation"
CITATION_LINKTYPE = "citation"
# A link and its words in rich text's database HTML, which Draftail writes with
# double-quoted attributes and never nests links (as Wagtail's own rewriters assume).
LINK = re.compile(r"<a(\b[^>]*)>(.*?)</a>", re.DOTALL)


def citation_links(html):
    """(match, attributes) of each citation link in database HTML, in reading order."""
    if not html or CITATION_LINKTYPE not in html:
        return
    for match in LINK.finditer(html):
        attrs = extract_attrs(match.group(1))
        if attrs.get("linktype") == CITATION_LINKTYPE:
            yield match, attrs


def source_id(attrs):
    try:
        return int(attrs.get("id", ""))
    except ValueError:
        return None


def find_citations(html):
    """(source id, pinpoint) for each citation in a rich text's database HTML, in order."""
    return [
        (source_id(attrs), attrs.get("data-pinpoint", "").strip())
        for _, attrs in citation_links(html)
        if source_id(attrs) is not None
    ]


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
        pieces, position = [], 0
        for match, attrs in citation_links(html):
            pieces.append(html[position : match.start()])
            position = match.end()
            words = match.group(2)
            citation = self.by_source.get(source_id(attrs))
            if citation is None:
                pieces.append(words)
                continue
            citation.occurrences += 1
            marker_id = f"cite-{citation.number}-{citation.occurrences}"
            pieces.append(
                f'<span class="cited">{words}</span><sup class="citation-marker">'
                f'<a href="#{citation.anchor()}" id="{marker_id}">[{citation.number}]</a></sup>'
            )
        pieces.append(html[position:])
        return expand_db_html("".join(pieces))
