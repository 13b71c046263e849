"""The Spanish demo site (/es/) and the Spanish plain-language check: the loader writes every
Spanish page once, as Wagtail translations, and never over an editor's work; every Spanish page
reads "bastante fácil" or easier (Fernández-Huerta 70+) and uses person-first words; the edit
panel shows Spanish pages the Spanish score and the Spanish word list."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page

from blog.models import Author, BlogCategory
from practice_site.clinical_review import CLINICAL_REVIEWERS_GROUP
from practice_site.demo import section
from practice_site.demo_es import load_spanish_demo_content
from practice_site.plain_language import check_page
from practice_site.plain_language_es import fernandez_huerta, syllables
from practice_site.words_matter_es import find_terms
from specialties.models import SpecialtyPage
from tests.contact_helpers import editor_user
from tests.staff_helpers import log_in_verified

SPANISH_PATHS = [
    "/es/",
    "/es/especialidades/",
    "/es/especialidades/enfoque-compasivo/",
    "/es/especialidades/adiccion-e-intimidad/",
    "/es/especialidades/adiccion-sexual-y-apego/",
    "/es/blog/",
    "/es/blog/sanar-en-comunidad/",
    "/es/blog/la-recuperacion-es-posible/",
    "/es/blog/cuando-un-ser-querido-consume/",
    "/es/contacto/",
    "/es/contacto/gracias/",
    "/es/quienes-somos/",
    "/es/costos-y-seguros/",
    "/es/preguntas-frecuentes/",
    "/es/para-familias/",
    "/es/privacidad/",
    "/es/somos-el-lugar-adecuado/",
]


@pytest.fixture
def spanish_site(db):
    """The Spanish demo on top of the English one (a no-op when load_demo_content wrote it)."""
    load_spanish_demo_content()
    return Locale.objects.get(language_code="es")


def spanish_page(slug):
    return Page.objects.get(locale__language_code="es", slug=slug).specific


def spanish_pages():
    return list(Page.objects.live().filter(locale__language_code="es").specific().order_by("path"))


@pytest.fixture
def editor(client, db):
    user = editor_user()
    log_in_verified(client, user)
    return user


# The loader ------------------------------------------------------------------------------------


def test_loader_runs_twice_without_duplicates(spanish_site):
    pages = Page.objects.filter(locale=spanish_site).count()
    counts = (Author.objects.count(), BlogCategory.objects.count())
    assert load_spanish_demo_content() == []
    assert Page.objects.filter(locale=spanish_site).count() == pages
    assert (Author.objects.count(), BlogCategory.objects.count()) == counts
    english = Page.objects.live().filter(locale__language_code="en", depth__gt=1)
    assert pages == english.count() == 16
    translations = [(page, page.get_translation(spanish_site)) for page in english]
    assert all(translation.live for _, translation in translations)  # one each (get() found it)
    assert [page.title for page, translation in translations if translation.title == page.title] == ["Blog"]


def test_every_spanish_page_is_served_in_the_spanish_tree(client, spanish_site):
    for path in SPANISH_PATHS:
        assert client.get(path).status_code == 200, path
    home = client.get("/es/").content.decode()
    assert "No tiene que cargar con esto solo" in home
    assert "/es/especialidades/enfoque-compasivo/" in home  # featured: the Spanish specialties
    assert "/specialties/compassionate-approach-to-addiction/" not in home


def test_links_inside_the_spanish_content_lead_to_spanish_pages(client, spanish_site):
    links = set()
    for page in spanish_pages():
        links.update(re.findall(r'href=\\?"(/[^"\\]*)', str(page.serializable_data())))
    assert links and all(link.startswith("/es/") for link in links), links
    for link in links:
        assert client.get(link).status_code == 200, link


def test_spanish_clinicians_and_categories_are_translations(spanish_site):
    castillo = Author.objects.get(slug="naomi-castillo", locale=spanish_site)
    english = Author.objects.get(slug="naomi-castillo", locale=Locale.get_default())
    assert castillo.translation_key == english.translation_key and castillo.user_id is None
    assert "Atiende en inglés y en español" in castillo.bio
    assert set(BlogCategory.objects.filter(locale=spanish_site).values_list("slug", flat=True)) == {
        "sexo-e-intimidad",
        "recuperacion",
        "familia-y-relaciones",
    }
    article = spanish_page("sanar-en-comunidad")
    assert [link.author.locale_id for link in article.author_links.all()] == [spanish_site.pk]
    assert {c.slug for c in article.categories.all()} == {"sexo-e-intimidad", "recuperacion"}
    about = spanish_page("quienes-somos")
    (block,) = [child for child in about.body if child.block_type == "clinicians"]
    assert block.value["heading"] == "Nuestro equipo clínico"
    assert {author.locale_id for author in block.value["clinicians"]} == {spanish_site.pk}


def test_spanish_pages_carry_the_demo_clinical_review(spanish_site):
    from practice_site.clinical_review import ClinicallyReviewedPage

    reviewed = [page for page in spanish_pages() if isinstance(page, ClinicallyReviewedPage)]
    assert len(reviewed) == 12
    for page in reviewed:
        assert page.review_is_current, page.url_path
        assert page.reviewed_by.username == "demo-clinical-reviewer"


def test_an_editors_change_to_a_spanish_page_survives_a_reload(spanish_site, editor):
    # FAQ is under clinical review: the person who publishes a change to it is a reviewer.
    editor.groups.add(Group.objects.get(name=CLINICAL_REVIEWERS_GROUP))
    faq = spanish_page("preguntas-frecuentes")
    faq.title = "Sus preguntas, nuestras respuestas"
    faq.save_revision(user=editor).publish(user=editor)
    privacy = spanish_page("privacidad")
    privacy.unpublish(user=editor)

    assert load_spanish_demo_content() == []
    faq.refresh_from_db()
    privacy.refresh_from_db()
    assert faq.title == "Sus preguntas, nuestras respuestas" and not privacy.live
    assert faq.review_state != "reviewed"  # the demo review is not stamped on an editor's version


def test_a_translation_nobody_has_written_yet_is_filled_in(spanish_site):
    """A draft copy made by Wagtail (as the locale migration makes the Spanish home) still holds
    the English text: the loader writes it in Spanish and publishes it."""
    fees = spanish_page("costos-y-seguros")
    fees.delete()
    english = Page.objects.get(slug="fees-and-insurance", locale=Locale.get_default())
    draft = english.copy_for_translation(spanish_site)
    assert not draft.live and draft.title == "Fees & insurance"

    written = load_spanish_demo_content()
    assert [page.pk for page in written] == [draft.pk]
    draft.refresh_from_db()
    assert draft.live and draft.title == "Costos y seguros" and draft.slug == "costos-y-seguros"


# Plain Spanish ---------------------------------------------------------------------------------


def test_every_spanish_page_reads_fairly_easy_without_flagged_words(spanish_site):
    pages = spanish_pages()
    assert len(pages) == 16
    for page in pages:
        result = check_page(page)
        assert result.score is not None and result.score >= 70, (page.url_path, result.score)
        assert not result.terms, (page.url_path, result.terms_text)


def test_first_person_pain_points_keep_the_speakers_words(spanish_site):
    """The pain points speak as a person speaks of themselves ("soy un adicto"); the check leaves
    them out, as it does in English."""
    page = spanish_page("enfoque-compasivo")
    assert find_terms(page.pain_point) and not check_page(page).terms


def test_crisis_lines_in_spanish(client, spanish_site):
    html = client.get("/es/somos-el-lugar-adecuado/").content.decode()
    assert 'href="tel:911"' in html and 'href="tel:988"' in html
    assert "oprima 2 para hablar en español" in html and "AYUDA por texto" in html
    assert "1-800-662-4357" in html and "1-800-487-4889" in html


def test_spanish_syllables_handle_diphthongs_and_hiatus():
    cases = {
        "casa": 2,
        "cielo": 2,  # ie: diphthong
        "ciudad": 2,  # iu: diphthong
        "buey": 1,  # triphthong, y as a vowel
        "día": 2,  # accented í: hiatus
        "país": 2,
        "reúne": 3,
        "leer": 2,  # two strong vowels: hiatus
        "poeta": 3,
        "quiero": 2,  # silent u
        "pingüino": 3,
        "hoy": 1,
        "ayuda": 3,  # y before a vowel is a consonant
        "y": 1,
        "recuperación": 5,
        "Fernández": 3,
    }
    assert {word: syllables(word) for word in cases} == cases


def test_fernandez_huerta_on_known_sentences():
    # 5 words, 7 syllables, 1 sentence: 206.84 - 0.60 * 140 - 1.02 * 5
    assert fernandez_huerta(["Mi casa es tu casa."]) == 117.7
    easy = fernandez_huerta(["Le queremos ayudar. Llame hoy. No está solo."])
    hard = fernandez_huerta(
        [
            "La implementación de intervenciones farmacológicas demuestra una efectividad "
            "considerable respecto de la mortalidad relacionada con los opioides, "
            "independientemente de las heterogéneas circunstancias institucionales."
        ]
    )
    assert easy > 90 and hard < 30
    # The same words in shorter sentences read easier (the formula's F is words per sentence).
    assert fernandez_huerta(["Vamos a su ritmo. Usted decide. Hablamos hoy."]) > fernandez_huerta(
        ["Vamos a su ritmo, usted decide y hablamos hoy."]
    )
    assert fernandez_huerta([]) is None


def test_spanish_word_list():
    text = (
        "Era un adicto. Los drogadictos y los alcohólicos. Sigue limpio. Abuso de drogas. "
        "Alcohólicos Anónimos ayuda. Las bebidas alcohólicas. Abuso infantil. La adicción. "
        "Una sustancia adictiva."
    )
    found = {term.term: count for term, count in find_terms(text)}
    assert found == {"adicto / drogadicto": 2, "alcohólico": 1, "abuso de sustancias": 1, "limpio": 1}


# The editor's view -----------------------------------------------------------------------------


def new_spanish_specialty(locale, slug, text, publish=False):
    index = spanish_page("especialidades")
    page = SpecialtyPage(
        title="Página de prueba",
        slug=slug,
        summary="Un resumen corto.",
        locale=locale,
        body=[section("Palabras", text)],
    )
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def test_edit_panel_shows_the_spanish_score_and_alternatives(client, spanish_site, editor):
    page = new_spanish_specialty(spanish_site, "prueba", "<p>Todo adicto merece cariño. Ya está limpio.</p>")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    start = html.index("data-plain-language-check")
    panel = html[start : html.index("</div>", start)]
    score = check_page(page).score
    assert f"Spanish readability (Fernández-Huerta): {score}" in panel
    assert "Reading grade" not in panel and "Flesch-Kincaid" not in panel
    assert "<strong>adicto / drogadicto</strong>" in panel
    assert "persona con un trastorno por consumo de sustancias" in panel
    assert "<strong>limpio</strong>" in panel and "en recuperación" in panel

    add_url = reverse("wagtailadmin_pages:add", args=["specialties", "specialtypage", page.get_parent().pk])
    assert "Spanish readability (Fernández-Huerta): no text yet" in client.get(add_url).content.decode()

    english = SpecialtyPage.objects.get(slug="sex-addiction-and-attachment", locale=Locale.get_default())
    html = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    assert "Reading grade:" in html and "Fernández-Huerta" not in html


def test_report_lists_spanish_pages_below_seventy_or_with_flagged_words(client, spanish_site, editor):
    hard = new_spanish_specialty(
        spanish_site,
        "dificil",
        "<p>La implementación de intervenciones farmacológicas demuestra una efectividad "
        "considerable respecto de la mortalidad relacionada con los opioides.</p>",
        publish=True,
    )
    flagged = new_spanish_specialty(spanish_site, "marcada", "<p>Un drogadicto llama.</p>", publish=True)
    html = client.get(reverse("plain_language_report")).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[hard.pk]) in html
    assert reverse("wagtailadmin_pages:edit", args=[flagged.pk]) in html
    assert "Fernández-Huerta" in html
    faq = spanish_page("preguntas-frecuentes")
    assert reverse("wagtailadmin_pages:edit", args=[faq.pk]) not in html
