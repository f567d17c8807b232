"""A notice through the real path: mailing, worker task, DKIM-signing SMTP backend, loopback
SMTP server; then checked as a receiver (dkimpy and the records `treatydesk mail dns` prints),
as a reader (`treatydesk mail verify`), and unsubscribed with the message's headers alone."""

from __future__ import annotations

import subprocess
from email import message_from_bytes, policy
from pathlib import Path
from urllib.parse import urlsplit

import dkim
import pytest
from django.test import Client

from tests.commands import treatydesk as run_treatydesk
from tests.core.mailtrust.dnsserver import DnsServer, parse_zone_lines
from treatydesk.core.mailtrust.dnscheck import DnsChecker, make_resolver
from treatydesk.mail.mailings.actions import MailPage
from treatydesk.mail.mailings.models import Delivery, DeliveryState
from treatydesk.mail.subscribers.models import ConsentAction, Subscriber, SubscriberStatus

from .conftest import DOMAIN, RSA_SELECTOR, make_subscriber


def treatydesk(args, dkim_dir, tmp_path, stdin=None):
    """Run the ``treatydesk`` command on the test's key store (in this process, the key store
    being ``dkim_dir``'s: the ``dkim_dir`` fixture points TREATYDESK_DKIM_DIR there)."""
    from django.conf import settings

    assert Path(settings.TREATYDESK_DKIM_DIR) == Path(dkim_dir)
    result = run_treatydesk(*args, stdin=stdin)
    return subprocess.CompletedProcess(args, result.code, result.stdout.encode(),
                                       result.stderr.encode())


def verify_exit(message: bytes, dkim_dir, tmp_path) -> tuple[int, str]:
    path = tmp_path / "message.eml"
    path.write_bytes(message)
    result = treatydesk(["mail", "verify", str(path)], dkim_dir, tmp_path)
    return result.returncode, result.stdout.decode()


@pytest.fixture
def sent(real_smtp, iraq_notice, django_capture_on_commit_callbacks):
    """Mail the Iraq notice to its subscribers through the loopback SMTP server."""
    readers = [make_subscriber(f"reader{i}@university.example") for i in range(3)]
    make_subscriber("lecteur@universite.example", language="fr")
    make_subscriber("news-only@university.example", notices=False, news=True)
    make_subscriber("gone@university.example", status="unsubscribed")
    with django_capture_on_commit_callbacks(execute=True):
        mailing = MailPage(iraq_notice).execute()
    return real_smtp, mailing, readers


@pytest.mark.django_db
def test_notice_goes_once_to_each_subscriber_of_its_topic_and_language(sent):
    capture, mailing, readers = sent
    assert capture.by_recipient() == {reader.email: 1 for reader in readers}
    assert set(mailing.deliveries.values_list("state", flat=True)) == {DeliveryState.SENT}
    sender, _recipients, data = capture.messages[0]
    assert sender == f"notices@{DOMAIN}"  # the envelope: bounces come back to us
    parsed = message_from_bytes(data, policy=policy.default)
    assert parsed["Subject"] == "Ratification: Iraq"
    assert "83rd State to ratify" in parsed.get_content()
    assert parsed["Message-ID"].strip("<>") in set(
        Delivery.objects.values_list("message_id", flat=True))


@pytest.mark.django_db
def test_captured_notice_verifies_with_dkimpy_against_the_printed_records(
        sent, dkim_dir, tmp_path):
    capture, _mailing, _readers = sent
    data = capture.messages[0][2]
    printed = treatydesk(["mail", "dns", "--domain", DOMAIN, "--spf", "ip4:127.0.0.1"],
                         dkim_dir, tmp_path)
    assert printed.returncode == 0, printed.stderr
    lines = printed.stdout.decode().splitlines()
    assert any(line.startswith(f"{RSA_SELECTOR}._domainkey.{DOMAIN}. TXT ") for line in lines)
    assert f'{DOMAIN}. TXT "v=spf1 ip4:127.0.0.1 -all"' in lines
    assert any("p=reject" in line and line.startswith(f"_dmarc.{DOMAIN}.") for line in lines)

    with DnsServer(parse_zone_lines(lines)) as server:
        checker = DnsChecker(make_resolver(server.address, timeout=2))

        def dnsfunc(name: bytes, timeout: float = 5) -> bytes | None:
            records = checker.txt(name.decode().rstrip("."))
            return records[0].encode() if records else None

        signatures = message_from_bytes(data).get_all("DKIM-Signature")
        assert len(signatures) == 2  # rsa-sha256 and ed25519-sha256
        for index in range(len(signatures)):
            assert dkimpy_verifies(data, dnsfunc, index)
        tampered = data.replace(b"83rd State to ratify", b"83rd State to ratifY")
        assert tampered != data
        assert not dkimpy_verifies(tampered, dnsfunc, 0)
        assert not dkimpy_verifies(tampered, dnsfunc, 1)


