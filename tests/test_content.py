"""Readers' pages: what each page type shows, cross-links from both ends, and
that drafts and private pages never show through."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import PageViewRestriction

from articles.models import OrganisationPage, OrganisationRelation, SourcePage
from tests.factories import (
    ContributorFactory,
    EssayPageFactory,
    OrganisationPageFactory,
    SourcePageFactory,
    cite,
    paragraphs,
)

pytestmark = pytest.mark.django_db


def make_private(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_essay_page_shows_contributors_organisations_topics_and_sources(client):
    imt = OrganisationPageFactory(short_name="IMT")
    source = SourcePageFactory(title="Minutes of the 1991 meeting")
    writer = ContributorFactory(name="Rosa Lind")
    essay = EssayPageFactory(
        title="Two splits",
        contributors=[writer],
        organisations=[imt],
        topics=["internal democracy"],
        cites=[(source, "p. 4")],
    )
    content = html(client, essay.url)
    assert "<h1>Two splits</h1>" in content
    assert 'href="/contributors/rosa-lind/"' in content
    assert 'href="/organisations/imt/">IMT</a>' in content
    assert 'href="/essays/?topic=internal-democracy">internal democracy</a>' in content
    assert "Minutes of the 1991 meeting" in content
    assert "At: p. 4." in content
    assert source.archived_url in content
    assert source.original_url in content


def test_citations_are_numbered_by_first_appearance_and_a_repeated_source_keeps_its_number(
    client,
):
    first, second = SourcePageFactory(title="First source"), SourcePageFactory(title="Second")
    essay = EssayPageFactory(
        body=paragraphs(
            f"<p>One {cite(first, 'claim')} and {cite(second, 'another')}.</p>",
            f"<p>Back to {cite(first, 'the first', pinpoint='p. 9')}.</p>",
        )
    )
    content = html(client, essay.url)
    assert content.count('href="#source-1" id="cite-1-1">[1]</a>') == 1
    assert content.count('href="#source-2" id="cite-2-1">[2]</a>') == 1
    assert 'href="#source-1" id="cite-1-2">[1]</a>' in content
    assert "[3]" not in content
    assert content.index('id="source-1"') < content.index('id="source-2"')
    assert list(essay.citations.values_list("source_id", "number")) == [
        (first.pk, 1),
        (second.pk, 2),
    ]


def test_a_citation_of_a_draft_or_private_source_gets_no_marker_and_no_number(client):
    draft = SourcePageFactory(title="Unpublished dossier", live=False)
    private = SourcePageFactory(title="Restricted file")
    make_private(private)
    public = SourcePageFactory(title="Public statement")
    essay = EssayPageFactory(cites=[draft, private, public])
    content = html(client, essay.url)
    assert "Unpublished dossier" not in content
    assert "Restricted file" not in content
    assert 'href="#source-1" id="cite-1-1">[1]</a>' in content
    assert "[2]" not in content


def test_source_page_lists_live_essays_citing_it_and_its_organisations(client):
    swp = OrganisationPageFactory(short_name="SWP")
    source = SourcePageFactory(title="Conference transcript", organisations=[swp])
    citing = EssayPageFactory(title="The live essay", cites=[source])
    EssayPageFactory(title="The draft essay", cites=[source], live=False)
    private = EssayPageFactory(title="The private essay", cites=[source])
    make_private(private)
    content = html(client, source.url)
    assert "Cited in" in content
    assert citing.title in content
    assert "The draft essay" not in content
    assert "The private essay" not in content
    assert 'href="/organisations/swp/">SWP</a>' in content


def test_a_new_draft_revision_does_not_change_what_cited_in_shows(client):
    source, other = SourcePageFactory(), SourcePageFactory()
    essay = EssayPageFactory(title="Cites the first", cites=[source])
    essay.body = paragraphs(f"<p>Now {cite(other)}.</p>")
    essay.save_revision()
    assert "Cites the first" in html(client, source.url)
    assert "Cites the first" not in html(client, other.url)


def test_organisation_page_shows_facts_essays_sources_and_timeline(client):
    cwi = OrganisationPageFactory(short_name="CWI", founded=1974, full_name="Committee X")
    source = SourcePageFactory(title="Founding resolution", organisations=[cwi])
    cwi.timeline = [
        (
            "event",
            {
                "date": datetime.date(1992, 1, 1),
                "precision": "year",
                "title": "The split",
                "description": "A minority leaves.",
                "sources": [source],
            },
        )
    ]
    cwi.save_revision().publish()
    EssayPageFactory(title="On the CWI", organisations=[cwi])
    EssayPageFactory(title="Not yet", organisations=[cwi], live=False)
    content = html(client, "/organisations/cwi/")
    assert "Committee X (CWI)" in content
    assert "<dt>Founded</dt><dd>1974</dd>" in content
    assert "On the CWI" in content
    assert "Not yet" not in content
    assert "Founding resolution" in content
    assert '<time datetime="1992-01-01">1992</time>: The split' in content


def test_organisation_page_lists_its_own_newest_sources_first(client):
    org = OrganisationPageFactory(short_name="ISO")
    for year in range(2001, 2007):
        SourcePageFactory(
            title=f"ISO paper {year}", date=datetime.date(year, 1, 1), organisations=[org]
        )
    SourcePageFactory(title="Another group's paper", date=datetime.date(2020, 1, 1))
    content = html(client, org.url)
    shown = re.findall(r"ISO paper (\d{4})", content.split('id="sources-heading"', 1)[1])
    assert shown == ["2006", "2005", "2004", "2003", "2002"]
    assert "Another group's paper" not in content
    assert 'href="/sources/?organisation=iso">All sources concerning the ISO</a>' in content


def test_organisation_lists_are_capped_with_a_link_to_the_filtered_index(client):
    org = OrganisationPageFactory(short_name="ISO")
    for _ in range(7):
        EssayPageFactory(organisations=[org])
    content = html(client, org.url)
    assert 'href="/essays/?organisation=iso">All essays about the ISO</a>' in content
    assert content.count('class="card"') == 5


def test_relations_are_shown_from_both_ends(client):
    cwi = OrganisationPageFactory(short_name="CWI")
    imt = OrganisationPageFactory(short_name="IMT")
    imt.relations = [OrganisationRelation(kind="split_from", other=cwi, year=1992)]
    imt.save_revision().publish()
    assert 'Split from: <a href="/organisations/cwi/">CWI</a>, 1992' in html(client, imt.url)
    assert 'Split from it: <a href="/organisations/imt/">IMT</a>, 1992' in html(client, cwi.url)


def test_relations_and_sections_hide_organisations_readers_cannot_see(client):
    ist = OrganisationPageFactory(short_name="IST")
    hidden = OrganisationPageFactory(short_name="HID", parent_international=ist)
    hidden.relations = [OrganisationRelation(kind="section_of", other=ist, year=1990)]
    hidden.save_revision().publish()
    hidden.unpublish()
    assert "HID" not in html(client, ist.url)


def test_organisation_index_lists_every_live_organisation(client):
    OrganisationPageFactory(short_name="SWP", full_name="Socialist Workers Party", founded=1977)
    OrganisationPageFactory(short_name="DRAFTORG", live=False)
    content = html(client, "/organisations/")
    assert "Socialist Workers Party" in content
    assert "1977–" in content
    assert "DRAFTORG" not in content


def test_essay_page_lists_corrections_and_related_essays(client):
    org = OrganisationPageFactory()
    essay = EssayPageFactory(title="Main", organisations=[org])
    EssayPageFactory(title="A related one", organisations=[org])
    EssayPageFactory(title="Unrelated")
    from articles.models import EssayCorrection

    essay.corrections = [EssayCorrection(date=datetime.date(2025, 4, 2), text="Fixed a year.")]
    essay.save_revision().publish()
    content = html(client, essay.url)
    assert "2 April 2025</time>: Fixed a year." in content
    assert "A related one" in content
    assert "Unrelated" not in content


def test_essay_page_shows_its_relations_each_in_its_order(client):
    from articles.models import EssayCorrection

    essay = EssayPageFactory(
        contributors=[ContributorFactory(name="Zed Pen"), ContributorFactory(name="Ada Pen")],
        organisations=[
            OrganisationPageFactory(short_name="SWP"),
            OrganisationPageFactory(short_name="CWI"),
            OrganisationPageFactory(short_name="HIDDEN", live=False),
        ],
    )
    # Entered out of date order: readers see them by date.
    essay.corrections = [
        EssayCorrection(date=datetime.date(2025, 6, 1), text="Second fix.", sort_order=0),
        EssayCorrection(date=datetime.date(2025, 4, 2), text="First fix.", sort_order=1),
    ]
    essay.save_revision().publish()
    content = html(client, essay.url)
    assert re.search(r"By <a [^>]+>Zed Pen</a>\s+and <a [^>]+>Ada Pen</a>", content)
    assert re.search(r"About: <a [^>]+>CWI</a>, <a [^>]+>SWP</a></p>", content)
    assert "HIDDEN" not in content
    assert content.index("First fix.") < content.index("Second fix.")


def test_essay_sources_list_each_source_with_its_details_places_and_links(client):
    minutes = SourcePageFactory(
        title="Minutes <special conference>",
        creator="Central Committee",
        publisher="The Party & its press",
        date=datetime.date(1991, 3, 1),
        date_precision="month",
        original_url="https://example.org/minutes?part=1&page=2",
        archived_url="https://web.archive.org/web/2001/minutes",
    )
    letter = SourcePageFactory(
        title="A letter",
        creator="",
        date=None,
        original_url="",
        archived_url="https://web.archive.org/web/2001/letter",
    )
    essay = EssayPageFactory(cites=[(minutes, "p. 4"), (minutes, "p. 9"), (letter, "")])
    items = re.findall(r'<li id="source-\d">.*?</li>', html(client, essay.url), re.S)
    text = [" ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in items]
    assert text == [
        "Minutes &lt;special conference&gt; . Central Committee, The Party &amp; its press, "
        "March 1991. At: p. 4; p. 9. Original · Archived copy ↩",
        "A letter . Anonymous, undated. Archived copy ↩",
    ]
    assert f'<a href="{minutes.url}">' in items[0]
    original = 'href="https://example.org/minutes?part=1&amp;page=2" rel="noopener noreferrer"'
    assert original in items[0]
    assert '<a href="#cite-2-1" aria-label="Back to citation 2 in the text">' in items[1]


def test_contributor_profile_shows_pen_name_bio_and_live_essays_only(client):
    writer = ContributorFactory(name="Quiet Voice", bio="Former member.")
    EssayPageFactory(title="Published piece", contributors=[writer])
    EssayPageFactory(title="Draft piece", contributors=[writer], live=False)
    content = html(client, "/contributors/quiet-voice/")
    assert "<h1>Quiet Voice</h1>" in content
    assert "Former member." in content
    assert "Published piece" in content
    assert "Draft piece" not in content
    assert client.get("/contributors/nobody/").status_code == 404


def test_every_page_has_breadcrumbs_and_its_seo_title_and_description(client):
    essay = EssayPageFactory(
        title="Essay title", seo_title="SEO title", search_description="About the essay."
    )
    content = html(client, essay.url)
    assert "<title>SEO title | Collective</title>" in content
    assert '<meta name="description" content="About the essay.">' in content
    assert '<nav class="breadcrumbs" aria-label="Breadcrumb">' in content
    assert '<a href="/essays/">Essays</a>' in content


def test_home_page_shows_latest_essays_organisations_and_sources(client):
    org = OrganisationPageFactory(short_name="SWP")
    SourcePageFactory(title="Recent source")
    EssayPageFactory(title="Latest essay", organisations=[org])
    EssayPageFactory(title="Hidden draft", live=False)
    content = html(client, "/")
    assert "Latest essay" in content
    assert "Recent source" in content
    assert 'href="/organisations/swp/">SWP</a>' in content
    assert "Hidden draft" not in content


def test_dissolved_year_before_founded_year_is_refused():
    org = OrganisationPage(
        title="X", short_name="X", full_name="X", summary="X", founded=2000, dissolved=1990
    )
    with pytest.raises(ValidationError) as error:
        org.full_clean()
    assert "cannot be before the year it was founded" in str(error.value.message_dict["dissolved"])


def test_a_source_needs_a_valid_archived_copy_url():
    source = SourcePage(title="S", source_type="book", summary="<p>S</p>", archived_url="not a url")
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert error.value.message_dict["archived_url"] == ["Enter a valid URL."]
    source.archived_url = ""
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert "archived copy" in str(error.value.message_dict["archived_url"])


def test_private_and_draft_essays_appear_in_no_listing(client):
    org = OrganisationPageFactory(short_name="CWI")
    writer = ContributorFactory(name="Open Hand")
    private = EssayPageFactory(title="Private essay", organisations=[org], contributors=[writer])
    make_private(private)
    EssayPageFactory(title="Draft essay", organisations=[org], contributors=[writer], live=False)
    EssayPageFactory(title="Public essay", organisations=[org], contributors=[writer])
    for url in ["/", "/essays/", "/essays/?organisation=cwi", org.url, "/contributors/open-hand/"]:
        content = html(client, url)
        assert "Public essay" in content, url
        assert "Private essay" not in content, url
        assert "Draft essay" not in content, url
