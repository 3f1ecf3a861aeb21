"""The embedded default as a newcomer meets it: `PORT=9000 make run` links to port 9000
everywhere, and setting up prints what they need, not the mail it sent."""

import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page

from articles.models import Contributor, EssayPage, OrganisationPage, SourcePage
from core.editorial import FACT_CHECKERS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)
# Absolute http(s) URLs in any text: scheme, host and optional port.
ABSOLUTE_URL = re.compile(r"https?://([A-Za-z0-9.\-\[\]]+)(?::(\d+))?")
# Addresses that are not the site's own (schema.org, the demo sources' originals...).
ELSEWHERE = re.compile(r"schema\.org|w3\.org|ogp\.me|sitemaps\.org|purl\.org|example\.")


def dev_setting(name, **environment):
    """A setting as `make run` sees it (development settings, this environment)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "PORT"}}
    env.update(DJANGO_SETTINGS_MODULE="collective.settings.dev", **environment)
    code = (
        f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_port_make_run_serves_on_is_the_port_of_the_sites_address():
    assert dev_setting("WAGTAILADMIN_BASE_URL", PORT="9000") == "http://127.0.0.1:9000"
    assert dev_setting("WAGTAILADMIN_BASE_URL") == "http://127.0.0.1:8000"
    # A deployment's own address wins over the port it listens on.
    assert (
        dev_setting("WAGTAILADMIN_BASE_URL", PORT="9000", WAGTAILADMIN_BASE_URL="https://c.org")
        == "https://c.org"
    )
    makefile = (BASE_DIR / "Makefile").read_text()
    assert re.search(r"^export PORT$", makefile, re.MULTILINE)


def own_urls(text):
    """(host, port) of every absolute URL in ``text`` that points at this site."""
    return {
        (match.group(1), match.group(2))
        for match in ABSOLUTE_URL.finditer(text)
        if not ELSEWHERE.search(match.group(0))
        and not match.group(0).startswith(("https://en.wikipedia", "https://web.archive"))
        and match.group(1) in {"127.0.0.1", "localhost", "testserver"}
    }


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:9000")
def test_with_port_9000_every_absolute_url_uses_9000(client):
    call_command("load_demo", stdout=StringIO())
    essay = EssayPage.objects.live().public().first()
    organisation = OrganisationPage.objects.get(slug="imt")
    source = SourcePage.objects.live().public().first()
    contributor = Contributor.objects.first()
    urls = [
        "/",
        essay.url,
        organisation.url,
        source.url,
        contributor.get_absolute_url(),
        "/essays/",
        "/feeds/essays/rss/",
        "/feeds/essays/atom/",
        "/feeds/organisations/imt/rss/",
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/sitemap-contributors.xml",
        "/robots.txt",
        "/api/v2/pages/?type=articles.EssayPage&fields=*",
        f"/api/v2/pages/{essay.pk}/",
    ]
    for url in urls:
        # The browser names the dev server as the reader typed it: the links must not
        # follow that name to another port, nor mix two addresses on one page.
        for host in ("127.0.0.1:9000", "localhost:9000"):
            response = client.get(url, HTTP_HOST=host)
            assert response.status_code == 200, url
            found = own_urls(response.content.decode())
            if url != contributor.get_absolute_url():  # links to its essays by path only
                assert found, f"{url}: no absolute URL to check"
            assert {port for _host, port in found} <= {"9000"}, (url, host, found)
            assert len(found) <= 1, (url, host, found)

    # Notification emails link to the same address.
    checker = UserFactory(username="checker", email="checker@example.org")
    checker.groups.add(Group.objects.get(name=FACT_CHECKERS))
    mail.outbox.clear()
    draft = EssayPage.objects.live().first()
    draft.save_revision(user=draft.owner)
    draft.get_workflow().start(draft, draft.owner)
    assert mail.outbox
    for message in mail.outbox:
        assert {port for _host, port in own_urls(message.body)} == {"9000"}, message.body


CONSOLE_MAIL = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}


@override_settings(DEBUG=True, DEMO_PASSWORD="a-demo-password-for-tests", MAILERS=CONSOLE_MAIL)
def test_loading_the_demo_prints_no_mail(capsys):
    """As `make run` loads it: demo accounts (DEBUG), mail printed to the console."""
    out = StringIO()
    call_command("load_demo", stdout=out)
    printed = out.getvalue() + capsys.readouterr().out
    assert "Content-Type:" not in printed
    assert "MIME-Version" not in printed
    assert Page.objects.filter(slug="essays").exists()


def test_make_run_says_where_to_sign_in_and_with_which_accounts():
    dry_run = subprocess.run(
        ["make", "-n", "run", "PORT=9000"], cwd=BASE_DIR, capture_output=True, text=True
    )
    assert dry_run.returncode == 0, dry_run.stderr
    assert "http://127.0.0.1:9000/admin/" in dry_run.stdout
    for account in ("contributor", "factchecker", "editor", "admin"):
        assert account in dry_run.stdout
