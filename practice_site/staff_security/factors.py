"""Second factors on django-otp's devices: an authenticator app (TOTP) and one-time recovery
codes (a static device whose tokens are deleted as they are used).

The secret is shown to its owner once, while they set it up (QR code and typed form), and is
never logged; nobody else, administrators included, can display it."""

import re
from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django_otp import device_classes
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_CODES_NAME = "Recovery codes"


class Throttled(Exception):
    """Codes were tried too quickly: nothing was checked. `seconds` to wait."""

    def __init__(self, seconds):
        super().__init__(f"wait {seconds} seconds")
        self.seconds = seconds


def pending_authenticator(user):
    """The authenticator being set up: the same one each time the page is reloaded, so the
    QR code doesn't change under the person's phone."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def secret_for_typing(device):
    """The secret as authenticator apps ask for it when typed (base32), in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device):
    """An inline SVG QR code of the otpauth:// URI, drawn here (no third-party service, no
    image request, nothing the admin's Content-Security-Policy would have to allow)."""
    qr = segno.make_qr(device.config_url, error="m")
    return qr.svg_inline(
        scale=5,
        border=4,
        dark="#000",
        light="#fff",
        title="QR code to scan with your authenticator app",
        svgclass="staff-security-qr",
    )


def _digits(code):
    return re.sub(r"[\s-]", "", code or "")


def _recovery_token(code):
    return re.sub(r"[^a-z0-9]", "", (code or "").lower())


def _wait_seconds(info):
    from django.utils import timezone

    locked_until = (info or {}).get("locked_until")
    if not locked_until:
        return 1
    return max(1, int((locked_until - timezone.now()).total_seconds() + 0.999))


def confirm_authenticator(device, code):
    """The first code from a newly scanned authenticator: on success the device is confirmed and
    replaces any older authenticator. Returns True or False."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        # No delay between tries here: the person is reading the secret off this very page, so
        # guessing gains nothing, and a typo shouldn't cost them a wait.
        device.throttle_reset(commit=False)
        if not device.verify_token(_digits(code)):
            return False
        TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    return True


def new_recovery_codes(user):
    """Ten (STAFF_RECOVERY_CODE_COUNT) fresh one-time codes; any earlier ones stop working.
    The codes are returned to be shown once; they are not kept anywhere else in plain view."""
    codes = [StaticToken.random_token() for _ in range(settings.STAFF_RECOVERY_CODE_COUNT)]
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_CODES_NAME, confirmed=True)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def format_recovery_code(code):
    return f"{code[:4]}-{code[4:]}"


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def passkeys_of(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("created_at")


def authenticator_of(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()


def verify_second_factor(user, code=None, recovery_code=None):
    """Check a code from the authenticator app, or a recovery code (used up on success).
    Returns the device that accepted it, or None; raises Throttled when the devices asked to
    be left alone for a few seconds (django-otp's growing delay after each wrong code)."""
    if code:
        token, models = _digits(code), [TOTPDevice]
    else:
        token, models = _recovery_token(recovery_code), [StaticDevice]
    if not token:
        return None
    throttled, checked = None, False
    with transaction.atomic():
        for model in models:
            for device in model.objects.select_for_update().filter(user=user, confirmed=True):
                allowed, info = device.verify_is_allowed()
                if not allowed:
                    throttled = throttled or info
                    continue
                checked = True
                if device.verify_token(token):
                    return device
    if throttled is not None and not checked:
        raise Throttled(_wait_seconds(throttled))
    return None


def remove_all_factors(user):
    """Forget every authenticator, passkey and recovery code of this user (an administrator's
    reset). Their next sign-in asks them to set up a new one."""
    with transaction.atomic():
        for model in device_classes():
            model.objects.filter(user=user).delete()
