"""Settings shared by every environment. `dev`, `test` and `production` import this and change
only what differs; everything that varies between machines comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
# Old keys still accepted while rotating (sessions, signed values, inquiry encryption).
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "practice_site",
    "specialties",
    "blog",
    "contact",
    "practice_site.staff_security",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    # Translations of pages and snippets (issue 17): "Translate" in the page and snippet menus
    # copies the English page into Spanish for an editor to rewrite in their own words.
    # wagtail-localize (1.14.5 declares Wagtail 8) is not needed for that: it is built for
    # segment-by-segment translation kept in sync with the source, which the Spanish pages
    # deliberately are not (they are written for Spanish readers), and it adds dependencies.
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.sites",
    # Wagtail's users app with a Users list that shows each account's second factor.
    "practice_site.staff_security.apps.StaffUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "practice_site.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so pages it serves get the same shared-cache headers.
    "practice_site.edge_cache.EdgeCacheHeadersMiddleware",
    "practice_site.page_cache.PageCacheMiddleware",
    "practice_site.middleware.SiteCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After the page cache (whose key holds the path, and only the path decides the language:
    # practice_site/i18n.py) and after sessions, before CommonMiddleware as Django requires.
    "practice_site.i18n.PathOnlyLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Second factor, session limits and export re-confirmation for the admin.
    "practice_site.staff_security.middleware.StaffSecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "practice_site.middleware.SecurityHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "practice_site.urls"
WSGI_APPLICATION = "practice_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite (a git-ignored file) unless DATABASE_URL names another database.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite serves a small practice well with several gunicorn workers when: readers never wait
    # for a writer (WAL), a writer waits for another instead of failing at once (busy timeout,
    # 20 s), and every transaction takes the write lock when it begins (IMMEDIATE), so two
    # autosaves can't both read and then fail to upgrade ("database is locked", a 500).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, otherwise per-process memory (dev and tests).
# production.py replaces the fallback with the database cache so every worker shares it.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "practice_site.cache_backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            # Fail fast when Redis is down: pages then render uncached.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "practice"),
            "TIMEOUT": 60 * 60,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "practice-site",
        }
    }

# Whole-page cache for anonymous visitors (practice_site/page_cache.py). Saving any of these
# models makes every cached page stale; pages themselves are covered by Wagtail's signals.
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE_ENABLED", "true").lower() != "false"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", str(60 * 60)))
# With Redis, each process also keeps this many recently served pages in memory (valid only
# for the current generation; 0 turns it off). About 15 KB each.
PAGE_CACHE_LOCAL_ENTRIES = int(os.environ.get("PAGE_CACHE_LOCAL_ENTRIES", "200"))
# The query parameters a page may depend on, with the values allowed: only these are part of a
# cached page's key (and only when the view says it used them); any other query string is served
# the canonical page or rendered uncached, so made-up URLs can't fill the cache.
PAGE_CACHE_QUERY_PARAMS = {"page": r"[1-9][0-9]{0,5}"}
# Requests carrying these are never looked up or stored (each search is a page of its own).
PAGE_CACHE_UNCACHED_PARAMS = ["q"]
# Every process re-reads the database's count of content changes at least this often, so a
# change the shared cache failed to record stops old pages from being served within it.
PAGE_CACHE_EPOCH_CHECK_SECONDS = float(os.environ.get("PAGE_CACHE_EPOCH_CHECK_SECONDS", "1"))
PAGE_CACHE_INVALIDATING_MODELS = [
    # Not contact.IntakeSettings: where notifications go shows on no page.
    "practice_site.PracticeSettings",
    # Who may see a page: the Privacy dialog saves or deletes only these (no page signal).
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailcore.Site",
    "wagtailimages.Image",
    "wagtailredirects.Redirect",
    "blog.Author",
    "blog.BlogCategory",
    "taggit.Tag",
    "wagtailcore.Locale",
]

# Frontend cache (the edge: Varnish or a CDN) ----------------------------------------------------
# Anonymous visitors' public pages may be kept this long by a shared cache (s-maxage; browsers
# still revalidate every time); a 404 only EDGE_CACHE_404_SECONDS. 0: no shared caching at all.
# Publishing purges the changed URLs (practice_site/edge_cache.py), so this only bounds what a
# lost purge could leave behind. See README "Scale-out".
EDGE_CACHE_SECONDS = int(os.environ.get("EDGE_CACHE_SECONDS", "600"))
EDGE_CACHE_404_SECONDS = int(os.environ.get("EDGE_CACHE_404_SECONDS", "60"))
# Each purge is sent again this many seconds later (0: never), after every app process has surely
# heard of the change, in case the edge refilled from one that hadn't.
EDGE_PURGE_REPEAT_SECONDS = float(os.environ.get("EDGE_PURGE_REPEAT_SECONDS", "2"))
# Where to send purges: an HTTP endpoint taking PURGE <path> with the page's Host (Varnish,
# deploy/varnish.vcl): e.g. http://127.0.0.1:6081. CloudFront and Cloudflare: below.
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "practice_site.edge_cache.PurgeHTTPBackend",
        "LOCATION": FRONTEND_CACHE_URL,
        "TIMEOUT": float(os.environ.get("FRONTEND_CACHE_TIMEOUT", "2")),
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    # Credentials: boto3's usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the server's role.
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN", ""),
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Security headers (HSTS is only ever sent over HTTPS, so it is harmless in development).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=(), "
    "payment=(), usb=(), magnetometer=(), gyroscope=(), accelerometer=()"
)
# Public pages: nothing but our own files; no inline script or style at all.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
# The Wagtail admin needs inline styles/scripts and frames its own previews.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# How many proxies in front of the app may be trusted to append to X-Forwarded-For (0 in
# development; production sets 1 for its TLS proxy). See practice_site/client_ip.py.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))

# Admin login lockout (django-axes): 5 failures per username or per IP within 15 minutes lock
# further attempts for 15 minutes; then they may try again (no manual reset needed).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "practice_site.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "practice_site/lockout.html"
AXES_VERBOSE = False
# What people type in the second-factor step is never stored with a failed attempt.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp_token", "recovery_code"]

# English at the root, Spanish under /es/ (practice_site/urls.py). The language of a public
# page comes from its URL alone, never from Accept-Language or a cookie (practice_site/i18n.py).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# The demo practice is in Oregon; a real one sets DJANGO_TIME_ZONE to where its staff work.
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "America/Los_Angeles")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Object storage (media on S3) -----------------------------------------------------------------
# Uploads (original images, renditions, documents) go to an S3-compatible bucket when
# AWS_STORAGE_BUCKET_NAME is set, so every app server sees the same files; otherwise to
# MEDIA_ROOT on this machine's disk. Static files stay with whitenoise either way. The access
# keys are not settings: django-storages/boto3 read AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY
# from the environment (or use the server's IAM role when they are unset). Who may read what
# is the bucket policy's business: `manage.py configure_bucket`. See README "Object storage (S3)".
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    from practice_site.storage import media_origins

    STORAGES["default"] = {"BACKEND": "practice_site.storage.MediaStorage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None  # unset: Amazon S3
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    # A host of the practice's own (a CDN in front of the bucket) for image URLs, optionally
    # with a path: "media.example.org" or "www.example.org/media".
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE") or None  # "path", "virtual"
    # Pages may show images from there (and from nowhere else new).
    for _policy in (CONTENT_SECURITY_POLICY, ADMIN_CONTENT_SECURITY_POLICY):
        _policy["DIRECTIVES"]["img-src"] += media_origins(
            AWS_STORAGE_BUCKET_NAME, AWS_S3_ENDPOINT_URL, AWS_S3_REGION_NAME, AWS_S3_CUSTOM_DOMAIN
        )
# Documents are always served by Wagtail's view, which checks the collection's privacy first.
# (Its default for storage without local paths would redirect to the bucket URL instead.)
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Email: console in development; production names its backend in the environment.
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "sent-emails"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "website@practice.example")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Request size limits: nothing on the public site needs more than this.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
MAX_PUBLIC_REQUEST_BODY = 1_048_576  # public pages; the admin's image uploads have their own
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000  # Wagtail's page editor posts many fields.

# Wagtail
WAGTAIL_SITE_NAME = "Wrenfield Counseling"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf"]
# Documents are always downloaded, never rendered inline in the site's origin (a crafted PDF
# can't run in a visitor's or an editor's session).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_FINDERS = []  # no embeds: they would load third-party content
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatars fetched from gravatar.com for staff
# Time zones staff may choose on their Account page: the US zones (east to west) and UTC.
# Wagtail's default lists every name the server's zone database holds, including Debian's
# "localtime" alias, which browsers reject (RangeError: Invalid time zone specified).
WAGTAIL_USER_TIME_ZONES = [
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Puerto_Rico",
    "UTC",
]
if TIME_ZONE not in WAGTAIL_USER_TIME_ZONES:
    WAGTAIL_USER_TIME_ZONES.insert(0, TIME_ZONE)

# Shown by the 500 page (which never touches the database) only when the cached copy of
# PracticeSettings is unavailable too. Keep it in step with the admin's practice phone.
PRACTICE_FALLBACK_PHONE = os.environ.get("PRACTICE_FALLBACK_PHONE", "+15035550123")

# Error reports (emails to ADMINS, debug pages) never include POST data or local variables.
DEFAULT_EXCEPTION_REPORTER_FILTER = "practice_site.error_reporting.PrivacyExceptionReporterFilter"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "practice_site": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "contact": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}


# Contact and intake (contact app) ------------------------------------------------------------
# Who is told (without any details) that an inquiry arrived; empty: the admin's Settings →
# Intake notifications (contact.IntakeSettings, administrators only) decides.
INTAKE_NOTIFY_EMAILS = env_list("INTAKE_NOTIFY_EMAILS")
# Saved inquiries allowed per visitor IP per window: "count/seconds".
CONTACT_RATE_LIMIT = os.environ.get("CONTACT_RATE_LIMIT", "5/600")
# A form sent back sooner than this after it was shown is treated as a bot's (stored as spam).
CONTACT_MIN_FILL_SECONDS = int(os.environ.get("CONTACT_MIN_FILL_SECONDS", "3"))
# A form's start token is accepted for this long (and once): an older one is sent back to the
# visitor to press Send again, keeping what they typed.
CONTACT_FORM_MAX_AGE_SECONDS = int(os.environ.get("CONTACT_FORM_MAX_AGE_SECONDS", str(2 * 60 * 60)))
# Closed and spam inquiries older than this are deleted by `manage.py purge_inquiries`.
INQUIRY_RETENTION_DAYS = int(os.environ.get("INQUIRY_RETENTION_DAYS", "365"))

# Clinical review (practice_site/clinical_review.py): a health page's review is due again this
# many days after it was approved, and at once when a change is published after it.
CLINICAL_REVIEW_MAX_AGE_DAYS = int(os.environ.get("CLINICAL_REVIEW_MAX_AGE_DAYS", "365"))
# Pages whose reading grade (Flesch-Kincaid) is above this are listed in the plain-language report.
PLAIN_LANGUAGE_MAX_GRADE = 8
# Inquiry messages and staff notes are encrypted at rest (django-fernet-encrypted-fields) with
# keys derived from SECRET_KEY (and SECRET_KEY_FALLBACKS) and these salts. The salt is not a
# secret; the default is fine. To rotate, put a new salt FIRST (comma list, old ones after),
# then run `manage.py reencrypt_inquiries`; see README "Inquiry encryption".
SALT_KEY = env_list("INQUIRY_ENCRYPTION_SALT", "harbor-light-inquiries-v1")


# Staff accounts and second factor (practice_site/staff_security) ------------------------------
# Editors may set up a second factor; with this on, they must (inquiry readers always must).
STAFF_2FA_REQUIRED_FOR_EDITORS = env_bool("STAFF_2FA_REQUIRED_FOR_EDITORS")
# Inquiry readers' sessions end after this long without activity, and this long after sign-in.
STAFF_SESSION_IDLE_MINUTES = int(os.environ.get("STAFF_SESSION_IDLE_MINUTES", "30"))
STAFF_SESSION_MAX_HOURS = int(os.environ.get("STAFF_SESSION_MAX_HOURS", "12"))
# Exporting inquiries needs the password and second factor confirmed within this many minutes.
STAFF_REAUTH_MINUTES = int(os.environ.get("STAFF_REAUTH_MINUTES", "10"))
STAFF_RECOVERY_CODE_COUNT = 10
# The name authenticator apps show next to the account.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Passkeys, as the second step only (never instead of the password), for the host the admin is
# served from; the expected origin is the request's own (practice_site/staff_security/passkeys.py).
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_ID_CALLABLE = "practice_site.staff_security.passkeys.relying_party_id"
OTP_WEBAUTHN_RP_NAME = WAGTAIL_SITE_NAME
OTP_WEBAUTHN_HELPER_CLASS = "practice_site.staff_security.passkeys.PasskeyHelper"
# That check wants a fixed list of origins (OTP_WEBAUTHN_ALLOWED_ORIGINS); PasskeyHelper uses
# the request's own, whose host ALLOWED_HOSTS has already vetted.
SILENCED_SYSTEM_CHECKS = ["otp_webauthn.E030"]
