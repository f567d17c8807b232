"""Bounces: delivery status notifications recorded once; permanent ones stop the address."""

from __future__ import annotations

import mailbox

import pytest

from treatydesk.mail.mailings.bounces import parse_bounce, read_paths
from treatydesk.mail.subscribers.models import Bounce, ConsentAction, Subscriber, SubscriberStatus

pytestmark = pytest.mark.django_db


def dsn(recipient: str, status: str = "5.1.1", action: str = "failed",
        message_id: str = "abc@ccm.example", nonce: str = "1") -> bytes:
    return (
        "From: MAILER-DAEMON@mx.university.example\r\n"
        "To: notices@ccm.example\r\n"
        f"Subject: Undelivered Mail Returned to Sender {nonce}\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n'
        "\r\n--B\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.university.example\r\n\r\n"
        f"Final-Recipient: rfc822; {recipient}\r\nAction: {action}\r\nStatus: {status}\r\n"
        "Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n"
        "--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"Message-ID: <{message_id}>\r\nSubject: Ratification: Iraq\r\n"
        "--B--\r\n").encode()


def test_parse_a_permanent_failure():
    (failure,), message_id = parse_bounce(dsn("Gone@University.example"))
    assert failure.address == "gone@university.example"
    assert (failure.kind, failure.status) == ("hard", "5.1.1")
    assert "User unknown" in failure.diagnostic and message_id == "abc@ccm.example"
    assert parse_bounce(b"Subject: hello\r\n\r\nnot a bounce")[0] == []


def test_two_permanent_failures_stop_the_subscriber_once(tmp_path):
    subscriber = Subscriber.objects.create(email="gone@university.example", language="en",
                                           status=SubscriberStatus.ACTIVE)
    box = mailbox.Maildir(tmp_path / "bounces", create=True)
    box.add(dsn("gone@university.example", nonce="1"))
    box.add(dsn("gone@university.example", status="4.2.2", action="delayed", nonce="2"))
    box.add(b"Subject: out of office\r\n\r\nI am away.")
    summary = read_paths([tmp_path / "bounces"])
    assert (summary.hard, summary.soft, summary.ignored) == (1, 1, 1)
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE and subscriber.hard_bounces == 1

    box.add(dsn("gone@university.example", nonce="3"))
    again = read_paths([tmp_path / "bounces"])
    assert (again.known, again.hard, again.stopped) == (2, 1, 1)  # read twice, counted once
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.BOUNCING
    assert subscriber.consents.get().action == ConsentAction.STOPPED
    assert Bounce.objects.count() == 3
