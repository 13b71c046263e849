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
- A cache that is down never breaks a page: lookups and stores fail open (logged).
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
import threading
import time
from collections import OrderedDict

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


def invalidate_all(reason=""):
    """Every cached page is stale from now on, in every process."""
    try:
        cache.set(GENERATION_KEY, time.time(), None)
    except Exception:
        logger.warning("page cache: could not record a content change (%s)", reason, exc_info=True)


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


class LocalPages:
    """The pages this process served last, for the current generation only: a small LRU in
    front of the shared cache, checked against the shared generation on every request. It
    holds copies, never the truth: losing it costs one read of the shared cache per page."""

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
            entry = self._pages.get(key)
            if entry is None:
                return None
            stored, expires = entry
            if time.monotonic() >= expires:
                del self._pages[key]
                return None
            self._pages.move_to_end(key)
            return stored

    def put(self, key, stored, timeout):
        if self.max_entries <= 0:
            return
        with self._lock:
            if stored["generation"] != self._generation:
                self._pages.clear()
                self._generation = stored["generation"]
            self._pages[key] = (stored, time.monotonic() + timeout)
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


def _cache_key(request):
    raw = f"{request.get_host()}|{request.get_full_path()}"
    digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
    return f"pagecache:page:{digest}"


def _is_storable(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # carries something meant for this visitor only
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control or "no-cache" in cache_control:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    return not getattr(request, "is_preview", False)


class PageCacheMiddleware:
    """Serve and store rendered public pages (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not _is_cacheable_request(request):
            return self.get_response(request)
        request._page_cache_fills_holes = True
        key = _cache_key(request)
        # Redis tells each process when the generation changes, so it is known without a round
        # trip (get_tracked); any other shared cache is asked (one small read).
        get_generation = getattr(cache, "get_tracked", cache.get)
        try:
            generation = get_generation(GENERATION_KEY) or current_generation()
            # The page from this process's memory when it served it under this generation, else
            # from the shared cache.
            stored = local_pages.get(key, generation)
            if stored is None:
                stored = cache.get(key)
                if stored is not None and stored.get("generation") == generation:
                    local_pages.put(key, stored, settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("page cache unavailable; rendering uncached", exc_info=True)
            return self.get_response(request)
        # A page stored under an older generation is stale; one with a hole this process can't
        # fill (a release renamed it) is rendered afresh.
        if (
            stored is not None
            and stored.get("generation") == generation
            and all(name in _hole_fillers for name in stored.get("holes", ()))
        ):
            return self._from_cache(request, stored)

        response = self.get_response(request)
        holes = getattr(response, "page_cache_holes", None)
        if not _is_storable(request, response):
            if holes:
                return self._fill_holes(request, self._to_cache(response, generation, holes), "MISS")
            return response
        if not holes:
            self._add_validators(response, generation)
        stored = self._to_cache(response, generation, holes)
        try:
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("page cache: could not store a page", exc_info=True)
        else:
            local_pages.put(key, stored, settings.PAGE_CACHE_SECONDS)
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
            "generation": generation,
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
