"""Who sets a source's verification status, and the "Source health" report.

Attack-shaped: a contributor's real session posts the verification fields into the
source editor (creating and editing), and asks for the report and its export."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from articles.models import SourcePage
from articles.models.integrity import SourceLinkHealth
from tests.editorial.conftest import add_url, edit_url
from tests.editorial.test_permissions import source_form
from tests.factories import EssayPageFactory, OrganisationPageFactory, SourcePageFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/source-health/"
VERDICT = {
    "verification": "verified",
    "verified_on": "",
    "verification_method": "Compared with the copy a second member kept.",
    "verification_notes": "Private: the second member's phone number.",
}


def latest(source):
    return SourcePage.objects.get(pk=source.pk).get_latest_revision_as_object()


def test_contributors_do_not_see_the_verification_fields(client, people, site):
    client.force_login(people["contributor"])
    html = client.get(add_url(site["sources"], "sourcepage")).content.decode()
    assert 'name="title"' in html
    for field in VERDICT:
        assert f'name="{field}"' not in html
    client.force_login(people["factchecker"])
    html = client.get(add_url(site["sources"], "sourcepage")).content.decode()
    for field in VERDICT:
        assert f'name="{field}"' in html


def test_a_contributors_crafted_post_does_not_set_the_verification(client, people, site):
    client.force_login(people["contributor"])
    response = client.post(
        add_url(site["sources"], "sourcepage"), {**source_form("Leaked memo"), **VERDICT}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    source = SourcePage.objects.get(title="Leaked memo")
    saved = latest(source)
    assert saved.verification == "unverified"
    assert saved.verified_on is None
    assert saved.verification_method == saved.verification_notes == ""

    # And editing the draft again, with a date of their own.
    data = {**source_form("Leaked memo"), **VERDICT, "verified_on": "2020-01-01"}
    assert client.post(edit_url(source), data).status_code == 302
    saved = latest(source)
    assert (saved.verification, saved.verified_on, saved.verification_notes) == (
        "unverified",
        None,
        "",
    )
    assert source.revisions.count() == 2  # both posts were saved: the fields were ignored


def test_a_fact_checker_sets_the_verification_dated_today(client, people, site):
    client.force_login(people["contributor"])
    data = {**source_form("Leaked memo"), "action-submit": "1"}
    assert client.post(add_url(site["sources"], "sourcepage"), data).status_code == 302
    source = SourcePage.objects.get(title="Leaked memo")

    client.force_login(people["factchecker"])  # fact-checkers edit pages in review
    assert (
        client.post(edit_url(source), {**source_form("Leaked memo"), **VERDICT}).status_code == 302
    )
    saved = latest(source)
    assert saved.verification == "verified"
    assert saved.verified_on == timezone.localdate()
    assert saved.verification_method == VERDICT["verification_method"]
    assert saved.verification_notes == VERDICT["verification_notes"]

    # A date they give is kept; the same status keeps the date it had.
    data = {**source_form("Leaked memo"), **VERDICT, "verification": "disputed"}
    data["verified_on"] = "2026-11-30"
    client.post(edit_url(source), data)
    assert latest(source).verified_on == datetime.date(2026, 11, 30)
    data = {**source_form("Leaked memo"), **VERDICT, "verification": "disputed"}
    data["verified_on"] = "2026-11-30"
    client.post(edit_url(source), data)
    assert latest(source).verified_on == datetime.date(2026, 11, 30)


@pytest.fixture
def troubled(site):
    """Sources cited by live essays, each with one problem, and one without any."""
    org = site["org"]
    other_org = OrganisationPageFactory(short_name="IMT")
    fine = SourcePageFactory(title="Fine source", verification="verified", organisations=[org])
    withdrawn = SourcePageFactory(
        title="Withdrawn source", verification="withdrawn", organisations=[org]
    )
    disputed = SourcePageFactory(
        title="Disputed source", verification="disputed", organisations=[other_org]
    )
    gone = SourcePageFactory(title="Gone source", verification="verified", organisations=[org])
    SourceLinkHealth.objects.create(
        source=gone, original_state="offline", original_offline_since=timezone.now()
    )
    dead_archive = SourcePageFactory(title="Dead archive", verification="verified")
    SourceLinkHealth.objects.create(source=dead_archive, archived_state="failing")
    uncited = SourcePageFactory(title="Uncited withdrawn", verification="withdrawn")
    only_in_draft = SourcePageFactory(title="Draft-cited withdrawn", verification="withdrawn")
    first = EssayPageFactory(title="First essay", cites=[fine, withdrawn, disputed, gone])
    second = EssayPageFactory(title="Second essay", cites=[withdrawn, dead_archive])
    EssayPageFactory(title="Draft essay", cites=[only_in_draft], live=False)
    EssayPageFactory(title="Clean essay", cites=[fine])
    return {
        "fine": fine,
        "withdrawn": withdrawn,
        "disputed": disputed,
        "gone": gone,
        "dead_archive": dead_archive,
        "uncited": uncited,
        "essays": (first, second),
        "other_org": other_org,
        "unverified": site["source"],
    }


def rows(response):
    assert response.status_code == 200, response.status_code
    return [row.title for row in response.context["object_list"]]


def test_the_report_lists_cited_sources_with_problems(client, people, troubled):
    client.force_login(people["editor"])
    response = client.get(REPORT)
    listed = rows(response)
    assert listed[0] == "Withdrawn source"
    assert set(listed) == {"Withdrawn source", "Disputed source", "Gone source", "Dead archive"}
    html = response.content.decode()
    withdrawn_row = html.split("Withdrawn source", 1)[1].split("</tr>", 1)[0]
    for essay in troubled["essays"]:
        assert f'href="{edit_url(essay)}"' in withdrawn_row
    assert "Original failing or offline" in html and "Offline" in html
    assert "Archived copy failing or offline" in html
    assert f'href="{edit_url(troubled["withdrawn"])}"' in html


def test_the_report_filters_by_problem_and_organisation(client, people, troubled):
    client.force_login(people["factchecker"])
    assert rows(client.get(REPORT, {"problem": "original_down"})) == ["Gone source"]
    assert rows(client.get(REPORT, {"problem": "withdrawn"})) == ["Withdrawn source"]
    org = troubled["other_org"]
    assert rows(client.get(REPORT, {"organisation": org.slug})) == ["Disputed source"]


def test_a_source_with_only_an_uploaded_document_has_a_copy(client, people, troubled):
    source = troubled["gone"]
    SourcePage.objects.filter(pk=source.pk).update(archived_url="")
    client.force_login(people["editor"])
    assert rows(client.get(REPORT, {"problem": "no_archive"})) == ["Gone source"]


@pytest.mark.parametrize(
    "query",
    [
        {"organisation": "abc", "problem": "nonsense", "p": "999999"},
        {"organisation": "99999999999999999999", "p": "-1"},
        {"organisation": "imt'--", "problem": "no_archive\x00"},
        {"problem": ["withdrawn", "x"], "export": "pdf", "ordering": "owner__password"},
    ],
)
def test_bad_filter_values_do_not_break_the_report(client, people, troubled, query):
    client.force_login(people["editor"])
    response = client.get(REPORT, query)
    assert response.status_code == 200
    assert client.get(REPORT + "results/", query).status_code == 200


def test_the_report_exports_csv_and_xlsx(client, people, troubled):
    client.force_login(people["editor"])
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    table = list(csv.reader(io.StringIO(body)))
    assert table[0][:3] == ["Source", "Problems", "Verification"]
    withdrawn = next(row for row in table if row[0] == "Withdrawn source")
    assert "First essay" in withdrawn[6] and "Second essay" in withdrawn[6]
    assert len(table) == 5

    response = client.get(REPORT, {"export": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.active.max_row == 5


def test_contributors_cannot_open_or_export_the_report(client, people, troubled):
    client.force_login(people["contributor"])
    for query in ({}, {"export": "csv"}):
        response = client.get(REPORT, query)
        assert response.status_code in (302, 403)
        assert b"Withdrawn source" not in response.content
    assert client.get(REPORT + "results/").status_code in (302, 403)
    assert "Source health" not in client.get("/admin/").content.decode()
    assert "source-health" not in client.get("/admin/").content.decode()


def test_the_dashboard_counts_live_essays_citing_sources_with_problems(client, people, troubled):
    client.force_login(people["factchecker"])
    html = client.get("/admin/").content.decode()
    assert f'<a href="{REPORT}">2 live essays cite sources with problems</a>' in html
    assert "2 of them a withdrawn source" in html
    assert 'href="/admin/reports/source-health/"' in html
