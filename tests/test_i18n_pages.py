"""Spanish pages (issue 17): /es/, lang, hreflang both ways, the switcher, canonical, JSON-LD,
sitemap, feeds, search, the missing-translations report, and no English fixed text left on a
Spanish page. Fixture pages are built here (tests/i18n_helpers.py); the demo's Spanish content
is checked once, at the end, by the catalogue test over every Spanish page."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from tests.helpers import parse_page
from tests.i18n_helpers import (
    PO_FILE,
    VisibleText,
    alternates,
    compile_catalogue,
    make_english_page,
    publish,
    spanish,
    spanish_home,
    switcher_links,
    translate,
)


@pytest.fixture(autouse=True, scope="module")
def _catalogue():
    compile_catalogue()


@pytest.fixture
def pair(home):
    """An English page and its live Spanish translation."""
    spanish_home(home)
    english = make_english_page(
        home, "opening-test", "Opening test", summary="An English test page about hours."
    )
    translation = translate(
        english,
        title="Prueba de apertura",
        slug="prueba-de-apertura",
        summary="Una página de prueba en español.",
    )
    return english, translation


@pytest.mark.django_db
def test_spanish_home_and_a_translated_page_are_spanish_with_hreflang_pairs_both_ways(client, home, pair):
    english, translation = pair
    assert translation.url == "/es/prueba-de-apertura/"
    for path in ("/es/", translation.url):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert '<html lang="es">' in html, path
        assert response["Content-Language"] == "es"

    en_html = client.get(english.url).content.decode()
    es_html = client.get(translation.url).content.decode()
    expected = {
        "en": "http://localhost/opening-test/",
        "es": "http://localhost/es/prueba-de-apertura/",
        "x-default": "http://localhost/opening-test/",
    }
    assert alternates(en_html) == expected
    assert alternates(es_html) == expected
    # Canonical per language: each page is its own canonical.
    assert '<link rel="canonical" href="http://localhost/es/prueba-de-apertura/">' in es_html
    assert '<link rel="canonical" href="http://localhost/opening-test/">' in en_html
    # The switcher leads to the counterpart (not the home page), marked with its language.
    assert switcher_links(en_html) == [("/es/prueba-de-apertura/", "es")]
    assert switcher_links(es_html) == [("/opening-test/", "en")]
    assert 'lang="es" title="Leer esta página en español">Español</a>' in en_html
    assert 'lang="en" title="Read this page in English">English</a>' in es_html


@pytest.mark.django_db
def test_an_untranslated_page_has_no_switcher_and_no_alternates(client, home, pair):
    only_english = make_english_page(home, "english-only", "English only")
    html = client.get(only_english.url).content.decode()
    assert switcher_links(html) == [] and alternates(html) == {}
    assert 'class="lang-switch"' not in html


@pytest.mark.django_db
def test_a_draft_translation_gives_no_switcher_and_no_spanish_url(client, home, pair):
    english, translation = pair
    translation.unpublish()
    html = client.get(english.url).content.decode()
    assert switcher_links(html) == [] and alternates(html) == {}
    assert client.get(translation.url).status_code == 404


@pytest.mark.django_db
def test_spanish_urls_never_fall_back_to_english_pages(client, home, pair):
    only_english = make_english_page(home, "english-only", "English only")
    assert client.get(f"/es/{only_english.slug}/").status_code == 404
    # With the Spanish home unpublished there is no Spanish site at all, not the English one.
    spanish_home(home).unpublish()
    for path in ("/es/", "/es/opening-test/", "/es/prueba-de-apertura/"):
        assert client.get(path).status_code == 404, path


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, headers, language",
    [
        ("/", {"HTTP_ACCEPT_LANGUAGE": "es-MX,es;q=0.9"}, "en"),
        ("/opening-test/", {"HTTP_ACCEPT_LANGUAGE": "es"}, "en"),
        ("/es/", {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}, "es"),
        ("/es/prueba-de-apertura/", {"HTTP_ACCEPT_LANGUAGE": "en"}, "es"),
    ],
)
def test_the_url_alone_decides_the_language(client, pair, path, headers, language):
    client.cookies["django_language"] = "es" if language == "en" else "en"
    response = client.get(path, **headers)
    assert response.status_code == 200  # never a redirect to the other language
    assert f'<html lang="{language}">' in response.content.decode()
    assert response["Content-Language"] == language
    assert "Accept-Language" not in response.get("Vary", "")


@pytest.mark.django_db
def test_json_ld_says_the_language_of_the_page(client, pair):
    english, translation = pair
    for page, language in ((english, "en"), (translation, "es")):
        blocks = parse_page(client.get(page.url).content.decode()).json_ld
        web_page = next(block for block in blocks if block["@type"] == "WebPage")
        assert web_page["inLanguage"] == language


@pytest.mark.django_db
def test_sitemap_lists_both_languages_with_alternates(client, pair):
    english, translation = pair
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
    entries = {
        url.find("sm:loc", ns).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", ns)
        }
        for url in root.findall("sm:url", ns)
    }
    expected = {
        "en": "http://localhost/opening-test/",
        "es": "http://localhost/es/prueba-de-apertura/",
        "x-default": "http://localhost/opening-test/",
    }
    assert entries["http://localhost/opening-test/"] == expected
    assert entries["http://localhost/es/prueba-de-apertura/"] == expected
    assert "http://localhost/es/" in entries


@pytest.mark.django_db
def test_each_language_has_its_own_feed(client, home):
    from blog.models import BlogIndexPage, BlogPage

    spanish_home(home)
    index = BlogIndexPage.objects.get(locale__language_code="en")
    spanish_index = translate(index, title="Artículos", slug="articulos-prueba")
    post = BlogPage.objects.live().child_of(index).order_by("-date").first()
    spanish_post = translate(post, title="Un artículo en español", slug="un-articulo-prueba")

    english_feed = ET.fromstring(client.get(index.url + "feed/").content)
    spanish_feed = ET.fromstring(client.get(spanish_index.url + "feed/").content)
    assert spanish_index.url == "/es/articulos-prueba/"
    assert english_feed.find("channel/language").text == "en"
    assert spanish_feed.find("channel/language").text == "es"
    spanish_links = [item.find("link").text for item in spanish_feed.iter("item")]
    english_links = [item.find("link").text for item in english_feed.iter("item")]
    assert "http://localhost/es/articulos-prueba/un-articulo-prueba/" in spanish_links
    assert all("/es/" in link for link in spanish_links)
    assert not any("/es/" in link for link in english_links)
    assert spanish_post.url in client.get(spanish_index.url).content.decode()


@pytest.mark.django_db
def test_search_stays_within_the_visitors_language(client, home):
    spanish_home(home)
    english = make_english_page(home, "quokka-en", "Quokkaword notes", summary="About quokkaword in English.")
    translate(english, title="Notas quokkaword", slug="quokka-es", summary="Sobre quokkaword en español.")
    en_html = client.get("/search/?q=quokkaword").content.decode()
    es_html = client.get("/es/search/?q=quokkaword").content.decode()
    assert "/quokka-en/" in en_html and "/es/quokka-es/" not in en_html
    assert "/es/quokka-es/" in es_html and 'href="/quokka-en/"' not in es_html
    assert '<html lang="es">' in es_html and 'action="/es/search/"' in es_html
    # The switcher leads to the same search in the other language.
    assert switcher_links(en_html) == [("/es/search/?q=quokkaword", "es")]
    assert switcher_links(es_html) == [("/search/?q=quokkaword", "en")]


@pytest.mark.django_db
def test_header_and_footer_links_lead_to_the_spanish_pages(client, home):
    """Fixed links in the header and footer go to each page's Spanish translation."""
    from contact.models import ContactPage

    spanish_home(home)
    contact = ContactPage.objects.get(locale__language_code="en")
    spanish_contact = translate(contact, title="Contacto", slug="contacto-prueba")
    html = client.get("/es/").content.decode()
    assert f'href="{spanish_contact.url}"' in html
    assert 'href="/contact/"' not in html
    assert 'href="/es/search/"' in html


