"""Template tags every page uses: JSON-LD, phone links, crisis resources."""

import re
import time

from django import template
from django.core.cache import cache
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
    return mark_safe(
        "".join(f'<script type="application/ld+json">{dump_json_ld(item)}</script>' for item in blocks)
    )


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
