"""The sign-in steps, under /admin/two-step/ (the admin's look and Content-Security-Policy).

- verify: the code asked for after the password, at every sign-in.
- enrol: set up an authenticator app (QR code drawn here, and the secret to type).
- recovery codes: shown once, right after they are made.
- confirm: password and code again before a bulk export (or a change to the factor itself).

The person's own settings and an administrator's reset are in account_views.py."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from . import audit, factors, sessions
from .forms import AuthenticatorCodeForm, ConfirmIdentityForm, SecondFactorForm
from .models import StaffAccountState
from .policy import has_second_factor, second_factor_required
from .sign_in import (
    check_second_factor,
    is_paused,
    method_of,
    next_url,
    paused_response,
    render_no_store,
    to,
)

SENSITIVE_FIELDS = ("otp_token", "recovery_code", "password")


@method_decorator([never_cache, sensitive_post_parameters(*SENSITIVE_FIELDS)], name="dispatch")
class VerifyView(View):
    """After the password: the code from the authenticator app, or a recovery code."""

    template_name = "staff_security/verify.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_verified():
            return redirect(next_url(request))
        if not has_second_factor(user):
            if second_factor_required(user):
                return redirect(to("staff_security:enrol", next_url(request)))
            return redirect(next_url(request))
        if is_paused(request, user):
            return paused_response(request, user)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(SecondFactorForm())

    def post(self, request):
        user = request.user
        form = SecondFactorForm(request.POST)
        if form.is_valid():
            device, paused = check_second_factor(request, user, form)
            if paused is not None:
                return paused
            if device is not None:
                return self.verified(device)
        form.forget_app_code()
        return self.render(form, status=200)

    def verified(self, device):
        request, user = self.request, self.request.user
        request.session.cycle_key()  # a new session id for the more trusted session
        otp_login(request, device)
        # The password (moments ago, this sign-in) and the factor (now) count as a confirmation.
        sessions.mark_confirmed(request, at=sessions.signed_in_at(request))
        audit.record(user, audit.FACTOR_VERIFIED, request=request, method=method_of(device))
        if isinstance(device, StaticDevice):
            left = factors.recovery_codes_left(user)
            messages.warning(
                request,
                f"You used a recovery code; {left} left. If your phone is lost, ask an administrator "
                "to reset your second factor, or make new codes under Account → Two-step sign-in.",
            )
        return redirect(next_url(request))

    def render(self, form, status=200):
        return render_no_store(
            self.request,
            self.template_name,
            {
                "form": form,
                "next": next_url(self.request),
                "site_name": settings.WAGTAIL_SITE_NAME,
                "has_passkey": factors.passkeys_of(self.request.user).exists(),
            },
            status=status,
        )


@method_decorator([never_cache, sensitive_post_parameters(*SENSITIVE_FIELDS)], name="dispatch")
class EnrolView(View):
    """Set up an authenticator app: scan (or type) the secret, then type the first code."""

    template_name = "staff_security/enrol.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if has_second_factor(user):
            # Replacing an authenticator: only from a verified, freshly confirmed session.
            if not user.is_verified():
                return redirect(to("staff_security:verify", request.get_full_path()))
            if not sessions.recently_confirmed(request):
                return redirect(to("staff_security:confirm", request.get_full_path()))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(AuthenticatorCodeForm())

    def post(self, request):
        user = request.user
        form = AuthenticatorCodeForm(request.POST)
        device = factors.pending_authenticator(user)
        if form.is_valid():
            if factors.confirm_authenticator(device, form.cleaned_data["otp_token"]):
                return self.enrolled(device)
            form.add_error(
                "otp_token",
                f"That code didn't match. Make sure the app shows “{settings.OTP_TOTP_ISSUER}” with your username, "
                "that your phone's clock is set automatically, and type the newest 6 digits.",
            )
        return self.render(form)

    def enrolled(self, device):
        request, user = self.request, self.request.user
        replacing = user.is_verified()
        request.session.cycle_key()
        device.refresh_from_db()
        otp_login(request, device)
        StaffAccountState.clear_factor_failures(user.pk)
        codes = factors.new_recovery_codes(user)
        if replacing:
            sessions.end_other_sessions(request, user)
        else:
            sessions.mark_confirmed(request, at=sessions.signed_in_at(request))
        request.session[sessions.CODES_TO_SHOW] = codes
        audit.record(
            user, audit.FACTOR_ENROLLED, request=request, method="authenticator app", replaced=replacing
        )
        audit.record(user, audit.RECOVERY_CODES_MADE, request=request, count=len(codes))
        return redirect(to("staff_security:recovery_codes", next_url(request)))

    def render(self, form):
        request = self.request
        device = factors.pending_authenticator(request.user)
        return render_no_store(
            request,
            self.template_name,
            {
                "form": form,
                "next": next_url(request),
                "qr_svg": factors.qr_code_svg(device),
                "secret": factors.secret_for_typing(device),
                "issuer": settings.OTP_TOTP_ISSUER,
                "username": request.user.get_username(),
                "required": second_factor_required(request.user),
                "replacing": has_second_factor(request.user),
                "site_name": settings.WAGTAIL_SITE_NAME,
            },
        )


@method_decorator(never_cache, name="dispatch")
class RecoveryCodesView(View):
    """Shows freshly made recovery codes once; (POST) makes a new set."""

    def get(self, request):
        codes = request.session.pop(sessions.CODES_TO_SHOW, None)
        return render_no_store(
            request,
            "staff_security/recovery_codes.html",
            {
                "codes": [factors.format_recovery_code(code) for code in codes or []],
                "next": next_url(request),
                "account_url": reverse("staff_security:account"),
                "site_name": settings.WAGTAIL_SITE_NAME,
            },
        )

    def post(self, request):
        if not sessions.recently_confirmed(request):
            return redirect(to("staff_security:confirm", reverse("staff_security:account")))
        codes = factors.new_recovery_codes(request.user)
        request.session[sessions.CODES_TO_SHOW] = codes
        audit.record(request.user, audit.RECOVERY_CODES_MADE, request=request, count=len(codes))
        return redirect(to("staff_security:recovery_codes", reverse("staff_security:account")))


@method_decorator([never_cache, sensitive_post_parameters(*SENSITIVE_FIELDS)], name="dispatch")
class ConfirmView(View):
    """Password (and code) again, before an export of inquiries or a change to the factor."""

    template_name = "staff_security/confirm.html"

    def dispatch(self, request, *args, **kwargs):
        if is_paused(request, request.user):
            return paused_response(request, request.user)
        self.with_second_factor = has_second_factor(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(ConfirmIdentityForm(with_second_factor=self.with_second_factor))

    def post(self, request):
        user = request.user
        form = ConfirmIdentityForm(request.POST, with_second_factor=self.with_second_factor)
        if not form.is_valid():
            return self.render(form)
        # authenticate() goes through django-axes: a wrong password counts like one at sign-in.
        checked = authenticate(request, username=user.get_username(), password=form.cleaned_data["password"])
        if getattr(request, "axes_locked_out", False):
            return paused_response(request, user)
        if checked is None or checked.pk != user.pk:
            form.add_error("password", "That password isn't right. Type the password you sign in with.")
            return self.render(form)
        if self.with_second_factor:
            device, paused = check_second_factor(request, user, form)
            if paused is not None:
                return paused
            if device is None:
                form.forget_app_code()
                return self.render(form)
        sessions.mark_confirmed(request)
        audit.record(user, audit.CONFIRMED, request=request, purpose=self.purpose())
        return redirect(next_url(request))

    def purpose(self):
        """What the confirmation is for: an export, an administrator's reset, or the person's own
        sign-in settings."""
        target = next_url(self.request)
        if "export=" in target:
            return "export"
        if target.startswith(reverse("staff_security:account") + "reset/"):
            return "reset"
        return "account"

    def render(self, form):
        return render_no_store(
            self.request,
            self.template_name,
            {
                "form": form,
                "next": next_url(self.request),
                "purpose": self.purpose(),
                "minutes": settings.STAFF_REAUTH_MINUTES,
                "header_title": "Confirm it's you",
                "page_title": "Confirm it's you",
                "header_icon": "lock",
            },
        )