@pytest.mark.django_db
def test_editors_see_live_pages_without_a_spanish_translation(client, home, pair):
    from tests.staff_helpers import log_in_verified

    english, _translation = pair
    untranslated = make_english_page(home, "not-yet-in-spanish", "Not yet in Spanish")
    admin = get_user_model().objects.create_superuser("chief", "chief@example.org", "pw-long-enough-123")
    log_in_verified(client, admin)
    html = client.get("/admin/reports/missing-translations/").content.decode()
    assert "Not yet in Spanish" in html
    assert f"/admin/translation/submit/page/{untranslated.pk}/" in html
    assert "Opening test" not in html


@pytest.mark.django_db
def test_spanish_pages_render_within_the_english_query_budget(client, home, settings, pair):
    """An uncached Spanish page takes no more queries than its English original."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    english, translation = pair
    settings.PAGE_CACHE_ENABLED = False
    client.get(english.url), client.get(translation.url)  # warm the per-process memos
    counts = {}
    for page in (english, translation):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        counts[page.url] = len(queries)
    assert counts[translation.url] <= counts[english.url], counts


# No English fixed text on a Spanish page ------------------------------------------------------


def catalogue_phrases():
    """English phrases of the catalogue that must not appear on a Spanish page: each msgid's
    literal text between placeholders and tags, two words or longer (single words like "Blog"
    are the same in both languages), where the Spanish differs."""
    text = PO_FILE.read_text()
    phrases = set()
    for block in text.split("\n\n")[1:]:
        msgid = _joined(block, "msgid")
        msgstr = _joined(block, "msgstr")
        if not msgid or msgid == msgstr:
            continue
        literal = re.sub(r"<[^>]+>|%\([a-z_]+\)[sd]|\{[a-z_]+\}", "\n", msgid.replace("&amp;", "&"))
        for piece in literal.split("\n"):
            piece = " ".join(piece.replace('\\"', '"').split()).strip(' ,.:;()“”"')
            if len(piece.split()) >= 2:
                phrases.add(piece)
    return phrases


def _joined(block, key):
    match = re.search(rf'^{key}(?:\[0\])? ((?:".*"\n?)+)', block, re.M)
    if not match:
        return ""
    return "".join(re.findall(r'"(.*)"', match.group(1)))


def spanish_paths():
    paths = [page.url for page in Page.objects.live().filter(locale__language_code="es", depth__gt=1)]
    return paths + ["/es/search/?q=familia", "/es/search/?q=zzzzzz", "/es/no-such-page/"]


@pytest.mark.django_db
def test_no_english_fixed_text_on_any_spanish_page(client, home, pair):
    """Every live Spanish page (the fixtures and the demo's), the Spanish search and 404 pages:
    none shows a phrase of the English templates' catalogue untranslated."""
    from contact.models import ContactPage

    contact = ContactPage.objects.get(locale__language_code="en")
    spanish_contact = translate(contact, title="Contacto", slug=contact.slug)
    phrases = catalogue_phrases()
    assert len(phrases) > 100  # the catalogue was read
    paths = spanish_paths() + [spanish_contact.url + "thanks/"]
    assert len(paths) > 5
    for path in paths:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        html = response.content.decode()
        assert '<html lang="es">' in html, path
        # A reference list cites works by their own (often English) titles: not fixed text.
        html = re.sub(r'<section class="references".*?</section>', "", html, flags=re.S)
        visible = VisibleText.of(html)
        leftovers = sorted(
            phrase for phrase in phrases if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", visible)
        )
        assert not leftovers, (path, leftovers)


@pytest.mark.django_db
def test_the_english_pages_still_read_in_english(client, pair):
    english, _translation = pair
    html = client.get(english.url).content.decode()
    visible = VisibleText.of(html)
    assert "Skip to main content" in visible and "If this is an emergency" in visible
    assert "Saltar al contenido" not in visible
    assert publish  # (imported helper used by the fixtures)
    assert spanish().language_code == "es"


@pytest.mark.django_db
def test_phone_hours_and_crisis_notice_read_in_spanish_on_spanish_pages(client, home, practice):
    import datetime

    spanish_home(home)
    practice.opening_hours = [
        (
            "hours",
            {
                "days": ["Monday", "Tuesday", "Wednesday"],
                "opens": datetime.time(9),
                "closes": datetime.time(17, 30),
                "note": "by appointment",
                "note_es": "con cita previa",
            },
        )
    ]
    practice.crisis_notice_es = "Si está en peligro, llame al 911 ahora."
    practice.save()
    es_html = client.get("/es/").content.decode()
    assert "<dt>de lunes a miércoles</dt><dd>9 a. m. – 5:30 p. m. (con cita previa)</dd>" in es_html
    assert "Si está en peligro, llame al 911 ahora." in es_html
    contact_html = client.get("/es/contacto/").content.decode()
    assert "de lunes a miércoles 9 a. m. – 5:30 p. m. Fuera de ese horario" in contact_html  # one period
    en_html = client.get("/").content.decode()
    assert "<dt>Monday–Wednesday</dt><dd>9 AM – 5:30 PM (by appointment)</dd>" in en_html
    assert practice.crisis_notice in en_html


@pytest.mark.django_db
def test_every_spanish_page_weighs_under_60_kb_and_loads_nothing_from_other_origins(client, pair):
    from urllib.parse import urlsplit

    from tests.test_performance import WEIGHT_BUDGET, _Resources, static_file_size

    for path in spanish_paths()[:-3] + ["/es/search/?q=familia"]:
        response = client.get(path)
        resources = _Resources()
        resources.feed(response.content.decode())
        assert resources.css, path
        for url in resources.css + resources.js + resources.other:
            assert not urlsplit(url).netloc or urlsplit(url).netloc in ("testserver", "localhost"), (
                path,
                url,
            )
        weight = len(response.content) + sum(static_file_size(url) for url in resources.css + resources.js)
        assert weight <= WEIGHT_BUDGET, (path, weight)


@pytest.mark.django_db
def test_spanish_blog_pages_render_within_the_english_query_budget(client, home, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from blog.models import BlogIndexPage, BlogPage

    spanish_home(home)
    index = BlogIndexPage.objects.get(locale__language_code="en")
    post = BlogPage.objects.live().child_of(index).order_by("-date").first()
    spanish_index = translate(index, title="Artículos", slug="articulos-consultas")
    spanish_post = translate(post, title="Un artículo", slug="un-articulo-consultas")
    settings.PAGE_CACHE_ENABLED = False
    counts = {}
    for url in (index.url, spanish_index.url, post.url, spanish_post.url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    assert counts[spanish_index.url] <= counts[index.url], counts
    assert counts[spanish_post.url] <= counts[post.url], counts
    # Breadcrumbs start at the Spanish home.
    assert '<a href="/es/">Inicio</a>' in client.get(spanish_post.url).content.decode()


@pytest.mark.django_db
def test_an_editor_translates_a_page_and_a_clinician_with_the_translate_action(client, home):
    """Wagtail's "Translate" (simple_translation) for an Editor: a page gets a Spanish draft
    under the Spanish home; a clinician gets a Spanish profile with the same slug, and their
    admin account stays on the English one (one account, one profile)."""
    from blog.models import Author
    from tests.contact_helpers import editor_user
    from tests.staff_helpers import log_in_verified

    spanish_home(home)
    page = make_english_page(home, "to-translate", "To translate")
    account = get_user_model().objects.create_user("rivera", "rivera@example.org", "pw-long-enough-123")
    clinician = Author.objects.create(
        name="Alex Rivera", slug="alex-rivera", credentials="LCSW", user=account
    )
    editor = editor_user()
    log_in_verified(client, editor)
    es = spanish().pk
    response = client.post(f"/admin/translation/submit/page/{page.pk}/", {"locales": [es]})
    assert response.status_code == 302
    draft = page.get_translation(spanish())
    assert not draft.live and draft.get_parent().specific.locale.language_code == "es"
    response = client.post(
        f"/admin/translation/submit/snippet/blog/author/{clinician.pk}/", {"locales": [es]}
    )
    assert response.status_code == 302
    spanish_profile = clinician.get_translation(spanish())
    assert spanish_profile.slug == "alex-rivera" and spanish_profile.user_id is None
    clinician.refresh_from_db()
    assert clinician.user_id == account.pk


def test_robots_keeps_both_searches_out(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /search/\n" in body and "Disallow: /es/search/\n" in body
