"""Bots and floods: the honeypot, the minimum fill time and the per-IP rate limit."""

import time

import pytest
from django.core import signing

from contact import spam
from contact.models import Inquiry
from tests.contact_helpers import CONTACT_URL, THANKS_URL, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_inbox(settings):
    settings.INTAKE_NOTIFY_EMAILS = ["intake@practice.example"]


def test_filled_honeypot_looks_like_success_but_is_stored_as_spam_without_a_notification(
    client, mailoutbox, staff_inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CONTACT_URL, form_data(website="http://cheap-pills.example"))
    assert response.status_code == 303 and response["Location"] == THANKS_URL
    inquiry = Inquiry.objects.get()
    assert inquiry.status == Inquiry.Status.SPAM
    assert mailoutbox == []
    assert list(Inquiry.objects.pending_notification()) == []


def test_honeypot_is_hidden_from_people_but_labelled_for_screen_readers(client):
    html = client.get(CONTACT_URL).content.decode()
    assert 'class="contact-form__trap"' in html
    assert "Leave this field empty" in html
    assert 'name="website"' in html and 'tabindex="-1"' in html and 'autocomplete="off"' in html


def test_a_form_sent_back_too_fast_is_stored_as_spam(
    client, mailoutbox, staff_inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CONTACT_URL, form_data(started_at=spam.sign_started_at()))
    assert response.status_code == 303
    assert Inquiry.objects.get().status == Inquiry.Status.SPAM
    assert mailoutbox == []


def test_the_fill_time_follows_the_clock(client, monkeypatch):
    token = spam.sign_started_at(1_000_000)
    monkeypatch.setattr(spam, "now", lambda: 1_000_001)
    assert spam.filled_too_fast(token)
    monkeypatch.setattr(spam, "now", lambda: 1_000_010)
    assert not spam.filled_too_fast(token)


@pytest.mark.parametrize(
    "token",
    ["", "garbage", signing.dumps(0, salt="another-salt"), signing.dumps("x", salt=spam.STARTED_AT_SALT)],
    # Signed values carry a timestamp: fixed ids keep parallel workers' collections identical.
    ids=["missing", "garbage", "other-salt", "not-a-token"],
)
def test_a_missing_or_forged_start_time_is_spam(client, token):
    assert client.post(CONTACT_URL, form_data(started_at=token)).status_code == 303
    assert Inquiry.objects.get().status == Inquiry.Status.SPAM


def test_the_minimum_fill_time_is_configurable(client, settings):
    settings.CONTACT_MIN_FILL_SECONDS = 0
    client.post(CONTACT_URL, form_data(started_at=spam.sign_started_at(time.time())))
    assert Inquiry.objects.get().status == Inquiry.Status.NEW


def test_rate_limit_answers_429_with_the_phone_number_and_saves_nothing_beyond_the_limit(client, settings):
    settings.CONTACT_RATE_LIMIT = "5/600"
    for _ in range(5):
        assert client.post(CONTACT_URL, form_data()).status_code == 303
    response = client.post(CONTACT_URL, form_data())
    html = response.content.decode()
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert 'href="tel:+15035550123"' in html and 'href="tel:988"' in html
    assert "private" in response["Cache-Control"]
    assert Inquiry.objects.count() == 5
    assert client.post(CONTACT_URL, form_data()).status_code == 429
    assert Inquiry.objects.count() == 5


def test_rate_limit_is_per_ip(client, settings):
    settings.CONTACT_RATE_LIMIT = "1/600"
    assert client.post(CONTACT_URL, form_data(), REMOTE_ADDR="10.0.0.1").status_code == 303
    assert client.post(CONTACT_URL, form_data(), REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post(CONTACT_URL, form_data(), REMOTE_ADDR="10.0.0.2").status_code == 303


def test_invalid_forms_do_not_use_up_the_limit(client, settings):
    settings.CONTACT_RATE_LIMIT = "1/600"
    for _ in range(3):
        assert client.post(CONTACT_URL, form_data(name="")).status_code == 200
    assert client.post(CONTACT_URL, form_data()).status_code == 303


def test_spam_counts_towards_the_limit(client, settings):
    settings.CONTACT_RATE_LIMIT = "2/600"
    client.post(CONTACT_URL, form_data(website="x"))
    client.post(CONTACT_URL, form_data(website="x"))
    assert client.post(CONTACT_URL, form_data()).status_code == 429
    assert Inquiry.objects.count() == 2


def test_the_rate_limit_stores_no_address(client):
    from contact.models import SubmissionRecord

    client.post(CONTACT_URL, form_data(), REMOTE_ADDR="203.0.113.77")
    record = SubmissionRecord.objects.get()
    assert "203.0.113.77" not in record.visitor and len(record.visitor) == 64


def test_the_rate_limit_window_slides_with_the_clock(client, monkeypatch, settings):
    settings.CONTACT_RATE_LIMIT = "1/600"
    clock = [2_000_000_000.0]
    monkeypatch.setattr(spam, "now", lambda: clock[0])
    data = form_data(started_at=spam.sign_started_at(clock[0] - 60))
    assert client.post(CONTACT_URL, data).status_code == 303
    clock[0] += 599
    assert (
        client.post(CONTACT_URL, form_data(started_at=spam.sign_started_at(clock[0] - 60))).status_code == 429
    )
    clock[0] += 2
    assert (
        client.post(CONTACT_URL, form_data(started_at=spam.sign_started_at(clock[0] - 60))).status_code == 303
    )


def test_a_malformed_rate_limit_setting_falls_back_to_the_default(settings):
    settings.CONTACT_RATE_LIMIT = "lots"
    assert spam.rate_limit() == (5, 600)
