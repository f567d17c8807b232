"""Keys, messages and servers shared by the mail trust tests."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

import pytest

from tests.dkim_keys import DOMAIN, ED_SELECTOR, RSA_SELECTOR, dkim_template  # noqa: F401
from treatydesk.core.mailtrust.keys import KeyStore
from treatydesk.core.mailtrust.signing import list_unsubscribe_headers, sign_message_bytes

UNSUBSCRIBE_URL = "https://www.ccm.example/mail/unsubscribe/Zk3r9QyHc2u5WqTq0pYl8nA7xE1bV4sJ6mD0oK2iR8g/"


@pytest.fixture
def keystore(dkim_template, tmp_path) -> KeyStore:  # noqa: F811
    """Return a key store of our own, with one active RSA and one active Ed25519 key."""
    root = tmp_path / "dkim"
    shutil.copytree(dkim_template, root)
    return KeyStore(root)


@pytest.fixture
def rsa_only_keystore(keystore) -> KeyStore:
    keystore.retire(DOMAIN, ED_SELECTOR)
    return keystore


def build_message(
    *,
    subject: str = "Iraq becomes the 83rd State Party",
    body: str = (
        "As the 83rd State to ratify the Convention, Iraq will become a State Party "
        "on 1 November 2013.\n\nLa République d'Iraq deviendra État partie.\n"
    ),
    sender: str = f"Convention Secretariat <notices@{DOMAIN}>",
    to: str = "reader@university.example",
    reply_to: str | None = None,
    unsubscribe: bool = True,
) -> bytes:
    """Return a notice as Django would build it: RFC 5322 bytes with CRLF line ends."""
    message = EmailMessage(policy=SMTP)
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime(2013, 10, 2, 9, 30, tzinfo=UTC))
    message["Message-ID"] = make_msgid(domain=DOMAIN)
    if reply_to:
        message["Reply-To"] = reply_to
    if unsubscribe:
        for name, value in list_unsubscribe_headers(UNSUBSCRIBE_URL).items():
            message[name] = value
    message.set_content(body)
    return message.as_bytes()


@pytest.fixture
def signed(keystore) -> bytes:
    return sign_message_bytes(build_message(), keystore)


def dnsfunc_for(keystore: KeyStore):
    """Return a dkimpy dnsfunc that serves the public records of ``keystore``."""

    def lookup(name: bytes, timeout: float = 5) -> bytes | None:
        text = name.decode().rstrip(".")
        for domain in keystore.domains():
            for key in keystore.keys(domain):
                if key.record_name == text:
                    return key.public_record.encode()
        return None

    return lookup
