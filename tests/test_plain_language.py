"""The plain-language check editors see at the top of every page's edit form: the reading grade
(Flesch-Kincaid) and each stigmatizing word with person-first alternatives (NIDA's "Words
Matter"). The first-person pain point and quotations are exempt; it never blocks publishing.
The "Plain language" report lists live pages above grade 8 or with flagged words."""

import pytest
from django.urls import reverse

from practice_site.demo import quote, section
from practice_site.plain_language import check_page, reading_grade, syllables
from practice_site.words_matter import find_terms
from specialties.models import SpecialtyPage
from tests.contact_helpers import editor_user
from tests.staff_helpers import log_in_verified


@pytest.fixture
def editor(client, db):
    user = editor_user()
    log_in_verified(client, user)
    return user


def new_specialty(slug, body=(), pain_point="", publish=False, **fields):
    index = SpecialtyPage.objects.first().get_parent()
    page = SpecialtyPage(
        title="Test page",
        slug=slug,
        summary="A plain summary.",
        body=list(body),
        pain_point=pain_point,
        **fields,
    )
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def edit_form(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index("data-plain-language-check")
    return html[start : html.index("</div>", start)]


def test_reading_grade_and_syllables():
    assert syllables("cat") == 1 and syllables("recovery") == 4 and syllables("made") == 1
    easy = reading_grade(["We can help. Call us today. You are not alone."])
    hard = reading_grade(
        [
            "Pharmacological interventions demonstrate considerable effectiveness regarding "
            "opioid-related mortality, notwithstanding heterogeneous implementation circumstances."
        ]
    )
    assert easy < 3 and hard > 16
    assert reading_grade([]) is None


def test_word_list_finds_terms_but_not_innocent_words():
    found = {term.term: count for term, count in find_terms("He was an addict. Addicts relapse. Stay clean.")}
    assert found == {"addict": 2, "clean": 1, "relapse": 1}
    assert not find_terms("Child abuse must be reported. Alcoholics Anonymous helps. Put down the mat.")
    assert [t.term for t, _ in find_terms("substance abuse and drug users")] == [
        "drug user",
        "substance abuse",
    ]


@pytest.mark.django_db
def test_edit_form_shows_the_term_and_an_alternative(client, editor):
    page = new_specialty(
        "plain-check",
        body=[section("Words", "<p>Every addict deserves care. Stay clean for a month.</p>")],
    )
    panel = edit_form(client, page)
    assert "Reading grade:" in panel
    assert "<strong>addict</strong>" in panel and "person with a substance use disorder" in panel
    assert "<strong>clean</strong>" in panel and "in recovery" in panel
    assert "describes a person or a test result" in panel


@pytest.mark.django_db
def test_first_person_pain_point_and_quotes_are_exempt(client, editor):
    page = new_specialty(
        "pain-point-check",
        body=[
            section("Words", "<p>We help people heal with care and time.</p>"),
            quote("I was a junkie for ten years.", "A person in recovery, quoted in a book"),
        ],
        pain_point="Some nights I wonder if I'm just an addict. I want to be clean.",
    )
    result = check_page(page)
    assert result.terms == [] and result.grade is not None
    panel = edit_form(client, page)
    assert "No stigmatizing words found." in panel and "junkie" not in panel


@pytest.mark.django_db
def test_flagged_words_never_block_publishing(client, editor):
    page = new_specialty("publish-anyway", body=[section("Words", "<p>An addict can recover.</p>")])
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
    from wagtail.test.utils.form_data import streamfield as stream

    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "hero_image": "",
            "hero_alt": "",
            "pain_point_heading": "Maybe this sounds familiar",
            "pain_point": "",
            "body": stream(
                [
                    (
                        "section",
                        {
                            "heading": "Words",
                            "heading_level": "h2",
                            "body": rich_text("<p>An addict can recover.</p>"),
                        },
                    )
                ]
            ),
            "references": stream([]),
            "related_posts": inline_formset([]),
            "related_tags": "",
            "action-publish": "action-publish",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
def test_demo_pages_read_at_grade_eight_or_lower_without_flagged_words():
    from wagtail.models import Page

    # The English pages (Flesch-Kincaid grade); the Spanish ones are read with the Spanish
    # formula (tests/test_spanish_content.py).
    for page in Page.objects.live().filter(depth__gt=1, locale__language_code="en").specific():
        result = check_page(page)
        if page.slug == "blog":  # the listing's one-line description only
            continue
        assert result.grade is not None and result.grade <= 8, (page.url_path, result.grade)
        assert not result.terms, (page.url_path, result.terms_text)


@pytest.mark.django_db
def test_report_lists_pages_with_a_high_grade_or_flagged_words(client, editor):
    flagged = new_specialty(
        "flagged", body=[section("Words", "<p>Each addict is welcome.</p>")], publish=True
    )
    hard = new_specialty(
        "hard-words",
        body=[
            section(
                "Words",
                "<p>Pharmacological interventions demonstrate considerable effectiveness "
                "regarding opioid-related mortality, notwithstanding heterogeneous "
                "implementation circumstances.</p>",
            )
        ],
        publish=True,
    )
    html = client.get(reverse("plain_language_report")).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[flagged.pk]) in html
    assert reverse("wagtailadmin_pages:edit", args=[hard.pk]) in html
    assert "<strong>addict</strong>" in html
    assert (
        reverse(
            "wagtailadmin_pages:edit",
            args=[SpecialtyPage.objects.get(slug="sex-addiction-and-attachment").pk],
        )
        not in html
    )
