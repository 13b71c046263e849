"""Template tags every page uses: JSON-LD, phone links, crisis resources."""

import re
import time
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from practice_site.jsonld import dump_json_ld
from practice_site.models import PRACTICE_SNAPSHOT_CACHE_KEY
from practice_site.phone import to_display, to_e164

register = template.Library()


_SNAPSHOT_REFRESH_SECONDS = 300
_snapshot_checked_at = [0.0]  # per-process throttle only; the snapshot itself lives in the cache


def _refresh_practice_snapshot(practice):
    """Keep a copy of the practice's phone where the error pages can read it without the
    database (PracticeSettings.save() writes it too). At most once per 5 minutes per process:
    with the database cache each write is SQL."""
    now = time.monotonic()
    if now - _snapshot_checked_at[0] > _SNAPSHOT_REFRESH_SECONDS:
        _snapshot_checked_at[0] = now
        cache.add(PRACTICE_SNAPSHOT_CACHE_KEY, practice.snapshot(), None)


@register.simple_tag(takes_context=True)
def page_json_ld(context, page):
    """Render the page's schema.org data as <script type="application/ld+json"> elements."""
    request = context["request"]
    practice = context["settings"]["practice_site"]["PracticeSettings"]
    _refresh_practice_snapshot(practice)
    blocks = page.get_structured_data(request, practice)
    language = translation.get_language()
    for item in blocks:
        # The language of what the page says (schema.org inLanguage), on every node describing
        # the page or its content (not the breadcrumbs or the practice itself).
        if isinstance(item, dict) and item.get("@type") not in NODES_WITHOUT_LANGUAGE:
            item.setdefault("inLanguage", language)
    return mark_safe(
        "".join(f'<script type="application/ld+json">{dump_json_ld(item)}</script>' for item in blocks)
    )


NODES_WITHOUT_LANGUAGE = {"BreadcrumbList", "MedicalClinic", "Organization", "Person"}

LANGUAGE_NAMES = {"en": "English", "es": "Español"}
# What the switcher says, in the language it leads to (a reader of that language finds it).
SWITCH_LABELS = {"en": "Read this page in English", "es": "Leer esta página en español"}
OG_LOCALES = {"en": "en_US", "es": "es_US"}


@register.simple_tag(takes_context=True)
def lurl(context, english_path):
    """The link to an English page (a fixed path like "/contact/") in the language being
    rendered: its Spanish translation on Spanish pages (practice_site.i18n.localized_path)."""
    from practice_site.i18n import localized_path

    return localized_path(context.get("request"), english_path)


@register.simple_tag(takes_context=True)
def page_languages(context, page, subpath=""):
    """The page in each language it is live in: [{code, path, url, name, label, current}],
    the current language first; [] when the page has no live translation. ``subpath``: a
    routable page's sub-page that exists in every language (the contact page's thanks)."""
    from practice_site.i18n import page_alternates

    request = context.get("request")
    if request is None:
        return []
    current = translation.get_language()
    if not hasattr(page, "get_full_url"):  # no page (the search, an error page): "" in templates
        # A page of its own in every language (the search): the view gives its paths.
        paths = context.get("language_paths") or {}
        return _languages(request, paths, current, request.build_absolute_uri("/")[:-1])
    listing = context.get("listing")
    if listing is not None and getattr(listing, "subpath", ""):
        return []  # a category, tag or author listing: no exact counterpart
    if getattr(page, "listing_page_number", 1) > 1:
        return []  # ?page=2 of a listing: its counterpart would be another list
    alternates = page_alternates(request, page)
    subpath = subpath or context.get("language_subpath", "")
    # Absolute URLs on the site's own root URL, like the canonical link (Wagtail's full URL).
    parts = urlsplit(page.get_full_url(request) or request.build_absolute_uri("/"))
    base = f"{parts.scheme}://{parts.netloc}"
    # A sub-page of a routable page (the contact page's thanks page) may be named differently in
    # each language: {"en": "thanks/", "es": "gracias/"}.
    subpaths = subpath if isinstance(subpath, dict) else {}
    return _languages(
        request,
        {code: path + (subpaths.get(code, "") if subpaths else subpath) for code, path in alternates.items()},
        current,
        base,
    )


def _languages(request, alternates, current, base):
    if current not in alternates:
        return []
    languages = []
    for code, _name in settings.LANGUAGES:
        if code in alternates:
            path = alternates[code]
            languages.append(
                {
                    "code": code,
                    "path": path,
                    "url": base + path,
                    "name": LANGUAGE_NAMES.get(code, code),
                    "label": SWITCH_LABELS.get(code, LANGUAGE_NAMES.get(code, code)),
                    "current": code == current,
                }
            )
    languages.sort(key=lambda item: not item["current"])
    return languages


@register.filter
def long_date(value):
    """ "December 1, 2026" in English, "1 de diciembre de 2026" in Spanish."""
    from django.utils.dateformat import format as format_date
    from django.utils.translation import pgettext

    if not value:
        return ""
    return format_date(value, pgettext("long date format", "F j, Y"))


@register.filter
def startswith(value, prefix):
    return bool(prefix) and str(value).startswith(str(prefix))


@register.simple_tag
def og_locale():
    return OG_LOCALES.get(translation.get_language(), "en_US")


@register.simple_tag
def home_path():
    """The home page of the language being rendered ("/" or "/es/")."""
    language = translation.get_language()
    return "/" if language == settings.LANGUAGE_CODE else f"/{language}/"


@register.filter
def e164(value):
    return to_e164(value)


@register.filter
def phone_display(value):
    return to_display(value)


@register.filter
def highlight(text, query):
    """Escape `text` and wrap each word of the search `query` in <mark> (case-insensitive)."""
    text = escape(text or "")
    words = sorted({w for w in re.findall(r"\w{2,}", query or "")}, key=len, reverse=True)[:10]
    if not words:
        return mark_safe(text)
    pattern = re.compile("|".join(re.escape(escape(w)) for w in words), re.IGNORECASE)
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", text))
