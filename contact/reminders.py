"""Reminder emails for intake staff, without health information.

Every email here holds inquiry numbers, counts and admin links, never a name, phone number,
email address, message or note (the admin is behind a login and a second factor):

- "An inquiry was assigned to you: #N", to the new assignee (sent right after the change).
- The morning digest, to the intake addresses (contact.notifications.recipients), once each
  business day from the time the practice opens: counts of new, overdue and urgent open
  inquiries, and a link to the inbox.
- "Inquiry #N is overdue", to the intake addresses, once per inquiry, when the promised time
  passes with nobody having reached out.

`manage.py send_intake_digest` sends the digest and the overdue notices; it is safe to run from
cron every few minutes, from several machines: each event is claimed in ReminderSent (a unique
key) before its email goes out, and released again if sending fails, so it is sent once."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from .business_hours import practice_windows, practice_zone
from .models import Inquiry
from .notifications import recipients
from .timeline import ReminderSent

logger = logging.getLogger(__name__)

FOOTER = ["", "This email deliberately holds no details. Please don't forward it."]


def _admin_link(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _email(subject, lines, link_label, path, to):
    """A reminder: a few lines, a link into the admin, and the no-details footer."""
    body = [*lines, "", f"{link_label} (you will be asked to log in):", _admin_link(path), *FOOTER]
    return EmailMessage(subject=subject, body="\n".join(body), to=to)


def _inquiry_email(inquiry_pk, subject, first_line, to):
    path = reverse("inquiries:edit", args=[inquiry_pk])
    return _email(subject, [first_line], "Open it in the admin", path, to)


def assignment_email(inquiry_pk, to):
    subject = f"An inquiry was assigned to you: #{inquiry_pk}"
    return _inquiry_email(inquiry_pk, subject, subject, to)


def notify_assignee(inquiry_pk, user_pk):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(pk=user_pk, is_active=True).first()
    if user is None or not user.email:
        logger.info("inquiry %s: assignee has no email address; not told", inquiry_pk)
        return False
    try:
        assignment_email(inquiry_pk, [user.email]).send(fail_silently=False)
    except Exception as error:  # the assignment stands; the person sees it in the inbox
        logger.error("inquiry %s: assignment email failed (%s)", inquiry_pk, type(error).__name__)
        return False
    return True


def notify_assignee_after_commit(inquiry_pk, user_pk):
    transaction.on_commit(lambda: notify_assignee(inquiry_pk, user_pk))


def digest_email(counts, to):
    lines = [
        "Good morning. The intake inbox right now:",
        "",
        f"New: {counts['new']}",
        f"Overdue (nobody has reached out within the promised time): {counts['overdue']}",
        f"Urgent and still open: {counts['urgent']}",
    ]
    return _email("Intake inbox this morning", lines, "Open the inbox", reverse("inquiries:index"), to)


def overdue_email(inquiry_pk, to):
    first_line = (
        f"Inquiry #{inquiry_pk} is overdue: nobody has reached out within the time the practice promised."
    )
    return _inquiry_email(inquiry_pk, f"Inquiry #{inquiry_pk} is overdue", first_line, to)


def _send_once(key, build_email):
    """Claim `key`, send, keep the claim; release it if sending fails. True if this call sent."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(key=key)
    except IntegrityError:
        return False
    try:
        build_email().send(fail_silently=False)
    except Exception as error:
        ReminderSent.objects.filter(key=key).delete()
        logger.error("reminder %s failed (%s); it will be retried", key, type(error).__name__)
        return False
    return True


def digest_is_due(now):
    """On a business day, from the practice's first opening time of the day onwards."""
    local = now.astimezone(practice_zone())
    spans = practice_windows().get(local.weekday())
    return bool(spans) and local.time() >= spans[0][0]


def inbox_counts(now):
    open_inquiries = Inquiry.objects.open()
    return {
        "new": open_inquiries.filter(status=Inquiry.Status.NEW).count(),
        "overdue": Inquiry.objects.overdue(now).count(),
        "urgent": open_inquiries.filter(is_urgent=True).count(),
    }


def send_reminders(now=None):
    """Send what is due now; returns {"digest": 0 or 1, "overdue": n}."""
    now = now or timezone.now()
    to = recipients()
    sent = {"digest": 0, "overdue": 0}
    if not to:
        logger.warning("no intake notification addresses configured; no reminders sent")
        return sent
    if digest_is_due(now):
        key = f"digest:{now.astimezone(practice_zone()).date().isoformat()}"
        counts = inbox_counts(now)
        sent["digest"] = int(_send_once(key, lambda: digest_email(counts, to)))
    for pk in Inquiry.objects.overdue(now).order_by("due_at").values_list("pk", flat=True):
        if _send_once(f"overdue:{pk}", lambda pk=pk: overdue_email(pk, to)):
            sent["overdue"] += 1
    return sent
