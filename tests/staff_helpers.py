"""Staff sign-in helpers: an authenticator for an account, codes computed from its secret (as
the person's phone would), and a test client signed in with password and second factor."""

import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from practice_site.staff_security import sessions


def give_authenticator(user):
    """A confirmed authenticator app for `user` (the one they have, or a new one)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def code_for(device, steps_ahead=0):
    """The 6 digits the app shows now (or `steps_ahead` 30-second steps later: a code is
    accepted once, and the server allows one step of clock drift either way)."""
    device.refresh_from_db()
    generator = TOTP(device.bin_key, device.step, device.t0, device.digits)
    generator.time = time.time() + steps_ahead * device.step
    return f"{generator.token():0{device.digits}d}"


def log_in_verified(client, user):
    """The test client's session as right after signing in with password and second factor
    (which also counts as having just confirmed it's them, e.g. for an export)."""
    device = give_authenticator(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[sessions.CONFIRMED_AT] = sessions.now()
    session.save()
    return device
