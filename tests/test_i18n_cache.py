"""The page cache and the two languages (issue 17): the URL alone decides the language, so a
cached page is only ever served for its own URL. Whatever Accept-Language or language cookie
the first (caching) visitor and the next ones send, /es/ pages stay Spanish and English pages
English, with their own Content-Language, no Vary on Accept-Language, and the contact form's
per-visitor holes filled in each language's copy."""

import re

import pytest
from django.test import Client

from contact.models import ContactPage, Inquiry
from tests.contact_helpers import form_data
from tests.i18n_helpers import compile_catalogue, make_english_page, spanish_home, translate

pytestmark = pytest.mark.django_db

SPANISH_HEADERS = {"HTTP_ACCEPT_LANGUAGE": "es-US,es;q=0.9"}
ENGLISH_HEADERS = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


@pytest.fixture(autouse=True, scope="module")
def _catalogue():
    compile_catalogue()


@pytest.fixture
def pages(home):
    spanish_home(home)
    english = make_english_page(home, "cache-test", "Cache test")
    spanish = translate(english, title="Prueba de caché", slug="prueba-de-cache")
    return english, spanish


def language_of(response):
    return re.search(r'<html lang="(\w+)">', response.content.decode()).group(1)


def visitor(cookie_language=None):
    client = Client()
    if cookie_language:
        client.cookies["django_language"] = cookie_language
    return client


@pytest.mark.parametrize("first_headers", [SPANISH_HEADERS, ENGLISH_HEADERS, {}])
def test_english_and_spanish_copies_never_cross(pages, first_headers):
    english, spanish = pages
    # The first visitor fills the cache, asking for the *other* language in every way they can.
    for page in (english, spanish):
        other = "es" if page is english else "en"
        response = visitor(other).get(page.url, **first_headers)
        assert response["X-Cache"] == "MISS"
    # Later visitors, whatever they ask for, get each URL's own language, from the cache.
    for page, language in ((english, "en"), (spanish, "es"), (english, "en"), (spanish, "es")):
        for headers, cookie in ((SPANISH_HEADERS, "es"), (ENGLISH_HEADERS, "en"), ({}, None)):
            response = visitor(cookie).get(page.url, **headers)
            assert response.status_code == 200
            assert response["X-Cache"] == "HIT", page.url
            assert language_of(response) == language, (page.url, headers, cookie)
            assert response["Content-Language"] == language
            assert "Accept-Language" not in response.get("Vary", "")


def test_home_pages_with_the_other_language_asked_for(pages):
    assert language_of(visitor("es").get("/", **SPANISH_HEADERS)) == "en"
    assert language_of(visitor().get("/", **SPANISH_HEADERS)) == "en"  # a hit now
    assert language_of(visitor("en").get("/es/", **ENGLISH_HEADERS)) == "es"
    hit = visitor().get("/es/", **ENGLISH_HEADERS)
    assert hit["X-Cache"] == "HIT" and language_of(hit) == "es"


def test_spanish_contact_form_from_the_cache_keeps_its_language_and_its_own_tokens(home):
    spanish_home(home)
    english = ContactPage.objects.get(locale__language_code="en")
    contacto = translate(english, title="Contacto", slug="contacto-cache")
    english_first = visitor("es").get(english.url, **SPANISH_HEADERS)
    spanish_first = visitor("en").get(contacto.url, **ENGLISH_HEADERS)
    english_hit = visitor().get(english.url, **SPANISH_HEADERS)
    spanish_hit = visitor().get(contacto.url, **ENGLISH_HEADERS)
    assert [english_first["X-Cache"], spanish_first["X-Cache"]] == ["MISS", "MISS"]
    assert [english_hit["X-Cache"], spanish_hit["X-Cache"]] == ["HIT", "HIT"]
    assert "Send my message" in english_hit.content.decode()
    spanish_html = spanish_hit.content.decode()
    assert "Enviar mi mensaje" in spanish_html and language_of(spanish_hit) == "es"
    assert "pagecache-hole" not in spanish_html
    assert "private" in spanish_hit["Cache-Control"] and "no-store" in spanish_hit["Cache-Control"]
    # The cached Spanish form works, and the inquiry is recorded as Spanish.
    client = Client()
    html = client.get(contacto.url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = form_data()
    response = client.post(contacto.url, {**data, "csrfmiddlewaretoken": token})
    assert response.status_code == 303
    assert Inquiry.objects.get().language == "es"


def test_changing_the_spanish_page_refreshes_only_through_the_usual_invalidation(pages):
    english, spanish = pages
    assert visitor().get(spanish.url)["X-Cache"] == "MISS"
    assert visitor().get(spanish.url)["X-Cache"] == "HIT"
    spanish.title = "Prueba de caché, revisada"
    spanish.save_revision().publish()
    response = visitor().get(spanish.url)
    assert response["X-Cache"] == "MISS" and "Prueba de caché, revisada" in response.content.decode()
    # Its English counterpart's switcher and hreflang still point at it.
    assert (
        'hreflang="es" href="http://localhost/es/prueba-de-cache/"'
        in visitor().get(english.url).content.decode()
    )
