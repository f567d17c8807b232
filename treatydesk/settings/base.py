"""Settings shared by every environment.

Everything that differs between machines comes from the environment (``DATABASE_URL``,
``SECRET_KEY``, …); the per-environment modules only change defaults and strictness.
"""

import os
from pathlib import Path

import dj_database_url

from .caches import caches_from_environment

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = Path(os.environ.get("TREATYDESK_HOME", PACKAGE_DIR.parent)).resolve()
VAR_DIR = Path(os.environ.get("TREATYDESK_VAR", BASE_DIR / "var")).resolve()

DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'treatydesk.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while the register keeper writes; IMMEDIATE avoids
    # "database is locked" upgrades in the middle of an import.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    # Keep each worker's connection open: with WAL, closing the last connection checkpoints
    # the log to disk, which cost a few milliseconds on every request.
    DATABASES["default"]["CONN_MAX_AGE"] = 600

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The full-page cache for anonymous readers (treatydesk/ops/pagecache); see docs/deploy.md.
CACHES = caches_from_environment(os.environ, VAR_DIR)
TREATYDESK_PAGE_CACHE_SECONDS = int(os.environ.get("TREATYDESK_PAGE_CACHE_SECONDS", "300"))
# How long nginx's proxy cache keeps a public page (X-Accel-Expires): a publish shows through
# nginx within this time. 0 sends no such header.
TREATYDESK_PROXY_CACHE_SECONDS = int(os.environ.get("TREATYDESK_PROXY_CACHE_SECONDS", "10"))

