"""Keeping bots out without bothering people: a honeypot, a minimum fill time and a per-IP
rate limit. A bot that fails the first two is shown the normal thanks page (so it learns
nothing) and its submission is stored as spam; the rate limit answers 429."""

import logging
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from practice_site import page_cache
from practice_site.client_ip import client_ip

logger = logging.getLogger(__name__)

STARTED_AT_SALT = "contact.inquiry-form.started-at"
RATE_LIMIT_KEY = "contact-rate:{ip}"


def now():
    """The current Unix time (a function so tests can move the clock)."""
    return time.time()


def sign_started_at(timestamp=None):
    """A tamper-proof token recording when the form was shown."""
    return signing.dumps(int(now() if timestamp is None else timestamp), salt=STARTED_AT_SALT)


# The page cache fills this hole in a cached contact form with a fresh start time per visitor.
STARTED_AT_HOLE = "contact_started_at"
page_cache.register_hole(STARTED_AT_HOLE, lambda request: sign_started_at())


def filled_too_fast(token):
    """True when the token is missing, forged, or younger than CONTACT_MIN_FILL_SECONDS."""
    try:
        started_at = signing.loads(str(token or ""), salt=STARTED_AT_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return True
    if not isinstance(started_at, int):
        return True
    return now() - started_at < settings.CONTACT_MIN_FILL_SECONDS


def visitor_ip(request):
    """The visitor's address as the trusted proxy saw it (the same rule the login lockout uses)."""
    return client_ip(request) or "unknown"


def rate_limit():
    """(count, seconds) from CONTACT_RATE_LIMIT, e.g. "5/600"."""
    try:
        count, seconds = str(settings.CONTACT_RATE_LIMIT).split("/")
        return max(int(count), 0), max(int(seconds), 1)
    except (ValueError, AttributeError):
        logger.warning("CONTACT_RATE_LIMIT is malformed; using 5/600")
        return 5, 600


def rate_limited(ip):
    """True when this IP has used up its submissions for the current window. Fails open."""
    count, _seconds = rate_limit()
    try:
        used = cache.get(RATE_LIMIT_KEY.format(ip=ip), 0)
    except Exception:
        logger.warning("contact rate limit: cache unavailable, allowing the submission")
        return False
    return used >= count


def record_submission(ip):
    """Count one submission; True when it is still within the limit. Fails open.

    The window starts with the first submission (a fixed window, not sliding): simple, shared by
    every worker through the cache, and generous enough for a person who sends a second note."""
    count, seconds = rate_limit()
    key = RATE_LIMIT_KEY.format(ip=ip)
    try:
        cache.add(key, 0, seconds)
        used = cache.incr(key)
    except ValueError:  # the key expired between add() and incr()
        try:
            cache.set(key, 1, seconds)
            used = 1
        except Exception:
            logger.warning("contact rate limit: cache unavailable, allowing the submission")
            return True
    except Exception:
        logger.warning("contact rate limit: cache unavailable, allowing the submission")
        return True
    return used <= count
