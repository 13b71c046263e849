"""Whole-page caching of public pages for anonymous visitors, through Django's shared cache.

Why not Django's cache middleware: it can't tell a page that used a per-visitor CSRF token from
one that didn't, and it has no site-wide invalidation. Why not wagtail-cache: it doesn't support
Wagtail 8.

How it works:
- Only anonymous GET/HEAD requests without a session cookie are looked up or stored; the
  admin, previews, POSTs, responses that set cookies, used a CSRF token, or say `private` /
  `no-store` are never stored.
- Every stored page records the *generation* kept in the cache when it was stored, and is only
  served while that is still the current one (both are read in one round trip). Publishing, unpublishing, moving or
  deleting a page, saving a snippet, image or PracticeSettings bumps the generation (see
  `signals.py`), so the next request renders afresh in every worker process. The generation is
  the time of the last change, which also serves as the pages' Last-Modified.
- A cache that is down never breaks a page: lookups and stores fail open (logged), and any
  error in the cache path renders the page afresh (a form then gets a real token).
- The key is the scheme, the host, the path and only the query parameters a view really uses
  (``PAGE_CACHE_QUERY_PARAMS``, e.g. the blog's ``?page=N``, stored only when the view said it
  used it). Any other query string (``?utm_source=``, ``?cb=123``) is served the canonical page
  when it is cached and is never stored; ``PAGE_CACHE_UNCACHED_PARAMS`` (the search query)
  bypass the cache. So nobody can grow the cache with made-up URLs.
- The generation has a second half kept in the database (``PageCacheEpoch``), changed in the
  same transaction as the content, that every process re-reads at least every
  ``PAGE_CACHE_EPOCH_CHECK_SECONDS``. If recording a change in the shared cache fails (Redis
  paused, SQLite busy), it is retried, the process that made the change serves nothing from
  the cache until it succeeds, and every other process stops serving the old pages within that
  interval: a failed invalidation is never silent and never keeps an old page alive.
- A page with a form (the contact page) is cached too: its view leaves the per-visitor values
  (the CSRF token, the form's signed start time) as *holes*, markers that are stored as they
  are and replaced for each visitor when the page is served, from the cache or not (see
  ``visitor_holes``). That response sets the visitor's own CSRF cookie and is marked
  ``private, no-store``, so no other cache keeps it. A visitor without a session cookie thus
  gets the form at the speed of any cached page, with tokens nobody else has.
- Each worker keeps the pages it served last in its own memory (``LocalPages``), valid only
  for the generation they were stored under, so a hit reads only the (tiny) generation from
  the shared cache. With Redis not even that: the generation is read with ``get_tracked``
  (see ``cache_backends.TrackedKey``), Redis tells each process when it changes, and a page
  served from the cache costs no network I/O at all.
"""

import hashlib
import logging
import re
import threading
import time
from collections import OrderedDict
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import (
    add_never_cache_headers,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.html import escape
from django.utils.http import http_date, parse_http_date_safe

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
# Sent by the edge cache (deploy/varnish.vcl) when it fetches a page to keep; nginx passes it only
# from the edge's own listener. Such a request is rendered afresh (see PageCacheMiddleware).
EDGE_FILL_HEADER = "HTTP_X_EDGE_FILL"
EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/healthz", "/static/", "/media/", "/bench/")
STORED_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Frame-Options",
    "Cross-Origin-Resource-Policy",
    "ETag",
    "Last-Modified",
    "Cache-Control",
    "Vary",
)


