"""The response promise: due times from the practice's business hours (frozen clock), first
contact, and the Overdue / Due today badges and filters."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from contact import inbox
from contact.business_hours import compute_due_at, windows_from_opening_hours
from contact.models import Inquiry
from tests.inbox_helpers import INDEX, sign_in, staff

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
# Monday to Friday 9 am to 5 pm.
WEEKDAYS_9_TO_5 = {day: [(time(9), time(17))] for day in range(5)}


def at(text):
    """A moment in the practice's zone: at("Tue 2026-12-01 10:15")."""
    return datetime.strptime(text[4:], "%Y-%m-%d %H:%M").replace(tzinfo=NEW_YORK)


@pytest.fixture
def frozen_clock(monkeypatch):
    """Pin timezone.now() (used by the models, views and commands) to a given moment."""

    def freeze(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment.astimezone(ZoneInfo("UTC")))
        return moment

    return freeze


@pytest.mark.parametrize(
    "arrived, due",
    [
        # Within hours: the same time on the next business day.
        ("Tue 2026-12-01 10:15", "Wed 2026-12-02 10:15"),
        ("Tue 2026-12-01 16:59", "Wed 2026-12-02 16:59"),
        # Friday within hours: Monday, same time.
        ("Fri 2026-12-04 15:00", "Mon 2026-12-07 15:00"),
        # Evening: close of the next business day.
        ("Tue 2026-12-01 17:00", "Wed 2026-12-02 17:00"),
        ("Tue 2026-12-01 22:10", "Wed 2026-12-02 17:00"),
        # Friday night and the weekend: close on Monday.
        ("Fri 2026-12-04 23:30", "Mon 2026-12-07 17:00"),
        ("Sat 2026-12-05 22:10", "Mon 2026-12-07 17:00"),
        ("Sun 2026-12-06 09:30", "Mon 2026-12-07 17:00"),
        # Early morning, before opening: close the same day (its business day has not begun).
        ("Wed 2026-12-02 06:45", "Wed 2026-12-02 17:00"),
        # Across the end of daylight saving time (Sunday 2026-11-01 in New York).
        ("Fri 2026-10-30 11:00", "Mon 2026-11-02 11:00"),
    ],
)
def test_due_time_with_one_business_day(arrived, due):
    assert compute_due_at(at(arrived), WEEKDAYS_9_TO_5, days=1, zone=NEW_YORK) == at(due)


def test_a_longer_promise_counts_business_days():
    assert compute_due_at(at("Fri 2026-12-04 15:00"), WEEKDAYS_9_TO_5, days=2, zone=NEW_YORK) == at(
        "Tue 2026-12-08 15:00"
    )
    assert compute_due_at(at("Sat 2026-12-05 10:00"), WEEKDAYS_9_TO_5, days=2, zone=NEW_YORK) == at(
        "Tue 2026-12-08 17:00"
    )


def test_shorter_hours_on_the_next_day_clamp_to_its_close():
    # The demo practice: Monday to Thursday 9 to 7, Friday 9 to 4, Saturday 10 to 1.
    windows = {0: [(time(9), time(19))], 1: [(time(9), time(19))], 2: [(time(9), time(19))]}
    windows.update({3: [(time(9), time(19))], 4: [(time(9), time(16))], 5: [(time(10), time(13))]})
    assert compute_due_at(at("Thu 2026-12-03 18:00"), windows, days=1, zone=NEW_YORK) == at(
        "Fri 2026-12-04 16:00"
    )
    # Friday evening: Saturday has hours, so it is due at Saturday's close.
    assert compute_due_at(at("Fri 2026-12-04 20:00"), windows, days=1, zone=NEW_YORK) == at(
        "Sat 2026-12-05 13:00"
    )
    # Saturday within hours: Monday, same time.
    assert compute_due_at(at("Sat 2026-12-05 11:30"), windows, days=1, zone=NEW_YORK) == at(
        "Mon 2026-12-07 11:30"
    )


def test_practice_settings_hours_are_read_and_none_means_weekdays_9_to_5(practice):
    windows = windows_from_opening_hours(practice.opening_hours)
    assert windows[0] == [(time(9), time(19))]
    assert 6 not in windows
    assert windows_from_opening_hours([]) == WEEKDAYS_9_TO_5


