"""What the sign-in steps share: where to go afterwards, checking a code, and the pause.

Wrong codes are counted like wrong passwords: each is reported to django-axes (so it counts
toward its lockout by username and address) and to StaffAccountState, which a correct password
does not clear. At AXES_FAILURE_LIMIT the session is signed out and signing in pauses for
AXES_COOLOFF_MINUTES."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp.plugins.otp_static.models import StaticDevice

from . import audit, factors
from .models import StaffAccountState
from .policy import failure_limit, lockout_window
from .signals import SECOND_FACTOR_CREDENTIAL


def to(view_name, next_url):
    """The URL of one of these screens, coming back to `next_url` afterwards."""
    return f"{reverse(view_name)}?{urlencode({'next': next_url})}"


def next_url(request, default=None):
    """Where to go afterwards: an admin URL on this site, else the dashboard."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate.startswith("/admin/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default or reverse("wagtailadmin_home")


def _axes_allows(request, username):
    if not getattr(settings, "AXES_ENABLED", True):
        return True
    from axes.handlers.proxy import AxesProxyHandler

    return AxesProxyHandler.is_allowed(request, {"username": username})


def is_paused(request, user):
    """Too many wrong codes (ours) or wrong attempts of any kind (django-axes) lately."""
    if StaffAccountState.recent_factor_failures(user.pk, lockout_window()) >= failure_limit():
        return True
    return not _axes_allows(request, user.get_username())


def paused_response(request, user):
    """Sign the session out and say what happened and what to do."""
    audit.record(user, audit.LOCKED_OUT, request=request)
    logout(request)
    minutes = int(lockout_window().total_seconds() // 60)
    response = TemplateResponse(
        request,
        "staff_security/paused.html",
        {"minutes": minutes, "limit": failure_limit()},
        status=429,
    )
    response["Cache-Control"] = "no-store"
    return response


def check_second_factor(request, user, form):
    """Verify the code in a valid SecondFactorForm. Returns (device, paused_response); adds
    an error to the form when the code is wrong or came too fast."""
    try:
        device = factors.verify_second_factor(
            user, code=form.cleaned_data["otp_token"], recovery_code=form.cleaned_data["recovery_code"]
        )
    except factors.Throttled as throttled:
        form.add_error(
            None,
            f"That was quick after a wrong code: wait {throttled.seconds} seconds, then type the newest code.",
        )
        return None, None
    if device is not None:
        StaffAccountState.clear_factor_failures(user.pk)
        return device, None

    failures = StaffAccountState.record_factor_failure(user.pk, lockout_window())
    audit.record(user, audit.FACTOR_FAILED, request=request, attempt=failures)
    user_login_failed.send(
        sender=__name__,
        credentials={"username": user.get_username(), SECOND_FACTOR_CREDENTIAL: True},
        request=request,
    )
    if failures >= failure_limit() or getattr(request, "axes_locked_out", False):
        return None, paused_response(request, user)
    left = failure_limit() - failures
    field = "otp_token" if form.cleaned_data["otp_token"] else "recovery_code"
    form.add_error(
        field,
        "That code didn't match. Check that your phone's clock is set automatically, then type the "
        f"newest code. {left} more {'try' if left == 1 else 'tries'} before signing in pauses for "
        f"{int(lockout_window().total_seconds() // 60)} minutes.",
    )
    return None, None


def method_of(device):
    return "recovery code" if isinstance(device, StaticDevice) else "authenticator app"


def render_no_store(request, template, context, status=200):
    response = TemplateResponse(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    return response
