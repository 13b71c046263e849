"""Staff emails: saved first, no details in them, retried until sent, sent once."""

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command

from contact.models import Inquiry, IntakeSettings
from contact.notifications import notify_staff, recipients
from tests.contact_helpers import CONTACT_URL, form_data

pytestmark = pytest.mark.django_db

SECRETS = ["Sam Rivera", "555-0142", "5550142", "sam@example.org", "my drinking", "sam@example"]


class ExplodingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("smtp down")


@pytest.fixture
def intake_settings(site):
    return IntakeSettings.for_site(site)


@pytest.fixture
def staff_inbox(settings):
    settings.INTAKE_NOTIFY_EMAILS = ["intake@practice.example", "lead@practice.example"]


def submit(client, capture, **overrides):
    data = form_data(**{"email": "sam@example.org", "message": "It's about my drinking.", **overrides})
    with capture(execute=True):
        response = client.post(CONTACT_URL, data)
    assert response.status_code == 303
    return Inquiry.objects.latest("pk")


def test_staff_get_an_email_with_only_the_number_and_an_admin_link(
    client, staff_inbox, django_capture_on_commit_callbacks
):
    inquiry = submit(client, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.subject == f"New inquiry #{inquiry.pk}"
    assert email.to == ["intake@practice.example", "lead@practice.example"]
    assert f"http://testserver/admin/inquiries/edit/{inquiry.pk}/" in email.body
    for secret in SECRETS:
        assert secret not in email.subject and secret not in email.body
    inquiry.refresh_from_db()
    assert inquiry.notified_at is not None


def test_urgent_inquiries_say_urgent_in_the_subject_and_nothing_more(
    client, staff_inbox, django_capture_on_commit_callbacks
):
    inquiry = submit(client, django_capture_on_commit_callbacks, message="I think I might overdose")
    email = mail.outbox[0]
    assert email.subject == f"URGENT: New inquiry #{inquiry.pk}"
    assert "overdose" not in email.body.lower()


def test_the_email_is_sent_only_after_the_inquiry_is_committed(
    client, staff_inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(CONTACT_URL, form_data())
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_addresses_come_from_intake_settings_when_the_environment_has_none(
    client, settings, intake_settings, django_capture_on_commit_callbacks
):
    settings.INTAKE_NOTIFY_EMAILS = []
    intake_settings.notification_emails = "a@practice.example, b@practice.example"
    intake_settings.save()
    submit(client, django_capture_on_commit_callbacks)
    assert mail.outbox[0].to == ["a@practice.example", "b@practice.example"]


def test_a_failing_email_backend_leaves_the_inquiry_saved_and_pending(
    client, settings, staff_inbox, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = "tests.test_contact_notifications.ExplodingBackend"
    inquiry = submit(client, django_capture_on_commit_callbacks)
    inquiry.refresh_from_db()
    assert inquiry.notified_at is None
    assert list(Inquiry.objects.pending_notification()) == [inquiry]
    assert "stays pending" in caplog.text
    for secret in SECRETS:
        assert secret not in caplog.text


def test_the_retry_command_sends_each_pending_inquiry_once_and_only_once(
    client, settings, staff_inbox, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.test_contact_notifications.ExplodingBackend"
    first = submit(client, django_capture_on_commit_callbacks)
    second = submit(client, django_capture_on_commit_callbacks)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    call_command("send_pending_notifications", stdout=open("/dev/null", "w"))
    assert sorted(m.subject for m in mail.outbox) == sorted(
        [f"New inquiry #{first.pk}", f"New inquiry #{second.pk}"]
    )
    call_command("send_pending_notifications", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 2
    assert notify_staff(first.pk) is False
    assert len(mail.outbox) == 2
    assert not Inquiry.objects.pending_notification().exists()


def test_the_retry_command_skips_spam_and_reports_counts(settings, staff_inbox, capsys):
    Inquiry.objects.create(
        name="Bot", help_for="myself", contact_method="email", email="b@x.org", status="spam"
    )
    Inquiry.objects.create(name="Kim", help_for="myself", contact_method="email", email="k@x.org")
    call_command("send_pending_notifications")
    assert len(mail.outbox) == 1
    assert "Sent 1 notification(s); 0 still pending." in capsys.readouterr().out


def test_the_environment_takes_precedence_over_intake_settings(settings, intake_settings):
    settings.INTAKE_NOTIFY_EMAILS = ["env@practice.example"]
    intake_settings.notification_emails = "admin-set@practice.example"
    intake_settings.save()
    assert recipients() == ["env@practice.example"]
    settings.INTAKE_NOTIFY_EMAILS = []
    assert recipients() == ["admin-set@practice.example"]


def test_without_any_addresses_inquiries_stay_pending(settings, intake_settings):
    settings.INTAKE_NOTIFY_EMAILS = []
    intake_settings.notification_emails = ""
    intake_settings.save()
    inquiry = Inquiry.objects.create(name="Kim", help_for="myself", contact_method="email", email="k@x.org")
    assert notify_staff(inquiry.pk) is False
    assert mail.outbox == []
    inquiry.refresh_from_db()
    assert inquiry.notified_at is None


def test_a_process_that_dies_while_sending_leaves_the_inquiry_to_be_retried(
    client, staff_inbox, django_capture_on_commit_callbacks, monkeypatch
):
    """The claim path (used where the database has no row locks, like SQLite): a worker killed
    in the middle of sending must not leave the inquiry marked as notified with no email."""
    import datetime

    from django.core.mail import EmailMessage
    from django.utils import timezone

    from contact import notifications

    settings_to = ["intake@practice.example"]
    monkeypatch.setattr(notifications.connection.features, "has_select_for_update_skip_locked", False)
    with django_capture_on_commit_callbacks(execute=False):  # saved; its email not tried yet
        assert client.post(CONTACT_URL, form_data(email="sam@example.org")).status_code == 303
    inquiry = Inquiry.objects.latest("pk")

    def killed(self, fail_silently=False):
        raise SystemExit("worker killed mid-send")

    with monkeypatch.context() as patched:
        patched.setattr(EmailMessage, "send", killed)
        with pytest.raises(SystemExit):
            notifications._notify_with_claim(inquiry.pk, settings_to)
    inquiry.refresh_from_db()
    assert inquiry.notified_at is None
    assert Inquiry.objects.pending_notification().filter(pk=inquiry.pk).exists()

    # Right away, another run leaves it alone: the first process might still be sending.
    assert notifications.send_pending() == (0, 1)
    assert len(mail.outbox) == 0

    # Once the claim has expired, the next cron run sends it.
    later = timezone.now() + datetime.timedelta(seconds=notifications.NOTIFICATION_CLAIM_SECONDS + 1)
    monkeypatch.setattr(notifications.timezone, "now", lambda: later)
    assert notifications.send_pending() == (1, 0)
    assert len(mail.outbox) == 1 and mail.outbox[0].subject == f"New inquiry #{inquiry.pk}"
    inquiry.refresh_from_db()
    assert inquiry.notified_at == later and inquiry.notification_claimed_until is None
