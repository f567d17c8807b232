"""Reminder selection: who gets which reminder N days before a deadline or once it is missed."""

from datetime import timedelta

import pytest

from treatydesk.core.obligations import (
    Contact,
    ObligationKind,
    ObligationPolicy,
    ReportReceived,
    select_reminders,
)

from .helpers import d, obligations, register_of

CMR = register_of("ccm", ("CMR", "2012-07-12"), ("TCD", "2013-03-26"))
DUE = d("2013-06-30")  # Cameroon's initial report
OFFICE = Contact("c1", "CMR", "mission@example.cm", "Permanent Mission")
REPORTS_ONLY = Contact("c2", "CMR", "focal@example.cm", obligations=frozenset(
    {ObligationKind.INITIAL_REPORT, ObligationKind.ANNUAL_REPORT}))
CHAD = Contact("c3", "TCD", "focal@example.td")


DEFAULT = ObligationPolicy()


def picked(day, *facts, sent=(), contacts=(OFFICE,), policy=DEFAULT):
    deadlines = obligations(CMR, *facts).all_deadlines(day)
    return select_reminders(deadlines, contacts, day, sent=set(sent), policy=policy)


@pytest.mark.parametrize(
    ("days_before", "reason"),
    [(61, None), (60, "before-60"), (15, "before-60"), (14, "before-14"), (0, "before-14")],
)
def test_reminder_days_before(days_before, reason):
    found = [r for r in picked(DUE - timedelta(days=days_before))
             if r.deadline.key == "initial-report"]
    assert [r.reason for r in found] == ([reason] if reason else [])


def test_never_twice():
    day = DUE - timedelta(days=30)
    (first,) = [r for r in picked(day) if r.deadline.key == "initial-report"]
    again = picked(day + timedelta(days=1), sent={first.key})
    assert [r for r in again if r.deadline.key == "initial-report"] == []
    # The next threshold is a new reminder.
    later = picked(DUE - timedelta(days=10), sent={first.key})
    assert [r.reason for r in later if r.deadline.key == "initial-report"] == ["before-14"]


def test_missed_once_within_the_window_then_silence():
    (missed,) = [r for r in picked(DUE + timedelta(days=1)) if r.deadline.key == "initial-report"]
    assert missed.reason == "missed" and missed.days == 1
    assert [r for r in picked(DUE + timedelta(days=2), sent={missed.key})
            if r.deadline.key == "initial-report"] == []
    assert [r for r in picked(DUE + timedelta(days=31))
            if r.deadline.key == "initial-report"] == []


def test_no_reminder_for_a_met_deadline():
    report = ReportReceived("CMR", ObligationKind.INITIAL_REPORT, DUE - timedelta(days=40))
    assert [r for r in picked(DUE - timedelta(days=10), report)
            if r.deadline.key == "initial-report"] == []


def test_contacts_get_only_their_state_and_obligations():
    day = d("2020-11-15")  # Cameroon's stockpile deadline (1 January 2021) is 47 days away
    found = picked(day, contacts=(OFFICE, REPORTS_ONLY, CHAD))
    stockpile = [r for r in found if r.deadline.obligation is ObligationKind.STOCKPILE_DESTRUCTION]
    assert [(r.contact.ref, r.deadline.state) for r in stockpile] == [("c1", "CMR")]
    assert all(r.contact.state == r.deadline.state for r in found)


def test_thresholds_are_a_policy_setting():
    policy = ObligationPolicy(reminder_days_before=(30,))
    assert [r.reason for r in picked(DUE - timedelta(days=45), policy=policy)
            if r.deadline.key == "initial-report"] == []
    assert [r.reason for r in picked(DUE - timedelta(days=30), policy=policy)
            if r.deadline.key == "initial-report"] == ["before-30"]
