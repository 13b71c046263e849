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
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control, patch_vary_headers
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


def invalidate_all(reason=""):
    """Every cached page is stale from now on, in every process."""
    try:
        cache.set(GENERATION_KEY, time.time(), None)
    except Exception:
        logger.warning("page cache: could not record a content change (%s)", reason, exc_info=True)


def _is_cacheable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
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
        try:
            # One round trip: the current generation and the stored page together; a page stored
            # under an older generation is stale.
            key = _cache_key(request)
            found = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY) or current_generation()
            stored = found.get(key)
        except Exception:
            logger.warning("page cache unavailable; rendering uncached", exc_info=True)
            return self.get_response(request)
        if stored is not None and stored.get("generation") == generation:
            return self._from_cache(request, stored)

        response = self.get_response(request)
        if _is_storable(request, response):
            self._add_validators(response, generation)
            try:
                cache.set(key, self._to_cache(response, generation), settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.warning("page cache: could not store a page", exc_info=True)
            response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def _add_validators(response, generation):
        from django.utils.cache import set_response_etag

        if not response.has_header("ETag"):
            set_response_etag(response)
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(generation)
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        patch_vary_headers(response, ["Cookie"])

    @staticmethod
    def _to_cache(response, generation):
        headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
        return {
            "status": response.status_code,
            "headers": headers,
            "content": response.content,
            "generation": generation,
        }

    @staticmethod
    def _from_cache(request, stored):
        from django.http import HttpResponse, HttpResponseNotModified

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
