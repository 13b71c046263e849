"""Admin registration: the two-step screens' URLs, their audit-log actions, the account menu
entry, the "Reset second factor" action on the Users list, and a last guard on the dashboard."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from . import audit, passkeys, urls
from .account_views import may_reset
from .policy import has_second_factor


@hooks.register("register_admin_urls")
def register_two_step_urls():
    return [
        path("two-step/passkeys/", include(passkeys, namespace="otp_webauthn")),
        path("two-step/", include(urls, namespace="staff_security")),
    ]


@hooks.register("register_log_actions")
def register_staff_security_actions(actions):
    audit.register_actions(actions)


@hooks.register("register_account_menu_item")
def two_step_account_item(request):
    return {
        "url": reverse("staff_security:account"),
        "label": "Two-step sign-in",
        "help_text": "Your authenticator app and recovery codes.",
    }


@hooks.register("register_user_listing_buttons")
def reset_second_factor_button(user, request_user):
    has_factor = getattr(user, "second_factor_set", None)
    if has_factor is None:
        has_factor = has_second_factor(user)
    if may_reset(request_user, user) and has_factor:
        return [
            Button(
                "Reset second factor",
                url=reverse("staff_security:reset", args=[user.pk]),
                icon_name="key",
                priority=60,
            )
        ]
    return []


@hooks.register("construct_homepage_panels", order=1000)
def no_inquiry_counts_before_the_second_factor(request, panels):
    """The middleware keeps unverified sessions off the dashboard; should anything let one
    through, the inquiry counts still stay off it."""
    is_verified = getattr(request.user, "is_verified", None)
    if is_verified is None or not is_verified():
        panels[:] = [panel for panel in panels if getattr(panel, "name", "") != "inquiries"]
