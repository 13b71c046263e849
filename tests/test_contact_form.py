"""The public inquiry form: validation, normalisation, kept input, the thanks page."""

import re

import pytest

from contact.forms import strip_control_characters
from contact.models import Inquiry
from tests.contact_helpers import CONTACT_URL, THANKS_URL, form_data
from tests.helpers import parse_page, text_of

pytestmark = pytest.mark.django_db


def post(client, **overrides):
    return client.post(CONTACT_URL, form_data(**overrides))


def test_contact_page_leads_with_the_phone_call_to_action_before_the_form(client):
    response = client.get(CONTACT_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert parse_page(html).h1_count == 1
    call = html.index("Prefer to talk? Call")
    assert call < html.index("<form")
    assert 'href="tel:+15035550123"' in html[call : call + 400]
    assert 'href="/privacy/"' in html
    assert "not for emergencies" in html


def test_contact_page_shows_the_text_number_when_one_is_set(client, practice):
    practice.text_number = "(503) 555-0147"
    practice.save()
    html = client.get(CONTACT_URL).content.decode()
    assert 'href="sms:+15035550147"' in html


def test_contact_and_thanks_pages_are_never_cached(client):
    for url in (CONTACT_URL, THANKS_URL):
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control


def test_contact_form_carries_a_csrf_token_and_a_signed_start_time(client):
    html = client.get(CONTACT_URL).content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert re.search(r'name="started_at" value="[^"]+:[^"]+"', html)


def test_csrf_is_enforced_for_the_contact_form(practice):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(CONTACT_URL, form_data()).status_code == 403
    strict.get(CONTACT_URL)
    token = strict.cookies["csrftoken"].value
    response = strict.post(CONTACT_URL, form_data(csrfmiddlewaretoken=token))
    assert response.status_code == 303
    assert Inquiry.objects.count() == 1


def test_valid_submission_is_saved_and_redirects_303_to_thanks(client):
    response = post(client)
    assert response.status_code == 303
    assert response["Location"] == THANKS_URL
    inquiry = Inquiry.objects.get()
    assert inquiry.name == "Sam Rivera"
    assert inquiry.phone == "+15035550142"
    assert inquiry.status == Inquiry.Status.NEW
    assert inquiry.help_for == "myself" and inquiry.contact_method == "call"
    assert inquiry.ok_to_leave_voicemail is True and inquiry.consent is True
    assert inquiry.best_time == "evening"
    assert inquiry.message == "I'd like to talk about my drinking."
    assert not inquiry.is_urgent
    inquiry.full_clean()


@pytest.mark.parametrize(
    "typed",
    ["(503) 555-0142", "503.555.0142", "503-555-0142", "+1 503 555 0142", "5035550142", "1 (503) 555-0142"],
)
def test_phone_numbers_are_stored_in_e164(client, typed):
    assert post(client, phone=typed).status_code == 303
    assert Inquiry.objects.get().phone == "+15035550142"


def test_international_phone_numbers_are_accepted(client):
    assert post(client, phone="+44 20 7946 0958").status_code == 303
    assert Inquiry.objects.get().phone == "+442079460958"


@pytest.mark.parametrize("typed", ["12", "not a number", "555-5555-55555-5555", "+1 000 000 0000"])
def test_invalid_phone_numbers_get_a_message_beside_the_field(client, typed):
    response = post(client, phone=typed)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_phone_error"' in html
    assert "couldn&#x27;t read that phone number" in html
    assert Inquiry.objects.count() == 0


def test_invalid_email_gets_a_kind_message(client):
    response = post(client, contact_method="email", email="sam@@example")
    html = response.content.decode()
    assert 'id="id_email_error"' in html and "name@example.com" in html
    assert Inquiry.objects.count() == 0


def test_email_method_requires_an_email_but_not_a_phone(client):
    response = post(client, contact_method="email", phone="", email="")
    assert "so we can write back" in response.content.decode()
    assert Inquiry.objects.count() == 0
    assert post(client, contact_method="email", phone="", email="sam@example.org").status_code == 303
    inquiry = Inquiry.objects.get()
    assert inquiry.email == "sam@example.org" and inquiry.phone == ""


@pytest.mark.parametrize("method,word", [("call", "call"), ("text", "text")])
def test_call_and_text_methods_require_a_phone(client, method, word):
    response = post(client, contact_method=method, phone="", email="sam@example.org")
    assert f"so we can {word} you" in response.content.decode()
    assert Inquiry.objects.count() == 0


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("name", "", "what to call you"),
        ("name", "   ", "what to call you"),
        ("name", "x" * 101, "under 100 characters"),
        ("help_for", "", "who the help is for"),
        ("help_for", "everyone", "who the help is for"),
        ("contact_method", "pigeon", "a phone call, a text or an email"),
        ("best_time", "midnight", "one of the times listed"),
        ("message", "x" * 1001, "1000 characters or fewer"),
        ("consent", None, "read the privacy notice"),
        ("email", "a" * 250 + "@example.org", "email"),
    ],
)
def test_each_invalid_field_gets_its_own_message(client, field, value, message):
    response = post(client, **{"contact_method": "call", field: value})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in html
    assert message in text_of(html).replace("&#x27;", "'")
    assert Inquiry.objects.count() == 0


