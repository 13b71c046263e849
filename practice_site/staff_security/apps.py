from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class StaffSecurityConfig(AppConfig):
    default = True
    default_auto_field = "django.db.models.BigAutoField"
    name = "practice_site.staff_security"
    label = "staff_security"
    verbose_name = "Staff account security"

    def ready(self):
        from . import signals

        signals.connect()


class StaffUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with a Users list that shows each account's second factor.

    Listed in INSTALLED_APPS in place of "wagtail.users" (Wagtail's documented way to swap the
    user viewset)."""

    user_viewset = "practice_site.staff_security.users.StaffUserViewSet"
