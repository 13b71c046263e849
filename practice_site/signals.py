"""Keep cached pages fresh: any change that a public page could show invalidates the cache."""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .page_cache import bump_epoch, invalidate_all, now_and_after_commit


def _invalidate(sender, **kwargs):
    reason = f"{sender.__name__ if hasattr(sender, '__name__') else sender} changed"
    # Counted in the database, in the change's own transaction: even when the shared cache
    # can't record it, no process keeps serving the old pages (page_cache.Epoch).
    bump_epoch()
    # Wagtail publishes inside a transaction: a request that reads the new generation before
    # the commit would still render the old content and store it under the new generation.
    # Changing the generation again once the change is committed makes such a page stale.
    now_and_after_commit(lambda: invalidate_all(reason=reason))


def connect_cache_invalidation():
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(_invalidate, dispatch_uid=f"pagecache-{id(signal)}")
    from wagtail.models import Page

    post_delete.connect(_invalidate, sender=Page, dispatch_uid="pagecache-page-delete")
    for label in settings.PAGE_CACHE_INVALIDATING_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue  # a model from an app that is not installed in this configuration
        post_save.connect(_invalidate, sender=model, dispatch_uid=f"pagecache-save-{label}")
        post_delete.connect(_invalidate, sender=model, dispatch_uid=f"pagecache-delete-{label}")
