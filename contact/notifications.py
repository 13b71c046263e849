"""Telling intake staff that an inquiry arrived, without telling anyone else anything.

The email holds no health information and no contact details: only "New inquiry #N" (with
"URGENT: " in front when flagged) and a link into the admin, where staff must log in. An
inquiry is always saved before any email is tried; if sending fails it stays pending
(`notified_at` empty) and `manage.py send_pending_notifications` tries again."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from .models import Inquiry, IntakeSettings

logger = logging.getLogger(__name__)

# How long a process may take to send one email before another may try (SQLite path).
NOTIFICATION_CLAIM_SECONDS = 10 * 60


def recipients():
    """INTAKE_NOTIFY_EMAILS from the environment, else the default site's Intake notifications
    setting (IntakeSettings, which only administrators may change)."""
    configured = list(getattr(settings, "INTAKE_NOTIFY_EMAILS", []) or [])
    if configured:
        return configured
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    return IntakeSettings.for_site(site).recipients()


def admin_url(inquiry_pk):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("inquiries:edit", args=[inquiry_pk])


def build_email(inquiry_pk, is_urgent, to):
    subject = f"New inquiry #{inquiry_pk}"
    if is_urgent:
        subject = "URGENT: " + subject
    lines = [
        "A new inquiry has arrived through the website.",
    ]
    if is_urgent:
        lines.append("It may need a call back today.")
    lines += [
        "",
        "Open it in the admin (you will be asked to log in):",
        admin_url(inquiry_pk),
        "",
        "This email deliberately holds no details. Please don't forward it.",
    ]
    return EmailMessage(subject=subject, body="\n".join(lines), to=to)


def notify_staff(inquiry_pk):
    """Email staff about one inquiry, exactly once. Returns True if this call sent it.

    PostgreSQL: the row is locked with SELECT ... FOR UPDATE SKIP LOCKED (concurrent runs skip
    it) while the email is sent, and marked notified in the same transaction; a failure (or a
    crash) rolls back and leaves it pending. SQLite has no row locks and one writer at a time,
    so holding a transaction open during SMTP would stall the form: there the inquiry is
    claimed for a while with a conditional UPDATE (only one process can win it), sent, then
    marked notified; the claim is dropped if sending fails and expires if the process dies."""
    to = recipients()
    if not to:
        logger.warning("inquiry %s: no intake notification addresses configured; left pending", inquiry_pk)
        return False
    try:
        if connection.features.has_select_for_update_skip_locked:
            return _notify_with_row_lock(inquiry_pk, to)
        return _notify_with_claim(inquiry_pk, to)
    except Exception as error:  # any backend failure: keep the inquiry pending, never crash
        logger.error(
            "inquiry %s: staff notification failed (%s); it stays pending", inquiry_pk, type(error).__name__
        )
        return False


def _notify_with_row_lock(inquiry_pk, to):
    with transaction.atomic():
        row = (
            Inquiry.objects.pending_notification()
            .filter(pk=inquiry_pk)
            .select_for_update(skip_locked=True)
            .values("pk", "is_urgent")
            .first()
        )
        if row is None:
            return False
        build_email(inquiry_pk, row["is_urgent"], to).send(fail_silently=False)
        Inquiry.objects.filter(pk=inquiry_pk).update(notified_at=timezone.now())
    logger.info("inquiry %s: staff notified", inquiry_pk)
    return True


def _notify_with_claim(inquiry_pk, to):
    """Claim, send, then mark notified. The claim is a deadline, not the notified mark: if this
    process dies mid-send, the inquiry stays pending and is retried once the claim expires (at
    worst staff get a second "New inquiry #N" email, never none)."""
    now = timezone.now()
    claimed = (
        Inquiry.objects.pending_notification()
        .filter(pk=inquiry_pk)
        .filter(Q(notification_claimed_until__isnull=True) | Q(notification_claimed_until__lt=now))
        .update(notification_claimed_until=now + timedelta(seconds=NOTIFICATION_CLAIM_SECONDS))
    )
    if not claimed:
        return False
    is_urgent = Inquiry.objects.filter(pk=inquiry_pk).values_list("is_urgent", flat=True).first()
    try:
        build_email(inquiry_pk, is_urgent, to).send(fail_silently=False)
    except Exception:
        Inquiry.objects.filter(pk=inquiry_pk).update(notification_claimed_until=None)
        raise
    Inquiry.objects.filter(pk=inquiry_pk).update(notified_at=timezone.now(), notification_claimed_until=None)
    logger.info("inquiry %s: staff notified", inquiry_pk)
    return True


def notify_staff_after_commit(inquiry_pk):
    """Schedule the email for after the inquiry's transaction commits (never before)."""

    def send():
        try:
            notify_staff(inquiry_pk)
        except Exception as error:  # the visitor must never see a failure here
            logger.error("inquiry %s: notification crashed (%s)", inquiry_pk, type(error).__name__)

    transaction.on_commit(send)


def send_pending():
    """Try every pending inquiry once, oldest first; returns (sent, still_pending)."""
    sent = 0
    pending_ids = list(
        Inquiry.objects.pending_notification().order_by("created_at").values_list("pk", flat=True)
    )
    for pk in pending_ids:
        if notify_staff(pk):
            sent += 1
    return sent, Inquiry.objects.pending_notification().count()
