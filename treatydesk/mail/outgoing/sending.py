"""Handing messages over: the one call every sender of the site makes (``send``), and the
``EMAIL_BACKEND`` through which the mail Django and Wagtail send by themselves (password resets,
moderation notifications, error reports) takes the same path.

``send`` gives each message the headers every message of ours carries (``adopt``: Message-ID
in our domain, Date, Auto-Submitted) and hands it to ``TREATYDESK_MAIL_BACKEND``, the signing
backend (``backends``), which refuses to send a message it cannot sign. Nothing the site sends
reaches a server unsigned, so ``treatydesk mail verify`` recognises every one of them.
"""

from __future__ import annotations

from email.utils import formatdate

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend

from .messages import new_message_id, new_message_id_value


def connection(**options):
    """Return a connection of the signing backend (``TREATYDESK_MAIL_BACKEND``)."""
    return get_connection(settings.TREATYDESK_MAIL_BACKEND, **options)


def adopt(message):
    """Give ``message`` the headers every message of ours has, where it lacks them."""
    headers = message.extra_headers
    present = {name.lower() for name in headers}
    if "message-id" not in present:
        headers["Message-ID"] = f"<{new_message_id_value(new_message_id())}>"
    if "date" not in present:
        headers["Date"] = formatdate(localtime=False, usegmt=True)
    if "auto-submitted" not in present:
        headers["Auto-Submitted"] = "auto-generated"
    return message


def send(messages, via=None) -> int:
    """Sign and hand over ``messages``; return how many went. ``via``: an open connection."""
    messages = [adopt(message) for message in messages]
    if via is not None:
        return via.send_messages(messages) or 0
    with connection() as opened:
        return opened.send_messages(messages) or 0


class OutgoingBackend(BaseEmailBackend):
    """``EMAIL_BACKEND`` of the site: whatever Django or Wagtail send goes through ``send``."""

    def send_messages(self, email_messages):
        if not email_messages:
            return 0
        return send(list(email_messages))
