"""The outbox: where mail goes when no SMTP server is configured (``EMAIL_HOST`` unset).

``DkimMaildirBackend`` signs each message exactly as ``DkimSmtpBackend`` does and delivers it,
as the bytes an SMTP server would have received, into a Maildir at ``TREATYDESK_OUTBOX_DIR``
(``$TREATYDESK_VAR/outbox/``). Any mail program reads a Maildir (``mutt -f var/outbox``), and
the admin's "Outbox" lists, opens and verifies what is there. Why a Maildir: one file per
message, written under ``tmp/`` and renamed into ``new/``, so that a reader never sees half a
message and two processes never write the same file (Python's ``mailbox`` module does it).

The message's ``before_commit`` hook is called before the message is kept, as the SMTP backend
calls it before the final line of DATA, so mailings record hand-overs the same way.
"""

from __future__ import annotations

import mailbox
import re
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.utils import parsedate_to_datetime
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from .backends import HandoverRefused, signed_bytes
from .keystore import get_keystore, sending_domain

#: Keys Python's Maildir makes: time, M/P/Q parts and the host name, with dots.
KEY_RE = re.compile(r"^[A-Za-z0-9._\-]{1,200}$")
MAILDIR_BACKEND = "treatydesk.mail.outgoing.outbox.DkimMaildirBackend"


def outbox_dir() -> Path:
    return Path(settings.TREATYDESK_OUTBOX_DIR)


def uses_outbox() -> bool:
    """Return whether the site's mail goes to the outbox rather than to an SMTP server."""
    return settings.TREATYDESK_MAIL_BACKEND == MAILDIR_BACKEND


def _maildir(create: bool) -> mailbox.Maildir:
    return mailbox.Maildir(str(outbox_dir()), factory=None, create=create)


class DkimMaildirBackend(BaseEmailBackend):
    """Sign like DkimSmtpBackend, then deliver each message into the outbox Maildir."""

    def send_messages(self, email_messages):
        if not email_messages:
            return 0
        box = _maildir(create=True)
        sent = 0
        for message in email_messages:
            if not message.recipients():
                continue
            raw = signed_bytes(message)
            hook = getattr(message, "before_commit", None)
            if hook is not None and hook() is False:
                if self.fail_silently:
                    continue
                raise HandoverRefused("the message was not handed over: its claim was lost")
            box.add(raw)
            sent += 1
        return sent


@dataclass(frozen=True)
class OutboxMessage:
    key: str
    subject: str
    to: str
    sender: str
    date: object
    raw: bytes

    @property
    def text(self) -> str:
        """Return the plain-text body as a reader would see it."""
        parsed = message_from_bytes(self.raw, policy=policy.default)
        body = parsed.get_body(preferencelist=("plain",))
        return body.get_content() if body is not None else ""


def _parse(key: str, raw: bytes) -> OutboxMessage:
    headers = message_from_bytes(raw.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n",
                                 policy=policy.default)
    try:
        date = parsedate_to_datetime(str(headers.get("Date", "")))
    except (TypeError, ValueError):
        date = None
    return OutboxMessage(key=key, subject=str(headers.get("Subject", "")),
                         to=str(headers.get("To", "")), sender=str(headers.get("From", "")),
                         date=date, raw=raw)


def messages(limit: int = 200) -> list[OutboxMessage]:
    """Return the newest ``limit`` messages of the outbox, newest first."""
    folder = outbox_dir()
    if not (folder / "new").is_dir():
        return []
    files = [p for sub in ("new", "cur") if (folder / sub).is_dir()
             for p in (folder / sub).iterdir() if p.is_file()]
    files.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    return [_parse(p.name.split(":", 1)[0], p.read_bytes()) for p in files[:limit]]


def message(key: str) -> OutboxMessage | None:
    """Return the message under ``key``, or None if there is none (or the key is not one)."""
    if not KEY_RE.match(key) or not (outbox_dir() / "new").is_dir():
        return None
    box = _maildir(create=False)
    try:
        raw = box.get_bytes(key)
    except KeyError:
        return None
    return _parse(key, raw)


def ensure_outbox_key(out) -> None:
    """When mail goes to the outbox and the sending domain has no signing key, make one, so
    that the outbox holds mail signed as production's is (``treatydesk init`` calls this)."""
    if not uses_outbox():
        return
    store = get_keystore()
    domain = sending_domain()
    if store.active(domain):
        return
    selector = f"outbox{timezone.now():%Y%m%d%H%M}"
    store.generate(domain, selector)
    out.write(f"Made DKIM key {selector} for {domain}: outbox mail is signed with it.\n")
