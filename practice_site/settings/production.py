"""Production: everything from the environment; refuses to start without a secret key."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import REDIS_URL, env_bool

DEBUG = False

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set: production refuses to start without a secret key."
    )

# A cache every worker process shares: Redis when configured, otherwise the database.
# (Its table comes with the migrations: practice_site/migrations/0004.)
if not REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "practice_cache",
            "TIMEOUT": 60 * 60,
            # Django's default (300) would cull the page cache and the contact form's rate-limit
            # counts as soon as a few hundred URLs (search queries, blog pages) were cached.
            "OPTIONS": {"MAX_ENTRIES": 10000},
        }
    }

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = env_bool("DJANGO_USE_X_FORWARDED_HOST")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "1"))
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
CSRF_COOKIE_SAMESITE = "Lax"

# Static files: hashed, compressed names served by whitenoise with far-future headers.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 365 * 24 * 60 * 60

# Object storage (media on S3; base.py) --------------------------------------------------------
# Visitors' browsers must not fetch images from a third party's host (a therapy site doesn't tell
# Amazon who reads which page): on Amazon S3 itself, image URLs go through a host of the
# practice's own, a CDN such as CloudFront in front of the bucket (README "Object storage (S3)").
if AWS_STORAGE_BUCKET_NAME and not (AWS_S3_ENDPOINT_URL or AWS_S3_CUSTOM_DOMAIN):  # noqa: F405
    raise ImproperlyConfigured(
        "AWS_STORAGE_BUCKET_NAME is set without AWS_S3_CUSTOM_DOMAIN: image URLs would point at "
        "amazonaws.com. Put a CDN on a domain of the practice's own in front of the bucket and set "
        "AWS_S3_CUSTOM_DOMAIN to it (or, knowingly, to the bucket's own host)."
    )

ADMINS = [("Site admin", a) for a in os.environ.get("DJANGO_ADMINS", "").split(",") if a]

# Server errors are mailed to ADMINS (when set). The report filter in base.py blanks POST data
# and local variables, so an error email never carries what a visitor wrote.
LOGGING["filters"] = {  # noqa: F405
    "not_a_database_outage": {"()": "practice_site.logging_filters.NotADatabaseOutage"},
}
LOGGING["handlers"]["mail_admins"] = {  # noqa: F405
    "class": "django.utils.log.AdminEmailHandler",
    "level": "ERROR",
    "include_html": False,
    "filters": ["not_a_database_outage"],
}
LOGGING["loggers"]["django.request"] = {  # noqa: F405
    "handlers": ["console", "mail_admins"],
    "level": "ERROR",
    "propagate": False,
}
