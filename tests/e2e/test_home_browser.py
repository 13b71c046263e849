"""The home page in a real browser at phone width."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_phone_link_is_visible_and_dialable_at_phone_width(live_demo, phone_page):
    phone_page.goto(live_demo.url + "/")
    link = phone_page.locator(".topbar a[href^='tel:']")
    assert link.get_attribute("href") == "tel:+15035550123"
    box = link.bounding_box()
    assert box is not None
    assert 0 <= box["y"] and box["y"] + box["height"] <= 740
    assert 0 <= box["x"] and box["x"] + box["width"] <= 360
    assert phone_page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")


def test_skip_link_moves_focus_to_main_content(live_demo, phone_page):
    phone_page.goto(live_demo.url + "/")
    phone_page.keyboard.press("Tab")
    assert phone_page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    phone_page.keyboard.press("Enter")
    assert phone_page.evaluate("document.activeElement.id") == "main"


def test_navigation_reaches_the_specialty_index(live_demo, phone_page):
    phone_page.goto(live_demo.url + "/")
    phone_page.get_by_role("navigation", name="Main").get_by_role("link", name="Specialties").click()
    phone_page.wait_for_url("**/specialties/")
    assert phone_page.locator("h1").inner_text() == "Specialties"
