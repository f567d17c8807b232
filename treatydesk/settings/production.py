"""Production settings: everything secret or site-specific comes from the environment.

Start-up fails with a clear message when a required variable is missing, rather than running
with a guessed value.
"""

import ipaddress
import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import MIDDLEWARE

REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_HOST", "DEFAULT_FROM_EMAIL",
            "TREATYDESK_BASE_URL")
_missing = [name for name in REQUIRED if not os.environ.get(name)]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(_missing)
        + " (see docs/deploy.md)."
    )

DEBUG = False
# The public address, required and not this machine (system check treatydesk.E101–E103).
TREATYDESK_BASE_URL_REQUIRED = True
WAGTAILADMIN_BASE_URL = os.environ["TREATYDESK_BASE_URL"]
TREATYDESK_MAIL_BASE_URL = os.environ.get("TREATYDESK_MAIL_BASE_URL", WAGTAILADMIN_BASE_URL)
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = [h.strip() for h in os.environ["ALLOWED_HOSTS"].split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{h.lstrip('.')}" for h in ALLOWED_HOSTS if h != "*"]

EMAIL_BACKEND = "treatydesk.mail.outgoing.sending.OutgoingBackend"  # signed, like all our mail
EMAIL_HOST = os.environ["EMAIL_HOST"]
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "1") == "1"
DEFAULT_FROM_EMAIL = os.environ["DEFAULT_FROM_EMAIL"]
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# TLS is terminated by the reverse proxy (docs/deploy.md), which sets X-Forwarded-Proto.
# A request without "X-Forwarded-Proto: https" did not come through it over TLS: it is
# redirected to https://, except the load balancer's health check, which asks over plain HTTP.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_NAME = "__Host-csrftoken"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
MIDDLEWARE = list(MIDDLEWARE)

# The reverse proxies whose X-Forwarded-For is believed (docs/deploy.md): checked at start-up.
TREATYDESK_TRUSTED_PROXIES = os.environ.get("TREATYDESK_TRUSTED_PROXIES", "")
for _proxy in filter(None, (p.strip() for p in TREATYDESK_TRUSTED_PROXIES.split(","))):
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"TREATYDESK_TRUSTED_PROXIES: {_proxy!r} is not an address or a network "
            "(docs/deploy.md)") from None