def test_errors_are_tied_to_fields_and_listed_in_a_summary_that_links_to_them(client):
    html = post(client, name="", phone="12").content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#id_name"' in html and 'href="#id_phone"' in html
    name_input = re.search(r"<input[^>]*name=\"name\"[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in name_input
    assert "id_name_error" in name_input
    phone_input = re.search(r"<input[^>]*name=\"phone\"[^>]*>", html).group(0)
    assert 'aria-describedby="id_phone_error"' in phone_input


def test_everything_typed_is_kept_when_the_form_has_errors(client):
    html = post(
        client,
        name="Sam <Rivera>",
        phone="12",
        email="sam@example.org",
        message="Line one\nLine two & more",
        help_for="loved_one",
        best_time="morning",
    ).content.decode()
    assert 'value="Sam &lt;Rivera&gt;"' in html
    assert 'value="12"' in html
    assert 'value="sam@example.org"' in html
    assert "Line one\nLine two &amp; more</textarea>" in html
    assert re.search(r'value="loved_one"[^>]*checked', html)
    assert re.search(r'value="morning"[^>]*selected', html)
    assert re.search(r'name="ok_to_leave_voicemail"[^>]*checked', html)


def test_control_characters_are_stripped_from_every_text_field(client):
    response = post(
        client, name="Sam\x00 Ri\x1bvera\u202e", message="Hello\x00\x07 there\r\nsecond line\u200b"
    )
    assert response.status_code == 303
    inquiry = Inquiry.objects.get()
    assert inquiry.name == "Sam Rivera"
    assert inquiry.message == "Hello there\nsecond line"


def test_strip_control_characters_keeps_ordinary_unicode():
    assert strip_control_characters("Zoë 山田 👋") == "Zoë 山田 👋"
    assert strip_control_characters("a\tb", multiline=True) == "a\tb"


@pytest.mark.parametrize(
    "overrides",
    [
        {"help_for": "\x00"},
        {"contact_method": ["call", "email"]},
        {"name": "x" * 200_000},
        {"phone": "\x00" * 50},
        {"email": "\udcff@example.org".encode("utf-8", "surrogatepass").decode("latin-1")},
        {"started_at": "x" * 10_000},
        {"consent": "maybe"},
        {"ok_to_leave_voicemail": "\x00"},
    ],
)
def test_hostile_input_never_causes_a_server_error(client, overrides):
    response = post(client, **overrides)
    assert response.status_code in (200, 303)


def test_thanks_page_says_what_happens_next_and_repeats_the_phone_and_crisis_lines(client):
    post(client)
    response = client.get(THANKS_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert parse_page(html).h1_count == 1
    assert "within one business day" in html
    assert 'href="tel:+15035550123"' in html
    assert "988" in html and "1-800-662-4357" in html
    assert "Sam Rivera" not in html and "drinking" not in html


def test_a_crisis_message_marks_the_inquiry_urgent_and_the_thanks_page_leads_with_911_and_988(client):
    response = post(client, message="Honestly I keep thinking about suicide.")
    assert response.status_code == 303
    assert Inquiry.objects.get().is_urgent
    html = client.get(THANKS_URL).content.decode()
    main = html[html.index('<main id="main"') :]
    assert parse_page(html).h1_count == 1
    assert main.index('href="tel:911"') < main.index("Thank you for reaching out")
    assert main.index('href="tel:988"') < main.index("Thank you for reaching out")
    assert "I keep thinking" not in html


def test_a_later_ordinary_inquiry_clears_the_urgent_lead(client):
    post(client, message="I overdosed last month")
    post(client, message="Just a question about fees")
    html = client.get(THANKS_URL).content.decode()
    assert 'id="crisis-lead-heading"' not in html


def test_only_get_head_and_post_reach_the_form(client):
    response = client.put(CONTACT_URL, data="x")
    assert response.status_code in (200, 405)
    assert Inquiry.objects.count() == 0
