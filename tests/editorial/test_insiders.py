"""Insiders against the writers: what a contributor, a fact-checker or someone holding
their password can do in the admin, tried as they would try it (a real session, the real
URLs, the bytes of the answer searched)."""

import io

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, PageLogEntry

from articles.models import EssayPage
from collective.documents.models import CollectiveDocument
from tests.editorial.conftest import add_url, create_essay, essay_form, workflow_action
from tests.factories import ContributorFactory, SourcePageFactory

pytestmark = pytest.mark.django_db

LISTINGS = ["/admin/articles/essaypage/", "/admin/articles/sourcepage/"]


def rows(client, url):
    response = client.get(url)
    assert response.status_code in {200, 302, 400}, (url, response.status_code)
    if response.status_code != 200:
        return None
    return sorted(page.pk for page in response.context["object_list"])


@pytest.mark.parametrize(
    ("who", "listing"),
    [(who, listing) for who in ("factchecker", "editor") for listing in LISTINGS]
    + [("contributor", LISTINGS[0])],  # a contributor's own pages: they have no sources
)
def test_the_review_desk_answers_no_lookup_it_does_not_declare(client, people, site, who, listing):
    """A lookup through the page's owner would read any account's password hash, email or
    TOTP key a character at a time (``startswith``): each must change nothing."""
    create_essay(client, site, people["contributor"], title="Probe target")
    client.force_login(people[who])
    everything = rows(client, listing)
    assert everything, "the probe needs rows to compare"
    hasher = people["contributor"].password.split("$")[0]
    probes = [
        f"owner__password__startswith={hasher}",
        "owner__password__startswith=zzzz",
        "owner__email__startswith=contributor",
        "owner__email__startswith=nobody",
        "owner__username=contributor",
        "owner__first_name__startswith=Z",
        "owner__totpdevice__key__startswith=0",
        "latest_revision__user__email__startswith=contributor",
        "latest_revision__user__email__startswith=nobody",
        "essay_contributors__contributor__user__email__startswith=x",
        "nope__x=1",
        "title__regex=(",
        "pk__in=a,b",
    ]
    for probe in probes:
        answer = rows(client, f"{listing}?{probe}")
        assert answer in (everything, None), f"{who} {listing}?{probe} answered {answer}"


def test_the_contributors_listing_answers_no_lookup_through_the_account(client, people, site):
    client.force_login(people["editor"])
    url = "/admin/articles/contributor/"
    everything = rows(client, url)
    assert everything
    for probe in (
        "user__email__startswith=contributor",
        "user__email__startswith=nobody",
        "user__password__startswith=zz",
        "nope=1",
    ):
        assert rows(client, f"{url}?{probe}") in (everything, None), probe


def test_the_declared_filters_still_narrow_the_listings(client, people, site):

    SourcePageFactory(title="A letter", source_type="statement")
    ContributorFactory(name="Open Name", is_pseudonymous=False)
    client.force_login(people["editor"])
    letters = client.get("/admin/articles/sourcepage/?source_type=statement").context["object_list"]
    assert [page.title for page in letters] == ["A letter"]
    named = client.get("/admin/articles/contributor/?is_pseudonymous=0").context["object_list"]
    assert [contributor.name for contributor in named] == ["Open Name"]


def test_a_contributor_cannot_sign_an_essay_with_someone_elses_pen_name(client, people, site):

    rival = ContributorFactory(name="Rival Pen", user=people["other_contributor"])
    unclaimed = ContributorFactory(name="Nobody's Pen")
    client.force_login(people["contributor"])
    form_page = client.get(add_url(site["essays"]))
    soup = BeautifulSoup(form_page.content, "html.parser")
    select = soup.find("select", attrs={"name": "essay_contributors-0-contributor"})
    offered = {
        option.get_text(strip=True) for option in select.find_all("option") if option["value"]
    }
    assert offered == {"Quiet Voice"}  # their own pen name only
    assert select.find("option", selected=True).get_text(strip=True) == "Quiet Voice"
    for pen_name in (rival, unclaimed):
        data = essay_form(f"Signed as {pen_name.name}", pen_name, site["source"], [site["org"]])
        data["action-submit"] = "1"
        response = client.post(add_url(site["essays"]), data)
        assert response.status_code == 200  # the form again, with the error
        assert not EssayPage.objects.filter(title=f"Signed as {pen_name.name}").exists()
    # An editor may byline anyone.
    client.force_login(people["editor"])
    data = essay_form("Signed by an editor", rival, site["source"], [site["org"]])
    assert client.post(add_url(site["essays"]), data).status_code == 302
    assert (
        EssayPage.objects.get(title="Signed by an editor").essay_contributors.get().contributor
        == rival
    )


