"""The inquiry form end to end at phone width, and the inquiry arriving in the intake inbox."""

import pytest

from contact.models import Inquiry
from tests.contact_helpers import intake_user
from tests.staff_helpers import code_for, give_authenticator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_sends_an_inquiry_at_phone_width_and_intake_staff_find_it(
    live_demo, phone_page, browser, settings
):
    settings.CONTACT_MIN_FILL_SECONDS = 0  # the live server runs in this process
    page = phone_page
    page.goto(live_demo.url + "/contact/")
    call = page.get_by_text("Prefer to talk? Call")
    assert call.is_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")

    # A first try with a bad phone number: a message beside the field, nothing lost.
    page.get_by_label("Your name").fill("Robin Example")
    page.get_by_label("Myself").check()
    page.get_by_label("Phone call").check()
    page.get_by_label("Phone number").fill("12")
    page.get_by_label("I have read the").check()
    page.get_by_role("button", name="Send my message").click()
    assert page.locator("#id_phone_error").is_visible()
    assert page.get_by_label("Your name").input_value() == "Robin Example"
    assert page.locator("#id_phone").get_attribute("aria-invalid") == "true"

    page.get_by_label("Phone number").fill("(503) 555-0142")
    page.get_by_label("Anything you'd like us to know").fill("Evenings are best.")
    page.get_by_role("button", name="Send my message").click()
    page.wait_for_url("**/contact/thanks/")
    assert page.locator("h1").inner_text() == "Thank you for reaching out"
    assert page.locator("main a[href='tel:+15035550123']").first.is_visible()
    inquiry = Inquiry.objects.get()
    assert inquiry.status == "new" and inquiry.phone == "+15035550142"

    # Intake staff, in a separate browser context, log in and find it.
    user = intake_user("intake-browser")
    device = give_authenticator(user)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        admin = context.new_page()
        admin.goto(live_demo.url + "/admin/login/")
        admin.fill("input[name=username]", user.username)
        admin.fill("input[name=password]", "a-long-test-password-123")
        admin.locator("form button[type=submit], form input[type=submit]").first.click()
        # Intake staff sign in with a second factor: the code their authenticator app shows.
        admin.wait_for_url("**/admin/two-step/verify/**")
        admin.get_by_label("6-digit code from your authenticator app").fill(code_for(device))
        admin.get_by_role("button", name="Continue").click()
        admin.wait_for_url("**/admin/")
        assert admin.get_by_text("1 new").first.is_visible() or "1</strong> new" in admin.content()
        admin.goto(live_demo.url + "/admin/inquiries/?q=Robin")
        row = admin.get_by_role("link", name="Robin Example")  # the inbox links each name
        assert row.is_visible()
        row.click()
        admin.wait_for_url(f"**/admin/inquiries/edit/{inquiry.pk}/")
        assert "Evenings are best." in admin.content()
    finally:
        context.close()


def test_form_sent_from_a_cached_copy_in_a_fresh_browser_context(live_demo, browser, settings):
    """Someone else's visit put the contact page in the page cache; a new visitor (a fresh
    browser context: no cookies) is served that copy and can still send the form."""
    settings.CONTACT_MIN_FILL_SECONDS = 0
    first = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        assert first.new_page().goto(live_demo.url + "/contact/").headers["x-cache"] == "MISS"
    finally:
        first.close()

    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        response = page.goto(live_demo.url + "/contact/")
        assert response.headers["x-cache"] == "HIT"
        assert "no-store" in response.headers["cache-control"]
        page.get_by_label("Your name").fill("Jordan Cached")
        page.get_by_label("Someone I love").check()
        page.get_by_label("Email").first.check()
        page.get_by_label("Email address").fill("jordan@example.org")
        page.get_by_label("I have read the").check()
        page.get_by_role("button", name="Send my message").click()
        page.wait_for_url("**/contact/thanks/")
        assert page.locator("h1").inner_text() == "Thank you for reaching out"
    finally:
        context.close()
    inquiry = Inquiry.objects.get(name="Jordan Cached")
    assert inquiry.status == "new" and inquiry.email == "jordan@example.org"
