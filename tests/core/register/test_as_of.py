"""A record asked for on a past day shows the state as it stood then, not its later acts."""

import datetime as dt

import pytest

from treatydesk.core.register import (
    Register,
    Status,
    load_shipped_facts,
    load_treaty,
    treaty_codes,
)


def ccm():
    facts, _ = load_shipped_facts("CCM")
    return Register(load_treaty("CCM"), facts, today=dt.date(2026, 11, 28))


def test_a_2013_signatory_does_not_carry_its_2023_ratification():
    nigeria = ccm().participant("NGA", dt.date(2013, 6, 1))
    assert nigeria.status is Status.SIGNATORY
    assert nigeria.instrument is None and nigeria.ordinal is None
    assert nigeria.entry_into_force is None
    today = ccm().participant("NGA", dt.date(2026, 11, 28))
    assert today.instrument.date == dt.date(2023, 2, 28) and today.ordinal == 111


def test_deposited_state_keeps_its_coming_entry_into_force():
    iraq = ccm().participant("IRQ", dt.date(2013, 6, 1))
    assert iraq.status is Status.DEPOSITED
    assert iraq.entry_into_force.date == dt.date(2013, 11, 1)


def test_withdrawal_not_yet_notified_is_not_shown():
    before = {r.state: r for r in ccm().participants(dt.date(2020, 1, 1))}
    assert before["LTU"].status is Status.PARTY
    assert before["LTU"].withdrawal_effective is None
    after = ccm().participant("LTU", dt.date(2025, 3, 6))
    assert after.status is Status.WITHDRAWN
    assert after.withdrawal_effective.date == dt.date(2025, 3, 6)


@pytest.mark.parametrize("code", treaty_codes())
def test_statuses_on_a_day_are_the_status_of_each_state(code):
    # statuses() reads the stages alone; it must say what status() says, State by State, on
    # every day a fact changes something (and the day before), and in the order of the list.
    facts, _ = load_shipped_facts(code)
    register = Register(load_treaty(code), facts, today=dt.date(2026, 11, 28))
    days = {day for fact in facts if (day := fact.date) is not None}
    days |= {day - dt.timedelta(days=1) for day in days} | {dt.date(2031, 11, 28)}
    for day in sorted(days):
        expected = {state: status for state in register.states
                    if (status := register.status(state, day)) is not None}
        found = register.statuses(day)
        assert found == expected, day
        assert list(found) == [record.state for record in register.participants(day)], day
