"""Site-wide views: health check, search, robots.txt, the 403 page and the database-free error
page."""

import logging
import re
import sys
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET
from wagtail.models import Page

from .admin_errors import admin_permission_denied, is_admin_request
from .i18n import localized_path
from .models import PRACTICE_SNAPSHOT_CACHE_KEY
from .phone import to_display, to_e164

logger = logging.getLogger(__name__)

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10


@never_cache
def healthz(request):
    """200 'ok' when the app and the database answer; 503 otherwise. No page content."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"
        logger.warning("healthz: database unavailable")
        return HttpResponse("unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def search(request):
    """Site search over live, public pages."""
    raw_query = request.GET.get("q", "")
    # Words only: quotes, brackets and operators mean something to the database's full-text
    # syntax (SQLite FTS5, PostgreSQL tsquery) and nothing to a visitor.
    query = " ".join(re.sub(r"[^\w'\-]+", " ", raw_query).split())[:SEARCH_QUERY_MAX_LENGTH]
    page_number = request.GET.get("page", "1")
    results = Page.objects.none()
    if query:
        root = language_root(request)
        if root is not None:
            # Within the visitor's language: the pages under that language's home page.
            results = (
                Page.objects.live().public().descendant_of(root, inclusive=True).specific().search(query)
            )
    paginator = Paginator(results, SEARCH_RESULTS_PER_PAGE)
    try:
        try:
            results_page = paginator.page(page_number)
        except PageNotAnInteger:
            results_page = paginator.page(1)
        except EmptyPage:
            results_page = paginator.page(paginator.num_pages)
    except DatabaseError:
        # A query the full-text engine still can't parse: show "nothing matched", not an error.
        logger.info("search: query could not be parsed by the database")
        paginator = Paginator(Page.objects.none(), SEARCH_RESULTS_PER_PAGE)
        results_page = paginator.page(1)
    suffix = f"?{urlencode({'q': query})}" if query else ""
    language_paths = {
        code: localized_path(request, "/search/", code) + suffix for code, _name in settings.LANGUAGES
    }
    return render(
        request,
        "practice_site/search.html",
        {
            "search_query": query,
            "search_results": results_page,
            "paginator": paginator,
            # The switcher: the same search in the other language.
            "language_paths": language_paths,
        },
    )


def language_root(request):
    """The home page in the language of the request (the site's root page or its translation),
    or None when there is no such page."""
    from wagtail.models import Site

    from .i18n import active_locale, locale_language

    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    if locale_language(root.locale_id) == active_locale().language_code:
        return root
    return root.get_translation_or_none(active_locale())


def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    # Search results are pages of their own in every language (/search/, /es/search/).
    searches = [
        f"Disallow: {localized_path(request, '/search/', code)}" for code, _name in settings.LANGUAGES
    ]
    lines = ["User-agent: *", "Disallow: /admin/", *searches, f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")


def practice_snapshot():
    """Name and phone for pages rendered without the database: the snapshot PracticeSettings
    leaves in the cache, else the fallback in settings."""
    try:
        practice = cache.get(PRACTICE_SNAPSHOT_CACHE_KEY)
    except Exception:
        practice = None
    return practice or {
        "practice_name": settings.WAGTAIL_SITE_NAME,
        "phone_e164": to_e164(settings.PRACTICE_FALLBACK_PHONE),
        "phone_display": to_display(settings.PRACTICE_FALLBACK_PHONE),
    }


def database_answers():
    """True when the database takes a trivial query: an OperationalError from a bad query (say,
    a full-text syntax error) is a bug (500), not an outage (503)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        return False


@requires_csrf_token
def permission_denied(request, exception=None):
    """handler403: inside the Wagtail admin's layout (with the way back) under /admin/ for
    people who may use the admin, else a page in the site's look with the phone number."""
    user = getattr(request, "user", None)
    if is_admin_request(request) and user is not None and user.has_perm("wagtailadmin.access_admin"):
        return admin_permission_denied(request)
    response = render(request, "403.html", status=403)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """The error page, rendered without the database. When the error is the database being
    unreachable, visitors get a 503 with Retry-After instead of a 500."""
    error = sys.exc_info()[1]
    context = {"practice": practice_snapshot()}
    if isinstance(error, (OperationalError, InterfaceError)) and not database_answers():
        logger.error("database unavailable: answering 503 for %s", request.path)
        response = HttpResponse(loader.render_to_string("503.html", context), status=503)
        response["Retry-After"] = "60"
    else:
        response = HttpResponseServerError(loader.render_to_string("500.html", context))
    response["Cache-Control"] = "no-store"
    return response