def current_generation():
    """The time of the last content change (set on first use)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = time.time()
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def now_and_after_commit(func):
    """Run ``func`` now and, inside a transaction, again once it commits: a request that read
    the cache between the two could otherwise keep what the transaction was replacing."""
    func()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(func)


# -- The database's half of the generation ---------------------------------------------------


class Epoch:
    """This process's copy of ``PageCacheEpoch``: the number of content changes, kept in the
    database and changed in the same transaction as the content (``bump_epoch``). It is re-read
    at most every ``PAGE_CACHE_EPOCH_CHECK_SECONDS``, so a hit usually costs nothing, and a
    change the shared cache failed to record still stops every process from serving the old
    pages within that interval. ``None``: not known (the database never answered): pages are
    then matched on the shared generation alone, so an outage keeps cached pages served."""

    def __init__(self):
        self.value = None
        self._read_at = None  # monotonic; None: read on the next request
        self._lock = threading.Lock()

    def current(self):
        now = time.monotonic()
        if self._read_at is not None and now - self._read_at < settings.PAGE_CACHE_EPOCH_CHECK_SECONDS:
            return self.value
        with self._lock:
            try:
                self.value = read_epoch()
            except Exception:
                # The database is down: keep what we knew, and don't ask again for a while.
                logger.warning("page cache: could not read the change count; using the last one")
            self._read_at = now
            return self.value

    def forget(self):
        self._read_at = None


epoch = Epoch()


def _epoch_model():
    from .models import PageCacheEpoch

    return PageCacheEpoch


def read_epoch():
    return _epoch_model().objects.filter(pk=1).values_list("value", flat=True).first() or 0


def bump_epoch():
    """Count a content change in the database, inside the change's own transaction: if this
    fails, the change fails with it (an editor is never told "published" unrecorded)."""
    from django.db.models import F

    model = _epoch_model()
    if not model.objects.filter(pk=1).update(value=F("value") + 1):
        model.objects.get_or_create(pk=1, defaults={"value": 1})
    epoch.forget()


# -- Recording a change in the shared cache, never silently failing ---------------------------


class PendingInvalidation:
    """A change the shared cache has not recorded yet. While one is pending, this process
    serves nothing from the cache and retries (at most every ``retry_every`` seconds)."""

    retry_every = 1.0

    def __init__(self):
        self.since = None
        self.tried_at = 0.0

    def __bool__(self):
        return self.since is not None

    def retry_due(self):
        return time.monotonic() - self.tried_at >= self.retry_every


pending = PendingInvalidation()


def _record_generation(value):
    """Write the generation and make sure it is there: a backend that swallows write errors
    (our Redis backend, Django's database cache) is asked with ``set_strict`` or read back."""
    strict = getattr(cache, "set_strict", None)
    if strict is not None:
        strict(GENERATION_KEY, value, None)
        return True
    cache.set(GENERATION_KEY, value, None)
    stored = cache.get(GENERATION_KEY)
    return stored is not None and stored >= value


def invalidate_all(reason="", attempts=3):
    """Every cached page is stale from now on, in every process. True when the shared cache
    recorded it; otherwise the change stays pending here (see PendingInvalidation) and is
    logged once as an error."""
    epoch.forget()
    for attempt in range(attempts):
        if attempt:
            time.sleep(0.05 * 4**attempt)  # 0.2 s, then 0.8 s: a busy SQLite, a Redis failover
        try:
            if _record_generation(time.time()):
                break
        except Exception:
            pass
    else:
        pending.tried_at = time.monotonic()
        if not pending:
            pending.since = pending.tried_at
            logger.error(
                "page cache: could not record a content change (%s); this process serves no cached "
                "pages until it can, the others stop within %s s",
                reason,
                settings.PAGE_CACHE_EPOCH_CHECK_SECONDS,
            )
        return False
    if pending:
        logger.warning(
            "page cache: the pending content change is recorded (after %.1f s)",
            time.monotonic() - pending.since,
        )
        pending.since = None
    return True


def retry_pending():
    """One quick retry of a pending change; True when nothing is pending any more."""
    if not pending:
        return True
    if pending.retry_due():
        invalidate_all(reason="retry", attempts=1)
    return not pending


# -- Holes: per-visitor values in a cached page ------------------------------------------------

HOLE_MARKER = "pagecache-hole-{name}-0c5e"
_hole_fillers = {}


def register_hole(name, filler):
    """``filler(request) -> str`` gives this visitor's value for the hole ``name``."""
    _hole_fillers[name] = filler


def hole(name):
    """The marker a template writes where the per-visitor value ``name`` goes."""
    if name not in _hole_fillers:
        raise KeyError(f"no page-cache hole named {name!r} is registered")
    return HOLE_MARKER.format(name=name)


def visitor_holes(request):
    """True when the page cache will fill holes in this response: a view may then render its
    per-visitor values as holes (and set ``response.page_cache_holes``) and let it be cached.
    Otherwise (cache off, an editor with a session, a POST) it renders them itself."""
    return getattr(request, "_page_cache_fills_holes", False)


register_hole("csrf_token", get_token)


def uses_query_param(request, name):
    """A view says its page depends on the query parameter ``name`` (one of
    ``PAGE_CACHE_QUERY_PARAMS``): only then is a page with it in its key stored."""
    used = getattr(request, "_page_cache_used_params", None)
    if used is None:
        used = request._page_cache_used_params = set()
    used.add(name)


class LocalPages:
    """The pages this process served last, for the current generation only: a small LRU in
    front of the shared cache, checked against the shared generation on every request. It
    holds copies, never the truth: losing it costs one read of the shared cache per page, and
    a copy expires when the shared entry it came from does (``stored["expires"]``)."""

    def __init__(self, max_entries):
        self.max_entries = max_entries
        self._generation = None
        self._pages = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, generation):
        with self._lock:
            if generation != self._generation:
                self._pages.clear()
                self._generation = generation
                return None
            stored = self._pages.get(key)
            if stored is None:
                return None
            if time.time() >= stored.get("expires", 0):
                del self._pages[key]
                return None
            self._pages.move_to_end(key)
            return stored

    def put(self, key, stored, generation):
        if self.max_entries <= 0:
            return
        with self._lock:
            if generation != self._generation:
                self._pages.clear()
                self._generation = generation
            self._pages[key] = stored
            self._pages.move_to_end(key)
            while len(self._pages) > self.max_entries:
                self._pages.popitem(last=False)

    def clear(self):
        with self._lock:
            self._pages.clear()
            self._generation = None


