"""The rich text editor's "Cite" button: Draftail plugin registration, its JavaScript,
and the conversion between the database HTML and the editor's contentstate."""

import json

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from articles.blocks import ParagraphBlock
from articles.models import SourceIndexPage, SourcePage

FEATURES = ["citation", "bold", "italic", "link"]
EDITOR_JS = "articles/js/citation-editor.js"


@pytest.fixture
def converter():
    return ContentstateConverter(features=FEATURES)


@pytest.fixture
def source_index(home_page):
    index = SourceIndexPage(title="Sources", slug="sources")
    home_page.add_child(instance=index)
    return index


@pytest.fixture
def source(source_index):
    page = SourcePage(
        title="Minutes of the 1991 special conference",
        slug="minutes-1991",
        source_type=SourcePage.SourceType.INTERNAL_DOCUMENT,
        archived_url="https://web.archive.org/web/2001/https://example.org/minutes",
        summary="<p>The minutes as circulated to members.</p>",
    )
    source_index.add_child(instance=page)
    return page


def citation_entities(contentstate):
    data = json.loads(contentstate)
    return [entity for entity in data["entityMap"].values() if entity["type"] == "CITATION"]


def test_citation_with_a_pinpoint_round_trips(converter, source):
    html = (
        '<p data-block-key="a1b2c">The leadership <a linktype="citation" '
        f'id="{source.pk}" data-pinpoint="p. 12">called a special conference</a>.</p>'
    )

    contentstate = converter.from_database_format(html)

    [entity] = citation_entities(contentstate)
    assert entity["mutability"] == "MUTABLE"
    assert entity["data"]["id"] == source.pk
    assert entity["data"]["pinpoint"] == "p. 12"
    # What the editor shows on hover, and where the chooser opens when editing.
    assert entity["data"]["title"] == "Minutes of the 1991 special conference"
    assert entity["data"]["parentId"] == source.get_parent().pk
    block = json.loads(contentstate)["blocks"][0]
    assert block["text"] == "The leadership called a special conference."
    assert block["entityRanges"] == [{"key": 0, "offset": 15, "length": 27}]

    assert converter.to_database_format(contentstate) == html


def test_citation_without_a_pinpoint_round_trips_without_the_attribute(converter, source):
    html = (
        f'<p data-block-key="a1b2c">As <a linktype="citation" id="{source.pk}">reported</a>, '
        "<b>twice</b>.</p>"
    )

    contentstate = converter.from_database_format(html)

    [entity] = citation_entities(contentstate)
    assert entity["data"]["id"] == source.pk
    assert entity["data"]["pinpoint"] == ""
    saved = converter.to_database_format(contentstate)
    assert saved == html
    assert "data-pinpoint" not in saved


def test_quoted_passage_pinpoint_is_escaped_and_round_trips(converter, source):
    html = (
        f'<p data-block-key="a1b2c"><a linktype="citation" id="{source.pk}" '
        'data-pinpoint="&quot;no faction&quot; &amp; the &lt;rules&gt;">The rule</a></p>'
    )

    contentstate = converter.from_database_format(html)

    [entity] = citation_entities(contentstate)
    assert entity["data"]["pinpoint"] == '"no faction" & the <rules>'
    assert converter.to_database_format(contentstate) == html


def test_citation_of_a_missing_source_keeps_its_id(converter, home_page):
    html = '<p data-block-key="a1b2c"><a linktype="citation" id="987654">a claim</a></p>'

    contentstate = converter.from_database_format(html)

    [entity] = citation_entities(contentstate)
    assert entity["data"] == {"id": 987654, "pinpoint": ""}
    assert converter.to_database_format(contentstate) == html


def contentstate_with_citation(data):
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": "Members were expelled.",
                    "inlineStyleRanges": [],
                    "entityRanges": [{"key": 0, "offset": 8, "length": 13}],
                }
            ],
            "entityMap": {"0": {"type": "CITATION", "mutability": "MUTABLE", "data": data}},
        }
    )


