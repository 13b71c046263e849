"""A timeline per inquiry: notes, call attempts, status, assignee and handled-date changes, in
order, with authors; opening an inquiry stays in the audit log only; texts are encrypted."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import ModelLogEntry

from contact.models import Inquiry, TimelineEntry
from tests.inbox_helpers import edit_form, edit_url, make_inquiry, sign_in, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def maya():
    return staff("maya", "Maya", "Okafor")


@pytest.fixture
def jordan():
    return staff("jordan", "Jordan", "Lee")


def test_every_change_is_a_timeline_entry_in_order_with_its_author(client, maya, jordan):
    inquiry = make_inquiry()
    sign_in(client, maya)
    client.post(
        edit_url(inquiry), edit_form(inquiry, call_outcome="voicemail", call_note="Mentioned our name only")
    )
    inquiry.refresh_from_db()
    client.post(
        edit_url(inquiry),
        edit_form(inquiry, status="contacted", assigned_to=jordan.pk, note="Court date Friday"),
    )
    inquiry.refresh_from_db()
    sign_in(client, jordan)
    client.post(edit_url(inquiry), edit_form(inquiry, status="closed"))

    entries = list(Inquiry.objects.get(pk=inquiry.pk).timeline.all())
    assert [(e.summary, e.author_name) for e in entries] == [
        ("Call attempt: No answer, left voicemail", "Maya Okafor"),
        ("Status: New → Contacted", "Maya Okafor"),
        ("Assigned: nobody → Jordan Lee", "Maya Okafor"),
        ("Note", "Maya Okafor"),
        ("Status: Contacted → Closed", "Jordan Lee"),
        (entries[5].summary, "Jordan Lee"),  # closing fills in the handled date
    ]
    assert entries[5].kind == "handled" and entries[5].from_value == ""
    assert entries[0].text == "Mentioned our name only" and entries[3].text == "Court date Friday"

    html = client.get(edit_url(inquiry)).content.decode().split('id="inbox-timeline-heading"')[1]
    order = [
        html.index(text) for text in ("No answer, left voicemail", "Court date Friday", "Contacted → Closed")
    ]
    assert order == sorted(order)


def test_opening_an_inquiry_is_audited_but_not_in_the_timeline(client, maya):
    inquiry = make_inquiry()
    sign_in(client, maya)
    client.get(edit_url(inquiry))
    client.get(edit_url(inquiry))
    assert ModelLogEntry.objects.filter(action="contact.inquiry.view", object_id=str(inquiry.pk)).count() == 2
    assert not TimelineEntry.objects.filter(inquiry=inquiry).exists()


def test_a_save_that_changes_nothing_adds_nothing(client, maya):
    inquiry = make_inquiry()
    sign_in(client, maya)
    assert client.post(edit_url(inquiry), edit_form(inquiry)).status_code == 302
    assert not TimelineEntry.objects.filter(inquiry=inquiry).exists()
    assert Inquiry.objects.get(pk=inquiry.pk).version == inquiry.version


def test_note_text_is_encrypted_at_rest(client, maya):
    inquiry = make_inquiry()
    sign_in(client, maya)
    client.post(edit_url(inquiry), edit_form(inquiry, note="Talks about her brother"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM contact_timelineentry WHERE inquiry_id = %s", [inquiry.pk])
        (stored,) = cursor.fetchone()
    assert "brother" not in stored
    assert TimelineEntry.objects.get(inquiry=inquiry).text == "Talks about her brother"


def test_handled_date_before_arrival_is_refused_with_a_clear_message(client, maya):
    inquiry = make_inquiry(hours_ago=2)
    sign_in(client, maya)
    before = timezone.localtime(inquiry.created_at - timedelta(days=3)).strftime("%Y-%m-%d %H:%M")
    response = client.post(edit_url(inquiry), edit_form(inquiry, status="closed", handled_at=before))
    assert response.status_code == 200
    assert "can&#x27;t be before the inquiry arrived" in response.content.decode()
    assert Inquiry.objects.get(pk=inquiry.pk).status == "new"


def test_closing_fills_in_the_handled_date(client, maya):
    inquiry = make_inquiry()
    sign_in(client, maya)
    client.post(edit_url(inquiry), edit_form(inquiry, status="closed"))
    stored = Inquiry.objects.get(pk=inquiry.pk)
    assert stored.handled_at is not None and stored.handled_at >= stored.created_at


def test_the_assignee_list_shows_full_names(client, maya, jordan):
    inquiry = make_inquiry()
    sign_in(client, maya)
    html = client.get(edit_url(inquiry)).content.decode()
    assert ">Maya Okafor</option>" in html and ">Jordan Lee</option>" in html
    assert ">maya</option>" not in html
