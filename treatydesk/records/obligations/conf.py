"""The obligations settings, read when needed (never at import time), with their defaults.

``TREATYDESK_OBLIGATIONS`` (a dict) overrides the policy defaults of the register core
(``ObligationPolicy``: first_annual_report, month_end, due_soon_days, reminder_days_before,
missed_reminder_days); docs/decisions.md says what each means and why the default.
"""

from urllib.parse import urlsplit

from django.conf import settings

from treatydesk.core.obligations import ObligationPolicy, policy_from_mapping


def policy() -> ObligationPolicy:
    """Return the policy: the core's defaults with ``settings.TREATYDESK_OBLIGATIONS`` over them."""
    return policy_from_mapping(getattr(settings, "TREATYDESK_OBLIGATIONS", None))


def calendar_domain() -> str:
    """Return the domain that ends every iCalendar UID (stable as long as the setting is).

    ``TREATYDESK_CALENDAR_DOMAIN``, else the host of ``WAGTAILADMIN_BASE_URL``.
    """
    configured = getattr(settings, "TREATYDESK_CALENDAR_DOMAIN", "")
    if configured:
        return configured
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "treatydesk.invalid"


def reminder_sender() -> str:
    """Return the From address of reminders (``TREATYDESK_REMINDER_FROM``, else the default)."""
    return getattr(settings, "TREATYDESK_REMINDER_FROM", "") or settings.DEFAULT_FROM_EMAIL


def site_url(path: str) -> str:
    """Return ``path`` on the public site (``WAGTAILADMIN_BASE_URL``), for links in mail."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
