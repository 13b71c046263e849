"""The inbox list: the open view by default, urgent first then oldest due; who, how and when
in each row; filters; quick actions; spam with a confirmation step; the export."""

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from contact.models import Inquiry
from tests.contact_helpers import editor_user
from tests.inbox_helpers import INDEX, edit_url, make_inquiry, sign_in, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def maya():
    return staff("maya", "Maya", "Okafor")


@pytest.fixture
def jordan():
    return staff("jordan", "Jordan", "Lee")


@pytest.fixture
def inbox_day(maya, jordan):
    now = timezone.now()
    return {
        "old": make_inquiry("Old Four Days", hours_ago=96, due_at=now - timedelta(days=3)),
        "fresh": make_inquiry("Fresh", hours_ago=1, due_at=now + timedelta(hours=20)),
        "urgent": make_inquiry(
            "Urgent Person",
            hours_ago=0.5,
            due_at=now + timedelta(hours=23),
            is_urgent=True,
            contact_method="text",
            ok_to_leave_voicemail=True,
        ),
        "mine": make_inquiry(
            "Mine Contacted",
            hours_ago=30,
            due_at=now - timedelta(hours=6),
            status="contacted",
            assigned_to=maya,
            first_contact_at=now - timedelta(hours=20),
        ),
        "jordans": make_inquiry(
            "Jordans Scheduled",
            hours_ago=50,
            due_at=now - timedelta(hours=26),
            status="scheduled",
            assigned_to=jordan,
            first_contact_at=now - timedelta(hours=40),
            contact_method="email",
            phone="",
            email="jo@example.org",
        ),
        "closed": make_inquiry("Closed One", hours_ago=200, status="closed"),
        "spam": make_inquiry("Spam One", hours_ago=5, status="spam"),
    }


def names(response):
    return [inquiry.name for inquiry in response.context["object_list"]]


def test_default_view_is_open_urgent_first_then_oldest_due(client, maya, inbox_day):
    sign_in(client, maya)
    assert names(client.get(INDEX)) == [
        "Urgent Person",
        "Old Four Days",
        "Jordans Scheduled",
        "Mine Contacted",
        "Fresh",
    ]


def test_received_and_due_sort(client, maya, inbox_day):
    sign_in(client, maya)
    assert names(client.get(INDEX + "?ordering=-created_at"))[0] == "Urgent Person"
    assert names(client.get(INDEX + "?ordering=created_at"))[0] == "Old Four Days"
    assert names(client.get(INDEX + "?ordering=-due_at"))[0] == "Urgent Person"


def test_filters_mine_unassigned_overdue_statuses_urgent(client, maya, inbox_day):
    sign_in(client, maya)
    assert names(client.get(INDEX + "?who=mine")) == ["Mine Contacted"]
    assert set(names(client.get(INDEX + "?who=unassigned"))) == {"Urgent Person", "Old Four Days", "Fresh"}
    assert names(client.get(INDEX + "?due=overdue")) == ["Old Four Days"]  # the others were reached
    assert set(names(client.get(INDEX + "?status=closed&status=spam"))) == {"Closed One", "Spam One"}
    assert names(client.get(INDEX + "?is_urgent=true")) == ["Urgent Person"]
    # A search looks through every status.
    assert names(client.get(INDEX + "?q=Closed")) == ["Closed One"]


def test_each_row_says_who_how_and_when(client, maya, inbox_day):
    sign_in(client, maya)
    html = client.get(INDEX).content.decode()
    assert 'href="tel:+15035550142"' in html and 'href="sms:+15035550142"' in html
    assert "(503) 555-0142" in html
    assert 'href="mailto:jo@example.org"' in html
    assert "Someone I love" in html or "Myself" in html
    assert "Any time" in html  # best time in words
    assert "Voicemail OK: Yes<" in html and "Voicemail OK: No<" in html
    assert "Maya Okafor" in html and "Jordan Lee" in html
    assert html.count(">URGENT</span>") == 1
    assert "icon-tick" not in html.split('id="listing-results"')[1].split("</table>")[0]
    assert f'href="/admin/inquiries/edit/{inbox_day["urgent"].pk}/"' in html


def test_quick_actions_assign_to_me_mark_contacted_and_log_a_call(client, maya, inbox_day):
    sign_in(client, maya)
    fresh = inbox_day["fresh"]
    action = f"/admin/inquiries/action/{fresh.pk}/"
    assert client.post(action + "assign_to_me/", {"version": 1, "next": INDEX}).status_code == 302
    assert client.post(action + "mark_contacted/", {"version": 2}).status_code == 302
    assert client.post(action + "log_call/", {"call_outcome": "busy"}).status_code == 302
    stored = Inquiry.objects.get(pk=fresh.pk)
    assert stored.assigned_to == maya and stored.status == "contacted" and stored.first_contact_at
    assert [e.summary for e in stored.timeline.all()] == [
        "Assigned: nobody → Maya Okafor",
        "Status: New → Contacted",
        "Call attempt: Line busy",
    ]
    assert (
        ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(fresh.pk), user=maya).count() == 3
    )


