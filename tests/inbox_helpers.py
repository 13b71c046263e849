"""Helpers for the intake inbox tests: intake staff with names, signed in past the second
factor, and inquiries of given ages."""

from datetime import timedelta

from django.utils import timezone

from contact.models import Inquiry
from tests.contact_helpers import intake_user

INDEX = "/admin/inquiries/"


def staff(username, first_name, last_name):
    user = intake_user(username)
    user.first_name, user.last_name = first_name, last_name
    user.save()
    return user


def sign_in(client, user):
    """Signed in with password and second factor (the admin asks intake staff for both)."""
    try:
        from tests.staff_helpers import log_in_verified
    except ImportError:  # no second factor in this tree
        client.force_login(user)
        return
    log_in_verified(client, user)


def edit_url(inquiry):
    return f"/admin/inquiries/edit/{inquiry.pk}/"


def make_inquiry(name="Sam Rivera", hours_ago=1, **fields):
    fields.setdefault("help_for", "myself")
    fields.setdefault("contact_method", "call")
    fields.setdefault("phone", "+15035550142")
    created_at = timezone.now() - timedelta(hours=hours_ago)
    return Inquiry.objects.create(name=name, created_at=created_at, **fields)


def edit_form(inquiry, **overrides):
    """The edit form as the browser would post it, loaded at the inquiry's current version."""
    loaded = {
        "status": inquiry.status,
        "assigned_to": inquiry.assigned_to_id or "",
        "handled_at": timezone.localtime(inquiry.handled_at).strftime("%Y-%m-%d %H:%M")
        if inquiry.handled_at
        else "",
    }
    data = {
        # The values the form was loaded with, as the page carries them (hidden inputs).
        **{f"initial-{name}": value for name, value in loaded.items()},
        "loaded_version": inquiry.version,
        "status": inquiry.status,
        "assigned_to": inquiry.assigned_to_id or "",
        "handled_at": "",
        "call_outcome": "",
        "call_note": "",
        "note": "",
    }
    data.update(overrides)
    return data