local_pages = LocalPages(getattr(settings, "PAGE_CACHE_LOCAL_ENTRIES", 200))


def _is_cacheable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_dummy", False):
        return False  # Wagtail's preview/moderation requests: always the draft, never a copy
    if request.path_info.startswith(EXCLUDED_PREFIXES):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # possibly a logged-in editor: always render
    return True


_param_patterns = {}


def _param_pattern(name):
    pattern = settings.PAGE_CACHE_QUERY_PARAMS.get(name)
    if pattern is None:
        return None
    compiled = _param_patterns.get(pattern)
    if compiled is None:
        compiled = _param_patterns[pattern] = re.compile(pattern)
    return compiled


def cache_variant(request):
    """``(key, params, canonical)`` for this request, or ``None`` when it must bypass the cache.

    The key holds the scheme, the host, the path and the allowed query parameters (``params``)
    with well-formed values. ``canonical`` is False when the query string holds anything else:
    such a request may be served the stored canonical page but never stores one."""
    params = []
    canonical = True
    if request.META.get("QUERY_STRING"):
        for name, values in request.GET.lists():
            if name in settings.PAGE_CACHE_UNCACHED_PARAMS:
                return None
            pattern = _param_pattern(name)
            if pattern is None:
                canonical = False  # utm_source, fbclid, cache busters: no view reads them
                continue
            if len(values) != 1 or not pattern.fullmatch(values[0]):
                return None  # ?page=abc, ?page=1&page=2: let the view answer (a 404), uncached
            params.append((name, values[0]))
        params.sort()
    raw = f"{request.scheme}|{request.get_host().lower()}|{request.path}|{urlencode(params)}"
    digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
    return f"pagecache:page:{digest}", params, canonical


def _is_storable(request, response, params):
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # carries something meant for this visitor only
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control or "no-cache" in cache_control:
        return False
    used = getattr(request, "_page_cache_used_params", ())
    if any(name not in used for name, _value in params):
        return False  # /about/?page=7: the view ignored it, so it's no page of its own
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    return not getattr(request, "is_preview", False)


def _fresh(stored, generation):
    """A stored page may be served: same shared generation, same database epoch (when known),
    not expired, and every hole fillable by this process (a release may have renamed one)."""
    return (
        stored is not None
        and stored.get("generation") == generation[0]
        and (generation[1] is None or stored.get("epoch") == generation[1])
        and time.time() < stored.get("expires", 0)
        and all(name in _hole_fillers for name in stored.get("holes", ()))
    )


