"""The site's public address (``TREATYDESK_BASE_URL``): every absolute URL the site writes
(canonical links, ``og:url``, ``og:image``, the sitemap, feeds, links in mail) starts with it.

In production it must be given and must not name this machine (localhost, 127.0.0.1, ::1):
a page shared from a site behind a proxy would otherwise link its readers to their own
computer. The system check below says so at start-up (``manage.py check``).
"""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

LOCAL_NAMES = {"localhost", "localhost.localdomain", ""}


def base_url() -> str:
    """Return the site's public address without a trailing slash."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path: str) -> str:
    """Return ``path`` (absolute or "/en/…") on the site's public address."""
    if urlsplit(path).scheme:
        return path
    return base_url() + ("" if path.startswith("/") else "/") + path


def is_local(url: str) -> bool:
    """Return True when ``url`` names this machine (or no host at all)."""
    host = (urlsplit(url).hostname or "").lower()
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


@checks.register(checks.Tags.urls)
def check_base_url(app_configs=None, **kwargs):
    """In production (``TREATYDESK_BASE_URL_REQUIRED``), the public address must be real."""
    if not getattr(settings, "TREATYDESK_BASE_URL_REQUIRED", False):
        return []
    url = settings.WAGTAILADMIN_BASE_URL
    if not url:
        return [checks.Error(
            "TREATYDESK_BASE_URL is not set: the site cannot write absolute links "
            "(canonical, og:url, sitemap, feeds, mail).",
            hint="Set TREATYDESK_BASE_URL to the public address, e.g. https://www.example.org.",
            id="treatydesk.E101")]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return [checks.Error(f"TREATYDESK_BASE_URL {url!r} is not an http(s) address.",
                             hint="Write it as https://host[:port].", id="treatydesk.E102")]
    errors = []
    for name, value in (("TREATYDESK_BASE_URL", url),
                        ("TREATYDESK_MAIL_BASE_URL", settings.TREATYDESK_MAIL_BASE_URL)):
        if is_local(value):
            errors.append(checks.Error(
                f"{name} {value!r} names this machine: links in pages, feeds and mail "
                "would lead readers to their own computer.",
                hint=f"Set {name} to the site's public address.", id="treatydesk.E103"))
    return errors