def test_editor_data_is_saved_as_id_and_pinpoint_only(converter):
    """What the editor adds (title, parentId, editUrl) is not stored; pinpoints are trimmed."""
    contentstate = contentstate_with_citation(
        {
            "id": 42,
            "pinpoint": "  00:14:05 ",
            "title": "A recording",
            "parentId": 7,
            "editUrl": "/admin/pages/42/edit/",
        }
    )

    assert converter.to_database_format(contentstate) == (
        '<p data-block-key="a1b2c">Members <a linktype="citation" id="42" '
        'data-pinpoint="00:14:05">were expelled</a>.</p>'
    )


@pytest.mark.parametrize("pinpoint", ["", "   ", None])
def test_blank_pinpoint_is_not_stored(converter, pinpoint):
    contentstate = contentstate_with_citation({"id": 42, "pinpoint": pinpoint})

    assert converter.to_database_format(contentstate) == (
        '<p data-block-key="a1b2c">Members <a linktype="citation" id="42">were expelled</a>.</p>'
    )


@pytest.mark.parametrize("source_id", [None, "", "abc", 0])
def test_citation_without_a_source_keeps_only_its_words(converter, source_id):
    contentstate = contentstate_with_citation({"id": source_id, "pinpoint": "p. 3"})

    assert converter.to_database_format(contentstate) == (
        '<p data-block-key="a1b2c">Members were expelled.</p>'
    )


def test_paragraph_editor_has_the_cite_button_and_its_script():
    widget = ParagraphBlock().field.widget

    [entity_type] = [t for t in widget.options["entityTypes"] if t["type"] == "CITATION"]
    assert entity_type["chooserUrls"]["pageChooser"] == reverse("wagtailadmin_choose_page")
    assert entity_type["pageType"] == "articles.sourcepage"
    assert entity_type["description"] == "Cite a source"

    scripts = [str(path) for path in widget.media._js]
    assert any(EDITOR_JS in path for path in scripts), scripts
    # After Draftail itself, which it extends, and with the page chooser's modal handlers.
    draftail_at = next(i for i, p in enumerate(scripts) if "wagtailadmin/js/draftail.js" in p)
    citation_at = next(i for i, p in enumerate(scripts) if EDITOR_JS in p)
    assert draftail_at < citation_at
    assert any("wagtailadmin/js/page-chooser-modal.js" in path for path in scripts)
    assert finders.find(EDITOR_JS), "the editor script is missing from the static files"


def test_editor_script_registers_the_citation_plugin():
    with open(finders.find(EDITOR_JS), encoding="utf-8") as script:
        text = script.read()

    assert "registerPlugin" in text
    assert "'CITATION'" in text
    assert "ModalWorkflowSource" in text
    assert "page_type" in text


def test_paragraph_editor_converts_submitted_contentstate_to_database_html():
    widget = ParagraphBlock().field.widget
    contentstate = contentstate_with_citation({"id": 42, "pinpoint": "p. 12"})

    value = widget.value_from_datadict({"body": contentstate}, {}, "body")

    assert value == (
        '<p data-block-key="a1b2c">Members <a linktype="citation" id="42" '
        'data-pinpoint="p. 12">were expelled</a>.</p>'
    )


def test_paragraph_editor_loads_citations_from_the_database(source):
    widget = ParagraphBlock().field.widget
    html = f'<p data-block-key="a1b2c"><a linktype="citation" id="{source.pk}">x</a></p>'

    [entity] = citation_entities(widget.format_value(html))

    assert entity["data"]["id"] == source.pk
    assert entity["data"]["editUrl"] == reverse("wagtailadmin_pages:edit", args=[source.pk])


def test_page_chooser_restricted_to_sources_offers_the_source(client, django_user_model, source):
    admin = django_user_model.objects.create_superuser(
        username="editor", email="editor@example.org", password="a-long-test-password"
    )
    client.force_login(admin)

    response = client.get(reverse("wagtailadmin_choose_page"), {"page_type": "articles.sourcepage"})

    assert response.status_code == 200
    html = json.loads(response.content)["html"]
    assert f'data-id="{source.pk}"' in html
    assert 'class="choose-page"' in html
    # The home page and the index are there only to browse, not to choose.
    assert f'data-id="{source.get_parent().pk}"' not in html
