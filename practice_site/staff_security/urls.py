"""Two-step sign-in screens, mounted at /admin/two-step/ by wagtail_hooks.register_admin_urls
(so Wagtail's admin access check, and the admin's Content-Security-Policy, apply)."""

from django.urls import path

from . import account_views, views

app_name = "staff_security"

urlpatterns = [
    path("", account_views.AccountView.as_view(), name="account"),
    path("verify/", views.VerifyView.as_view(), name="verify"),
    path("set-up/", views.EnrolView.as_view(), name="enrol"),
    path("recovery-codes/", views.RecoveryCodesView.as_view(), name="recovery_codes"),
    path("confirm/", views.ConfirmView.as_view(), name="confirm"),
    path("reset/<int:user_id>/", account_views.ResetView.as_view(), name="reset"),
    path(
        "passkey/<int:passkey_id>/remove/", account_views.RemovePasskeyView.as_view(), name="remove_passkey"
    ),
]
