"""Reminders: selected by the core, sent through the site's one signed path, never twice."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from tests.mail.mailings.conftest import dkim_dir, dkim_template, keystore  # noqa: F401
from treatydesk.core.mailtrust import verify_message
from treatydesk.records.obligations.models import ContactPoint, ReminderSent
from treatydesk.records.obligations.reminders import send_reminders

pytestmark = pytest.mark.django_db

# Chad: initial report due 28 February 2014.
BEFORE = dt.date(2014, 1, 10)  # 49 days before: the 60-day reminder


@pytest.fixture
def contacts(fresh_site, keystore):  # noqa: F811
    return [
        ContactPoint.objects.create(treaty="CCM", state="TCD", name="Mission du Tchad",
                                    email="mission@example.td", language="fr"),
        ContactPoint.objects.create(treaty="CCM", state="TCD", name="Clearance office",
                                    email="clearance@example.td", obligations="clearance"),
        ContactPoint.objects.create(treaty="CCM", state="TCD", name="Former",
                                    email="old@example.td", active=False),
    ]


def run(day, *extra):
    out = StringIO()
    call_command("send_obligation_reminders", "--treaty", "CCM", "--as-of", day.isoformat(),
                 *extra, stdout=out)
    return out.getvalue()


def test_reminder_before_the_deadline_goes_once(contacts, keystore):  # noqa: F811
    output = run(BEFORE)
    assert "CCM TCD initial-report 2014-02-28 before-60 → mission@example.td" in output
    assert [m.to for m in mail.outbox] == [["mission@example.td"]]  # not clearance, not inactive
    message = mail.outbox[0]
    assert "Art. 7(1)" in message.subject and "28 February 2014" in message.subject
    assert "180 days after → 28 February 2014" in message.body
    assert "/fr/states/TCD/" in message.body  # the contact point reads French
    assert verify_message(message.signed, keystore).authentic  # signed like all our mail
    assert ReminderSent.objects.count() == 1
    run(BEFORE + dt.timedelta(days=1))
    assert len(mail.outbox) == 1  # never twice
    run(dt.date(2014, 2, 20))
    assert [m.subject for m in mail.outbox][1].count("28 February 2014") == 1  # the 14-day one
    assert ReminderSent.objects.filter(reason="before-14").count() == 1


def test_no_missed_reminder_without_the_records_to_support_it(contacts):
    # The register holds no complete records (the CCM declares none): a deadline passed with
    # no report recorded is not "missed", so no State is told it missed it.
    run(dt.date(2014, 3, 3))
    assert mail.outbox == [] and not ReminderSent.objects.exists()


def test_missed_deadline_is_reminded_once(contacts, monkeypatch):
    from tests.core.obligations.helpers import complete_rules
    from treatydesk.core.obligations import compute

    monkeypatch.setattr(compute, "load_obligations", complete_rules)  # records complete
    run(dt.date(2014, 3, 3))
    (message,) = mail.outbox
    assert message.to == ["mission@example.td"]
    assert "initial report" in message.body.lower() or "rapport initial" in message.body.lower()
    assert ReminderSent.objects.get().reason == "missed"
    run(dt.date(2014, 3, 4))
    assert len(mail.outbox) == 1


def test_dry_run_sends_and_records_nothing(contacts):
    output = run(BEFORE, "--dry-run")
    assert "would send 1 reminder(s)" in output
    assert mail.outbox == [] and not ReminderSent.objects.exists()


def test_a_failed_send_records_nothing_and_is_tried_again(contacts):
    class Broken:
        def send_messages(self, messages):
            raise OSError("mail server down")

    with pytest.raises(OSError):
        send_reminders("CCM", BEFORE, connection=Broken())
    assert not ReminderSent.objects.exists()
    assert len(send_reminders("CCM", BEFORE)) == 1
    assert len(mail.outbox) == 1


def test_bad_date_is_refused(contacts):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no such day"):
        call_command("send_obligation_reminders", "--as-of", "2014-02-30")


@pytest.mark.parametrize("day", ["9999-12-31", "4000-01-01", "1900-01-01"])
def test_date_outside_the_treatys_life_is_refused(contacts, day):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="outside the dates"):
        call_command("send_obligation_reminders", "--as-of", day)


def test_background_task_sends_the_same_reminders(contacts):
    from treatydesk.records.obligations.tasks import send_due_reminders

    assert send_due_reminders.call(BEFORE.isoformat()) == 1
    assert send_due_reminders.call(BEFORE.isoformat()) == 0  # never twice
    assert [m.to for m in mail.outbox] == [["mission@example.td"]]


def test_without_treaty_every_treaty_with_contacts_is_run(contacts):
    output = StringIO()
    call_command("send_obligation_reminders", "--as-of", BEFORE.isoformat(), stdout=output)
    assert "CCM: sent 1 reminder(s)" in output.getvalue()
