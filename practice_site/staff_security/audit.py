"""Account-security events in Wagtail's audit log (Reports → Site history, and each user's
history), recorded against the account they concern.

Never a code, a secret or a password: only what happened, when, from which address, and for
resets and session ends, who and why."""

from django.utils.functional import LazyObject, empty
from wagtail.log_actions import LogFormatter, log

from practice_site.client_ip import client_ip

SIGNED_IN = "staff_security.signed_in"
SIGN_IN_FAILED = "staff_security.sign_in_failed"
FACTOR_VERIFIED = "staff_security.factor_verified"
FACTOR_FAILED = "staff_security.factor_failed"
LOCKED_OUT = "staff_security.locked_out"
FACTOR_ENROLLED = "staff_security.factor_enrolled"
RECOVERY_CODES_MADE = "staff_security.recovery_codes_made"
FACTOR_RESET = "staff_security.factor_reset"
PASSKEY_REMOVED = "staff_security.passkey_removed"
CONFIRMED = "staff_security.confirmed"
SESSION_ENDED = "staff_security.session_ended"

SESSION_END_REASONS = {
    "idle": "no activity for too long",
    "too_long": "signed in for the longest time allowed",
    "revoked": "the account's sign-in was reset",
}

ACTIONS = {
    SIGNED_IN: ("Sign in: password", "Signed in with password"),
    SIGN_IN_FAILED: ("Sign in: wrong password", "Wrong password at sign-in"),
    FACTOR_VERIFIED: ("Sign in: second factor", "Second factor verified"),
    FACTOR_FAILED: ("Sign in: wrong code", "Wrong second-factor code"),
    LOCKED_OUT: ("Sign in: paused", "Signing in paused after too many wrong attempts"),
    FACTOR_ENROLLED: ("Second factor set up", "Second factor set up"),
    RECOVERY_CODES_MADE: ("Recovery codes made", "New recovery codes made (older ones stopped working)"),
    PASSKEY_REMOVED: ("Passkey removed", "A passkey was removed"),
    FACTOR_RESET: ("Second factor reset", "Second factor reset by an administrator; sessions ended"),
    CONFIRMED: ("Identity confirmed", "Password and second factor confirmed again"),
}


class SessionEndedFormatter(LogFormatter):
    label = "Session ended"

    def format_message(self, log_entry):
        reason = SESSION_END_REASONS.get((log_entry.data or {}).get("reason"), "")
        return f"Signed out automatically: {reason}" if reason else "Signed out automatically"


def register_actions(actions):
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)
    actions.register_action(SESSION_ENDED)(SessionEndedFormatter)


def unwrap(user):
    """request.user is a lazy stand-in; the audit log wants the real object."""
    if isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        return user._wrapped
    return user


def record(account, action, request=None, by=None, **data):
    """One audit entry about `account`, made by `by` (default: the account itself)."""
    account = unwrap(account)
    if request is not None:
        data.setdefault("ip", client_ip(request))
    return log(instance=account, action=action, user=unwrap(by) if by is not None else account, data=data)
