from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_staff_groups(sender, using="default", **kwargs):
    from .permissions import ensure_groups

    ensure_groups()


class ContactConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "contact"

    def ready(self):
        # After every migrate (all apps' tables and permissions exist by then), so groups also
        # cover snippet models that other apps add later.
        post_migrate.connect(_ensure_staff_groups, sender=self, dispatch_uid="contact-staff-groups")
        # Registers the form's start-time hole with the page cache: a worker's first request
        # may be a cached contact page, before any contact view has been imported.
        from . import spam  # noqa: F401
