"""Only live, public pages are linked or named for readers: a quotation's source, a link
in the text, anything that points at a page readers may not see renders as plain text,
without the page's title or address."""

import json

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import EssayPageFactory, SourcePageFactory

pytestmark = pytest.mark.django_db


def hidden_source(kind):
    source = SourcePageFactory(title=f"The {kind} source", slug=f"the-{kind}-source")
    if kind == "private":
        PageViewRestriction.objects.create(
            page=source, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    elif kind == "draft":
        source.unpublish()
    return source


@pytest.mark.parametrize("kind", ["private", "draft"])
def test_a_quotation_does_not_name_or_link_a_source_readers_may_not_see(client, home_page, kind):
    source = hidden_source(kind)
    body = json.dumps(
        [
            {
                "type": "quotation",
                "value": {
                    "text": "We were told to keep quiet.",
                    "attribution": "A member",
                    "source": source.pk,
                },
            }
        ]
    )
    essay = EssayPageFactory(title="Quoting", body=body)
    page = client.get(essay.url).content.decode()
    assert "We were told to keep quiet." in page
    assert "A member" in page
    assert source.title not in page
    assert source.url_path.rstrip("/").split("/")[-1] not in page


@pytest.mark.parametrize("kind", ["private", "draft"])
def test_a_link_in_the_text_to_a_page_readers_may_not_see_is_plain_text(client, home_page, kind):
    source = hidden_source(kind)
    visible = SourcePageFactory(title="Visible source", slug="visible-source")
    body = json.dumps(
        [
            {
                "type": "paragraph",
                "value": (
                    f'<p>See <a linktype="page" id="{source.pk}">this paper</a> and '
                    f'<a linktype="page" id="{visible.pk}">that one</a>.</p>'
                ),
            }
        ]
    )
    essay = EssayPageFactory(title="Linking", body=body)
    page = client.get(essay.url).content.decode()
    assert "this paper" in page
    assert f"the-{kind}-source" not in page
    assert source.title not in page
    assert 'href="/sources/visible-source/"' in page


@pytest.mark.parametrize("kind", ["private", "draft"])
def test_a_citation_of_a_source_readers_may_not_see_names_nothing(client, home_page, kind):
    from tests.factories import cite, paragraphs

    source = hidden_source(kind)
    visible = SourcePageFactory(title="Visible source", slug="visible-source")
    body = paragraphs(
        f"<p>One claim {cite(source, 'the hidden one')} and another {cite(visible, 'seen')}.</p>"
    )
    essay = EssayPageFactory(title="Citing", body=body)
    page = client.get(essay.url).content.decode()
    assert "the hidden one" in page
    assert source.title not in page
    assert f"the-{kind}-source" not in page
    assert "Visible source" in page
