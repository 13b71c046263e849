"""Spanish fixture pages for the i18n tests, built here rather than taken from the demo: each
English page gets a Spanish translation made the way an editor makes one (Wagtail's
copy_for_translation, then written in Spanish and published)."""

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from wagtail.models import Locale

PO_FILE = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.po"


def compile_catalogue():
    """The tests run with the compiled catalogue `make` builds; build it when it's missing or
    older than the .po (a plain `pytest` run)."""
    mo = PO_FILE.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime < PO_FILE.stat().st_mtime:
        subprocess.run(["msgfmt", "--check-format", "-o", str(mo), str(PO_FILE)], check=True)
        from django.utils.translation import trans_real

        trans_real._translations = {}
        trans_real._default = None


def spanish():
    return Locale.objects.get_or_create(language_code="es")[0]


def publish(page):
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def spanish_home(home):
    """The Spanish home page (the English home's translation), live."""
    from practice_site.i18n import ensure_spanish_home

    page = ensure_spanish_home(home)
    if not page.live:
        page.title = "Inicio"
        page.hero_heading = "No tiene que cargar con esto solo"
        page = publish(page)
    return page


def translate(page, **spanish_fields):
    """The live Spanish translation of an English ``page`` (its parent's translation must exist),
    made with Wagtail's copy_for_translation when there is none yet."""
    existing = page.get_translation_or_none(spanish())
    translation = existing.specific if existing else page.copy_for_translation(spanish()).specific
    for name, value in spanish_fields.items():
        setattr(translation, name, value)
    translation.save()
    return publish(translation)


def make_english_page(home, slug, title, **fields):
    from practice_site.models import StandardPage

    page = StandardPage(title=title, slug=slug, summary=fields.pop("summary", "A page for a test."), **fields)
    home.add_child(instance=page)
    return publish(page)


class VisibleText(HTMLParser):
    """The text a reader sees (and a screen reader reads): text nodes outside <script>, <style>
    and <head>, plus aria-label, alt, title and placeholder attributes."""

    SKIP = {"script", "style", "head", "title"}

    def __init__(self):
        super().__init__()
        self.parts = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        for name, value in attrs:
            if name in ("aria-label", "alt", "title", "placeholder") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)

    @classmethod
    def of(cls, html):
        parser = cls()
        parser.feed(html)
        return re.sub(r"\s+", " ", " ".join(parser.parts))


def alternates(html):
    """{hreflang: href} of the page's <link rel="alternate" hreflang> elements."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def switcher_links(html):
    """[(href, hreflang)] of the language switcher's links."""
    return re.findall(r'<a class="lang-switch" href="([^"]+)" hreflang="([^"]+)"', html)
