"""The edge cache (Varnish, or a CDN) in front of the app: what it may hold, and telling it
when a page changes.

Headers (``EdgeCacheHeadersMiddleware``). An anonymous visitor's public page says
``Cache-Control: public, max-age=0, must-revalidate, s-maxage=EDGE_CACHE_SECONDS``: a shared
cache may keep it that long (it is purged on publish, below), browsers always revalidate (a
cheap 304 from the page cache's ETag). ``Vary: Cookie`` is dropped from those responses: the
page was rendered for a request without a session, so cookies don't change it, and with it no
CDN would keep the page. Everything personal stays out of shared caches:

- the admin, documents (their collection may be private), previews, ``/healthz``;
- any request with a session cookie (an editor, or a visitor on the thanks page), any response
  that sets a cookie or used a CSRF token (the contact form: ``private, no-store``);
- search results (``/search/``): ``private, no-store``. What someone searched for on a therapy
  site is nobody else's business, not even their browser history's next user's;
- 4xx/5xx: only a 404 may be kept, ``EDGE_CACHE_404_SECONDS`` (short: a page published there
  is purged anyway). Errors say ``no-store`` themselves.

The edge is told nothing else: ``deploy/varnish.vcl`` caches only what carries ``s-maxage``.

Purging. ``wagtail.contrib.frontend_cache``'s backends and ``PurgeBatch`` do the talking; its
own signal handlers are not installed (they purge inside the publish transaction, before the
commit, so a visitor in between would put the old page back into the edge, and they know only
the page itself). Here, a publish, unpublish, move or delete collects the URLs it changes
(``urls_for_page``: the page's own URLs from the page, so translated pages under ``/es/`` bring
theirs, its descendants (breadcrumbs, moved URLs), its ancestors (listings, home) with their
``get_cached_paths`` (the blog index lists its paginated listings, categories, tags, authors,
feed), pages that link to it (Wagtail's reference index), related articles, the sitemap) and
purges them once the transaction has committed. A change to something every page may show
(the practice settings, an image, an author, a redirect...) purges every page of the site.
Purging never breaks a publish: each request has a timeout, failures are logged (URLs only,
never content), and the edge's own TTL bounds what a lost purge can leave behind.
"""

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.cache import add_never_cache_headers, patch_cache_control
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

logger = logging.getLogger(__name__)

# Never held by a shared cache, whatever the response says.
NEVER_SHARED_PREFIXES = ("/admin/", "/documents/", "/healthz", "/static/", "/media/", "/bench/", "/contact/")
# Search results in every language (English at the root, the others under /<code>/: i18n_patterns).
PRIVATE_PREFIXES = ("/search/",) + tuple(
    f"/{code}/search/" for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE
)
SHAREABLE_VARY = {"accept-encoding", "accept-language"}


# -- Headers -----------------------------------------------------------------------------------


def _has_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def edge_may_hold(request, response):
    """True when a shared cache may keep this response for everyone."""
    if request.method not in ("GET", "HEAD") or getattr(request, "is_dummy", False):
        return False
    if getattr(request, "is_preview", False) or request.path_info.startswith(NEVER_SHARED_PREFIXES):
        return False
    if _has_session(request) or "HTTP_AUTHORIZATION" in request.META:
        return False
    if response.status_code not in (200, 304, 404) or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return not (vary - SHAREABLE_VARY - {"cookie"})


