"""The rules of working an inquiry: every change goes through `change_inquiry`, which

- refuses a change made from a copy loaded at an older version (InquiryChanged), so nothing
  one person saved is ever overwritten by another;
- writes a timeline entry for each note, call attempt, status, assignee and handled-date change;
- records the first contact (the first move out of "New", or the first call attempt);
- fills in the handled date when an inquiry is closed, and refuses one before its arrival;
- tells a newly assigned colleague by email (the number and a link only), after commit.

The admin's edit form, the list's quick actions and the spam buttons all call it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .models import Inquiry, InquiryChanged
from .timeline import TimelineEntry, staff_name

UNCHANGED = object()
HANDLED_BEFORE_ARRIVAL = (
    "The handled date can't be before the inquiry arrived ({arrived}). Check the date and time."
)


def validate_handled_at(inquiry, handled_at):
    if handled_at and inquiry.created_at and handled_at < inquiry.created_at:
        arrived = timezone.localtime(inquiry.created_at).strftime("%Y-%m-%d %H:%M")
        raise ValidationError(HANDLED_BEFORE_ARRIVAL.format(arrived=arrived), code="handled_before_arrival")


def _date_text(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def changes_since(inquiry_pk, loaded_version):
    """Timeline entries a copy loaded at `loaded_version` has not seen, oldest first."""
    return list(
        TimelineEntry.objects.filter(inquiry_id=inquiry_pk, version__gt=loaded_version).select_related(
            "author"
        )
    )


def change_inquiry(
    inquiry_pk,
    user,
    *,
    loaded_version=None,
    status=UNCHANGED,
    assigned_to=UNCHANGED,
    handled_at=UNCHANGED,
    note="",
    call_outcome="",
    call_note="",
    now=None,
):
    """Apply one person's change to an inquiry; returns (inquiry, new timeline entries).

    `loaded_version` is the version the person's copy was loaded with; None means the change
    only appends (a note or a call attempt) and may go ahead whatever happened meanwhile.
    Raises InquiryChanged (nothing written) if the inquiry moved on since `loaded_version`,
    and ValidationError for a handled date before arrival."""
    now = now or timezone.now()
    note, call_note = (note or "").strip(), (call_note or "").strip()
    with transaction.atomic():
        inquiry = Inquiry.objects.select_related("assigned_to").get(pk=inquiry_pk)
        if loaded_version is not None and inquiry.version != int(loaded_version):
            raise InquiryChanged(inquiry_pk, loaded_version)
        author = staff_name(user)
        entries = []

        def entry(kind, **fields):
            entries.append(
                TimelineEntry(inquiry=inquiry, kind=kind, author=user, author_name=author, at=now, **fields)
            )

        if status is not UNCHANGED and status != inquiry.status:
            entry(TimelineEntry.Kind.STATUS, from_value=inquiry.status, to_value=status)
            leaving_new = inquiry.status == Inquiry.Status.NEW and status != Inquiry.Status.SPAM
            if leaving_new and inquiry.first_contact_at is None:
                inquiry.first_contact_at = now
            if status == Inquiry.Status.CLOSED and handled_at in (UNCHANGED, None) and not inquiry.handled_at:
                handled_at = now
            inquiry.status = status
        newly_assigned = None
        if assigned_to is not UNCHANGED and assigned_to != inquiry.assigned_to:
            entry(
                TimelineEntry.Kind.ASSIGNEE,
                from_value=staff_name(inquiry.assigned_to),
                to_value=staff_name(assigned_to),
            )
            inquiry.assigned_to = assigned_to
            newly_assigned = assigned_to
        if handled_at is not UNCHANGED and handled_at != inquiry.handled_at:
            validate_handled_at(inquiry, handled_at)
            entry(
                TimelineEntry.Kind.HANDLED,
                from_value=_date_text(inquiry.handled_at),
                to_value=_date_text(handled_at),
            )
            inquiry.handled_at = handled_at
        if call_outcome:
            entry(TimelineEntry.Kind.CALL, call_outcome=call_outcome, text=call_note or None)
            if inquiry.first_contact_at is None:
                inquiry.first_contact_at = now
        if note:
            entry(TimelineEntry.Kind.NOTE, text=note)
        if not entries:
            return inquiry, []
        inquiry.save()  # raises InquiryChanged if someone saved in between
        for item in entries:
            item.version = inquiry.version
        TimelineEntry.objects.bulk_create(entries)

    if newly_assigned is not None and newly_assigned != user:
        from .reminders import notify_assignee_after_commit

        notify_assignee_after_commit(inquiry.pk, newly_assigned.pk)
    return inquiry, entries


def restore_from_spam(inquiry_pk, user, loaded_version=None):
    """'Not spam': back to the status it had before it was filed as spam ("New" if unknown)."""
    last = (
        TimelineEntry.objects.filter(inquiry_id=inquiry_pk, kind=TimelineEntry.Kind.STATUS, to_value="spam")
        .order_by("-at", "-pk")
        .first()
    )
    previous = (
        last.from_value if last and last.from_value and last.from_value != "spam" else Inquiry.Status.NEW
    )
    return change_inquiry(inquiry_pk, user, loaded_version=loaded_version, status=previous)
