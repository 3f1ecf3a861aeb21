"""Two-factor authentication for the admin: TOTP authenticator apps (django-otp).

Anyone with a confirmed device must enter a code after signing in. Editors and
administrators must set a device up first when TWO_FACTOR_REQUIRED is on.
"""

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

DEVICE_NAME = "Authenticator app"


def must_use_two_factor(user):
    return settings.TWO_FACTOR_REQUIRED and (
        user.is_superuser
        or user.groups.filter(name__in=settings.TWO_FACTOR_REQUIRED_GROUPS).exists()
    )


class RequireTwoFactorMiddleware:
    """Send a signed-in admin user to the code form (or, where required, the set-up)
    until this session is verified."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = f"/{settings.ADMIN_PATH}/"

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.path.startswith(self.admin_prefix)
            and not request.path.startswith(self.exempt_prefixes())
            and not user.is_verified()
        ):
            if user_has_device(user, confirmed=True):
                return redirect(f"{reverse('two_factor_verify')}?next={request.path}")
            if must_use_two_factor(user):
                return redirect(reverse("two_factor_setup"))
        return self.get_response(request)

    def exempt_prefixes(self):
        return (
            reverse("two_factor_setup"),
            reverse("two_factor_verify"),
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_login"),
            "/static/",
        )


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Six-digit code from your authenticator app",
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class CodeForm(forms.Form):
    """A code from an authenticator app, or one of the account's recovery codes."""

    token = forms.CharField(
        label="Six-digit code from your authenticator app, or a recovery code",
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )


class AddDeviceForm(TokenForm):
    """Adding an authenticator to an account that has one also takes a code from one it
    already has (or a recovery code): a password alone never adds a device."""

    current = forms.CharField(
        label="A code from an authenticator app you already use, or a recovery code",
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


RECOVERY_CODES = 10


def verified_device(user, token, confirmed=True):
    """The device (an authenticator or the recovery codes) that accepts ``token``, if
    any: a recovery code works once."""
    token = token.strip().replace(" ", "")
    for device in devices_for_user(user, confirmed=confirmed):
        if device.verify_token(token):
            return device
    return None


def next_url(request):
    target = request.GET.get("next") or request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("wagtailadmin_home")


def verify(request):
    """Ask a signed-in user with a device for a code (or a recovery code)."""
    if not request.user.is_authenticated:
        return redirect(reverse("wagtailadmin_login"))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = verified_device(request.user, form.cleaned_data["token"])
        if device:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                record(
                    request.user,
                    "collective.two_factor.recovery_code_used",
                    "A recovery code was used to sign in to your account",
                )
                messages.warning(
                    request,
                    f"You signed in with a recovery code; {device.token_set.count()} are "
                    "left. If you have lost your phone, remove its app below and add "
                    "another.",
                )
                return redirect(reverse("two_factor_setup"))
            return redirect(next_url(request))
        form.add_error("token", "That code is not right, or has expired. Try the current one.")
    return render(
        request, "users/two_factor_verify.html", {"form": form, "next": next_url(request)}
    )


def setup(request):
    """Add an authenticator app: show the secret as a QR code and confirm one code.

    Someone who signed in with the password alone cannot get here with an account that
    already has a device: the session must be verified first (a code from an existing
    device), and the form asks for such a code again. Adding or removing a device is in
    the audit log and emailed to the account."""
    user = request.user
    if not user.is_authenticated:
        return redirect(reverse("wagtailadmin_login"))
    has_device = user_has_device(user, confirmed=True)
    if has_device and not user.is_verified():
        return redirect(f"{reverse('two_factor_verify')}?next={reverse('two_factor_setup')}")
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": DEVICE_NAME}
    )
    form_class = AddDeviceForm if has_device else TokenForm
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if has_device and not verified_device(user, form.cleaned_data["current"]):
            form.add_error("current", "That is not a current code of an app you already use.")
        elif device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            record(
                user,
                "collective.two_factor.device_added",
                "An authenticator app was added to your account",
            )
            codes = new_recovery_codes(user) if not has_recovery_codes(user) else []
            messages.success(request, "Two-factor authentication is on for your account.")
            if codes:
                return render(request, "users/two_factor_recovery_codes.html", {"codes": codes})
            return redirect(reverse("wagtailadmin_home"))
        else:
            form.add_error(
                "token", "That code is not right. Check the time on your phone and try again."
            )
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4)
    return render(
        request,
        "users/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": qr_svg,
            "secret": device.bin_key.hex(),
            "required": must_use_two_factor(user),
            "has_device": has_device,
            "devices": TOTPDevice.objects.devices_for_user(user, confirmed=True),
            "recovery_codes_left": recovery_codes_left(user),
        },
    )


def remove(request, device_id):
    """Remove an authenticator (a lost phone): a verified session, and a current code
    from another device or a recovery code."""
    user = request.user
    if not user.is_authenticated:
        return redirect(reverse("wagtailadmin_login"))
    if not user.is_verified():
        return redirect(f"{reverse('two_factor_verify')}?next={reverse('two_factor_setup')}")
    device = TOTPDevice.objects.filter(user=user, pk=device_id, confirmed=True).first()
    form = CodeForm(request.POST or None)
    if device is None:
        messages.error(request, "There is no such authenticator on your account.")
        return redirect(reverse("two_factor_setup"))
    if request.method == "POST" and form.is_valid():
        used = verified_device(user, form.cleaned_data["token"])
        if used is None or used == device:
            form.add_error("token", "Enter a code from another app you use, or a recovery code.")
        else:
            device.delete()
            record(
                user,
                "collective.two_factor.device_removed",
                "An authenticator app was removed from your account",
            )
            messages.success(request, "The authenticator app is removed.")
            return redirect(reverse("two_factor_setup"))
    return render(request, "users/two_factor_remove.html", {"form": form, "device": device})


def devices_for_user(user, confirmed=True):
    yield from TOTPDevice.objects.devices_for_user(user, confirmed=confirmed)
    yield from StaticDevice.objects.devices_for_user(user, confirmed=confirmed)


def has_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).exists()


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def new_recovery_codes(user):
    """Ten single-use recovery codes for a lost phone, shown once (django-otp's static
    tokens: stored as they are, like the TOTP keys, readable only by administrators)."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": "Recovery codes", "confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def record(user, action, sentence):
    """Put a change to the account's second factor in the audit log and tell the
    account by email, so that a change its owner did not make is noticed."""
    account = get_user_model().objects.get(pk=user.pk)  # request.user is a lazy wrapper
    log(instance=account, action=action, user=account)
    if user.email:
        send_mail(
            f"Collective: {sentence[0].lower()}{sentence[1:]}",
            f"{sentence} on {timezone.now():%d %B %Y at %H:%M} (UTC).\n\n"
            "If this was not you, someone has your password: tell an administrator at "
            "once, and change your password.",
            None,
            [user.email],
        )