def _drop_vary_cookie(response):
    kept = [
        v.strip() for v in response.get("Vary", "").split(",") if v.strip() and v.strip().lower() != "cookie"
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif response.has_header("Vary"):
        del response["Vary"]


class EdgeCacheHeadersMiddleware:
    """Marks what a shared cache may keep (see the module docstring). It sits outside the page
    cache, so pages served from it get the same headers as fresh ones."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(PRIVATE_PREFIXES):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
            return response
        seconds = settings.EDGE_CACHE_SECONDS
        if seconds > 0 and edge_may_hold(request, response):
            if response.status_code == 404:
                seconds = min(seconds, settings.EDGE_CACHE_404_SECONDS)
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True, s_maxage=seconds)
            _drop_vary_cookie(response)
        elif not response.has_header("Cache-Control") and (_has_session(request) or response.cookies):
            patch_cache_control(response, private=True)  # an editor's view of a page, say
        return response


# -- Purge backend -------------------------------------------------------------------------------


class PurgeHTTPBackend(HTTPBackend):
    """Wagtail's HTTP PURGE backend (Varnish), with a timeout and in parallel: Wagtail's waits
    forever, one URL after another, and lets a timeout escape into the publish request."""

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", 2))
        super().__init__(params)

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""]),
            headers={"Host": host, "User-Agent": "practice-site-purge"},
        )
        try:
            with urlopen(request, timeout=self.timeout):  # noqa: S310 - our own configured LOCATION
                pass
        except HTTPError as error:
            logger.error("edge cache: purge of %s refused: %s %s", url, error.code, error.reason)
        except (URLError, OSError, ValueError) as error:
            logger.error("edge cache: could not purge %s: %s", url, getattr(error, "reason", error))

    def purge_batch(self, urls):
        urls = list(urls)
        with ThreadPoolExecutor(max_workers=min(8, len(urls) or 1)) as pool:
            list(pool.map(self.purge, urls))


# -- Which URLs a change touches ----------------------------------------------------------------


def configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _add_page(batch, page):
    try:
        batch.add_page(page.specific_deferred)
    except Exception:
        logger.warning("edge cache: no URL for page %s", page.pk, exc_info=True)


def _site_extra_urls(page):
    """The sitemap of the page's site (it lists every page and its last change)."""
    root_url = page.get_site().root_url if page.get_site() else None
    return [root_url.rstrip("/") + "/sitemap.xml"] if root_url else []


def urls_for_page(page, cache_object=None):
    """Every URL at the edge that shows `page` as it is in the database now: its own (from the
    page), its live descendants', its ancestors' (listings, the home page) with their cached
    paths, pages linking to it, its live translations (switcher, hreflang), related articles (`edge_cache_related_pages`, when the page
    type says), and the site's sitemap."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch(cache_object=cache_object)
    page = page.specific_deferred
    _add_page(batch, page)
    for descendant in page.get_descendants().live().specific(defer=True):
        _add_page(batch, descendant)
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific(defer=True):
        _add_page(batch, ancestor)
    for linking in _pages_linking_to(page):
        _add_page(batch, linking)
    # Its translations: their language switcher and hreflang links name this page (or stop
    # naming it once it is unpublished).
    for translation in page.get_translations().live().specific(defer=True):
        _add_page(batch, translation)
    related = getattr(page.specific, "edge_cache_related_pages", None)
    if related is not None:
        for other in related():
            _add_page(batch, other)
    batch.add_urls(_site_extra_urls(page))
    return batch.urls


def _pages_linking_to(page):
    """Live pages whose content links to `page` (Wagtail's reference index)."""
    from wagtail.models import Page, ReferenceIndex

    try:
        page_ct = ReferenceIndex._get_base_content_type(Page)
        ids = (
            ReferenceIndex.get_references_to(page)
            .filter(base_content_type=page_ct)
            .values_list("object_id", flat=True)
        )
        return list(Page.objects.live().filter(pk__in=[int(i) for i in ids]).exclude(pk=page.pk))
    except Exception:
        logger.warning("edge cache: reference index unavailable", exc_info=True)
        return []


def urls_for_everything():
    """Every live page of every site, with its cached paths, and the sitemaps."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page, Site

    batch = PurgeBatch()
    for page in Page.objects.live().filter(depth__gt=1).specific(defer=True):
        _add_page(batch, page)
    for site in Site.objects.all():
        batch.add_url(site.root_url.rstrip("/") + "/sitemap.xml")
    return batch.urls


# -- Collecting during a transaction, purging after it ------------------------------------------

_local = threading.local()


def _pending():
    urls = getattr(_local, "urls", None)
    if urls is None:
        urls = _local.urls = set()
    return urls


def remember(urls):
    """URLs to purge with the next flush (state before a change: old slugs, old places)."""
    _pending().update(urls)


def schedule(urls=()):
    """Purge `urls` (and anything remembered) once the current transaction commits; at once
    outside one. Rolled back: nothing is purged until the next change (an extra purge does no
    harm)."""
    remember(urls)
    transaction.on_commit(flush)


def flush():
    urls = _pending()
    if not urls:
        return
    batch, _local.urls = sorted(urls), set()
    purge(batch)
    repeat = settings.EDGE_PURGE_REPEAT_SECONDS
    if repeat > 0:
        # Once more, after every app process has surely heard of the change (the page cache's
        # safety net re-reads the database within PAGE_CACHE_EPOCH_CHECK_SECONDS): an edge that
        # refilled from a process that hadn't (a CDN; Varnish asks for fresh renders) drops that
        # copy too. Best effort: a process that exits first (manage.py) skips it.
        timer = threading.Timer(repeat, purge, [batch])
        timer.daemon = True
        timer.start()


def purge(urls):
    """Send the purges; never raises."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    try:
        purge_urls_from_cache(urls)
    except Exception:
        logger.exception("edge cache: purging %d URLs failed", len(urls))


# -- Signals -------------------------------------------------------------------------------------


def _safely(collect):
    """A signal handler that can't break the change it reacts to."""

    def handler(sender, **kwargs):
        if not configured():
            return
        try:
            collect(sender, **kwargs)
        except Exception:
            logger.exception("edge cache: could not work out what to purge; the edge's TTL will")

    handler.__name__ = collect.__name__
    return handler


@_safely
def _page_changed(sender, instance, **kwargs):
    schedule(urls_for_page(instance))


@_safely
def _before_page_move(sender, instance, **kwargs):
    remember(urls_for_page(instance))  # the old URLs and the old parent's listings


@_safely
def _before_page_save(sender, instance, update_fields=None, **kwargs):
    """Before a publish saves the page: the URLs its old state appears on. A new slug: the old
    URLs of the page and its descendants; otherwise the parent's listings (their categories,
    tags and authors as they were)."""
    if update_fields is not None or not instance.pk or not instance.live:
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    old = Page.objects.filter(pk=instance.pk).only("slug", "url_path", "path", "depth").first()
    if old is None:
        return
    if old.slug != instance.slug:
        remember(urls_for_page(old))
    elif old.depth > 2:
        # The parent's listings as they are before the change (an article leaving a category).
        batch = PurgeBatch()
        _add_page(batch, old.get_parent())
        remember(batch.urls)


@_safely
def _everything_changed(sender, **kwargs):
    schedule(urls_for_everything())


_handlers = []


def connect_edge_purge():
    """Connected after the page cache's handlers (practice_site.apps): the page cache drops its
    copies when the transaction commits, and only then does the edge ask for the page again."""
    from wagtail.models import Page

    for signal, handler in (
        (page_published, _page_changed),
        # Also sent for every live page being deleted: Wagtail unpublishes it first.
        (page_unpublished, _page_changed),
        (post_page_move, _page_changed),
        (pre_page_move, _before_page_move),
    ):
        signal.connect(handler, dispatch_uid=f"edgecache-{handler.__name__}-{id(signal)}")
    for model in apps.get_models():
        if issubclass(model, Page):
            pre_save.connect(
                _before_page_save, sender=model, dispatch_uid=f"edgecache-slug-{model._meta.label}"
            )
    for label in settings.PAGE_CACHE_INVALIDATING_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        for signal in (post_save, post_delete):
            signal.connect(_everything_changed, sender=model, dispatch_uid=f"edgecache-{label}-{id(signal)}")
