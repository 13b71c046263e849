"""The person's own two-step sign-in settings, and an administrator's reset of a colleague's."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache

from . import audit, factors, sessions
from .models import StaffAccountState
from .policy import has_second_factor, second_factor_required
from .sign_in import render_no_store, to


@method_decorator(never_cache, name="dispatch")
class AccountView(View):
    """The person's own two-step sign-in: what is set up, new recovery codes, a new phone."""

    def get(self, request):
        user = request.user
        authenticator = factors.authenticator_of(user)
        return render_no_store(
            request,
            "staff_security/account.html",
            {
                "authenticator": authenticator,
                "codes_left": factors.recovery_codes_left(user),
                "passkeys": factors.passkeys_of(user),
                "recently_confirmed": sessions.recently_confirmed(request),
                "required": second_factor_required(user),
                "idle_minutes": settings.STAFF_SESSION_IDLE_MINUTES,
                "max_hours": settings.STAFF_SESSION_MAX_HOURS,
                "header_title": "Two-step sign-in",
                "page_title": "Two-step sign-in",
                "header_icon": "key",
            },
        )


@method_decorator(never_cache, name="dispatch")
class RemovePasskeyView(View):
    """Remove one of your own passkeys (after confirming it's you)."""

    def post(self, request, passkey_id):
        if not sessions.recently_confirmed(request):
            return redirect(to("staff_security:confirm", reverse("staff_security:account")))
        passkey = get_object_or_404(factors.passkeys_of(request.user), pk=passkey_id)
        passkey.delete()
        audit.record(request.user, audit.PASSKEY_REMOVED, request=request)
        messages.success(request, "Passkey removed.")
        return redirect("staff_security:account")


def may_reset(request_user, account):
    """Administrators reset colleagues' factors, never their own (that is the account page's
    "set up a new phone", which asks for the current factor first)."""
    return request_user.is_superuser and account.pk != request_user.pk


@method_decorator(never_cache, name="dispatch")
class ResetView(View):
    """An administrator forgets a colleague's second factor: authenticator, passkeys and
    recovery codes go, every session of theirs ends, and their next sign-in asks them to set
    up a new one. The factor itself is never shown (nobody can read it)."""

    def dispatch(self, request, user_id):
        self.account = get_object_or_404(get_user_model(), pk=user_id)
        if not may_reset(request.user, self.account):
            raise PermissionDenied
        if not sessions.recently_confirmed(request):
            # Taking away a colleague's factor is as sensitive as an export: confirm it's you.
            return redirect(to("staff_security:confirm", reverse("staff_security:reset", args=[user_id])))
        return super().dispatch(request, user_id)

    def get(self, request, user_id):
        return render_no_store(
            request,
            "staff_security/reset.html",
            {
                "account": self.account,
                "has_factor": has_second_factor(self.account),
                "users_url": reverse("wagtailusers_users:index"),
                "header_title": "Reset second factor",
                "page_title": "Reset second factor",
                "header_icon": "key",
            },
        )

    def post(self, request, user_id):
        account = self.account
        factors.remove_all_factors(account)
        StaffAccountState.end_all_sessions(account.pk)
        StaffAccountState.clear_factor_failures(account.pk)
        audit.record(account, audit.FACTOR_RESET, request=request, by=request.user)
        messages.success(
            request,
            f"{account.get_full_name() or account.get_username()}'s second factor was reset and their sessions "
            "ended. At their next sign-in they will set up a new one.",
        )
        return redirect("wagtailusers_users:index")
