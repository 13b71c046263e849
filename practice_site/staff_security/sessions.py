"""What a staff session remembers about itself, and when it ends.

Stored in the session (so it works with any session backend), as Unix timestamps:

- when the password was accepted (`signed_in_at`): inquiry readers' sessions end
  STAFF_SESSION_MAX_HOURS later whatever they do;
- when the admin was last used (`last_active_at`): they end after STAFF_SESSION_IDLE_MINUTES
  without a request (background pings don't count);
- when the person last proved it was them with their password and second factor
  (`confirmed_at`): exporting inquiries needs this within STAFF_REAUTH_MINUTES;
- the account's session generation at sign-in: raising it (StaffAccountState) ends every
  session of that user at its next request.

Django itself already ends a user's other sessions when their password changes (the session
holds a hash of the password) and refuses sessions of deactivated users (ModelBackend.get_user);
tests/test_staff_security.py checks both."""

import time

from .models import StaffAccountState
from .policy import absolute_limit, idle_limit, reauthentication_window, sessions_are_limited

SIGNED_IN_AT = "staff_security.signed_in_at"
LAST_ACTIVE_AT = "staff_security.last_active_at"
CONFIRMED_AT = "staff_security.confirmed_at"
GENERATION = "staff_security.generation"
LIMITED = "staff_security.limited"
# Recovery codes waiting to be shown once (right after they are made).
CODES_TO_SHOW = "staff_security.codes_to_show"
# Writing the session on every request is wasteful: activity is recorded at most this often.
ACTIVITY_RESOLUTION_SECONDS = 15

IDLE = "idle"
TOO_LONG = "too_long"
REVOKED = "revoked"


def now():
    """The clock (a function of its own so tests can move it)."""
    return time.time()


def start(request, user):
    """A new sign-in (password accepted): start the clocks."""
    at = now()
    session = request.session
    session[SIGNED_IN_AT] = at
    session[LAST_ACTIVE_AT] = at
    session[GENERATION] = StaffAccountState.generation_for(user.pk)
    session[LIMITED] = sessions_are_limited(user)
    session.pop(CONFIRMED_AT, None)
    session.pop(CODES_TO_SHOW, None)


def why_ended(request, user=None):
    """IDLE, TOO_LONG or REVOKED when this session must end now, else None. Without `user`,
    only what the session itself holds is checked (no database query)."""
    session = request.session
    if SIGNED_IN_AT not in session:
        if user is not None:
            start(request, user)  # a session from before these rules: its clocks start now
        return None
    limited = session.get(LIMITED, False)
    if user is not None:
        limited = sessions_are_limited(user)
        if limited != session.get(LIMITED):
            session[LIMITED] = limited
        if session.get(GENERATION, 0) != StaffAccountState.generation_for(user.pk):
            return REVOKED
    if not limited:
        return None
    at = now()
    if at - session[SIGNED_IN_AT] > absolute_limit().total_seconds():
        return TOO_LONG
    if at - session.get(LAST_ACTIVE_AT, session[SIGNED_IN_AT]) > idle_limit().total_seconds():
        return IDLE
    return None


def record_activity(request):
    at = now()
    if at - request.session.get(LAST_ACTIVE_AT, 0) >= ACTIVITY_RESOLUTION_SECONDS:
        request.session[LAST_ACTIVE_AT] = at


def mark_confirmed(request, at=None):
    """The person has just given their password and second factor (or did at `at`)."""
    request.session[CONFIRMED_AT] = now() if at is None else at


def recently_confirmed(request):
    confirmed_at = request.session.get(CONFIRMED_AT)
    return confirmed_at is not None and now() - confirmed_at <= reauthentication_window().total_seconds()


def signed_in_at(request):
    return request.session.get(SIGNED_IN_AT, now())


def end_other_sessions(request, user):
    """End every other session of this user, keeping the current one."""
    StaffAccountState.end_all_sessions(user.pk)
    request.session[GENERATION] = StaffAccountState.generation_for(user.pk)
