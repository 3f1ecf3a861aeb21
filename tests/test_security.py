"""Headers, cookies, login lockout, two-factor authentication, passwords, the admin
path, and evidence that cannot be deleted from under a published essay."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageViewRestriction

from articles.models import SourcePage
from collective.settings import base
from tests.factories import (
    EssayPageFactory,
    OrganisationPageFactory,
    SourcePageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_URLS = [
    "/",
    "/essays/",
    "/organisations/",
    "/sources/",
    "/search/?query=x",
    "/contributors/",
]


@pytest.fixture
def essay(home_page):
    OrganisationPageFactory()
    return EssayPageFactory(title="Header check", cites=[SourcePageFactory()])


@pytest.mark.parametrize("url", [*PUBLIC_URLS, "ESSAY"])
def test_public_pages_send_a_strict_policy_and_no_cookies(client, essay, url):
    response = client.get(essay.url if url == "ESSAY" else url)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
    ):
        assert directive in policy
    assert "script-src 'self'" in policy  # plus a nonce, should a page ever need a script
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not response.cookies
    assert "Set-Cookie" not in response


def test_the_admin_gets_the_policy_its_editor_needs(client):
    response = client.get("/admin/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "object-src 'none'" in policy


def test_third_party_calls_from_the_admin_are_off():
    assert base.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert base.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert base.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def login(client, username, password):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


@override_settings(AXES_ENABLED=True)
def test_five_failed_logins_lock_the_username(client):
    UserFactory(username="target", is_superuser=True, is_staff=True)
    for _ in range(5):
        assert login(client, "target", "wrong-password").status_code in (200, 403, 429)
    response = login(client, "target", "a-long-test-password")
    assert response.status_code in (403, 429)
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


PROXY = "127.0.0.1"  # the reverse proxy: every request reaches the app from it


def login_from(client, address, username, password, forged=""):
    """A sign-in through the proxy, which appends the client's ``address`` to whatever
    X-Forwarded-For the client sent (``forged``)."""
    forwarded = f"{forged}, {address}" if forged else address
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1)
def test_a_lockout_behind_the_proxy_locks_one_account_from_one_address_not_everyone(client):
    UserFactory(username="editor-a", is_superuser=True, is_staff=True)
    UserFactory(username="editor-b", is_superuser=True, is_staff=True)
    attacker, colleague = "203.0.113.7", "198.51.100.20"
    for number in range(5):
        # Rotating a forged X-Forwarded-For does not make the attacker someone else.
        login_from(client, attacker, "editor-a", "wrong-password", forged=f"192.0.2.{number}")
    assert login_from(client, attacker, "editor-a", "a-long-test-password").status_code == 429
    # The same account from another address, and another account from the attacker's
    # address, still sign in: five mistakes do not lock out everyone behind the proxy.
    client.logout()
    assert login_from(client, colleague, "editor-a", "a-long-test-password").status_code == 302
    client.logout()
    assert login_from(client, attacker, "editor-b", "a-long-test-password").status_code == 302


@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1)
def test_a_locked_out_editor_is_told_what_to_do_and_axes_reset_lifts_it(client):
    from io import StringIO

    from django.core.management import call_command

    UserFactory(username="locked", is_superuser=True, is_staff=True)
    for _ in range(5):
        login_from(client, "203.0.113.9", "locked", "wrong-password")
    response = login_from(client, "203.0.113.9", "locked", "a-long-test-password")
    text = response.content.decode()
    assert response.status_code == 429
    assert "wait an hour" in text and "administrator" in text
    call_command("axes_reset", stdout=StringIO())
    assert login_from(client, "203.0.113.9", "locked", "a-long-test-password").status_code == 302


@override_settings(AXES_ENABLED=True)
def test_a_successful_login_after_fewer_failures_works_and_is_not_logged(client):
    from axes.models import AccessLog

    UserFactory(username="returning", is_superuser=True, is_staff=True)
    login(client, "returning", "wrong-password")
    assert login(client, "returning", "a-long-test-password").status_code == 302
    assert not AccessLog.objects.exists()


def code_for(device, steps_ahead=0):
    """The device's current code, or a later one (a code is accepted only once, and one
    step either side of now is tolerated)."""
    drift = device.drift + steps_ahead
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_editors_must_set_up_two_factor_then_use_it(client):
    editor = UserFactory(username="ed")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("two_factor_setup")
    setup_page = client.get(reverse("two_factor_setup"))
    assert "<svg" in setup_page.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    response = client.post(reverse("two_factor_setup"), {"token": code_for(device)})
    assert "Your recovery codes" in response.content.decode()  # shown once, then on
    assert client.get("/admin/").status_code == 200
    # A new session must enter a code.
    client.logout()
    client.force_login(editor)
    response = client.get("/admin/pages/")
    assert response["Location"].startswith(reverse("two_factor_verify"))
    device.refresh_from_db()
    response = client.post(
        reverse("two_factor_verify"), {"token": code_for(device, 1), "next": "/admin/pages/"}
    )
    assert response["Location"] == "/admin/pages/"


def test_a_wrong_code_is_refused_with_a_message(client):
    user = UserFactory(username="someone")
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client.force_login(user)
    response = client.post(reverse("two_factor_verify"), {"token": "123456", "next": "/admin/"})
    assert "That code is not right" in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(reverse("two_factor_verify"))


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_contributors_may_choose_two_factor_and_must_then_use_it(client):
    writer = UserFactory(username="writer")
    writer.groups.add(Group.objects.get(name="Contributors"))
    client.force_login(writer)
    assert client.get("/admin/").status_code == 200
    TOTPDevice.objects.create(user=writer, name="phone", confirmed=True)
    assert client.get("/admin/")["Location"].startswith(reverse("two_factor_verify"))


def test_passwords_must_be_long_uncommon_and_unlike_the_user():
    user = UserFactory.build(username="rosalind", email="rosalind@example.org")
    for weak in ("short", "password1234", "rosalind2024!"):
        with pytest.raises(ValidationError):
            validate_password(weak, user)
    validate_password("correct horse battery staple", user)
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_the_admin_path_comes_from_the_environment():
    env = {
        **os.environ,
        "ADMIN_PATH": "backstage",
        "DJANGO_SETTINGS_MODULE": "collective.settings.test",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.urls import reverse; print(reverse('wagtailadmin_home'))",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip().endswith("/backstage/"), result.stderr


def test_oversize_uploads_get_a_clear_message(client):
    import io

    from PIL import Image

    admin = UserFactory(username="uploader", is_superuser=True, is_staff=True)
    client.force_login(admin)
    buffer = io.BytesIO()
    Image.new("RGB", (200, 200), "blue").save(buffer, "PNG")
    upload = io.BytesIO(buffer.getvalue())
    upload.name = "big.png"
    with override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=100):
        response = client.post(reverse("wagtailimages:add"), {"title": "Big", "file": upload})
    assert response.status_code == 200
    assert "this file is too big" in response.content.decode().lower()


def test_a_source_cited_by_a_live_essay_cannot_be_deleted(client, home_page):
    source = SourcePageFactory(title="Key evidence")
    EssayPageFactory(title="The citing essay", cites=[source])
    admin = UserFactory(username="boss", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(reverse("wagtailadmin_pages:delete", args=(source.pk,)), follow=True)
    assert SourcePage.objects.filter(pk=source.pk).exists()
    assert "The citing essay" in response.content.decode()
    uncited = SourcePageFactory(title="Loose paper")
    client.post(reverse("wagtailadmin_pages:delete", args=(uncited.pk,)))
    assert not SourcePage.objects.filter(pk=uncited.pk).exists()


def test_citations_appear_in_the_sources_usage_view(client, home_page):
    source = SourcePageFactory(title="Used source")
    essay = EssayPageFactory(title="User of the source", cites=[source])
    admin = UserFactory(username="boss2", is_superuser=True, is_staff=True)
    client.force_login(admin)
    usage = client.get(reverse("wagtailadmin_pages:usage", args=(source.pk,))).content.decode()
    assert essay.title in usage


def test_forms_that_post_back_keep_the_origin_so_csrf_checks_pass(client, home_page):
    """Under no-referrer browsers send Origin: null, which Django's CSRF check refuses."""
    assert client.get("/admin/login/")["Referrer-Policy"] == "same-origin"
    private = EssayPageFactory(title="Locked")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="pw")
    password_form = client.get(private.url)
    assert password_form["Referrer-Policy"] == "same-origin"
    assert client.get("/")["Referrer-Policy"] == "no-referrer"


