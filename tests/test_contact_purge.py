"""Retention: closed and spam inquiries past the retention period are deleted; nothing else."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from contact.crisis import is_crisis_message
from contact.models import Inquiry, TimelineEntry

pytestmark = pytest.mark.django_db


def make(status, days_old):
    return Inquiry.objects.create(
        name="Kim",
        help_for="myself",
        contact_method="email",
        email="k@example.org",
        status=status,
        created_at=timezone.now() - datetime.timedelta(days=days_old),
    )


@pytest.fixture
def mix(db):
    return {
        "old_closed": make("closed", 400),
        "old_spam": make("spam", 400),
        "old_new": make("new", 400),
        "old_contacted": make("contacted", 400),
        "recent_closed": make("closed", 10),
    }


def test_purge_dry_run_reports_counts_and_deletes_nothing(mix, capsys):
    call_command("purge_inquiries", "--dry-run")
    out = capsys.readouterr().out
    assert "would delete 2 inquiries older than 365 days (1 closed, 1 spam)" in out
    assert Inquiry.objects.count() == 5


def test_purge_deletes_only_old_closed_and_spam(mix, capsys):
    call_command("purge_inquiries")
    assert "Deleted 2 inquiries" in capsys.readouterr().out
    assert set(Inquiry.objects.values_list("pk", flat=True)) == {
        mix["old_new"].pk,
        mix["old_contacted"].pk,
        mix["recent_closed"].pk,
    }


def test_purge_days_option_and_setting(mix, settings, capsys):
    call_command("purge_inquiries", "--days", "5")
    assert "Deleted 3 inquiries older than 5 days (2 closed, 1 spam)" in capsys.readouterr().out
    settings.INQUIRY_RETENTION_DAYS = 1000
    call_command("purge_inquiries")
    assert "Deleted 0 inquiries" in capsys.readouterr().out


def test_message_and_notes_are_encrypted_at_rest():
    inquiry = Inquiry.objects.create(
        name="Kim",
        help_for="myself",
        contact_method="email",
        email="k@example.org",
        message="I drink every night",
    )
    note = TimelineEntry.objects.create(inquiry=inquiry, kind="note", text="Prefers evenings")
    with connection.cursor() as cursor:
        cursor.execute("SELECT message, name FROM contact_inquiry WHERE id = %s", [inquiry.pk])
        message, name = cursor.fetchone()
        cursor.execute("SELECT text FROM contact_timelineentry WHERE id = %s", [note.pk])
        (notes,) = cursor.fetchone()
    assert "drink" not in message and "evenings" not in notes
    assert name == "Kim"
    assert Inquiry.objects.get(pk=inquiry.pk).message == "I drink every night"
    call_command("reencrypt_inquiries", stdout=open("/dev/null", "w"))
    assert TimelineEntry.objects.get(pk=note.pk).text == "Prefers evenings"
    assert Inquiry.objects.get(pk=inquiry.pk).message == "I drink every night"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("I'm SUICIDAL", True),
        ("my brother od'd twice", True),
        ("self harm", True),
        ("self-harm", True),
        ("thinking I might end my life", True),
        ("he overdosed in May", True),
        ("cutting back on drinking", False),
        ("a suicidesque joke", False),
        ("", False),
    ],
)
def test_crisis_words_match_whole_words_case_insensitively(text, expected):
    assert is_crisis_message(text) is expected
