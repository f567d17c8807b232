"""The one clock: UTC's calendar day, pinnable by tests and by the environment."""

import datetime as dt

import pytest

from treatydesk.core import clock


def test_today_is_the_utc_calendar_day(monkeypatch):
    monkeypatch.delenv(clock.ENVIRONMENT_VARIABLE, raising=False)
    before = dt.datetime.now(dt.UTC).date()
    day = clock.today()
    assert day in (before, dt.datetime.now(dt.UTC).date())


def test_pinned_day_holds_inside_the_block_only(monkeypatch):
    monkeypatch.delenv(clock.ENVIRONMENT_VARIABLE, raising=False)
    with clock.pinned(dt.date(2013, 11, 1)) as day:
        assert clock.today() == day == dt.date(2013, 11, 1)
        with clock.pinned(dt.date(2010, 8, 1)):
            assert clock.today() == dt.date(2010, 8, 1)
        assert clock.today() == dt.date(2013, 11, 1)
    assert clock.today() != dt.date(2013, 11, 1)


def test_the_environment_pins_a_process(monkeypatch):
    monkeypatch.setenv(clock.ENVIRONMENT_VARIABLE, "2025-03-06")
    assert clock.today() == dt.date(2025, 3, 6)
    with clock.pinned(dt.date(2025, 1, 1)):
        assert clock.today() == dt.date(2025, 1, 1)


def test_a_bad_pinned_date_says_what_to_write(monkeypatch):
    monkeypatch.setenv(clock.ENVIRONMENT_VARIABLE, "6 March 2025")
    with pytest.raises(clock.BadPinnedDate, match="YYYY-MM-DD"):
        clock.today()


def test_the_register_computes_for_the_pinned_day(monkeypatch):
    from treatydesk.core.register import Register, load_shipped_facts, load_treaty

    monkeypatch.delenv(clock.ENVIRONMENT_VARIABLE, raising=False)
    facts, _problems = load_shipped_facts("CCM")
    with clock.pinned(dt.date(2013, 10, 31)):
        register = Register(load_treaty("CCM"), facts)
        assert register.today == dt.date(2013, 10, 31)