def test_a_contributor_cannot_destroy_their_page_once_it_has_been_reviewed(client, people, site):

    in_review = create_essay(client, site, people["contributor"], title="Evidence in review")
    sent_back = create_essay(client, site, people["contributor"], title="Evidence sent back")
    workflow_action(client, people["factchecker"], sent_back, "reject", comment="Source?")
    draft = create_essay(client, site, people["contributor"], title="Plain draft", action=None)
    client.force_login(people["contributor"])
    for page in (in_review, sent_back):
        url = reverse("wagtailadmin_pages:delete", args=(page.pk,))
        assert client.get(url).status_code in {302, 403}
        client.post(url)
        assert EssayPage.objects.filter(pk=page.pk).exists(), page.title
        assert page.revisions.exists()
    # Their own draft, never reviewed, is theirs to delete.
    client.post(reverse("wagtailadmin_pages:delete", args=(draft.pk,)))
    assert not EssayPage.objects.filter(pk=draft.pk).exists()
    # An editor may delete, and the audit log keeps the title.
    client.force_login(people["editor"])
    client.post(reverse("wagtailadmin_pages:delete", args=(in_review.pk,)))
    assert not EssayPage.objects.filter(pk=in_review.pk).exists()
    entry = PageLogEntry.objects.get(action="wagtail.delete", page_id=in_review.pk)
    assert entry.label == "Evidence in review"
    assert entry.user == people["editor"]


def test_a_contributors_upload_stays_private_until_a_page_using_it_is_published(
    client, people, site, settings, tmp_path
):

    settings.MEDIA_ROOT = str(tmp_path)
    reader = Client()

    def upload(user, title):
        client.force_login(user)
        file = io.BytesIO(b"date,vote\n2013-01-04,for\n")
        file.name = "minutes.csv"
        # An editor chooses the collection (the root by default); a contributor has one.
        data = {"title": title, "file": file, "collection": Collection.get_first_root_node().pk}
        response = client.post(reverse("wagtaildocs:add"), data)
        assert response.status_code == 302, response.content.decode()[:2000]
        return CollectiveDocument.objects.get(title=title)

    leaked = upload(people["contributor"], "Leaked minutes")
    assert leaked.collection.name == "Unreleased uploads"
    assert reader.get(leaked.url).status_code in {302, 403}  # to the sign-in page
    assert "Leaked minutes" not in reader.get("/api/v2/documents/").content.decode()
    assert "Leaked minutes" not in reader.get(f"/api/v2/documents/{leaked.pk}/").content.decode()

    # A source using it goes through review; publishing it releases the document.
    source = SourcePageFactory(title="The minutes", owner=people["contributor"])
    source.unpublish()
    source.document = leaked  # a draft using the upload
    source.save_revision(user=people["contributor"])
    assert reader.get(leaked.url).status_code in {302, 403}
    source.get_workflow().start(source, people["contributor"])
    assert reader.get(leaked.url).status_code in {302, 403}
    workflow_action(client, people["factchecker"], source, "approve")
    leaked.refresh_from_db()
    assert leaked.collection.name == "Unreleased uploads"  # not yet: only when published
    workflow_action(client, people["editor"], source, "approve")
    leaked.refresh_from_db()
    assert leaked.collection.is_root()
    assert reader.get(leaked.url).status_code == 200
    assert "Leaked minutes" in reader.get("/api/v2/documents/").content.decode()

    # An editor's upload is theirs to release: it is public at once.
    statement = upload(people["editor"], "Public statement")
    assert statement.collection.is_root()
    assert reader.get(statement.url).status_code == 200
