from django.apps import AppConfig


class PracticeSiteConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "practice_site"
    verbose_name = "Practice site"

    def ready(self):
        from . import admin_errors
        from .signals import connect_cache_invalidation

        connect_cache_invalidation()
        # After the page cache's handlers: the edge asks again only once those have run.
        from .edge_cache import connect_edge_purge

        connect_edge_purge()
        # Permission errors in the admin: a 403 page in the admin's layout, not a redirect.
        admin_errors.install()
        # Clinical review approvals only by reviewers with a clinician profile (review_gate.py).
        from .review_gate import install as install_review_gate

        install_review_gate()
        # Wagtail's per-request Locale lookups answered from memory (practice_site/i18n.py).
        from .i18n import install_locale_memo

        install_locale_memo()
