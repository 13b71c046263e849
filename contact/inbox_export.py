"""Exporting the inbox list (CSV/XLSX): who to call and how, in the practice's time zone to
the minute, with readable labels; never the message or the notes. Every export is audited."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ModelLogEntry

from practice_site.phone import to_display

from .business_hours import practice_zone
from .inbox_columns import yes_no
from .models import Inquiry
from .timeline import staff_name

EXPORT_ACTION = "contact.inquiry.export"
# Values a spreadsheet would run as a formula (CSV injection): name and email are typed by
# the public, so they are defused with a leading apostrophe.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# Export: readable labels, the practice's local time to the minute, never the message or notes.
EXPORT_FIELDS = {
    "id": "Inquiry",
    "received": "Received",
    "status": "Status",
    "urgent": "Urgent",
    "name": "Name",
    "help_for": "Who it's for",
    "language": "Language",
    "contact_method": "Method",
    "phone": "Phone",
    "email": "Email",
    "best_time": "Best time",
    "voicemail": "Voicemail OK",
    "assigned_to": "Assigned to",
    "due": "Due",
    "first_contact": "First contact",
    "handled": "Handled",
}
EXPORT_TIME_FORMAT = "%Y-%m-%d %H:%M"


def export_row(inquiry):
    def when(value):
        # The practice's zone, whatever time zone the exporting person chose for their account.
        return value.astimezone(practice_zone()).strftime(EXPORT_TIME_FORMAT) if value else ""

    return {
        "id": inquiry.pk,
        "received": when(inquiry.created_at),
        "status": inquiry.get_status_display(),
        "urgent": yes_no(inquiry.is_urgent),
        "name": inquiry.name,
        "help_for": inquiry.get_help_for_display(),
        "language": inquiry.get_language_display(),
        "contact_method": inquiry.get_contact_method_display(),
        "phone": to_display(inquiry.phone) if inquiry.phone else "",
        "email": inquiry.email,
        "best_time": inquiry.get_best_time_display(),
        "voicemail": yes_no(inquiry.ok_to_leave_voicemail),
        "assigned_to": staff_name(inquiry.assigned_to),
        "due": when(inquiry.due_at),
        "first_contact": when(inquiry.first_contact_at),
        "handled": when(inquiry.handled_at),
    }


def log_export(user, queryset, export_format):
    """One audit entry per exported inquiry (which inquiries left the system, and to whom)."""
    content_type_id = ContentType.objects.get_for_model(Inquiry).pk
    now = timezone.now()
    entries = [
        ModelLogEntry(
            content_type_id=content_type_id,
            object_id=str(pk),
            label=f"Inquiry #{pk}",
            action=EXPORT_ACTION,
            user=user,
            timestamp=now,
            data={"format": export_format},
        )
        for pk in queryset.order_by().values_list("pk", flat=True)
    ]
    ModelLogEntry.objects.bulk_create(entries, batch_size=500)
