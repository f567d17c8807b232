"""The delivery state machine: retries, permanent failures, interruptions, and never twice."""

from __future__ import annotations

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from treatydesk.mail.mailings import sending
from treatydesk.mail.mailings.actions import MailingRefused, MailPage
from treatydesk.mail.mailings.models import Delivery, DeliveryState
from treatydesk.mail.outgoing.backends import HandoverRefused

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailing(iraq_notice, keystore, settings):
    """A mailing of the Iraq notice to three readers, not yet sent (no task runs)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    for number in range(3):
        make_subscriber(f"reader{number}@university.example")
    return MailPage(iraq_notice).execute()


class FlakyConnection:
    """A mail connection whose answer for each address is scripted."""

    def __init__(self, script):
        self.script = script
        self.sent = []

    def open(self):
        return False

    def close(self):
        pass

    def send_messages(self, messages):
        (message,) = messages
        action = self.script.get(message.to[0], "ok")
        if action == "before-handover":
            raise smtplib.SMTPServerDisconnected("connection lost")
        handed = message.before_commit()
        if handed is False:
            raise HandoverRefused("lost")
        if action == "after-handover":
            raise smtplib.SMTPServerDisconnected("connection lost")
        if isinstance(action, int):
            raise smtplib.SMTPDataError(action, b"refused")
        self.sent.append(message.to[0])
        return 1


def states(mailing):
    return dict(mailing.deliveries.values_list("address", "state"))


def run(mailing, script):
    connection = FlakyConnection(script)
    for row in sending.claim(mailing):
        sending.send_one(connection, row)
    return connection


def test_outcomes_of_one_round(mailing):
    connection = run(mailing, {"reader0@university.example": 451,
                               "reader1@university.example": 550})
    assert connection.sent == ["reader2@university.example"]
    rows = {d.address: d for d in mailing.deliveries.all()}
    assert rows["reader0@university.example"].state == DeliveryState.PENDING
    assert rows["reader0@university.example"].next_attempt_at > timezone.now()
    assert rows["reader1@university.example"].state == DeliveryState.FAILED
    assert "550" in rows["reader1@university.example"].last_error
    assert rows["reader2@university.example"].state == DeliveryState.SENT


def test_temporary_failures_are_retried_then_given_up(mailing):
    script = {"reader0@university.example": "before-handover"}
    for _attempt in range(sending.MAX_ATTEMPTS):
        mailing.deliveries.filter(state=DeliveryState.PENDING).update(next_attempt_at=None)
        run(mailing, script)
    row = mailing.deliveries.get(address="reader0@university.example")
    assert row.state == DeliveryState.FAILED and row.attempts == sending.MAX_ATTEMPTS


def test_connection_lost_after_hand_over_is_uncertain_and_not_retried(mailing):
    run(mailing, {"reader0@university.example": "after-handover"})
    row = mailing.deliveries.get(address="reader0@university.example")
    assert row.state == DeliveryState.UNCERTAIN and row.handed_over_at is not None
    connection = run(mailing, {})
    assert "reader0@university.example" not in connection.sent


def test_recovery_resends_what_never_reached_the_server(mailing, settings):
    settings.TREATYDESK_MAIL_CLAIM_SECONDS = 60
    claimed = sending.claim(mailing)
    assert len(claimed) == 3
    # The worker died: one message was handed over, the others not.
    sending.mark_handed_over(claimed[0])
    assert sending.recover(mailing).retry == 0  # too recent: maybe a live worker
    later = timezone.now() + timedelta(seconds=61)
    progress = sending.recover(mailing, now=later)
    assert (progress.retry, progress.uncertain) == (2, 1)
    assert states(mailing) == {"reader0@university.example": DeliveryState.UNCERTAIN,
                               "reader1@university.example": DeliveryState.PENDING,
                               "reader2@university.example": DeliveryState.PENDING}


def test_a_worker_whose_claim_was_taken_over_does_not_send(mailing):
    (first, *_rest) = sending.claim(mailing)
    # Another worker recovered the claim and claimed the row again.
    Delivery.objects.filter(pk=first.pk).update(claim_token="someone-else")
    connection = FlakyConnection({})
    assert sending.send_one(connection, first) == "lost"
    assert connection.sent == []


def test_deliver_sends_everything_due_with_the_configured_backend(mailing):
    progress = sending.deliver(mailing)
    assert progress.sent == 3
    assert sorted(m.to[0] for m in mail.outbox) == [f"reader{n}@university.example"
                                                    for n in range(3)]
    mailing.refresh_from_db()
    assert mailing.finished_at is not None
    assert sending.next_attempt(mailing) is None


def test_mailing_a_page_again_never_mails_anyone_twice(mailing, iraq_notice):
    sending.deliver(mailing)
    make_subscriber("late@university.example")
    again = MailPage(iraq_notice).execute()
    assert list(again.deliveries.values_list("address", flat=True)) == \
        ["late@university.example"]


def test_no_key_means_nothing_is_sent(mailing, keystore):
    for key in keystore.active("ccm.example"):
        keystore.retire("ccm.example", key.selector)
    progress = sending.deliver(mailing)
    assert progress.sent == 0 and mail.outbox == []
    assert set(states(mailing).values()) == {DeliveryState.PENDING}
    assert "not signed" in mailing.deliveries.first().last_error


def test_only_live_mailable_pages_are_sent(iraq_notice, site):  # noqa: F811
    from treatydesk.site.models import HomePage

    with pytest.raises(MailingRefused):
        MailPage(HomePage.objects.first()).execute()
    iraq_notice.unpublish()
    with pytest.raises(MailingRefused):
        MailPage(iraq_notice).execute()
