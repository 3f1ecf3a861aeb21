"""Two-factor authentication for the admin: TOTP authenticator apps (django-otp).

Anyone with a confirmed device must enter a code after signing in. Editors and
administrators must set a device up first when TWO_FACTOR_REQUIRED is on.
"""

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.editorial import EDITORS

DEVICE_NAME = "Authenticator app"


def must_use_two_factor(user):
    return settings.TWO_FACTOR_REQUIRED and (
        user.is_superuser or user.groups.filter(name=EDITORS).exists()
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


def verified_device(user, token, confirmed=True):
    for device in TOTPDevice.objects.devices_for_user(user, confirmed=confirmed):
        if device.verify_token(token):
            return device
    return None


def next_url(request):
    target = request.GET.get("next") or request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("wagtailadmin_home")


def verify(request):
    """Ask a signed-in user with a device for a code."""
    if not request.user.is_authenticated:
        return redirect(reverse("wagtailadmin_login"))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = verified_device(request.user, form.cleaned_data["token"])
        if device:
            otp_login(request, device)
            return redirect(next_url(request))
        form.add_error("token", "That code is not right, or has expired. Try the current one.")
    return render(
        request, "users/two_factor_verify.html", {"form": form, "next": next_url(request)}
    )


def setup(request):
    """Add an authenticator app: show the secret as a QR code and confirm one code."""
    if not request.user.is_authenticated:
        return redirect(reverse("wagtailadmin_login"))
    device, _ = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": DEVICE_NAME}
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            messages.success(request, "Two-factor authentication is on for your account.")
            return redirect(reverse("wagtailadmin_home"))
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
            "required": must_use_two_factor(request.user),
            "has_device": user_has_device(request.user, confirmed=True),
        },
    )
