"""The Spanish site in a real browser (issue 17): axe-core finds no WCAG 2.2 AA violation on
the Spanish home, a specialty page, the contact page (submitted empty, with its Spanish error
messages) and an article, at 360 px and 1280 px; touch targets and reflow hold; a keyboard user
reaches the language switcher and it leads to the same page in English.

An integration test over the demo's Spanish content (practice_site.demo_es), as visitors get it."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.test_accessibility import OVERFLOW_JS, SMALL_TARGETS_JS, _axe_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONTACT_WITH_ERRORS = "contact (submitted empty)"


def spanish_pages():
    from blog.models import BlogPage
    from contact.models import ContactPage
    from specialties.models import SpecialtyPage

    def first(model):
        page = model.objects.live().filter(locale__language_code="es").order_by("path").first()
        assert page is not None, f"the demo has no Spanish {model.__name__}"
        return page.url

    return {
        "home": "/es/",
        "specialty": first(SpecialtyPage),
        "article": first(BlogPage),
        CONTACT_WITH_ERRORS: first(ContactPage),
    }


def _open(page, base_url, name, path):
    response = page.goto(base_url + path)
    assert response.status == 200, f"{path} answered {response.status}"
    assert page.locator("html").get_attribute("lang") == "es", path
    if name == CONTACT_WITH_ERRORS:
        page.get_by_role("button", name="Enviar mi mensaje").click()
        page.wait_for_load_state()
        assert page.locator("#error-summary").is_visible(), "the empty Spanish form showed no errors"
        assert "Revise algunas cosas" in page.locator("#error-summary").inner_text()
        page.wait_for_function("document.activeElement && document.activeElement.id === 'error-summary'")
        page.evaluate("window.scrollTo(0, 0)")


def _check(page, base_url, width, narrow):
    axe = Axe()
    problems = []
    for name, path in spanish_pages().items():
        page.set_viewport_size(width)
        _open(page, base_url, name, path)
        label = f"{path} ({name}) @{width['width']}px"
        problems += _axe_problems(page, label, axe)
        problems += [f"{label}: target smaller than 24x24: {t}" for t in page.evaluate(SMALL_TARGETS_JS)]
        page.set_viewport_size(narrow)
        overflow = page.evaluate(OVERFLOW_JS)
        if overflow:
            problems.append(f"{label}: cut off at {narrow['width']}px: {', '.join(overflow)}")
    return problems


@pytest.fixture
def lifted_form_limits(settings):
    settings.CONTACT_MIN_FILL_SECONDS = 0
    settings.CONTACT_RATE_LIMIT = "1000/60"


def test_spanish_pages_pass_axe_at_phone_width(live_demo, phone_page, lifted_form_limits):
    problems = _check(phone_page, live_demo.url, {"width": 360, "height": 740}, {"width": 320, "height": 740})
    assert not problems, "Accessibility problems on Spanish pages at 360 px:\n" + "\n".join(problems)


def test_spanish_pages_pass_axe_at_desktop_width(live_demo, desktop_page, lifted_form_limits):
    problems = _check(
        desktop_page, live_demo.url, {"width": 1280, "height": 800}, {"width": 640, "height": 400}
    )
    assert not problems, "Accessibility problems on Spanish pages at 1280 px:\n" + "\n".join(problems)


def test_a_keyboard_user_reaches_the_switcher_and_it_leads_to_the_english_page(live_demo, phone_page):
    page = phone_page
    specialty = spanish_pages()["specialty"]
    page.goto(live_demo.url + specialty)
    focused = []
    for _ in range(6):  # skip link, the phone, then the switcher: all in the top bar
        page.keyboard.press("Tab")
        info = page.evaluate(
            "() => { const el = document.activeElement;"
            " return {cls: el.className, href: el.getAttribute('href'), lang: el.getAttribute('lang'),"
            " text: el.textContent.trim(), outline: getComputedStyle(el).outlineStyle}; }"
        )
        focused.append(info)
        if info["cls"] == "lang-switch":
            break
    switch = focused[-1]
    assert switch["cls"] == "lang-switch", f"Tab never reached the switcher: {focused}"
    assert switch["text"] == "English" and switch["lang"] == "en"
    assert switch["outline"] != "none", "the focused switcher shows no focus ring"
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url.startswith(live_demo.url + "/specialties/")
    # And back: the English page's switcher leads to the same Spanish page.
    assert page.locator("a.lang-switch").get_attribute("href") == specialty
