"""Keeping bots out without bothering people: a honeypot, a signed start token and a per-IP
rate limit. A bot that fails the first two is shown the normal thanks page (so it learns
nothing) and its submission is stored as spam; the rate limit answers 429.

The start token records when the form was shown and carries a random nonce: it is unique per
form load, expires (``CONTACT_FORM_MAX_AGE_SECONDS``), and is accepted once (``UsedFormToken``):
a form sent back with a token that was already used is a replay, stored as spam. The rate
limit counts saved submissions per visitor in the database (``SubmissionRecord``), where no
flood of page requests can evict it and no cache outage can lift it."""

import hashlib
import hmac
import logging
import secrets
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction

from practice_site import page_cache
from practice_site.client_ip import client_ip

logger = logging.getLogger(__name__)

STARTED_AT_SALT = "contact.inquiry-form.started-at"


def now():
    """The current Unix time (a function so tests can move the clock)."""
    return time.time()


def _as_datetime(timestamp):
    return datetime.fromtimestamp(timestamp, tz=UTC)


def sign_started_at(timestamp=None):
    """A tamper-proof token recording when the form was shown, with a nonce of its own."""
    started = int(now() if timestamp is None else timestamp)
    return signing.dumps([started, secrets.token_urlsafe(12)], salt=STARTED_AT_SALT)


# The page cache fills this hole in a cached contact form with a fresh token per visitor.
STARTED_AT_HOLE = "contact_started_at"
page_cache.register_hole(STARTED_AT_HOLE, lambda request: sign_started_at())


def read_started_at(token):
    """(shown at, nonce) from a genuine token, else None (missing, forged, or malformed)."""
    try:
        value = signing.loads(str(token or ""), salt=STARTED_AT_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not isinstance(value[0], int)
        or not isinstance(value[1], str)
        or not 8 <= len(value[1]) <= 32
    ):
        return None
    return value[0], value[1]


def filled_too_fast(token):
    """True when the token is missing, forged, or younger than CONTACT_MIN_FILL_SECONDS."""
    read = read_started_at(token)
    return read is None or now() - read[0] < settings.CONTACT_MIN_FILL_SECONDS


def token_expired(token):
    """True for a genuine token older than CONTACT_FORM_MAX_AGE_SECONDS: the visitor is asked to
    send again (with a fresh token); nothing they typed is lost."""
    read = read_started_at(token)
    return read is not None and now() - read[0] > settings.CONTACT_FORM_MAX_AGE_SECONDS


def claim_token(token):
    """Record the token's first use; False when it was used before (a replay). Runs in the
    transaction that saves the inquiry."""
    from .models import UsedFormToken

    read = read_started_at(token)
    if read is None:
        return False
    try:
        with transaction.atomic():
            UsedFormToken.objects.create(nonce=read[1], used_at=_as_datetime(now()))
    except IntegrityError:
        return False
    return True


def forget_used_tokens():
    """Delete the records of tokens too old to be accepted anyway; returns how many."""
    from .models import UsedFormToken

    cutoff = _as_datetime(now() - settings.CONTACT_FORM_MAX_AGE_SECONDS - 60)
    return UsedFormToken.objects.filter(used_at__lt=cutoff).delete()[0]


def visitor_ip(request):
    """The visitor's address as the trusted proxy saw it (the same rule the login lockout uses)."""
    return client_ip(request) or "unknown"


def visitor_key(ip):
    """A keyed hash of the address: the rate limit never stores the address itself."""
    return hmac.new(settings.SECRET_KEY.encode(), f"contact-rate:{ip}".encode(), hashlib.sha256).hexdigest()


def rate_limit():
    """(count, seconds) from CONTACT_RATE_LIMIT, e.g. "5/600"."""
    try:
        count, seconds = str(settings.CONTACT_RATE_LIMIT).split("/")
        return max(int(count), 0), max(int(seconds), 1)
    except (ValueError, AttributeError):
        logger.warning("CONTACT_RATE_LIMIT is malformed; using 5/600")
        return 5, 600


def _recent(ip):
    from .models import SubmissionRecord

    _count, seconds = rate_limit()
    return SubmissionRecord.objects.filter(visitor=visitor_key(ip), at__gt=_as_datetime(now() - seconds))


def rate_limited(ip):
    """True when this IP has used up its submissions for the current window."""
    return _recent(ip).count() >= rate_limit()[0]


def record_submission(ip):
    """Count one submission; True when it is still within the limit.

    A sliding window: the submissions saved in the last `seconds`. Two sent at the same moment
    both count before either is checked, so a race can only refuse, never let one more in."""
    from .models import SubmissionRecord

    count, seconds = rate_limit()
    key = visitor_key(ip)
    # This visitor's records that have left the window are of no use to anyone.
    SubmissionRecord.objects.filter(visitor=key, at__lte=_as_datetime(now() - seconds)).delete()
    SubmissionRecord.objects.create(visitor=key, at=_as_datetime(now()))
    return _recent(ip).count() <= count


def forget_old_submissions():
    """Delete submission records older than any window; returns how many."""
    from .models import SubmissionRecord

    cutoff = _as_datetime(now() - max(rate_limit()[1], 24 * 60 * 60))
    return SubmissionRecord.objects.filter(at__lt=cutoff).delete()[0]
