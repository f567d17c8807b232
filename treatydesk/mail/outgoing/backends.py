"""E-mail backends that DKIM-sign every message before it leaves.

``DkimSmtpBackend`` is Django's SMTP backend (``EMAIL_HOST``, ``EMAIL_PORT``, TLS and login
settings as usual) with two changes: each message is signed with every active key of its From
domain (``sign_message_bytes``), and is refused rather than sent unsigned; and the SMTP
transaction calls the message's ``before_commit`` hook, if it has one, just before the final
``.`` of DATA. A server cannot accept a message before that line, so a mailing that records
"handed over" in that hook knows, after a crash, which messages can safely be sent again (see
``treatydesk/mail/mailings/sending.py``). If the hook returns False the connection is dropped
without that line, and the server discards the message.

``DkimLocmemBackend`` signs the same way and keeps the messages in ``django.core.mail.outbox``,
for tests and for trying things out on a workstation.
"""

from __future__ import annotations

import smtplib

from django.conf import settings
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.core.mail.message import sanitize_address

from treatydesk.core.mailtrust import sign_message_bytes

from .keystore import get_keystore

CRLF = b"\r\n"


class HandoverRefused(smtplib.SMTPException):
    """The message's ``before_commit`` hook said no: the message was not handed over."""


def signed_bytes(email_message) -> bytes:
    """Return the message as CRLF bytes with its DKIM signatures on top (SigningError if not)."""
    raw = email_message.message().as_bytes(linesep="\r\n")
    return sign_message_bytes(raw, get_keystore())


def _quote_periods(data: bytes) -> bytes:
    # RFC 5321 4.5.2: a line starting with "." gets another one.
    quoted = data.replace(b"\r\n.", b"\r\n..")
    return b"." + quoted if quoted.startswith(b".") else quoted


def transmit(connection: smtplib.SMTP, sender: str, recipients: list[str], raw: bytes,
             before_commit=None) -> None:
    """Run one SMTP transaction, calling ``before_commit()`` just before the final ``.``.

    Raises what ``smtplib.SMTP.sendmail`` raises, and HandoverRefused (after closing the
    connection, so that the server drops the unfinished message) when the hook returns False.
    """
    connection.ehlo_or_helo_if_needed()
    options = []
    if connection.does_esmtp and connection.has_extn("size"):
        options.append(f"size={len(raw)}")
    code, reply = connection.mail(sender, options)
    if code != 250:
        if code == 421:
            connection.close()
        else:
            connection.rset()
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    refused = {}
    for recipient in recipients:
        code, reply = connection.rcpt(recipient)
        if code not in (250, 251):
            refused[recipient] = (code, reply)
        if code == 421:
            connection.close()
            raise smtplib.SMTPRecipientsRefused(refused)
    if len(refused) == len(recipients):
        connection.rset()
        raise smtplib.SMTPRecipientsRefused(refused)
    connection.putcmd("data")
    code, reply = connection.getreply()
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    data = _quote_periods(raw)
    if not data.endswith(CRLF):
        data += CRLF
    connection.send(data)
    if before_commit is not None and before_commit() is False:
        connection.close()
        raise HandoverRefused("the message was not handed over: its claim was lost")
    connection.send(b"." + CRLF)
    code, reply = connection.getreply()
    if code != 250:
        if code != 421:
            connection.rset()
        raise smtplib.SMTPDataError(code, reply)


class DkimSmtpBackend(SmtpBackend):
    """Django's SMTP backend, signing each message with DKIM before it is handed over."""

    def _send(self, email_message):
        if not email_message.recipients():
            return False
        encoding = email_message.encoding or settings.DEFAULT_CHARSET
        sender = sanitize_address(email_message.from_email, encoding)
        recipients = [sanitize_address(a, encoding) for a in email_message.recipients()]
        raw = signed_bytes(email_message)
        try:
            transmit(self.connection, sender, recipients, raw,
                     getattr(email_message, "before_commit", None))
        except smtplib.SMTPException:
            if not self.fail_silently:
                raise
            return False
        return True


class DkimLocmemBackend(LocmemBackend):
    """Sign like DkimSmtpBackend, then keep the messages in ``mail.outbox``.

    Each kept message gets ``signed`` (the bytes a server would receive).
    """

    def send_messages(self, messages):
        for message in messages:
            message.signed = signed_bytes(message)
            hook = getattr(message, "before_commit", None)
            if hook is not None and hook() is False:
                raise HandoverRefused("the message was not handed over: its claim was lost")
        return super().send_messages(messages)
