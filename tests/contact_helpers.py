"""Shared helpers for the contact tests: valid form data and staff users."""

import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from contact.permissions import EDITORS_GROUP, INTAKE_GROUP, ensure_groups
from contact.spam import sign_started_at

CONTACT_URL = "/contact/"
THANKS_URL = "/contact/thanks/"


def form_data(**overrides):
    """A valid submission, shown to the visitor a minute ago (passes the fill-time check)."""
    data = {
        "name": "Sam Rivera",
        "help_for": "myself",
        "contact_method": "call",
        "phone": "(503) 555-0142",
        "email": "",
        "ok_to_leave_voicemail": "on",
        "best_time": "evening",
        "message": "I'd like to talk about my drinking.",
        "consent": "on",
        "website": "",
        "started_at": sign_started_at(time.time() - 60),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def make_user(username, group_name=None, **extra):
    ensure_groups()
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@practice.example", password="a-long-test-password-123", **extra
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def intake_user(username="intake"):
    return make_user(username, INTAKE_GROUP)


def editor_user(username="editor"):
    return make_user(username, EDITORS_GROUP)