class PageCacheMiddleware:
    """Serve and store rendered public pages (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not _is_cacheable_request(request):
            return self.get_response(request)
        try:
            variant = cache_variant(request)
            if variant is None or not retry_pending():
                return self.get_response(request)  # search results; a change not yet recorded
            key, params, canonical = variant
            # Redis tells each process when the generation changes, so it is known without a
            # round trip (get_tracked); any other shared cache is asked (one small read).
            get_generation = getattr(cache, "get_tracked", cache.get)
            generation = (get_generation(GENERATION_KEY) or current_generation(), epoch.current())
            # The page from this process's memory when it served it under this generation, else
            # from the shared cache. Not for the edge cache filling itself (after a purge): this
            # process may not have heard of the change yet (up to PAGE_CACHE_EPOCH_CHECK_SECONDS
            # when the shared cache stumbled), and the edge would keep that copy for its TTL. An
            # edge miss is rare; it gets a fresh render from the database.
            if not request.META.get(EDGE_FILL_HEADER):
                stored = local_pages.get(key, generation)
                if stored is None:
                    stored = cache.get(key)
                    if _fresh(stored, generation):
                        local_pages.put(key, stored, generation)
                if _fresh(stored, generation):
                    return self._from_cache(request, stored)
        except Exception:
            logger.warning("page cache unavailable; rendering uncached", exc_info=True)
            return self.get_response(request)

        request._page_cache_fills_holes = True
        response = self.get_response(request)
        holes = getattr(response, "page_cache_holes", None)
        try:
            return self._store(request, response, key, params, canonical, generation, holes)
        except Exception:
            logger.warning("page cache: could not fill or store a page; rendering uncached", exc_info=True)
            request._page_cache_fills_holes = False
            return self.get_response(request) if holes else response

    def _store(self, request, response, key, params, canonical, generation, holes):
        if not canonical or not _is_storable(request, response, params):
            if holes:
                return self._fill_holes(request, self._to_cache(response, generation, holes), "MISS")
            return response
        if not holes:
            self._add_validators(response, generation[0])
        stored = self._to_cache(response, generation, holes)
        try:
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("page cache: could not store a page", exc_info=True)
        else:
            local_pages.put(key, stored, generation)
        if holes:
            return self._fill_holes(request, stored, "MISS")
        response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def _add_validators(response, generation):
        if not response.has_header("ETag"):
            set_response_etag(response)
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(generation)
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        patch_vary_headers(response, ["Cookie"])

    @staticmethod
    def _to_cache(response, generation, holes=None):
        headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
        stored = {
            "status": response.status_code,
            "headers": headers,
            "content": response.content,
            "generation": generation[0],
            "epoch": generation[1],
            "expires": time.time() + settings.PAGE_CACHE_SECONDS,
        }
        if holes:
            stored["holes"] = tuple(holes)
        return stored

    @staticmethod
    def _fill_holes(request, stored, outcome):
        """This visitor's copy of a page with holes: their own values in it, their own CSRF
        cookie set, and marked so that no browser or shared cache keeps it."""
        csrf = CsrfViewMiddleware(lambda request: None)
        csrf.process_request(request)  # a hit never passed the CSRF middleware: read the cookie
        content = stored["content"]
        for name in stored["holes"]:
            value = escape(_hole_fillers[name](request))
            content = content.replace(HOLE_MARKER.format(name=name).encode(), value.encode())
        response = HttpResponse(content, status=stored["status"])
        for name, value in stored["headers"].items():
            if name not in ("ETag", "Last-Modified", "Cache-Control"):
                response[name] = value
        add_never_cache_headers(response)
        patch_vary_headers(response, ["Cookie"])
        csrf.process_response(request, response)  # sets the CSRF cookie when a token was issued
        response["X-Cache"] = outcome
        return response

    def _from_cache(self, request, stored):
        if stored.get("holes"):
            return self._fill_holes(request, stored, "HIT")
        headers = stored["headers"]
        etag = headers.get("ETag")
        if etag and etag in request.headers.get("If-None-Match", ""):
            response = HttpResponseNotModified()
        elif (
            not request.headers.get("If-None-Match")
            and request.headers.get("If-Modified-Since")
            and parse_http_date_safe(request.headers["If-Modified-Since"])
            and headers.get("Last-Modified")
            and parse_http_date_safe(headers["Last-Modified"])
            <= parse_http_date_safe(request.headers["If-Modified-Since"])
        ):
            response = HttpResponseNotModified()
        else:
            response = HttpResponse(stored["content"], status=stored["status"])
        for name, value in headers.items():
            if name != "Content-Type" or response.status_code != 304:
                response[name] = value
        response["X-Cache"] = "HIT"
        return response
