"""The Spanish contact form (issue 17): labels, choices and error messages in Spanish, what was
typed kept, the inquiry saved exactly like an English one with language "es", the thanks page
in Spanish, and intake staff who see, filter and export the language."""

import csv
import io
import re

import pytest

from contact.models import ContactPage, Inquiry
from tests.contact_helpers import form_data
from tests.helpers import text_of
from tests.i18n_helpers import VisibleText, compile_catalogue, spanish_home, translate
from tests.inbox_helpers import INDEX, make_inquiry, sign_in, staff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, scope="module")
def _catalogue():
    compile_catalogue()


@pytest.fixture
def contacto(home):
    spanish_home(home)
    english = ContactPage.objects.get(locale__language_code="en")
    return translate(
        english,
        title="Contacto",
        slug="contacto-prueba",
        thanks_text="Gracias por escribirnos. Le responderemos en un día hábil, como nos pidió.",
    )


def post(client, page, **overrides):
    return client.post(page.url, form_data(**overrides))


def test_spanish_form_has_spanish_labels_choices_and_help(client, contacto):
    html = client.get(contacto.url).content.decode()
    visible = VisibleText.of(html)
    for text in (
        "Su nombre",
        "¿Para quién es la ayuda?",
        "Para un ser querido",
        "¿Cómo prefiere que le contactemos?",
        "Mensaje de texto",
        "Mejor hora para contactarle",
        "Mañana (de 9 a 12)",
        "Enviar mi mensaje",
        "(obligatorio)",
        "Este formulario no es para emergencias.",
        "oprima 2",
    ):
        assert text in visible, text
    assert "Your name" not in visible and "Send my message" not in visible
    assert f'action="{contacto.url}"' in html


def test_invalid_spanish_submission_keeps_input_and_explains_in_spanish(client, contacto):
    response = post(
        client,
        contacto,
        name="",
        phone="12",
        email="ana@example.org",
        message="Hola & gracias",
        help_for="loved_one",
    )
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(html).replace("&#x27;", "'")
    assert "Revise algunas cosas más abajo, por favor" in text
    assert "No se perdió nada de lo que escribió." in text
    assert "Díganos cómo llamarle, por favor." in text
    assert "No pudimos leer ese número." in text
    assert "Please tell us" not in text and "We couldn't read" not in text
    assert 'value="12"' in html and 'value="ana@example.org"' in html
    assert "Hola &amp; gracias</textarea>" in html
    assert re.search(r'value="loved_one"[^>]*checked', html)
    assert Inquiry.objects.count() == 0


def test_spanish_method_without_its_contact_detail_is_explained_in_spanish(client, contacto):
    html = post(client, contacto, contact_method="email", email="", phone="").content.decode()
    assert "Agregue un correo electrónico para poder responderle" in text_of(html)


def test_valid_spanish_submission_is_saved_with_language_es_and_thanks_in_spanish(client, contacto):
    response = post(client, contacto, name="Ana", message="Quiero hablar sobre mi hijo.")
    assert response.status_code == 303
    assert response["Location"] == contacto.url + "gracias/"  # no English word in her history
    inquiry = Inquiry.objects.get()
    assert inquiry.language == "es" and inquiry.name == "Ana" and inquiry.status == Inquiry.Status.NEW
    assert inquiry.phone == "+15035550142" and inquiry.message == "Quiero hablar sobre mi hijo."
    thanks = client.get(response["Location"])
    html = thanks.content.decode()
    assert '<html lang="es">' in html
    visible = VisibleText.of(html)
    assert "Gracias por escribirnos" in visible and "un día hábil" in visible
    assert "Thank you for reaching out" not in visible
    # The switcher leads to the English thanks page, and back.
    assert 'class="lang-switch" href="/contact/thanks/"' in html
    english_html = client.get("/contact/thanks/").content.decode()
    assert f'class="lang-switch" href="{contacto.url}gracias/"' in english_html


def test_english_submission_is_saved_with_language_en(client, contacto):
    english = ContactPage.objects.get(locale__language_code="en")
    assert post(client, english).status_code == 303
    assert Inquiry.objects.get().language == "en"


def test_a_spanish_crisis_message_is_urgent_and_the_thanks_page_leads_with_911_and_988(client, contacto):
    response = post(client, contacto, message="A veces pienso en quitarme la vida.")
    assert response.status_code == 303
    assert Inquiry.objects.get().is_urgent
    html = client.get(response["Location"]).content.decode()
    main = html[html.index('<main id="main"') :]
    assert main.index('href="tel:911"') < main.index("Gracias por escribirnos")
    assert "oprima 2" in main[: main.index("Gracias por escribirnos")]


def test_staff_see_filter_and_export_the_language(client):
    maya = staff("maya", "Maya", "Okafor")
    make_inquiry("Ana Spanish", language="es")
    make_inquiry("Bo English", language="en")
    sign_in(client, maya)
    html = client.get(INDEX).content.decode()
    assert "<strong>Spanish</strong>" in html and "Language" in html
    only_spanish = client.get(INDEX + "?language=es").content.decode()
    assert "Ana Spanish" in only_spanish and "Bo English" not in only_spanish
    only_english = client.get(INDEX + "?language=en").content.decode()
    assert "Bo English" in only_english and "Ana Spanish" not in only_english
    assert "language=es" in html  # the one-click "Spanish" view
    response = client.get(INDEX + "?export=csv&language=es")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(row["Name"], row["Language"]) for row in rows] == [("Ana Spanish", "Spanish")]