def test_quick_actions_need_post_csrf_and_permission(maya, inbox_day):
    from django.test import Client

    fresh = inbox_day["fresh"]
    strict = Client(enforce_csrf_checks=True)
    sign_in(strict, maya)
    assert strict.post(f"/admin/inquiries/action/{fresh.pk}/assign_to_me/", {"version": 1}).status_code == 403
    assert strict.get(f"/admin/inquiries/action/{fresh.pk}/assign_to_me/").status_code == 405
    editor = Client()
    editor.force_login(editor_user())
    assert editor.post(f"/admin/inquiries/action/{fresh.pk}/assign_to_me/", {"version": 1}).status_code in (
        302,
        403,
    )
    assert editor.get(f"/admin/inquiries/edit/{fresh.pk}/spam/").status_code in (302, 403)
    assert Inquiry.objects.get(pk=fresh.pk).assigned_to is None


def test_mark_as_spam_and_not_spam_round_trip_with_confirmation(client, maya, inbox_day):
    sign_in(client, maya)
    inquiry = inbox_day["mine"]  # contacted
    spam_url = edit_url(inquiry) + "spam/"
    confirm = client.get(spam_url).content.decode()
    assert "Mark as spam?" in confirm and "Yes, mark as spam" in confirm
    assert Inquiry.objects.get(pk=inquiry.pk).status == "contacted"  # nothing happens on GET

    response = client.post(spam_url, {"version": inquiry.version}, follow=True)
    assert "was filed as spam" in response.content.decode()
    assert Inquiry.objects.get(pk=inquiry.pk).status == "spam"
    assert "Mine Contacted" not in names(client.get(INDEX))
    dashboard = client.get("/admin/").content.decode()
    assert "<strong>2</strong> filed as spam in the last 30 days" in dashboard

    stored = Inquiry.objects.get(pk=inquiry.pk)
    assert "Not spam?" in client.get(spam_url).content.decode()
    response = client.post(spam_url, {"version": stored.version}, follow=True)
    assert "back in the inbox as “Contacted”" in response.content.decode()
    assert Inquiry.objects.get(pk=inquiry.pk).status == "contacted"
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(inquiry.pk), action__startswith="contact.inquiry.")
        .exclude(action="contact.inquiry.view")
        .values_list("action", flat=True)
    )
    assert sorted(actions) == ["contact.inquiry.not_spam", "contact.inquiry.spam"]


def test_spam_is_not_offered_in_the_status_dropdown(client, maya, inbox_day):
    sign_in(client, maya)
    html = client.get(edit_url(inbox_day["fresh"])).content.decode()
    form = html.split('id="w-editor-form"')[1]
    assert 'value="spam"' not in form


def test_detail_view_links_words_and_urgent_banner_without_publishing_words(client, maya, inbox_day):
    sign_in(client, maya)
    html = client.get(edit_url(inbox_day["urgent"])).content.decode()
    assert 'href="sms:+15035550142"' in html and 'href="tel:+15035550142"' in html
    assert "inbox-banner--urgent" in html and "URGENT." in html
    assert "OK to leave a voicemail</dt><dd>Yes<" in html
    for word in ("Live", "Used 0 times", "True", "False"):
        assert f">{word}<" not in html and f"{word}</" not in html


def test_export_has_local_times_labels_and_no_message(client, maya, settings):
    settings.TIME_ZONE = "America/New_York"
    saturday_night = datetime(2026, 11, 28, 22, 10, 30, 123456, tzinfo=ZoneInfo("America/New_York"))
    inquiry = make_inquiry(
        "Pat Export",
        help_for="loved_one",
        best_time="evening",
        ok_to_leave_voicemail=True,
        message="very private words",
    )
    Inquiry.objects.filter(pk=inquiry.pk).update(created_at=saturday_night, assigned_to=maya)
    inquiry.timeline.create(kind="note", text="secret note")
    sign_in(client, maya)
    response = client.get(INDEX + "?export=csv&q=Pat")
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert list(rows[0]) == [
        "Inquiry",
        "Received",
        "Status",
        "Urgent",
        "Name",
        "Who it's for",
        "Language",  # issue 17: the callback happens in the language of the form
        "Method",
        "Phone",
        "Email",
        "Best time",
        "Voicemail OK",
        "Assigned to",
        "Due",
        "First contact",
        "Handled",
    ]
    row = rows[0]
    assert row["Received"] == "2026-11-28 22:10"
    assert row["Who it's for"] == "Someone I love" and row["Method"] == "Phone call"
    assert row["Phone"] == "(503) 555-0142" and row["Best time"] == "Evening (5 to 8)"
    assert row["Voicemail OK"] == "Yes" and row["Urgent"] == "No" and row["Status"] == "New"
    assert row["Assigned to"] == "Maya Okafor" and row["Language"] == "English"
    assert "private words" not in body and "secret note" not in body


def test_export_uses_the_practice_zone_even_when_the_person_chose_another(client, maya, settings):
    from wagtail.users.models import UserProfile

    settings.TIME_ZONE = "America/New_York"
    profile = UserProfile.get_for_user(maya)
    profile.current_time_zone = "UTC"
    profile.save()
    inquiry = make_inquiry("Zone Test")
    saturday_night = datetime(2026, 11, 28, 22, 10, tzinfo=ZoneInfo("America/New_York"))
    Inquiry.objects.filter(pk=inquiry.pk).update(created_at=saturday_night)
    sign_in(client, maya)
    body = b"".join(client.get(INDEX + "?export=csv&q=Zone").streaming_content).decode()
    assert "2026-11-28 22:10" in body and "2026-11-29 03:10" not in body
