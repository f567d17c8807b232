"""What a mailing says: the text of a page as plain mail, and each subscriber's copy of it.

The page's part (subject, text, address) is fixed when the mailing is made, so that every
recipient and every retry gets the same words even if the page is edited meanwhile; each copy
adds the reader's own footer (how to check the message, how to leave) and headers (To, the
delivery's Message-ID, List-Unsubscribe).
"""

from __future__ import annotations

import html
import re

from babel.dates import format_date
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.rich_text import expand_db_html

from treatydesk.mail.outgoing.messages import build_message, public_base_url

#: Page models that can be mailed, by label, and the subscribers' topic they go to.
#: None: every subscriber of the language (a warning about forged mail concerns them all).
MAILABLE_PAGES = {
    "notices.noticepage": "notices",
    "news.newspage": "news",
    "meetings.meetingpage": "meetings",
    "mailcheck.securitynoticepage": None,
}


class NotMailable(ValueError):
    """This kind of page is not sent by e-mail."""


def page_topic(page) -> str | None:
    """Return the topic whose subscribers receive ``page`` (None: all of them)."""
    label = page.specific_class._meta.label_lower
    if label not in MAILABLE_PAGES:
        raise NotMailable(label)
    return MAILABLE_PAGES[label]


def is_mailable(page) -> bool:
    return page.specific_class is not None and \
        page.specific_class._meta.label_lower in MAILABLE_PAGES


_BLOCK_END_RE = re.compile(r"</(p|h[1-6]|li|blockquote|div)>|<br\s*/?>", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]+>")


def html_to_text(markup: str) -> str:
    """Return rich text as plain paragraphs: one blank line between blocks, no tags."""
    text = _BLOCK_END_RE.sub("\n\n", expand_db_html(markup or ""))
    text = html.unescape(_TAG_RE.sub("", text))
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def page_text(page) -> str:
    """Return the readable text of a mailable page, paragraphs apart."""
    page = page.specific
    parts = []
    for name in ("text", "lead", "summary"):
        value = getattr(page, name, "")
        if isinstance(value, str) and value.strip():
            parts.append(value.strip())
    body = getattr(page, "body", "")
    if isinstance(body, str) and body.strip():
        parts.append(html_to_text(body))
    return "\n\n".join(parts)


def page_content(page) -> tuple[str, str, str]:
    """Return (subject, text, absolute address) of ``page`` for a mailing."""
    page = page.specific
    relative = page.get_url() or ""
    # Links in mail use the public address, whatever host the editor works on.
    url = public_base_url() + relative if relative.startswith("/") else \
        (page.get_full_url() or "")
    with translation.override(page.locale.language_code):
        date = getattr(page, "date", None) or getattr(page, "start_date", None)
        heading = page.title if not date else f"{page.title}\n{_format_date(date)}"
        # A page may end its mail with a line of its own (a notice: its signed-log entry).
        trailer = page.mail_trailer() if hasattr(page, "mail_trailer") else ""
        text = "\n\n".join(part for part in (heading, page_text(page), trailer,
                                             _("Read it on our site: %(url)s") % {"url": url})
                           if part)
    return page.title, text, url


def _format_date(date) -> str:
    return format_date(date, format="long", locale=translation.get_language() or "en")


def unsubscribe_url(subscriber) -> str:
    with translation.override(subscriber.language):
        path = reverse("unsubscribe", args=[subscriber.unsubscribe_token])
    return public_base_url() + path


def delivery_message(delivery) -> EmailMessage:
    """Return the copy of ``delivery``'s mailing for its subscriber."""
    mailing = delivery.mailing
    subscriber = delivery.subscriber
    return build_message(
        to=delivery.address, subject=mailing.subject, text=mailing.body,
        message_id=delivery.message_id, language=mailing.language, topic=mailing.topic or None,
        unsubscribe=unsubscribe_url(subscriber) if subscriber else None,
    )
