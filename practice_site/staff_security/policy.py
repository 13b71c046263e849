"""Who must use a second factor, who may, and whose sessions are time-limited.

- Anyone who can read inquiries (health information) must: the "Intake staff" group, anyone
  holding the view or change permission on inquiries (directly or through a group), and
  superusers, who can grant themselves anything.
- Editors may set one up; they must when STAFF_2FA_REQUIRED_FOR_EDITORS is on.
- Anyone who has set one up is asked for it at every sign-in, required or not.

Sessions of inquiry readers end after STAFF_SESSION_IDLE_MINUTES without activity and
STAFF_SESSION_MAX_HOURS after sign-in, whatever happens in between."""

from datetime import timedelta

from django.conf import settings
from django_otp import device_classes
from django_otp.plugins.otp_static.models import StaticDevice

INTAKE_GROUP = "Intake staff"  # contact.permissions.INTAKE_GROUP; named here to stay out of contact
EDITORS_GROUP = "Editors"
INQUIRY_PERMISSIONS = ("contact.view_inquiry", "contact.change_inquiry")


def _group_names(user):
    cached = getattr(user, "_staff_security_groups", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._staff_security_groups = cached
    return cached


def can_read_inquiries(user):
    """True for anyone who could open an inquiry, now or by their group's say-so."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if any(user.has_perm(permission) for permission in INQUIRY_PERMISSIONS):
        return True
    return INTAKE_GROUP in _group_names(user)


def second_factor_required(user):
    """Must this account verify a second factor before it sees anything in the admin?"""
    if can_read_inquiries(user):
        return True
    return bool(settings.STAFF_2FA_REQUIRED_FOR_EDITORS) and EDITORS_GROUP in _group_names(user)


def has_second_factor(user):
    """A confirmed authenticator (or passkey). Recovery codes alone are a way back in, not a
    factor of their own: an account left with only those is asked to set one up again."""
    if not user.is_authenticated:
        return False
    return any(
        model.objects.filter(user=user, confirmed=True).exists()
        for model in device_classes()
        if model is not StaticDevice
    )


def annotate_second_factor_required(queryset):
    """`second_factor_required` for a whole queryset of users at once (the Users list)."""
    from django.contrib.auth.models import Group, Permission
    from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q

    inquiry = Q(
        content_type__app_label="contact", codename__in=[p.split(".")[1] for p in INQUIRY_PERMISSIONS]
    )
    required_groups = [INTAKE_GROUP] + ([EDITORS_GROUP] if settings.STAFF_2FA_REQUIRED_FOR_EDITORS else [])
    condition = (
        Exists(Permission.objects.filter(inquiry, group__user=OuterRef("pk")))
        | Exists(Permission.objects.filter(inquiry, user=OuterRef("pk")))
        | Exists(Group.objects.filter(name__in=required_groups, user=OuterRef("pk")))
        | Q(is_superuser=True)
    )
    return queryset.annotate(
        second_factor_required=ExpressionWrapper(condition & Q(is_active=True), output_field=BooleanField())
    )


def sessions_are_limited(user):
    """Idle and absolute session limits apply to inquiry readers."""
    return can_read_inquiries(user)


def idle_limit():
    return timedelta(minutes=settings.STAFF_SESSION_IDLE_MINUTES)


def absolute_limit():
    return timedelta(hours=settings.STAFF_SESSION_MAX_HOURS)


def reauthentication_window():
    return timedelta(minutes=settings.STAFF_REAUTH_MINUTES)


def failure_limit():
    """Wrong codes allowed before signing in is paused: the same count as wrong passwords."""
    return int(settings.AXES_FAILURE_LIMIT)


def lockout_window():
    return settings.AXES_COOLOFF_TIME
