"""Sign-in events: start a session's clocks, and put sign-ins and failures in the audit log."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_save

from . import audit, sessions
from .models import StaffAccountState
from .policy import has_second_factor, second_factor_required

# Marks the failures this app reports to django-axes itself (wrong second-factor codes), which
# are already in the audit log as such.
SECOND_FACTOR_CREDENTIAL = "staff_security_step"


def on_logged_in(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    sessions.start(request, user)
    if has_second_factor(user):
        step = "asked"
    elif second_factor_required(user):
        step = "set-up needed"
    else:
        step = "not used"
    audit.record(user, audit.SIGNED_IN, request=request, second_factor=step)


def on_login_failed(sender, credentials, request=None, **kwargs):
    if not credentials or credentials.get(SECOND_FACTOR_CREDENTIAL):
        return
    User = get_user_model()
    username = credentials.get(User.USERNAME_FIELD) or credentials.get("username")
    if not username:
        return
    user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
    if user is not None:  # unknown names have no account to record it against (axes has them)
        audit.record(user, audit.SIGN_IN_FAILED, request=request)


def on_user_saved(sender, instance, created, **kwargs):
    """A deactivated account's sessions end at once. Django already refuses them
    (ModelBackend.get_user); this makes it hold for any backend, and for reactivation too."""
    if not created and not instance.is_active:
        StaffAccountState.end_all_sessions(instance.pk)


def connect():
    user_logged_in.connect(on_logged_in, dispatch_uid="staff_security_logged_in")
    user_login_failed.connect(on_login_failed, dispatch_uid="staff_security_login_failed")
    post_save.connect(on_user_saved, sender=get_user_model(), dispatch_uid="staff_security_user_saved")
