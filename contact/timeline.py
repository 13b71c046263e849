"""What happened to an inquiry, who has it open, and which reminders went out.

- TimelineEntry: append-only history shown on the inquiry's page: notes, call attempts, status
  and assignee changes, spam and not-spam. Free text is encrypted at rest, like the visitor's
  message. Opening an inquiry is not an entry (that stays in Wagtail's audit log).
- InquiryOpening: who opened which inquiry, and when (refreshed on every opening), so a
  coordinator sees "also open by Maya, 2 minutes ago" before working on it.
- ReminderSent: one row per reminder email event (a morning digest, an overdue notice), so the
  cron command sends each exactly once."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from encrypted_fields.fields import EncryptedTextField

NOTE_MAX_LENGTH = 5000
# How long an opening counts as "has it open".
PRESENCE_MINUTES = 30


def staff_name(user):
    """The name staff see for a colleague everywhere: full name, else username."""
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


class CallOutcome(models.TextChoices):
    REACHED = "reached", "Reached them"
    VOICEMAIL = "voicemail", "No answer, left voicemail"
    NO_VOICEMAIL = "no_voicemail", "No answer, no voicemail left"
    BUSY = "busy", "Line busy"
    WRONG_NUMBER = "wrong_number", "Wrong or disconnected number"
    TEXT_SENT = "text_sent", "Sent a text message"
    EMAIL_SENT = "email_sent", "Sent an email"


class TimelineEntry(models.Model):
    """One thing that happened to an inquiry. Never edited or deleted (until the inquiry is)."""

    class Kind(models.TextChoices):
        NOTE = "note", "Note"
        CALL = "call", "Call attempt"
        STATUS = "status", "Status changed"
        ASSIGNEE = "assignee", "Assignee changed"
        HANDLED = "handled", "Handled date changed"

    inquiry = models.ForeignKey("contact.Inquiry", on_delete=models.CASCADE, related_name="timeline")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(max_length=150, blank=True, help_text="Kept if the account goes.")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    # null=True: the encrypted field stores an empty value as NULL.
    text = EncryptedTextField(
        blank=True, null=True, max_length=NOTE_MAX_LENGTH, validators=[MaxLengthValidator(NOTE_MAX_LENGTH)]
    )
    call_outcome = models.CharField(max_length=20, choices=CallOutcome.choices, blank=True)
    # Status codes, or staff names for assignee changes, or dates for the handled date.
    from_value = models.CharField(max_length=150, blank=True)
    to_value = models.CharField(max_length=150, blank=True)
    # The inquiry's version right after this change: what a stale copy missed is every entry
    # above the version it was loaded with.
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = "timeline entry"
        verbose_name_plural = "timeline entries"

    def __str__(self):
        return f"{self.get_kind_display()} on inquiry #{self.inquiry_id}"

    def _label(self, value):
        if self.kind == self.Kind.STATUS:
            from .models import Inquiry

            return dict(Inquiry.Status.choices).get(value, value)
        return value or "nobody"

    @property
    def summary(self):
        """One plain line, e.g. 'Status: New → Contacted' or 'Call attempt: Line busy'."""
        if self.kind == self.Kind.STATUS:
            return f"Status: {self._label(self.from_value)} → {self._label(self.to_value)}"
        if self.kind == self.Kind.ASSIGNEE:
            return f"Assigned: {self._label(self.from_value)} → {self._label(self.to_value)}"
        if self.kind == self.Kind.HANDLED:
            return f"Handled date: {self.from_value or 'none'} → {self.to_value or 'none'}"
        if self.kind == self.Kind.CALL:
            return f"Call attempt: {self.get_call_outcome_display()}"
        return "Note"


class InquiryOpening(models.Model):
    """The last time each staff member opened an inquiry."""

    inquiry = models.ForeignKey("contact.Inquiry", on_delete=models.CASCADE, related_name="openings")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["inquiry", "user"], name="contact_opening_unique")]

    def __str__(self):
        return f"Inquiry #{self.inquiry_id} opened"

    @classmethod
    def record(cls, inquiry, user):
        cls.objects.update_or_create(inquiry=inquiry, user=user, defaults={"opened_at": timezone.now()})

    @classmethod
    def others(cls, inquiry, user):
        """Colleagues who opened this inquiry within PRESENCE_MINUTES, most recent first."""
        since = timezone.now() - timezone.timedelta(minutes=PRESENCE_MINUTES)
        return (
            cls.objects.filter(inquiry=inquiry, opened_at__gte=since)
            .exclude(user=user)
            .select_related("user")
            .order_by("-opened_at")
        )


class ReminderSent(models.Model):
    """A reminder event that has been emailed: `key` is e.g. "digest:2026-12-01" or
    "overdue:42". Claimed (inserted) before sending, removed again if sending fails."""

    key = models.CharField(max_length=80, unique=True)
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.key