INSTALLED_APPS = [
    # Our apps (docs/architecture.md); labels are the original app names. The order is the one
    # they were first installed in: Wagtail runs hooks and Django signal receivers in it.
    "treatydesk.site",
    "treatydesk.records.facts",
    "treatydesk.records.status",
    "treatydesk.security.headers",
    "treatydesk.ops.pagecache",
    "treatydesk.security.accounts",
    "treatydesk.security.throttle",
    "treatydesk.media",
    "treatydesk.newsroom.news",
    "treatydesk.newsroom.notices",
    "treatydesk.newsroom.meetings",
    "treatydesk.newsroom.search",
    "treatydesk.mail.subscribers",
    "treatydesk.mail.mailings",
    "treatydesk.mail.verification",
    "treatydesk.mail.dmarc",
    "treatydesk.records.obligations",
    "treatydesk.records.pictures",
    "treatydesk.ops.system",
    "treatydesk.api",
    "treatydesk.records.log",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # LocaleMiddleware, leaving /api/ and /data/releases/ 404s as they are (api/middleware.py).
    "treatydesk.api.middleware.PageLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Optional two-factor sign-in for the admin (treatydesk/security/accounts/twofactor.py).
    "django_otp.middleware.OTPMiddleware",
    "treatydesk.security.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "treatydesk.security.headers.headers.SecurityHeadersMiddleware",
    # Last, as django-axes requires: it answers locked-out logins.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Editors' logins: after 5 failures for one username from one address, that pair waits an
# hour. Keyed on username AND address together, so an attacker elsewhere cannot lock a real
# editor out by guessing at their name.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The address is the client's, not the proxy's: X-Forwarded-For is believed only from the
# proxies named in TREATYDESK_TRUSTED_PROXIES (treatydesk/security/throttle/client.py).
AXES_CLIENT_IP_CALLABLE = "treatydesk.security.throttle.client.client_address"
TREATYDESK_TRUSTED_PROXIES = os.environ.get("TREATYDESK_TRUSTED_PROXIES", "")
# Password resets: queued for the worker, limited per address and per client (accounts/reset.py).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "treatydesk.security.accounts.reset.ResetForm"  # noqa: S105
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "security/locked_out.html"
AXES_VERBOSE = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

ROOT_URLCONF = "treatydesk.urls"
WSGI_APPLICATION = "treatydesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "treatydesk.site.context_processors.site_context",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages of the public site. English is the source language; French and Spanish are the
# other languages in which the Convention's secretariat publishes.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "treatydesk.ops.staticfiles.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Treaty Desk"
WAGTAILADMIN_BASE_URL = os.environ.get("TREATYDESK_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "csv", "txt"]
# Our own image and document models (treatydesk/media) from the first migration: swapping them
# later means migrating every page that links a photo or a file.
WAGTAILIMAGES_IMAGE_MODEL = "media.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "media.CustomDocument"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
# Uploads (treatydesk/media): photos re-encoded, no SVG; documents always downloaded, never
# shown inline, and PDFs with scripts, automatic actions or embedded files refused.
WAGTAILIMAGES_IMAGE_FORM_BASE = "treatydesk.media.forms.SafeImageForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp"]
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_SERVE_METHOD = "serve_view"
TREATYDESK_DOCUMENT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

LOGIN_URL = "wagtailadmin_login"

# The treaty whose site this is. The register holds every treaty; the public pages show this one.
TREATYDESK_TREATY = os.environ.get("TREATYDESK_TREATY", "CCM").upper()

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"treatydesk": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# Mail (docs/mail.md): notices go out DKIM-signed through EMAIL_HOST:EMAIL_PORT, from
# DEFAULT_FROM_EMAIL, sent by the background worker (`treatydesk manage mail_worker`).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "notices@localhost")
EMAIL_TIMEOUT = 30
# Without an SMTP server (EMAIL_HOST unset) every message, signed all the same, is delivered to
# the Maildir TREATYDESK_OUTBOX_DIR, read in the admin's "Outbox" (mail/outgoing/outbox.py).
TREATYDESK_OUTBOX_DIR = VAR_DIR / "outbox"
TREATYDESK_MAIL_BACKEND = (
    "treatydesk.mail.outgoing.backends.DkimSmtpBackend" if os.environ.get("EMAIL_HOST")
    else "treatydesk.mail.outgoing.outbox.DkimMaildirBackend"
)
# What Django and Wagtail send by themselves (password resets, moderation notifications) takes
# the same path: headers of ours, then TREATYDESK_MAIL_BACKEND, which signs (mail/outgoing).
EMAIL_BACKEND = "treatydesk.mail.outgoing.sending.OutgoingBackend"
TREATYDESK_MAIL_TASK_BACKEND = "default"
TREATYDESK_MAIL_BASE_URL = os.environ.get("TREATYDESK_MAIL_BASE_URL", WAGTAILADMIN_BASE_URL)
TREATYDESK_BOUNCE_ADDRESS = os.environ.get("TREATYDESK_BOUNCE_ADDRESS", "")
TREATYDESK_DKIM_DIR = Path(os.environ.get("TREATYDESK_DKIM_DIR", VAR_DIR / "dkim"))
# The register's signed log (docs/transparency.md): its Ed25519 key, kept and backed up like the
# DKIM keys; the last checkpoints published and verified, kept outside the database and outside
# backups, so that a restored older database shows as a rollback; the checkpoint's origin line.
TREATYDESK_LOG_KEY_DIR = Path(os.environ.get("TREATYDESK_LOG_KEY_DIR", VAR_DIR / "logkey"))
TREATYDESK_LOG_STATE_DIR = Path(os.environ.get("TREATYDESK_LOG_STATE_DIR", VAR_DIR / "logstate"))
TREATYDESK_LOG_ORIGIN = os.environ.get("TREATYDESK_LOG_ORIGIN", "")
# A claim on a delivery older than this belongs to a worker that died (mailing/sending.py).
TREATYDESK_MAIL_CLAIM_SECONDS = int(os.environ.get("TREATYDESK_MAIL_CLAIM_SECONDS", "300"))
# Senders allowed by SPF and the DMARC report mailbox, for `treatydesk mail dns`.
TREATYDESK_MAIL_SPF = os.environ.get("TREATYDESK_MAIL_SPF", "mx").split()
TREATYDESK_DMARC_REPORT_ADDRESS = os.environ.get("TREATYDESK_DMARC_REPORT_ADDRESS", "")
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The worker and the scheduler (treatydesk/ops/system, docs/deploy.md): each records a
# heartbeat every TREATYDESK_HEARTBEAT_SECONDS; silent for longer than
# TREATYDESK_LATE_SECONDS, it is "late" (/healthz answers 503, the admin shows a banner), and
# so is a queue whose oldest waiting task is older than TREATYDESK_QUEUE_LATE_SECONDS.
TREATYDESK_HEARTBEAT_SECONDS = float(os.environ.get("TREATYDESK_HEARTBEAT_SECONDS", "30"))
TREATYDESK_LATE_SECONDS = float(os.environ.get("TREATYDESK_LATE_SECONDS", "120"))
TREATYDESK_QUEUE_LATE_SECONDS = float(os.environ.get("TREATYDESK_QUEUE_LATE_SECONDS", "300"))
# Mailboxes the scheduler reads every 15 minutes when set (Maildir paths; docs/mail.md).
TREATYDESK_BOUNCE_MAILDIR = os.environ.get("TREATYDESK_BOUNCE_MAILDIR", "")
TREATYDESK_DMARC_MAILDIR = os.environ.get("TREATYDESK_DMARC_MAILDIR", "")
