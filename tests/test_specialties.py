"""Specialty pages: their blocks, the index, the page-type rules, JSON-LD and query counts."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from practice_site.blocks import CalloutBlock, FAQBlock, QuoteBlock, SectionBlock
from practice_site.demo import callout, cta, faq, quote, section
from practice_site.models import HomePage, StandardPage
from specialties.blocks import FrameworkStepsBlock, PrinciplesBlock, ScenarioBlock
from specialties.demo import DEMO_SPECIALTIES, principles, scenario, steps
from specialties.models import SpecialtyIndexPage, SpecialtyPage
from tests.helpers import parse_page, text_of
from tests.staff_helpers import log_in_verified

FRAMEWORK_URL = "/specialties/addiction-and-intimacy-framework/"


def render_block(block, raw):
    """Render a block from the same raw data the StreamField stores."""
    return block.render(block.to_python(raw))


@pytest.fixture
def index(db):
    return SpecialtyIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def page_cache_off(settings):
    """Query counts measure rendering, not the whole-page cache that serves repeat visits."""
    settings.PAGE_CACHE_ENABLED = False


def add_specialty(index, slug, body=(), publish=True, **fields):
    page = SpecialtyPage(
        title=fields.pop("title", slug.replace("-", " ").title()),
        slug=slug,
        summary=fields.pop("summary", f"Summary of {slug}."),
        body=list(body),
        **fields,
    )
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.save_revision()
        page.unpublish()
    return page


# --- Blocks ------------------------------------------------------------------------------------


def test_principles_block_renders_heading_and_each_belief_as_a_list_item():
    html = render_block(
        PrinciplesBlock(),
        {"heading": "What we believe", "principles": ["Connection heals.", "Shame keeps people stuck."]},
    )
    assert "<h2" in html and "What we believe" in html
    assert html.count("<li>") == 2
    assert "<li>Connection heals.</li>" in html
    assert "<li>Shame keeps people stuck.</li>" in html


def test_framework_steps_render_as_an_ordered_list_with_labelled_pro_tip_and_warning():
    html = render_block(
        FrameworkStepsBlock(),
        {
            "heading": "Three steps",
            "intro": "They overlap.",
            "steps": [
                {
                    "title": "Address the trauma",
                    "body": "Look gently at old hurts.",
                    "pro_tip": "Go at your own pace.",
                    "warning": "Brushing the past aside.",
                },
                {
                    "title": "Foster connection",
                    "body": "Build safe bonds.",
                    "pro_tip": "Talk honestly.",
                    "warning": "Covering for someone.",
                },
            ],
        },
    )
    assert '<ol class="steps__list"' in html
    assert html.count('<li class="step">') == 2
    assert "They overlap." in html
    assert "Address the trauma" in html and "Look gently at old hurts." in html
    # The labels are real text in the markup, not colour: screen readers announce them.
    assert '<strong class="step__label">Pro tip:</strong> Go at your own pace.' in html
    assert '<strong class="step__label">Watch out for:</strong> Brushing the past aside.' in html
    assert '<strong class="step__label">Pro tip:</strong> Talk honestly.' in html
    assert '<strong class="step__label">Watch out for:</strong> Covering for someone.' in html


def test_scenario_block_renders_who_and_story_with_an_example_label():
    html = render_block(
        ScenarioBlock(),
        {"who": "A person in recovery", "story": "Sam joins a group.\n\nSam has someone to call."},
    )
    assert "<h3" in html and "A person in recovery" in html
    assert "Example" in html
    assert "<p>Sam joins a group.</p>" in html and "<p>Sam has someone to call.</p>" in html


def test_shared_blocks_render_their_data():
    section_html = render_block(
        SectionBlock(), {"heading": "Parts", "heading_level": "h3", "body": "<p>Each part has a job.</p>"}
    )
    assert "<h3>Parts</h3>" in section_html and "Each part has a job." in section_html

    quote_html = render_block(
        QuoteBlock(),
        {"text": "One close connection.", "attribution": "Jim Thomas", "source": "", "source_url": ""},
    )
    assert "<blockquote" in quote_html and "One close connection." in quote_html
    assert "Jim Thomas" in quote_html

    callout_html = render_block(
        CalloutBlock(), {"tone": "important", "heading": "No shame", "text": "<p>You are welcome.</p>"}
    )
    assert "Important" in callout_html and "No shame" in callout_html and "You are welcome." in callout_html

    faq_html = render_block(
        FAQBlock(),
        {"heading": "Questions", "items": [{"question": "Is it private?", "answer": "<p>Yes.</p>"}]},
    )
    assert "<details" in faq_html and "Is it private?" in faq_html and "<p>Yes.</p>" in faq_html


@pytest.mark.django_db
def test_call_to_action_block_on_a_specialty_page_links_the_practice_phone_and_contact(
    client, index, practice
):
    add_specialty(index, "cta-page", body=[cta("Talk to us", "We will listen.")])
    html = client.get("/specialties/cta-page/").content.decode()
    assert "Talk to us" in html and "We will listen." in html
    assert f'href="tel:{practice.phone_e164}"' in html
    assert 'href="/contact/"' in html


# --- Demo content ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_demo_specialties_use_every_block_type_and_render(client, practice):
    used = set()
    for slug, _fields in DEMO_SPECIALTIES:
        page = SpecialtyPage.objects.get(slug=slug)
        used |= {child.block_type for child in page.body}
        assert page.search_description and page.pain_point
        response = client.get(f"/specialties/{slug}/")
        assert response.status_code == 200
        html = response.content.decode()
        parsed = parse_page(html)
        assert parsed.h1_count == 1
        assert f"tel:{practice.phone_e164}" in parsed.tel_links
        assert "Maybe this sounds familiar" in html
    assert {"section", "principles", "steps", "scenario", "quote", "faq", "cta", "callout"} <= used


@pytest.mark.django_db
def test_demo_prose_is_person_first_outside_the_first_person_pain_point():
    for slug, _fields in DEMO_SPECIALTIES:
        page = SpecialtyPage.objects.get(slug=slug)
        words = text_of(page.body.render_as_block() + page.summary + page.search_description).lower()
        assert " addict " not in words and " addicts " not in words, slug
        assert "(503)" not in words, "the phone number lives only in PracticeSettings"


@pytest.mark.django_db
def test_framework_page_shows_steps_with_labels_and_two_scenarios(client):
    html = client.get(FRAMEWORK_URL).content.decode()
    assert html.count('<li class="step">') == 3
    assert html.count("Pro tip:") == 3 and html.count("Watch out for:") == 3
    assert html.count('class="scenario"') == 2
    assert "Address the underlying trauma" in html
    assert "Practice self-care and self-compassion" in html


# --- Index -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_index_lists_live_children_in_admin_order_with_title_summary_and_link(client, index):
    extra = add_specialty(index, "grief-and-loss", title="Grief and Loss", summary="Loss can hurt.")
    # Editors reorder pages in the admin; the index follows that order.
    extra.move(index.get_first_child(), pos="left")
    html = client.get("/specialties/").content.decode()
    titles = [p.title for p in index.get_children().live().order_by("path")]
    assert titles[0] == "Grief and Loss"
    positions = [html.index(f">{title}</a>") for title in titles]
    assert positions == sorted(positions)
    assert 'href="/specialties/grief-and-loss/"' in html and "Loss can hurt." in html
    for slug, fields in DEMO_SPECIALTIES:
        assert f'href="/specialties/{slug}/"' in html
        assert escape(fields["summary"]) in html


@pytest.mark.django_db
def test_index_hides_drafts_and_private_pages(client, index):
    add_specialty(index, "unfinished-draft", title="Unfinished draft", publish=False)
    private = add_specialty(index, "staff-only", title="Staff only notes")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    html = client.get("/specialties/").content.decode()
    assert "Unfinished draft" not in html and "unfinished-draft" not in html
    assert "Staff only notes" not in html and "staff-only" not in html
    assert list(index.specialties().values_list("slug", flat=True)) == [slug for slug, _ in DEMO_SPECIALTIES]


@pytest.mark.django_db
def test_index_query_count_does_not_grow_with_specialties(
    client, index, page_cache_off, django_assert_max_num_queries
):
    client.get("/specialties/")  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as few:
        client.get("/specialties/")
    for number in range(6):
        add_specialty(index, f"extra-{number}")
    client.get("/specialties/")
    with CaptureQueriesContext(connection) as many:
        client.get("/specialties/")
    assert len(few) > 0  # really rendered, not served from a cache
    assert len(many) == len(few)
    with django_assert_max_num_queries(11):
        client.get("/specialties/")


# --- Page type rules and the admin -------------------------------------------------------------


def list_block(values):
    """Admin form data for a ListBlock."""
    data = {"count": len(values)}
    for position, value in enumerate(values):
        data[str(position)] = {"value": value, "deleted": "", "order": position, "id": ""}
    return data


@pytest.mark.django_db
class TestSpecialtyPageRules(WagtailPageTestCase):
    def setUp(self):
        user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
        log_in_verified(self.client, user)

    def test_specialty_pages_live_only_under_the_specialty_index(self):
        self.assertCanCreateAt(SpecialtyIndexPage, SpecialtyPage)
        self.assertCanNotCreateAt(HomePage, SpecialtyPage)
        self.assertCanNotCreateAt(StandardPage, SpecialtyPage)
        self.assertCanNotCreateAt(SpecialtyPage, SpecialtyPage)
        self.assertAllowedSubpageTypes(SpecialtyIndexPage, {SpecialtyPage})
        self.assertAllowedSubpageTypes(SpecialtyPage, set())

    def test_editor_can_create_a_specialty_page_with_every_specialty_block(self):
        index = SpecialtyIndexPage.objects.get(locale__language_code="en")
        step = {
            "title": "Name the pattern",
            "body": "Notice what happens first.",
            "pro_tip": "Write it down.",
            "warning": "Judging yourself.",
        }
        data = nested_form_data(
            {
                "title": "Gambling and Connection",
                "slug": "gambling-and-connection",
                "summary": "Gambling can be a way to escape loneliness.",
                "hero_alt": "",
                "pain_point_heading": "Maybe this sounds familiar",
                "pain_point": "I tell myself one more bet will fix it.",
                "related_posts": inline_formset([]),  # the blog's related-articles panel
                "related_tags": "",
                "body": streamfield(
                    [
                        (
                            "section",
                            {"heading": "Why", "heading_level": "h2", "body": rich_text("<p>Why.</p>")},
                        ),
                        ("principles", {"heading": "Beliefs", "principles": list_block(["You matter."])}),
                        ("steps", {"heading": "Steps", "intro": "", "steps": list_block([step])}),
                        ("scenario", {"who": "A person", "story": "They call a friend."}),
                        (
                            "quote",
                            {
                                "text": "Connection.",
                                "attribution": "Jim Thomas",
                                "source": "",
                                "source_url": "",
                            },
                        ),
                        (
                            "faq",
                            {
                                "heading": "Questions",
                                "items": list_block(
                                    [{"question": "Is it private?", "answer": rich_text("<p>Yes.</p>")}]
                                ),
                            },
                        ),
                        ("callout", {"tone": "note", "heading": "", "text": rich_text("<p>Note.</p>")}),
                        ("cta", {"heading": "Call us", "text": ""}),
                    ]
                ),
                "references": streamfield([]),
            }
        )
        self.assertCanCreate(index, SpecialtyPage, data)
        page = SpecialtyPage.objects.get(slug="gambling-and-connection")
        assert page.live
        assert [child.block_type for child in page.body] == [
            "section",
            "principles",
            "steps",
            "scenario",
            "quote",
            "faq",
            "callout",
            "cta",
        ]
        assert page.body[2].value["steps"][0]["pro_tip"] == "Write it down."
        response = self.client.get(page.url)
        assert "Write it down." in response.content.decode()

    def test_admin_refuses_a_hero_image_without_alt_text_and_keeps_the_input(self):
        import tempfile

        from django.test import override_settings
        from django.urls import reverse
        from wagtail.images.models import Image
        from wagtail.images.tests.utils import get_test_image_file

        index = SpecialtyIndexPage.objects.get(locale__language_code="en")
        with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
            image = Image.objects.create(title="Harbor", file=get_test_image_file())
            data = nested_form_data(
                {
                    "title": "Needs alt text",
                    "slug": "needs-alt-text",
                    "summary": "A summary.",
                    "hero_image": image.pk,
                    "hero_alt": "",
                    "pain_point_heading": "Maybe this sounds familiar",
                    "pain_point": "",
                    "body": streamfield([]),
                    "references": streamfield([]),
                    "related_posts": inline_formset([]),
                    "related_tags": "",
                    "action-publish": "action-publish",
                }
            )
            url = reverse("wagtailadmin_pages:add", args=["specialties", "specialtypage", index.pk])
            response = self.client.post(url, data)
        assert response.status_code == 200
        assert "hero_alt" in response.context["form"].errors
        assert response.context["form"]["summary"].value() == "A summary."
        assert not SpecialtyPage.objects.filter(slug="needs-alt-text").exists()


@pytest.mark.django_db
def test_hero_alt_text_is_required_when_an_image_is_set(index, settings, tmp_path):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    settings.MEDIA_ROOT = tmp_path
    image = Image.objects.create(title="Harbor at dawn", file=get_test_image_file())
    page = SpecialtyPage(title="Hero test", slug="hero-test", summary="A summary.", hero_image=image)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "hero_alt" in error.value.message_dict
    page.hero_alt = "   "
    with pytest.raises(ValidationError):
        page.clean()
    page.hero_alt = "Calm water at a harbor at dawn"
    page.clean()  # no error
    SpecialtyPage(title="No image", slug="no-image", summary="A summary.").clean()


@pytest.mark.django_db
def test_hero_image_loads_eagerly_with_size_and_alt_text(client, index, settings, tmp_path):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    settings.MEDIA_ROOT = tmp_path
    image = Image.objects.create(title="Harbor", file=get_test_image_file(size=(1600, 900)))
    add_specialty(index, "with-hero", hero_image=image, hero_alt="Calm water at a harbor")
    html = client.get("/specialties/with-hero/").content.decode()
    img = html[html.index("<img") : html.index(">", html.index("<img"))]
    assert 'alt="Calm water at a harbor"' in img
    assert 'loading="eager"' in img and 'fetchpriority="high"' in img
    assert 'width="' in img and 'height="' in img and "srcset=" in img


# --- JSON-LD -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_specialty_json_ld_is_a_medical_web_page_about_a_treatment_with_breadcrumbs_and_faq(client, practice):
    html = client.get("/specialties/sex-addiction-and-attachment/").content.decode()
    blocks = {block["@type"]: block for block in parse_page(html).json_ld}
    assert set(blocks) >= {"MedicalWebPage", "BreadcrumbList", "FAQPage"}
    web_page = blocks["MedicalWebPage"]
    assert web_page["about"]["@type"] == "PsychologicalTreatment"
    assert web_page["about"]["name"] == "Sex Addiction and Attachment"
    assert web_page["about"]["description"].startswith("Sexual behavior that feels out of control")
    assert web_page["publisher"]["@type"] == "MedicalClinic"
    assert web_page["publisher"]["telephone"] == practice.phone_e164
    assert web_page["url"].endswith("/specialties/sex-addiction-and-attachment/")
    crumbs = [item["name"] for item in blocks["BreadcrumbList"]["itemListElement"]]
    assert crumbs == ["Home", "Specialties", "Sex Addiction and Attachment"]
    questions = [q["name"] for q in blocks["FAQPage"]["mainEntity"]]
    assert "Do I have to give up sex to recover?" in questions


@pytest.mark.django_db
def test_specialty_without_faq_emits_no_faq_page(client):
    html = client.get(FRAMEWORK_URL).content.decode()
    types = [block["@type"] for block in parse_page(html).json_ld]
    assert types == ["MedicalWebPage", "BreadcrumbList"]


@pytest.mark.django_db
def test_json_ld_escapes_script_endings_in_editor_text(client, index):
    add_specialty(index, "tricky", title="Tricky </script><script>alert(1)</script>", summary="A & B")
    html = client.get("/specialties/tricky/").content.decode()
    assert "</script><script>alert(1)" not in html
    web_page = next(b for b in parse_page(html).json_ld if b["@type"] == "MedicalWebPage")
    assert web_page["about"]["name"] == "Tricky </script><script>alert(1)</script>"


# --- Query counts ------------------------------------------------------------------------------


def mixed_blocks(count):
    """`count` blocks cycling through every non-image block type."""
    kinds = [
        lambda n: section(f"Section {n}", f"<p>Paragraph {n}.</p>"),
        lambda n: principles(f"Beliefs {n}", ["One.", "Two."]),
        lambda n: steps(f"Steps {n}", [("Step", "Body.", "Tip.", "Trap.")]),
        lambda n: scenario(f"Person {n}", "A short story."),
        lambda n: quote(f"Words {n}.", "Jim Thomas"),
        lambda n: faq(f"Questions {n}", [(f"Question {n}?", "<p>Answer.</p>")]),
        lambda n: callout(f"<p>Note {n}.</p>", heading="Note"),
        lambda n: cta(f"Call {n}"),
    ]
    return [kinds[n % len(kinds)](n) for n in range(count)]


@pytest.mark.django_db
def test_rendering_a_specialty_page_takes_the_same_queries_for_3_or_30_blocks(
    client, index, page_cache_off, django_assert_max_num_queries
):
    add_specialty(index, "three-blocks", body=mixed_blocks(3))
    add_specialty(index, "thirty-blocks", body=mixed_blocks(30))
    client.get("/specialties/three-blocks/")  # warm per-process caches (site root paths)

    with CaptureQueriesContext(connection) as three:
        assert client.get("/specialties/three-blocks/").status_code == 200
    with CaptureQueriesContext(connection) as thirty:
        response = client.get("/specialties/thirty-blocks/")
    assert response.content.decode().count('class="step"') == 4
    assert len(three) > 0  # really rendered, not served from a cache
    assert len(thirty) == len(three), [q["sql"] for q in thirty.captured_queries]
    with django_assert_max_num_queries(12):
        client.get("/specialties/thirty-blocks/")