def test_a_new_inquiry_gets_its_due_time_from_the_practice_hours_and_the_setting(settings, frozen_clock):
    settings.TIME_ZONE = "America/New_York"
    arrived = frozen_clock(at("Sat 2026-11-28 22:10"))
    fields = {"help_for": "myself", "contact_method": "call", "phone": "+15035550142", "created_at": arrived}
    inquiry = Inquiry.objects.create(name="A", **fields)
    assert inquiry.due_at == at("Mon 2026-11-30 19:00")  # the demo practice closes at 7 pm on Mondays
    settings.INTAKE_RESPONSE_BUSINESS_DAYS = 2
    later = Inquiry.objects.create(name="B", **fields)
    assert later.due_at == at("Tue 2026-12-01 19:00")


def test_first_contact_is_recorded_when_it_leaves_new_or_on_the_first_call_attempt(frozen_clock):
    user = staff("maya", "Maya", "Okafor")
    first = Inquiry.objects.create(name="A", help_for="myself", contact_method="call", phone="+15035550142")
    second = Inquiry.objects.create(name="B", help_for="myself", contact_method="call", phone="+15035550142")
    moment = frozen_clock(at("Tue 2026-12-01 10:00"))
    inbox.change_inquiry(first.pk, user, call_outcome="voicemail")
    inbox.change_inquiry(second.pk, user, loaded_version=1, status="scheduled")
    assert Inquiry.objects.get(pk=first.pk).first_contact_at == moment
    assert Inquiry.objects.get(pk=second.pk).first_contact_at == moment
    frozen_clock(at("Wed 2026-12-02 10:00"))
    inbox.change_inquiry(first.pk, user, loaded_version=2, status="contacted")
    assert Inquiry.objects.get(pk=first.pk).first_contact_at == moment  # the first one stays


def test_overdue_and_due_today(client, frozen_clock):
    now = frozen_clock(at("Tue 2026-12-01 11:00"))

    def inquiry(name, due, **fields):
        return Inquiry.objects.create(
            name=name, help_for="myself", contact_method="call", phone="+15035550142", due_at=due, **fields
        )

    late = inquiry("Late", now - timedelta(hours=1))
    today = inquiry("Today", now + timedelta(hours=3))
    inquiry("Tomorrow", now + timedelta(days=1))
    inquiry(
        "Reached", now - timedelta(hours=2), first_contact_at=now - timedelta(hours=5), status="contacted"
    )
    inquiry("Closed", now - timedelta(hours=2), status="closed")

    assert list(Inquiry.objects.overdue()) == [late]
    assert list(Inquiry.objects.due_today()) == [today]
    assert late.is_overdue() and not today.is_overdue() and today.is_due_today()

    sign_in(client, staff("maya", "Maya", "Okafor"))
    response = client.get(INDEX + "?due=overdue")
    assert [i.name for i in response.context["object_list"]] == ["Late"]
    assert [i.name for i in client.get(INDEX + "?due=today").context["object_list"]] == ["Today"]
    html = client.get(INDEX).content.decode()
    assert 'inbox-badge--overdue">Overdue<' in html and 'inbox-badge--today">Due today<' in html


def test_an_inquiry_sent_through_the_public_form_arrives_with_its_due_time(client, settings):
    from tests.contact_helpers import CONTACT_URL, form_data

    settings.CONTACT_MIN_FILL_SECONDS = 0
    response = client.post(CONTACT_URL, form_data(name="Form Person"))
    assert response.status_code == 303
    inquiry = Inquiry.objects.get(name="Form Person")
    assert inquiry.due_at and inquiry.due_at > inquiry.created_at
    assert inquiry.version == 1 and inquiry.first_contact_at is None


def test_old_reminder_records_are_purged_with_old_inquiries():
    from django.core.management import call_command

    from contact.models import ReminderSent

    ReminderSent.objects.create(key="digest:2020-01-06", sent_at=timezone.now() - timedelta(days=400))
    ReminderSent.objects.create(key="digest:today")
    call_command("purge_inquiries", stdout=open("/dev/null", "w"))
    assert list(ReminderSent.objects.values_list("key", flat=True)) == ["digest:today"]
