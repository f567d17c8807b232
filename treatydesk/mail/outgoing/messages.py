"""Every message the site sends, built one way: From, Date, Message-ID, List-Id, the footer
that says how to check the message, and (for subscribers) List-Unsubscribe (RFC 8058).

The backends (``backends``) sign what this builds; nothing the site sends bypasses either.
"""

from __future__ import annotations

import logging
import secrets
from email.utils import formatdate, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from treatydesk.core.mailtrust import list_unsubscribe_headers

from .keystore import sending_domain

logger = logging.getLogger(__name__)


def public_base_url() -> str:
    """Return the site's public address, as links in mail must use (no trailing slash)."""
    return settings.TREATYDESK_MAIL_BASE_URL.rstrip("/")


def verify_url(language: str) -> str:
    with translation.override(language):
        return public_base_url() + reverse("verify_email")


def preferences_url_for(unsubscribe: str) -> str:
    """Return the preferences link that goes with an unsubscribe link (same token)."""
    return unsubscribe.replace("/unsubscribe/", "/subscription/", 1)


def footer(language: str, unsubscribe: str | None) -> str:
    """Return the lines below every message: how to check it, and how to leave."""
    with translation.override(language):
        lines = [
            "-- ",
            _("Is this e-mail really from us? Paste its source at %(url)s to check its "
              "signature.") % {"url": verify_url(language)},
            _("We never send attachments or ask for passwords."),
        ]
        if unsubscribe:
            lines.append(_("To choose what you receive, or its language: %(url)s")
                         % {"url": preferences_url_for(unsubscribe)})
            lines.append(_("To stop receiving these messages: %(url)s") % {"url": unsubscribe})
    return "\n".join(lines)


def list_id(topic: str | None) -> str:
    domain = sending_domain()
    return f"<{topic or 'all'}.{domain}>"


def bounce_address() -> str:
    return settings.TREATYDESK_BOUNCE_ADDRESS or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def new_message_id() -> str:
    """Return the left part of a Message-ID: 128 random bits, naming no subscriber."""
    return secrets.token_hex(16)


def new_message_id_value(local: str) -> str:
    """Return a full Message-ID (without brackets) in our sending domain."""
    return f"{local}@{sending_domain()}"


def build_message(*, to: str, subject: str, text: str, message_id: str, language: str,
                  topic: str | None, unsubscribe: str | None,
                  sender: str | None = None) -> EmailMessage:
    """Return the message exactly as it goes out (signed later by the backend).

    ``sender`` is the From address when not ``DEFAULT_FROM_EMAIL`` (it needs keys of its own
    domain, or the backend refuses to send it).
    """
    headers = {
        "From": sender or settings.DEFAULT_FROM_EMAIL,
        "Date": formatdate(localtime=False, usegmt=True),
        "Message-ID": f"<{message_id}>",
        "List-Id": list_id(topic),
        "Auto-Submitted": "auto-generated",
    }
    if unsubscribe:
        try:
            headers.update(list_unsubscribe_headers(unsubscribe))
        except ValueError:
            # RFC 8058 allows only https; a workstation on plain http gets the body link only.
            logger.warning("no List-Unsubscribe header: %s is not https", unsubscribe)
    body = f"{text}\n\n{footer(language, unsubscribe)}\n"
    return EmailMessage(subject=subject, body=body, from_email=bounce_address(), to=[to],
                        headers=headers)


SAMPLE = {
    "subject": "Test: Iraq becomes the 83rd State Party",
    "text": "As the 83rd State to ratify the Convention, Iraq will become a State Party on "
            "1 November 2013.\n\nThis is a test message sent by `treatydesk mail send-test`, "
            "signed and handed to the mail server exactly as the secretariat's notices are.",
}


def sample_message(to: str, message_id: str) -> EmailMessage:
    """Return a sample notice to ``to``, built and addressed as real notices are."""
    return build_message(
        to=to, subject=SAMPLE["subject"], text=SAMPLE["text"], message_id=message_id,
        language=settings.LANGUAGE_CODE, topic="notices",
        unsubscribe=public_base_url() + "/" + settings.LANGUAGE_CODE
        + "/unsubscribe/test-message/",
    )
