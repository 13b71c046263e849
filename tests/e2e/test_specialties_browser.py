"""Specialty pages in a real browser: readable at phone width, and the index at desktop width."""

import pytest

from specialties.demo import DEMO_SPECIALTIES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_framework_page_fits_a_phone_and_its_call_to_action_dials_the_practice(live_demo, phone_page):
    phone_page.goto(live_demo.url + "/specialties/addiction-and-intimacy-framework/")
    assert phone_page.locator("h1").inner_text() == "The Addiction and Intimacy Framework"
    assert phone_page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")

    # The steps are read in order, each with its labelled pro tip and warning visible.
    steps = phone_page.locator("ol.steps__list > li")
    assert steps.count() == 3
    first = steps.first
    assert first.locator(".step__note--tip").inner_text().startswith("Pro tip:")
    assert first.locator(".step__note--warning").inner_text().startswith("Watch out for:")

    cta = phone_page.locator("section.cta").last
    call = cta.locator("a[href^='tel:']")
    assert call.get_attribute("href") == "tel:+15035550123"
    call.scroll_into_view_if_needed()
    box = call.bounding_box()
    assert box is not None and box["height"] >= 24 and box["x"] + box["width"] <= 360
    assert cta.locator("a[href='/contact/']").count() == 1


def test_index_at_desktop_links_a_card_to_each_demo_specialty(live_demo, desktop_page):
    desktop_page.goto(live_demo.url + "/specialties/")
    assert desktop_page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
    cards = desktop_page.locator(".specialty-card")
    assert cards.count() == len(DEMO_SPECIALTIES)
    hrefs = [cards.nth(i).locator("a").get_attribute("href") for i in range(cards.count())]
    assert hrefs == [f"/specialties/{slug}/" for slug, _ in DEMO_SPECIALTIES]
    for position, (_slug, fields) in enumerate(DEMO_SPECIALTIES):
        card = cards.nth(position)
        assert card.locator("h2").inner_text() == fields["title"]
        assert card.locator("p").inner_text() == fields["summary"]

    # The whole card is the link's target: clicking the card's text opens the page.
    box = cards.nth(1).locator("p").bounding_box()
    desktop_page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    desktop_page.wait_for_url("**/specialties/addiction-and-intimacy-framework/")
    assert desktop_page.locator("h1").inner_text() == "The Addiction and Intimacy Framework"
