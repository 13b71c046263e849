"""Reminders without health information: the assignment email, the morning digest and the
overdue notice, each sent once per event, and no name, phone, email or message in any of them."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from contact import inbox
from contact.models import ReminderSent
from contact.reminders import send_reminders
from tests.inbox_helpers import edit_form, edit_url, make_inquiry, sign_in, staff

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
PRIVATE = ["Robin Quill", "555-0177", "5550177", "robin@example.org", "drinking again", "a note about court"]


def assert_no_health_information(messages):
    assert messages, "expected at least one email"
    for message in messages:
        whole = f"{message.subject}\n{message.body}"
        for alternative, _ in getattr(message, "alternatives", []):
            whole += "\n" + alternative
        for private in PRIVATE:
            assert private not in whole, f"{private!r} leaked into {message.subject!r}"


@pytest.fixture
def intake_addresses(settings):
    settings.INTAKE_NOTIFY_EMAILS = ["intake@practice.example"]
    settings.TIME_ZONE = "America/New_York"


@pytest.fixture
def robin():
    inquiry = make_inquiry(
        "Robin Quill",
        phone="+15035550177",
        email="robin@example.org",
        message="drinking again",
        is_urgent=True,
    )
    inquiry.timeline.create(kind="note", text="a note about court")
    return inquiry


def test_assigning_tells_the_assignee_by_number_and_link_only(
    client, robin, django_capture_on_commit_callbacks
):
    maya = staff("maya", "Maya", "Okafor")
    jordan = staff("jordan", "Jordan", "Lee")
    sign_in(client, maya)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(robin), edit_form(robin, assigned_to=jordan.pk))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [jordan.email]
    assert message.subject == f"An inquiry was assigned to you: #{robin.pk}"
    assert f"/admin/inquiries/edit/{robin.pk}/" in message.body
    assert_no_health_information(mail.outbox)

    # Assigning yourself tells nobody; saving again without a change tells nobody.
    mail.outbox.clear()
    robin.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        inbox.change_inquiry(robin.pk, jordan, loaded_version=robin.version, note="x")
        inbox.change_inquiry(robin.pk, maya, loaded_version=robin.version + 1, assigned_to=maya)
    assert mail.outbox == []


def test_morning_digest_once_per_business_day_counts_only(intake_addresses, robin):
    make_inquiry("Other Person", hours_ago=2)
    before_opening = datetime(2026, 12, 1, 8, 30, tzinfo=NEW_YORK)
    assert send_reminders(now=before_opening)["digest"] == 0
    opening = datetime(2026, 12, 1, 9, 5, tzinfo=NEW_YORK)
    assert send_reminders(now=opening)["digest"] == 1
    assert send_reminders(now=opening + timedelta(minutes=5))["digest"] == 0
    assert send_reminders(now=opening + timedelta(hours=6))["digest"] == 0
    digests = [m for m in mail.outbox if m.subject == "Intake inbox this morning"]
    assert len(digests) == 1
    body = digests[0].body
    assert "New: 2" in body and "Urgent and still open: 1" in body
    assert "/admin/inquiries/" in body and digests[0].to == ["intake@practice.example"]
    assert_no_health_information(mail.outbox)
    # The next business day gets its own; Sunday (no hours) gets none.
    assert send_reminders(now=opening + timedelta(days=1))["digest"] == 1
    assert send_reminders(now=datetime(2026, 12, 6, 11, 0, tzinfo=NEW_YORK))["digest"] == 0


def test_overdue_notice_once_per_inquiry(intake_addresses, robin):
    after_due = robin.due_at + timedelta(minutes=1)
    sent = send_reminders(now=after_due)
    assert sent["overdue"] == 1
    assert send_reminders(now=after_due + timedelta(minutes=10))["overdue"] == 0
    notices = [m for m in mail.outbox if m.subject == f"Inquiry #{robin.pk} is overdue"]
    assert len(notices) == 1 and f"/admin/inquiries/edit/{robin.pk}/" in notices[0].body
    assert_no_health_information(mail.outbox)
    assert ReminderSent.objects.filter(key=f"overdue:{robin.pk}").count() == 1


def test_the_command_is_safe_to_run_again_and_again(intake_addresses, robin, capsys):
    for _ in range(3):
        call_command("send_intake_digest")
    overdue = [m for m in mail.outbox if "overdue" in m.subject]
    digests = [m for m in mail.outbox if m.subject == "Intake inbox this morning"]
    assert len(overdue) <= 1 and len(digests) <= 1
    if mail.outbox:
        assert_no_health_information(mail.outbox)
    assert "Sent 0 digest(s) and 0 overdue notice(s)." in capsys.readouterr().out


def test_a_failed_send_is_retried_later_and_still_sent_once(intake_addresses, robin, monkeypatch):
    from django.core.mail import EmailMessage

    after_due = robin.due_at + timedelta(minutes=1)
    real_send = EmailMessage.send

    def broken(self, *args, **kwargs):
        raise OSError("smtp down")

    monkeypatch.setattr(EmailMessage, "send", broken)
    assert send_reminders(now=after_due)["overdue"] == 0
    assert not ReminderSent.objects.filter(key=f"overdue:{robin.pk}").exists()
    monkeypatch.setattr(EmailMessage, "send", real_send)
    assert send_reminders(now=after_due)["overdue"] == 1
    assert send_reminders(now=after_due)["overdue"] == 0


def test_no_reminders_for_an_inquiry_reached_in_time(intake_addresses, robin):
    maya = staff("maya", "Maya", "Okafor")
    inbox.change_inquiry(robin.pk, maya, call_outcome="reached")
    assert send_reminders(now=robin.due_at + timedelta(hours=1))["overdue"] == 0
