"""Nothing a reader can reach names an account or shows a draft.

Distinctive canary strings are seeded in every user field and in a draft, a page in
review, an unpublished revision of a live page and a private page; then every public
surface is crawled anonymously: pages (following every link), listings, search,
feeds, sitemap, robots.txt, the API, the 404 and 500 pages, media and documents, and
every response header."""

import io
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from articles.models import EssayPage
from tests.factories import (
    ContributorFactory,
    EssayPageFactory,
    OrganisationPageFactory,
    SourcePageFactory,
    UserFactory,
    paragraphs,
)

pytestmark = pytest.mark.django_db

ACCOUNT_CANARIES = ["canaryuser7f3a", "canary-mail-7f3a", "Canaryfirst7f3a", "Canarylast7f3a"]
CONTENT_CANARIES = [
    "DRAFTCANARY7f3a",
    "REVIEWCANARY7f3a",
    "REVISIONCANARY7f3a",
    "PRIVATECANARY7f3a",
]
CANARY = re.compile("|".join(ACCOUNT_CANARIES + CONTENT_CANARIES), re.IGNORECASE)


def account(n):
    return UserFactory(
        username=f"canaryuser7f3a{n}",
        email=f"canary-mail-7f3a{n}@example.org",
        first_name=f"Canaryfirst7f3a{n}",
        last_name=f"Canarylast7f3a{n}",
        is_staff=True,
        is_superuser=True,
    )


@pytest.fixture
def seeded(home_page):
    writer_account, editor_account = account(1), account(2)
    pen_name = ContributorFactory(name="Nom de Plume", slug="nom-de-plume", user=writer_account)
    org = OrganisationPageFactory(short_name="IMT", owner=writer_account)
    source = SourcePageFactory(title="Public source", organisations=[org], owner=writer_account)

    image = get_image_model()(title="Picture", uploaded_by_user=writer_account)
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(buffer, "JPEG")
    image.file.save("picture.jpg", ContentFile(buffer.getvalue()), save=False)
    image.save()
    document = get_document_model()(title="Minutes", uploaded_by_user=writer_account)
    document.file.save("minutes.txt", ContentFile(b"minutes of the meeting"), save=False)
    document.save()

    live = EssayPageFactory(
        title="Live essay",
        contributors=[pen_name],
        organisations=[org],
        cites=[source],
        owner=writer_account,
    )
    live.body = paragraphs("<p>Published words. REVISIONCANARY7f3a in a new draft.</p>")
    live.save_revision(user=writer_account)
    EssayPageFactory(
        title="Draft DRAFTCANARY7f3a", contributors=[pen_name], live=False, organisations=[org]
    )
    in_review = EssayPageFactory(
        title="Review REVIEWCANARY7f3a", contributors=[pen_name], live=False, organisations=[org]
    )
    in_review.get_workflow().start(in_review, writer_account)
    private = EssayPageFactory(
        title="Private PRIVATECANARY7f3a", contributors=[pen_name], organisations=[org]
    )
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="pw")
    live.refresh_from_db()
    return {"image": image, "document": document, "live": live, "editor": editor_account}


def assert_clean(response, url):
    for name, value in response.items():
        assert not CANARY.search(f"{name}: {value}"), f"header of {url}: {name}"
    body = b"".join(response.streaming_content) if response.streaming else response.content
    found = CANARY.search(body.decode(errors="replace"))
    assert not found, f"{url} shows {found.group()!r}"
    return body.decode(errors="replace")


def crawl(client, start_urls, limit=400):
    seen, queue = set(), list(start_urls)
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code in (200, 301, 302, 404), (url, response.status_code)
        body = assert_clean(response, url)
        content_type = response.get("Content-Type", "")
        if "html" in content_type or "xml" in content_type or "json" in content_type:
            for link in re.findall(
                r'(?:href|src|"url"|"detail_url"|"html_url"|<loc>)[=:]?\s*"?([^"<\s]+)', body
            ):
                target = urlsplit(urljoin("http://testserver" + url, link.replace("&amp;", "&")))
                if target.netloc in ("testserver", "localhost") and not target.path.startswith(
                    "/admin"
                ):
                    queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return seen


def test_no_public_surface_shows_an_account_or_an_unpublished_word(client, seeded):
    start = [
        "/",
        "/essays/",
        "/essays/?contributor=nom-de-plume",
        "/organisations/",
        "/sources/",
        "/contributors/",
        "/contributors/nom-de-plume/",
        "/feeds/essays/rss/",
        "/feeds/essays/atom/",
        "/feeds/organisations/imt/rss/",
        "/feeds/organisations/imt/atom/",
        "/sitemap.xml",
        "/robots.txt",
        "/api/v2/pages/?fields=*",
        "/api/v2/pages/?type=articles.EssayPage&fields=*",
        "/api/v2/documents/?fields=*",
        f"/api/v2/pages/{seeded['live'].pk}/",
        "/no-such-page/",
        seeded["document"].url,
        seeded["image"].get_rendition("width-20").url,
        "/search/?query=essay",
    ]
    visited = crawl(client, start)
    assert len(visited) > 30
    assert any(url.startswith("/essays/live-essay") for url in visited)
    # The crawl follows the sitemap index into its sections.
    assert {"/sitemap-pages.xml", "/sitemap-contributors.xml"} <= visited
    assert not CANARY.search(render_to_string("500.html"))
    # Media files are served by the web server, not Django: read what it would send.
    image = seeded["image"]
    for stored in (image.file, image.get_rendition("width-20").file):
        stored.open("rb")
        assert not CANARY.search(stored.read().decode("latin-1")), stored.name
        stored.close()


def test_the_private_and_unpublished_versions_are_not_served(client, seeded):
    assert client.get("/essays/draft-draftcanary7f3a/").status_code == 404
    assert client.get("/essays/review-reviewcanary7f3a/").status_code == 404
    private = client.get("/essays/private-privatecanary7f3a/")
    assert private.status_code == 200  # the password form, not the essay
    assert "PRIVATECANARY7f3a" not in private.content.decode()
    assert "REVISIONCANARY7f3a" not in client.get(seeded["live"].url).content.decode()
    assert EssayPage.objects.filter(title__contains="CANARY").count() == 3
