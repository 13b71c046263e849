"""The gate in front of the Wagtail admin (after Django's and django-otp's middleware).

For a signed-in person on an admin URL, in this order:

1. A session that has ended (idle, too long, or revoked) is signed out and sent to sign in.
2. Someone whose account needs a second factor (or who has one) and has not verified it in
   this session gets only the screens to verify or set it up, and signing out. Everything
   else (dashboard and its inquiry counts, the inbox, an inquiry, its export, every other
   admin screen) redirects there, or answers 403 to background requests.
3. An inquiry export (`/admin/inquiries/...?export=...`) needs the password and second factor
   confirmed within STAFF_REAUTH_MINUTES; otherwise the confirm screen, which comes back to the
   export afterwards.

Public pages are never redirected: an ended session is only signed out there."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse

from . import audit, sessions
from .policy import can_read_inquiries, has_second_factor, second_factor_required

ADMIN_PREFIX = "/admin/"
INQUIRIES_PREFIX = "/admin/inquiries/"
# Requests the admin makes by itself while a screen is open: they are not someone working.
BACKGROUND_PREFIXES = ("/admin/editing-sessions/",)
ENDED_MESSAGES = {
    sessions.IDLE: "You were signed out after {idle} minutes without activity, to keep inquiries "
    "private. Sign in again to carry on.",
    sessions.TOO_LONG: "You were signed out because you had been signed in for {hours} hours. "
    "Sign in again to carry on.",
    sessions.REVOKED: "You were signed out because this account's sign-in was reset. Sign in again.",
}


def is_export(request):
    return request.path_info.startswith(INQUIRIES_PREFIX) and "export" in request.GET


def _open_paths():
    """Admin paths someone part-way through signing in may use."""
    return (
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_logout"),
        reverse("wagtailadmin_javascript_catalog"),
        reverse("wagtailadmin_sprite"),
        reverse("wagtailadmin_password_reset"),
        reverse("staff_security:verify"),
        reverse("staff_security:enrol"),
        # A passkey as the second step (the views refuse anyone not part-way through signing in).
        reverse("otp_webauthn:credential-authentication-begin"),
        reverse("otp_webauthn:credential-authentication-complete"),
        reverse("otp_webauthn:js-i18n-catalog"),
    )


def _with_next(url, next_url):
    return f"{url}?{urlencode({'next': next_url})}"


def _wants_a_page(request):
    return request.method in ("GET", "HEAD") and request.headers.get("x-requested-with") != "XMLHttpRequest"


class StaffSecurityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._open = None

    def open_paths(self):
        if self._open is None:
            self._open = _open_paths()
        return self._open

    def __call__(self, request):
        # Anonymous visitors carry no session cookie: nothing to check, and the session is
        # left untouched (no "Vary: Cookie" on public pages).
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        if not request.path_info.startswith(ADMIN_PREFIX):
            reason = sessions.why_ended(request)
            if reason and request.user.is_authenticated:
                self.end_session(request, reason)
            return self.get_response(request)

        user = request.user
        if not user.is_authenticated:
            return self.get_response(request)

        reason = sessions.why_ended(request, user)
        if reason:
            self.end_session(request, reason)
            messages.warning(
                request,
                ENDED_MESSAGES[reason].format(
                    idle=settings.STAFF_SESSION_IDLE_MINUTES, hours=settings.STAFF_SESSION_MAX_HOURS
                ),
            )
            # Even for a form that was being sent: the person lands on the sign-in page, told why.
            return self.refuse(request, reverse("wagtailadmin_login"), always_redirect=True)

        if not user.is_verified() and not request.path_info.startswith(self.open_paths()):
            if has_second_factor(user):
                return self.refuse(request, reverse("staff_security:verify"))
            if second_factor_required(user):
                return self.refuse(request, reverse("staff_security:enrol"))

        # Only for those who may export at all: everyone else gets the inbox's own 403.
        if is_export(request) and can_read_inquiries(user) and not sessions.recently_confirmed(request):
            return self.refuse(request, reverse("staff_security:confirm"))

        if not request.path_info.startswith(BACKGROUND_PREFIXES):
            sessions.record_activity(request)
        return self.get_response(request)

    @staticmethod
    def end_session(request, reason):
        audit.record(request.user, audit.SESSION_ENDED, request=request, reason=reason)
        logout(request)

    @staticmethod
    def refuse(request, to_url, always_redirect=False):
        if _wants_a_page(request) or (always_redirect and request.headers.get("x-requested-with") is None):
            next_url = (
                request.get_full_path() if request.method in ("GET", "HEAD") else reverse("wagtailadmin_home")
            )
            response = HttpResponseRedirect(_with_next(to_url, next_url))
        else:
            response = HttpResponse(
                "Sign in and confirm your second factor first.", status=403, content_type="text/plain"
            )
        response["Cache-Control"] = "no-store"
        return response
