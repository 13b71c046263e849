"""Test settings: fast hashing, in-memory email, per-process cache unless REDIS_URL is set."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-with-enough-length-and-entropy-1234567890"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Login lockout is switched on explicitly by the tests that exercise it.
AXES_ENABLED = False

# Parallel runs on one PostgreSQL server (several developers, or xdist) need distinct names.
if os.environ.get("DJANGO_TEST_DB_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["DJANGO_TEST_DB_NAME"]}  # noqa: F405
# A hit re-reads the database's change count only this often: tests that count a hit's queries
# must not see it; the tests of that safety net set it themselves.
PAGE_CACHE_EPOCH_CHECK_SECONDS = 600
# Purges are sent once (tests of the repeat set it themselves): a late repeat would land in
# another test's purge endpoint.
EDGE_PURGE_REPEAT_SECONDS = 0

# Parallel runs (pytest-xdist, `make test`): the tests empty the cache between tests (FLUSHDB),
# so each worker gets a Redis database of its own; processes the tests start inherit it.
_xdist_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _xdist_worker.startswith("gw"):  # noqa: F405
    from urllib.parse import urlsplit, urlunsplit

    _parts = urlsplit(REDIS_URL)  # noqa: F405
    _db = (int(_parts.path.strip("/") or 0) + 1 + int(_xdist_worker[2:])) % 16
    os.environ["REDIS_URL"] = urlunsplit(_parts._replace(path=f"/{_db}"))
    CACHES["default"]["LOCATION"] = os.environ["REDIS_URL"]  # noqa: F405
