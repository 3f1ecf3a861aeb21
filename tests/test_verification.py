"""What readers see of a source's verification, and what they never see: its private
notes. And a document's SHA-256 fingerprint, shown beside its download."""

import datetime
import hashlib
import importlib
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from collective.documents.models import CollectiveDocument
from tests.factories import (
    EssayPageFactory,
    OrganisationPageFactory,
    SourcePageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NOTES_MARKER = "NOTESCANARY9d2e"
METHOD = "Compared line by line with the copy a second former member kept."


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture
def sources(home_page):
    org = OrganisationPageFactory(short_name="IMT")
    verified = SourcePageFactory(
        title="Verified minutes",
        organisations=[org],
        verification="verified",
        verified_on=datetime.date(2026, 12, 3),
        verification_method=METHOD,
        verification_notes=f"Phoned the secretary, who asked not to be named. {NOTES_MARKER}",
    )
    withdrawn = SourcePageFactory(
        title="Withdrawn letter",
        organisations=[org],
        verification="withdrawn",
        verified_on=datetime.date(2026, 11, 20),
        verification_notes=f"Forged, per the printer. {NOTES_MARKER}",
    )
    disputed = SourcePageFactory(
        title="Disputed transcript", organisations=[org], verification="disputed"
    )
    unverified = SourcePageFactory(title="Unchecked report", organisations=[org])
    essay = EssayPageFactory(
        title="The conference",
        organisations=[org],
        cites=[verified, withdrawn, disputed, unverified],
    )
    return {
        "verified": verified,
        "withdrawn": withdrawn,
        "disputed": disputed,
        "unverified": unverified,
        "essay": essay,
        "org": org,
    }


def text(response):
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def sources_list(html):
    return html.split('id="sources-heading"', 1)[1].split("</ol>", 1)[0]


def test_the_source_page_shows_the_status_its_date_and_how_we_verified_it(client, sources):
    html = text(client.get(sources["verified"].url))
    assert "<dt>Status</dt>" in html
    assert "Verified on" in html and '<time datetime="2026-12-03">3 December 2026</time>' in html
    assert "How we verified this" in html and METHOD in html
    assert "Unverified: not yet checked" in text(client.get(sources["unverified"].url))


def test_a_withdrawn_source_says_so_at_the_top_of_its_page(client, sources):
    html = text(client.get(sources["withdrawn"].url))
    notice = html.split("<h1>", 1)[1].split("</header>", 1)[0]
    assert "Withdrawn: we no longer rely on this source." in notice
    assert "(since <time" in html


def test_the_essays_sources_list_marks_withdrawn_disputed_and_verified_sources(client, sources):
    listed = sources_list(text(client.get(sources["essay"].url)))
    items = {
        title: item
        for item in listed.split("<li")[1:]
        for title in ("Verified minutes", "Withdrawn letter", "Disputed transcript", "Unchecked")
        if title in item
    }
    assert "Withdrawn: we no longer rely on this source." in items["Withdrawn letter"]
    assert "Disputed" in items["Disputed transcript"].split("</a>", 1)[1]
    assert "Verified" in items["Verified minutes"].split("</a>", 1)[1]
    assert "verification" not in items["Unchecked"]


def test_withdrawing_a_source_marks_it_in_every_essay_citing_it(client, sources):
    other = EssayPageFactory(title="Another essay", cites=[sources["verified"]])
    assert "Withdrawn" not in sources_list(text(client.get(other.url)))
    source = sources["verified"]
    source.verification = "withdrawn"
    source.save_revision().publish()
    for essay in (other, sources["essay"]):
        listed = sources_list(text(client.get(essay.url)))
        verified_item = next(i for i in listed.split("<li")[1:] if "Verified minutes" in i)
        assert "Withdrawn: we no longer rely on this source." in verified_item


def test_source_cards_show_the_status(client, sources):
    html = text(client.get("/sources/"))
    card = html.split("Withdrawn letter", 1)[1].split("</article>", 1)[0]
    assert "Withdrawn: we no longer rely on this source." in card


def test_the_api_gives_the_status_and_the_method_and_never_the_notes(client, sources):
    response = client.get("/api/v2/pages/?type=articles.SourcePage&fields=*")
    items = {item["title"]: item for item in response.json()["items"]}
    verified = items["Verified minutes"]
    assert verified["verification"] == "verified"
    assert verified["verified_on"] == "2026-12-03"
    assert verified["verification_method"] == METHOD
    assert "verification_notes" not in verified
    assert client.get("/api/v2/pages/?fields=verification_notes").status_code == 400
    essay = client.get(f"/api/v2/pages/{sources['essay'].pk}/").json()
    assert {"Withdrawn letter": "withdrawn"}.items() <= {
        s["title"]: s["verification"] for s in essay["sources"]
    }.items()


def test_no_public_route_shows_the_private_verification_notes(client, sources):
    """An attacker reading every public route, following every link, for the words a
    fact-checker wrote in the private notes."""
    start = [
        "/",
        "/sources/",
        "/sources/?organisation=imt",
        sources["verified"].url,
        sources["withdrawn"].url,
        sources["essay"].url,
        "/essays/",
        "/organisations/imt/",
        f"/search/?query={NOTES_MARKER}",
        "/search/?query=secretary",
        "/search/?query=forged",
        "/api/v2/pages/?type=articles.SourcePage&fields=*",
        f"/api/v2/pages/?type=articles.SourcePage&search={NOTES_MARKER}",
        f"/api/v2/pages/{sources['verified'].pk}/",
        f"/api/v2/pages/{sources['essay'].pk}/",
        "/feeds/essays/rss/",
        "/feeds/essays/atom/",
        "/feeds/organisations/imt/rss/",
        "/feeds/organisations/imt/atom/",
        "/sitemap.xml",
    ]
    seen, queue = set(), list(start)
    while queue and len(seen) < 200:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code in (200, 301, 302, 404), (url, response.status_code)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        page = body.decode(errors="replace")
        if NOTES_MARKER in url:  # a search for the marker echoes it, and must find nothing
            page = re.sub(NOTES_MARKER, "", page, flags=re.IGNORECASE)
            assert "Verified minutes" not in page and "Withdrawn letter" not in page, url
        assert NOTES_MARKER.lower() not in page.lower(), url
        for words in ("asked not to be named", "per the printer"):
            assert words not in page, url
        for link in re.findall(r'(?:href|"url"|"detail_url"|<loc>)[=:]?\s*"?([^"<\s]+)', page):
            target = urlsplit(urljoin("http://testserver" + url, link.replace("&amp;", "&")))
            if target.netloc in ("testserver", "localhost") and target.path.startswith(
                ("/sources", "/essays", "/organisations", "/sitemap", "/api")
            ):
                queue.append(target.path + (f"?{target.query}" if target.query else ""))
    assert {sources["verified"].url, sources["essay"].url, "/sitemap-pages.xml"} <= seen
    # The public method does reach readers: the crawl read the pages it should.
    assert METHOD in text(client.get(sources["verified"].url))


def test_the_source_page_shows_the_sha256_of_the_file_readers_download(client, media):
    admin = Client()
    admin.force_login(UserFactory(username="docadmin", is_superuser=True, is_staff=True))
    upload = ContentFile(b"Minutes of the national committee, 4 January 2013.\n", name="m.txt")
    response = admin.post(reverse("wagtaildocs:add"), {"title": "Minutes", "file": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    document = CollectiveDocument.objects.get(title="Minutes")
    source = SourcePageFactory(title="Committee minutes", document=document, archived_url="")

    download = client.get(document.url)
    served = b"".join(download.streaming_content) if download.streaming else download.content
    fingerprint = hashlib.sha256(served).hexdigest()
    assert document.sha256 == fingerprint
    html = text(client.get(source.url))
    assert f"Fingerprint (SHA-256): <code>{fingerprint}</code>" in html
    assert client.get(f"/api/v2/pages/{source.pk}/").json()["document_sha256"] == fingerprint


def test_replacing_a_documents_file_changes_its_fingerprint(media):
    document = CollectiveDocument(title="Letter")
    document.file.save("letter.txt", ContentFile(b"first version"), save=False)
    document.save()
    assert document.sha256 == hashlib.sha256(b"first version").hexdigest()
    document.title = "Letter, renamed"
    document.save()
    assert document.sha256 == hashlib.sha256(b"first version").hexdigest()
    document.file = ContentFile(b"second version", name="letter2.txt")
    document.save()
    document.refresh_from_db()
    assert document.sha256 == hashlib.sha256(b"second version").hexdigest()


def test_the_migration_backfills_fingerprints_and_skips_missing_files(media):
    kept = CollectiveDocument(title="Kept")
    kept.file.save("kept.txt", ContentFile(b"kept bytes"), save=False)
    kept.save()
    lost = CollectiveDocument(title="Lost")
    lost.file.save("lost.txt", ContentFile(b"lost bytes"), save=False)
    lost.save()
    CollectiveDocument.objects.update(sha256="")
    lost.file.storage.delete(lost.file.name)

    migration = importlib.import_module("collective.documents.migrations.0004_document_sha256")
    migration.backfill(apps, None)

    kept.refresh_from_db()
    lost.refresh_from_db()
    assert kept.sha256 == hashlib.sha256(b"kept bytes").hexdigest()
    assert lost.sha256 == ""


def test_an_organisations_timeline_marks_a_withdrawn_source(client, sources):
    org = sources["org"]
    org.timeline = (
        '[{"type": "event", "value": {"date": "2013-01-04", "precision": "day", '
        '"title": "Conference", "description": "", '
        f'"sources": [{sources["withdrawn"].pk}, {sources["verified"].pk}]}}}}]'
    )
    org.save_revision().publish()
    html = text(client.get(org.url))
    timeline = html.split('id="timeline-heading"', 1)[1].split("</ol>", 1)[0]
    assert "Withdrawn letter</a> <strong" in timeline
    assert "Withdrawn: we no longer rely on this source." in timeline
