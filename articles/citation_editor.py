"""The rich text editor's "Cite" button (Draftail) and its database conversion.

Editors select the words that make a claim, click "Cite", choose a SourcePage in
Wagtail's page chooser (restricted to sources) and optionally give a pinpoint. The
editor holds this as an inline ``CITATION`` entity with the data::

    {"id": 42, "pinpoint": "p. 12", "title": "...", "parentId": 7, "editUrl": "..."}

and it is stored as described in ``articles.citations``::

    <a linktype="citation" id="42" data-pinpoint="p. 12">the words</a>

Only ``id`` and ``pinpoint`` are stored; the rest is looked up again when the text
is loaded into the editor, so that the editor can show the source's title.
The client side is ``articles/static/articles/js/citation-editor.js``.
"""

from django.urls import reverse, reverse_lazy
from draftjs_exporter.dom import DOM
from wagtail.admin.rich_text.converters.html_to_contentstate import LinkElementHandler
from wagtail.admin.rich_text.editors.draftail.features import EntityFeature

from articles.citations import CITATION_FEATURE, CITATION_LINKTYPE
from articles.models import SourcePage

CITATION_ENTITY_TYPE = "CITATION"
SOURCE_PAGE_TYPE = "articles.sourcepage"
EDITOR_JS = "articles/js/citation-editor.js"


def parse_source_id(value):
    """The SourcePage id of a citation, or None if it is not a positive integer."""
    try:
        source_id = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return source_id if source_id > 0 else None


def clean_pinpoint(value):
    """A pinpoint on one line without surrounding spaces ("" when there is none)."""
    if value is None:
        return ""
    return " ".join(str(value).split())


class CitationElementHandler(LinkElementHandler):
    """Database HTML -> contentstate: ``<a linktype="citation">`` becomes a CITATION entity.

    The entity is MUTABLE, like a link: editors may edit the cited words.
    """

    def get_attribute_data(self, attrs):
        source_id = parse_source_id(attrs.get("id"))
        data = {"id": source_id, "pinpoint": clean_pinpoint(attrs.get("data-pinpoint"))}
        if source_id is None:
            return data
        source = SourcePage.objects.filter(pk=source_id).first()
        if source is None:
            # Keep the id so the citation survives a save; the editor marks it as missing.
            return data
        data.update(
            title=source.title,
            parentId=source.get_parent().pk,
            editUrl=reverse("wagtailadmin_pages:edit", args=[source.pk]),
        )
        return data


def citation_entity(props):
    """Contentstate -> database HTML for a CITATION entity.

    A citation without a usable source id cannot be resolved by anyone, so only its
    words are kept.
    """
    source_id = parse_source_id(props.get("id"))
    if source_id is None:
        return props["children"]
    attrs = {"linktype": CITATION_LINKTYPE, "id": str(source_id)}
    pinpoint = clean_pinpoint(props.get("pinpoint"))
    if pinpoint:
        attrs["data-pinpoint"] = pinpoint
    return DOM.create_element("a", attrs, props["children"])


def register_citation_feature(features):
    """Register the "citation" rich text feature: the Draftail plugin and its converter rule."""
    features.register_editor_plugin(
        "draftail",
        CITATION_FEATURE,
        EntityFeature(
            {
                "type": CITATION_ENTITY_TYPE,
                "icon": "openquote",
                "label": "Cite",
                "description": "Cite a source",
                # Entity data kept when citations are copied and pasted between editors.
                "attributes": ["id", "pinpoint", "title", "parentId", "editUrl"],
                "chooserUrls": {"pageChooser": reverse_lazy("wagtailadmin_choose_page")},
                "pageType": SOURCE_PAGE_TYPE,
            },
            js=["wagtailadmin/js/page-chooser-modal.js", EDITOR_JS],
        ),
    )
    features.register_converter_rule(
        "contentstate",
        CITATION_FEATURE,
        {
            "from_database_format": {
                f'a[linktype="{CITATION_LINKTYPE}"]': CitationElementHandler(CITATION_ENTITY_TYPE),
            },
            "to_database_format": {"entity_decorators": {CITATION_ENTITY_TYPE: citation_entity}},
        },
    )
