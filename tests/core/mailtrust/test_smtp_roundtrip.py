"""A notice through the real SMTP path, checked the way a receiver and our site check it.

Built with the email package, signed, sent with smtplib to an aiosmtpd server on
loopback, captured, then verified with dkimpy against the records that records.py
prints, served by a DNS server on loopback.
"""

from __future__ import annotations

import smtplib
from email import message_from_bytes, policy
from urllib.parse import urlsplit

import dkim
import pytest
from aiosmtpd.controller import Controller

from tests.ports import free_tcp_port
from treatydesk.core.mailtrust.dnscheck import DnsChecker, make_resolver
from treatydesk.core.mailtrust.records import domain_records
from treatydesk.core.mailtrust.signing import sign_message_bytes
from treatydesk.core.mailtrust.verify import Verdict, verify_message

from .conftest import DOMAIN, RSA_SELECTOR, build_message
from .dnsserver import DnsServer, parse_zone_lines

SENDER = f"notices@{DOMAIN}"
RECIPIENT = "reader@university.example"


class Capture:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(envelope.content)
        return "250 Message accepted for delivery"


@pytest.fixture
def mailbox():
    capture = Capture()
    controller = Controller(capture, hostname="127.0.0.1", port=free_tcp_port())
    controller.start()
    try:
        yield capture, controller.port
    finally:
        controller.stop()


@pytest.fixture
def published(keystore):
    """Serve the records printed for the domain from a DNS server on loopback."""
    lines = [r.line() for r in domain_records(
        keystore, DOMAIN, spf=["ip4:127.0.0.1"], report_address=f"dmarc@{DOMAIN}")]
    with DnsServer(parse_zone_lines(lines)) as server:
        checker = DnsChecker(make_resolver(server.address, timeout=2))

        def dnsfunc(name: bytes, timeout: float = 5) -> bytes | None:
            records = checker.txt(name.decode().rstrip("."))
            return records[0].encode() if records else None

        yield dnsfunc


def send_through_smtp(mailbox, raw: bytes) -> bytes:
    capture, port = mailbox
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        client.sendmail(SENDER, [RECIPIENT], raw)
    return capture.messages[-1]


def dkimpy_verifies(message: bytes, dnsfunc, index: int) -> bool:
    try:
        return dkim.DKIM(message).verify(idx=index, dnsfunc=dnsfunc)
    except dkim.DKIMException:
        return False


def test_signed_notice_through_smtp_is_authentic(keystore, mailbox, published):
    captured = send_through_smtp(mailbox, sign_message_bytes(build_message(), keystore))

    # A receiver's check: dkimpy, with the public keys from our printed records.
    assert dkimpy_verifies(captured, published, 0)  # rsa-sha256
    assert dkimpy_verifies(captured, published, 1)  # ed25519-sha256
    # Our site's check.
    result = verify_message(captured, keystore)
    assert result.verdict is Verdict.AUTHENTIC

    # One body byte changed.
    tampered = captured.replace(b"83rd State to ratify", b"83rd State to ratifY")
    assert tampered != captured
    assert not dkimpy_verifies(tampered, published, 0)
    assert not dkimpy_verifies(tampered, published, 1)
    assert verify_message(tampered, keystore).verdict is Verdict.NOT_FROM_US


def test_forged_copy_without_signature_is_not_from_us(keystore, mailbox):
    captured = send_through_smtp(mailbox, build_message())
    result = verify_message(captured, keystore)
    assert result.verdict is Verdict.NOT_FROM_US
    assert [r.code for r in result.reasons] == ["unsigned"]


def test_rsa_sha1_copy_is_not_from_us_though_a_bare_dkim_check_passes(
    keystore, mailbox, published
):
    message = build_message()
    key = keystore.get(DOMAIN, RSA_SELECTOR)
    signature = dkim.sign(message, RSA_SELECTOR.encode(), DOMAIN.encode(), key.private_pem,
                          canonicalize=(b"relaxed", b"relaxed"), signature_algorithm=b"rsa-sha1")
    captured = send_through_smtp(mailbox, signature + message)
    assert dkimpy_verifies(captured, published, 0)
    result = verify_message(captured, keystore)
    assert result.verdict is Verdict.NOT_FROM_US
    assert [r.code for r in result.reasons] == ["rsa-sha1"]


def test_one_click_unsubscribe_is_possible_from_the_captured_headers(keystore, mailbox):
    captured = send_through_smtp(mailbox, sign_message_bytes(build_message(), keystore))
    parsed = message_from_bytes(captured, policy=policy.default)
    link = str(parsed["List-Unsubscribe"]).strip()
    assert link.startswith("<https://") and link.endswith(">")
    url = urlsplit(link[1:-1])
    assert url.scheme == "https" and url.netloc == f"www.{DOMAIN}"
    token = url.path.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 43
    assert str(parsed["List-Unsubscribe-Post"]) == "List-Unsubscribe=One-Click"
    # Both headers are covered by our signature, so nobody can swap the link.
    signature = dkim.util.parse_tag_value(parsed.get_all("DKIM-Signature")[0].encode())
    names = [n.strip() for n in signature[b"h"].decode().split(":")]
    assert "list-unsubscribe" in names and "list-unsubscribe-post" in names
