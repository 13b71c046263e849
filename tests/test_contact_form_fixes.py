"""The public form keeps what a person typed: a long message is never cut, emoji stay whole."""

import pytest

from contact.models import Inquiry
from tests.contact_helpers import CONTACT_URL, form_data

pytestmark = pytest.mark.django_db


def test_a_long_message_comes_back_whole_with_a_message_saying_by_how_much(client):
    long_message = "I have a lot to say. " * 240  # about 5,000 characters
    response = client.post(CONTACT_URL, form_data(message=long_message))
    html = response.content.decode()
    assert response.status_code == 200
    assert "1000 characters or fewer" in html and f"it has {len(long_message.strip())}" in html
    assert long_message.strip() in html  # nothing cut
    assert 'maxlength="1000"' not in html  # the browser would cut a paste silently
    assert Inquiry.objects.count() == 0


def test_the_message_field_says_its_limit_up_front(client):
    html = client.get(CONTACT_URL).content.decode()
    assert "Up to 1,000 characters" in html
    assert 'aria-describedby="id_message_helptext"' in html


def test_emoji_sequences_and_joiners_survive_but_bidi_tricks_do_not(client):
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f466"  # one family emoji, joined by U+200D
    sneaky = "Sam\u202eevil"  # a right-to-left override
    response = client.post(CONTACT_URL, form_data(name=sneaky, message=f"For my {family}, thank you"))
    assert response.status_code == 303
    inquiry = Inquiry.objects.get()
    assert family in inquiry.message
    assert inquiry.name == "Samevil"


def test_the_phone_and_email_labels_carry_both_states_for_the_stylesheet(client):
    html = client.get(CONTACT_URL).content.decode()
    assert "field--phone" in html and "(needed for a call or text)" in html
    assert "field--email" in html and "(needed for an email)" in html
    assert "/static/js/contact-form.js" in html
