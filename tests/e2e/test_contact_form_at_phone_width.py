"""The public form as a person on a phone meets it: after a failed submit the summary of what
to fix is on screen (not 2.5 screens down), and the phone field stops saying "(optional)" once
a call or a text is chosen."""

import pytest

from contact.models import Inquiry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def in_view(page, selector):
    return page.evaluate(
        """(selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return box.top >= 0 && box.top < innerHeight && box.height > 0;
        }""",
        selector,
    )


def test_after_a_failed_submit_the_error_summary_is_in_view_and_focused(live_demo, phone_page, settings):
    settings.CONTACT_MIN_FILL_SECONDS = 0
    page = phone_page
    page.goto(live_demo.url + "/contact/")
    page.get_by_label("Your name").fill("Robin Example")
    page.get_by_label("Anything you'd like us to know").fill("Words I do not want to lose.")
    page.get_by_role("button", name="Send my message").click()
    page.wait_for_load_state("load")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'error-summary'")
    assert in_view(page, "#error-summary")
    assert page.get_by_label("Anything you'd like us to know").input_value() == "Words I do not want to lose."
    assert Inquiry.objects.count() == 0


def test_the_phone_field_says_it_is_needed_once_a_call_is_chosen(live_demo, phone_page):
    page = phone_page
    page.goto(live_demo.url + "/contact/")
    phone_label = page.locator("label[for='id_phone']")
    email_label = page.locator("label[for='id_email']")
    assert "(optional)" in phone_label.inner_text() and "needed" not in phone_label.inner_text()

    page.get_by_label("Phone call").check()
    assert "(needed for a call or text)" in phone_label.inner_text()
    assert "(optional)" not in phone_label.inner_text()
    assert "(optional)" in email_label.inner_text()

    page.get_by_label("Email", exact=True).check()
    assert "(optional)" in phone_label.inner_text()
    assert "(needed for an email)" in email_label.inner_text()