def dkimpy_verifies(message: bytes, dnsfunc, index: int) -> bool:
    try:
        return dkim.DKIM(message).verify(idx=index, dnsfunc=dnsfunc)
    except dkim.DKIMException:
        return False


@pytest.mark.django_db
def test_treatydesk_mail_verify_tells_our_notice_from_forgeries(sent, dkim_dir, tmp_path,
                                                                keystore):
    capture, _mailing, _readers = sent
    data = capture.messages[0][2]

    code, out = verify_exit(data, dkim_dir, tmp_path)
    assert code == 0, out
    assert out.startswith("AUTHENTIC")

    # One body byte changed.
    tampered = data.replace(b"83rd State to ratify", b"83rd State to ratifY")
    code, out = verify_exit(tampered, dkim_dir, tmp_path)
    assert code == 1 and "body was changed" in out, out

    # A forged copy: our From, no signature.
    headers, _sep, body = data.partition(b"\r\n\r\n")
    unsigned = b"\r\n".join(
        line for line in _unfold(headers) if not line.lower().startswith(b"dkim-signature:"))
    forged = unsigned + b"\r\n\r\n" + body
    assert b"DKIM-Signature" not in forged and f"@{DOMAIN}".encode() in forged
    code, out = verify_exit(forged, dkim_dir, tmp_path)
    assert code == 1 and "carries no signature from us" in out, out

    # A copy signed with rsa-sha1 and our own key, which a plain dkimpy check accepts.
    key = keystore.get(DOMAIN, RSA_SELECTOR)
    sha1 = dkim.sign(forged, RSA_SELECTOR.encode(), DOMAIN.encode(), key.private_pem,
                     canonicalize=(b"relaxed", b"relaxed"), signature_algorithm=b"rsa-sha1")
    code, out = verify_exit(sha1 + forged, dkim_dir, tmp_path)
    assert code == 1 and "rsa-sha1" in out, out

    # Not a message at all.
    code, out = verify_exit(b"\x00\xff garbage", dkim_dir, tmp_path)
    assert code == 2, out


def _unfold(headers: bytes) -> list[bytes]:
    lines: list[bytes] = []
    for line in headers.split(b"\r\n"):
        if line[:1] in (b" ", b"\t") and lines:
            lines[-1] += b"\r\n" + line
        else:
            lines.append(line)
    return lines


@pytest.mark.django_db
def test_one_click_unsubscribe_from_the_captured_headers_alone(sent):
    capture, _mailing, _readers = sent
    _sender, (recipient,), data = capture.messages[0]
    parsed = message_from_bytes(data, policy=policy.default)
    assert str(parsed["List-Unsubscribe-Post"]) == "List-Unsubscribe=One-Click"
    link = str(parsed["List-Unsubscribe"]).strip()
    assert link.startswith("<https://") and link.endswith(">")
    url = urlsplit(link[1:-1])
    token = url.path.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 43  # 256 random bits

    browser = Client()  # a mail program: no cookie, no CSRF token, nothing but the URL
    looked = browser.get(url.path)
    assert looked.status_code == 200 and "Set-Cookie" not in looked.headers
    assert Subscriber.objects.get(email=recipient).status == SubscriberStatus.ACTIVE

    response = Client(enforce_csrf_checks=True).post(
        url.path, data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    subscriber = Subscriber.objects.get(email=recipient)
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    consent = subscriber.consents.first()
    assert consent.action == ConsentAction.UNSUBSCRIBED
    assert consent.source.startswith("one-click")
    # Asking again is harmless, and still answers 200.
    again = Client().post(url.path, data="List-Unsubscribe=One-Click",
                          content_type="application/x-www-form-urlencoded")
    assert again.status_code == 200
    assert subscriber.consents.count() == 1
