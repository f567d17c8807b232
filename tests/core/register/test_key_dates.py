"""Register.key_dates gives the same dates as the full record, for every shipped state."""

import datetime as dt

import pytest

from treatydesk.core.register import Register, load_shipped_facts, load_treaty


@pytest.mark.parametrize("code", ["CCM", "APMBC"])
def test_key_dates_agree_with_records(code):
    facts, _ = load_shipped_facts(code)
    register = Register(load_treaty(code), facts, today=dt.date(2026, 11, 28))
    checked = 0
    for state in register.states:
        record = register.participant(state, dt.date.max)
        dates = register.key_dates(state)
        assert dates.name == record.state_name
        assert dates.deposited == (record.instrument.date if record.instrument else None)
        eif = record.entry_into_force
        assert dates.entry_into_force == (eif.date if eif else None), state
        wd = record.withdrawal_effective
        assert dates.withdrawal_effective == (wd.date if wd else None), state
        notified = record.withdrawal_notified
        assert dates.withdrawal_notified == (notified.date if notified else None)
        checked += 1
    assert checked == len(register.states) > 100
    assert register.key_dates("XXX") is None