def test_an_unreachable_database_gives_readers_a_503_not_an_error_page(rf):
    from django.db import OperationalError

    from collective.security import DatabaseUnavailableMiddleware

    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    response = middleware.process_exception(rf.get("/"), OperationalError("connection refused"))
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert middleware.process_exception(rf.get("/"), ValueError("a bug")) is None


def verified_editor(client, username="guarded"):
    """An editor with a confirmed authenticator, signed in with the password only."""
    editor = UserFactory(username=username, email=f"{username}@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    client.force_login(editor)
    return editor, device


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_a_password_alone_cannot_add_an_authenticator(client):
    editor, _phone = verified_editor(client)
    # The set-up view is not a way round the code: it sends the session to verify first.
    response = client.get(reverse("two_factor_setup"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))
    attacker = TOTPDevice.objects.create(user=editor, name="Attacker", confirmed=False)
    response = client.post(reverse("two_factor_setup"), {"token": code_for(attacker)})
    assert response["Location"].startswith(reverse("two_factor_verify"))
    assert not TOTPDevice.objects.filter(user=editor, name="Attacker", confirmed=True).exists()
    assert client.get("/admin/")["Location"].startswith(reverse("two_factor_verify"))


# django-otp slows down guessing (a second after a wrong code): these tests retry at once.
NO_THROTTLE = {"OTP_TOTP_THROTTLE_FACTOR": 0, "OTP_STATIC_THROTTLE_FACTOR": 0}


@override_settings(TWO_FACTOR_REQUIRED=True, **NO_THROTTLE)
def test_adding_an_authenticator_takes_a_code_from_one_already_used_and_is_told(client):
    from wagtail.models import ModelLogEntry

    editor, phone = verified_editor(client, "adder")
    client.post(reverse("two_factor_verify"), {"token": code_for(phone), "next": "/admin/"})
    client.get(reverse("two_factor_setup"))
    tablet = TOTPDevice.objects.get(user=editor, confirmed=False)
    mail.outbox.clear()
    refused = client.post(
        reverse("two_factor_setup"), {"token": code_for(tablet), "current": "000000"}
    )
    assert "not a current code" in refused.content.decode()
    tablet.refresh_from_db()
    assert not tablet.confirmed
    added = client.post(
        reverse("two_factor_setup"),
        {"token": code_for(tablet, 1), "current": code_for(phone, 1)},
    )
    assert "Your recovery codes" in added.content.decode()  # the account had none yet
    tablet.refresh_from_db()
    assert tablet.confirmed
    assert ModelLogEntry.objects.filter(action="collective.two_factor.device_added").exists()
    [message] = [m for m in mail.outbox if m.to == ["adder@example.org"]]
    assert "authenticator app was added" in message.subject


@override_settings(TWO_FACTOR_REQUIRED=True, **NO_THROTTLE)
def test_recovery_codes_let_someone_who_lost_their_phone_in_once_each(client):
    editor = UserFactory(username="loser", email="loser@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    client.get(reverse("two_factor_setup"))
    phone = TOTPDevice.objects.get(user=editor, confirmed=False)
    shown = client.post(reverse("two_factor_setup"), {"token": code_for(phone)})
    codes = [
        code.get_text()
        for code in BeautifulSoup(shown.content, "html.parser").select("ul.recovery-codes code")
    ]
    assert len(codes) == 10
    # The phone is lost: a new session signs in with a recovery code, once.
    client.logout()
    client.force_login(editor)
    client.post(reverse("two_factor_verify"), {"token": codes[0], "next": "/admin/"})
    assert client.get("/admin/").status_code == 200
    client.logout()
    client.force_login(editor)
    again = client.post(reverse("two_factor_verify"), {"token": codes[0], "next": "/admin/"})
    assert "That code is not right" in again.content.decode()
    # With another code, the lost phone's app is removed, logged and emailed.
    client.post(reverse("two_factor_verify"), {"token": codes[1], "next": "/admin/"})
    mail.outbox.clear()
    removed = client.post(reverse("two_factor_remove", args=(phone.pk,)), {"token": codes[2]})
    assert removed.status_code == 302
    assert not TOTPDevice.objects.filter(pk=phone.pk).exists()
    assert any("removed" in m.subject for m in mail.outbox if m.to == ["loser@example.org"])
