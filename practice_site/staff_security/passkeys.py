"""Passkeys (WebAuthn) as a second factor, through django-otp-webauthn.

A passkey is added on top of an authenticator app, never instead of one: the app (and its
recovery codes) stays the way back in when a phone or laptop is lost, and the confirmation
before an export asks for the password and an app code. What a passkey changes is the daily
sign-in: after the password, one touch or glance instead of typing six digits.

- Passwordless sign-in is off (OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN): a passkey only ever
  stands in for the second step, after the password (and django-axes) have had their say.
- The relying party is the host the admin is served from, and the expected origin is the
  request's own (scheme from the TLS proxy header, host checked against ALLOWED_HOSTS), so one
  configuration serves development, tests and production. Browsers refuse passkeys on plain
  http except at localhost, and on bare IP addresses: use https://your-domain in production and
  http://localhost:8000 (not 127.0.0.1) in development.
- Adding one needs a verified session with the password and code confirmed in the last
  STAFF_REAUTH_MINUTES; every use and every addition goes into the audit log."""

from django.http.request import split_domain_port
from django.urls import path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions
from django_otp_webauthn import views as webauthn
from django_otp_webauthn.helpers import WebAuthnHelper

from . import audit, sessions
from .models import StaffAccountState
from .policy import has_second_factor
from .sign_in import is_paused, next_url


def relying_party_id(request):
    """The admin's own host name, without the port."""
    domain, _port = split_domain_port(request.get_host())
    return domain


class PasskeyHelper(WebAuthnHelper):
    def get_allowed_origins(self):
        return [f"{self.request.scheme}://{self.request.get_host()}"]


class ConfirmedFirstMixin:
    """Registering a passkey: only from a verified session that has just confirmed it's them,
    and only next to an authenticator app."""

    def check_can_register(self):
        request = self.request
        if not has_second_factor(request.user) or not request.user.is_verified():
            raise exceptions.NotVerified(
                detail="Set up an authenticator app first; then you can add a passkey."
            )
        if not sessions.recently_confirmed(request):
            raise exceptions.NotVerified(
                detail="Confirm it's you first (Account → Two-step sign-in), then add the passkey."
            )


class BeginRegistrationView(ConfirmedFirstMixin, webauthn.BeginCredentialRegistrationView):
    pass


class CompleteRegistrationView(ConfirmedFirstMixin, webauthn.CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        audit.record(self.request.user, audit.FACTOR_ENROLLED, request=self.request, method="passkey")
        return response


class SignInStepMixin:
    """Using a passkey for the second step: after the password, never instead of it, and not
    while signing in is paused for this account."""

    def check_can_authenticate(self):
        user = self.request.user
        if not user.is_authenticated:
            raise exceptions.PasswordlessLoginDisabled()
        if is_paused(self.request, user):
            raise exceptions.UserDisabled(detail="Signing in is paused for a while. Try again later.")


class BeginAuthenticationView(SignInStepMixin, webauthn.BeginCredentialAuthenticationView):
    pass


class CompleteAuthenticationView(SignInStepMixin, webauthn.CompleteCredentialAuthenticationView):
    def complete_auth(self, device):
        request = self.request
        request.session.cycle_key()
        super().complete_auth(device)  # marks the session verified with this passkey
        StaffAccountState.clear_factor_failures(request.user.pk)
        sessions.mark_confirmed(request, at=sessions.signed_in_at(request))
        audit.record(request.user, audit.FACTOR_VERIFIED, request=request, method="passkey")

    def get_redirect_url(self):
        return next_url(self.request)


# Mounted at /admin/two-step/passkeys/ under the namespace the library's scripts reverse.
app_name = "otp_webauthn"
urlpatterns = [
    path("registration/begin/", BeginRegistrationView.as_view(), name="credential-registration-begin"),
    path(
        "registration/complete/", CompleteRegistrationView.as_view(), name="credential-registration-complete"
    ),
    path("authentication/begin/", BeginAuthenticationView.as_view(), name="credential-authentication-begin"),
    path(
        "authentication/complete/",
        CompleteAuthenticationView.as_view(),
        name="credential-authentication-complete",
    ),
    path("jsi18n/", JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]), name="js-i18n-catalog"),
]
