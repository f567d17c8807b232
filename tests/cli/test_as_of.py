"""``--as-of`` on the command line takes what the website takes: an ISO date from the treaty's
adoption to five years from today, else a clear message and exit status 2 (issue 11)."""

import datetime as dt
import time

import pytest

from tests.commands import treatydesk
from treatydesk.core import clock

TODAY = dt.date(2026, 11, 28)
COMMANDS = [["status", "CCM"], ["deadlines", "CCM"], ["notice", "CCM", "IRQ"]]


@pytest.fixture
def today():
    with clock.pinned(TODAY) as day:
        yield day


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("day", ["9999-12-31", "4000-01-01", "2031-11-29", "2008-05-29",
                                 "0001-01-01"])
def test_a_day_outside_the_register_is_refused_with_exit_status_2(fresh_site, today, command,
                                                                  day):
    started = time.monotonic()
    result = treatydesk(*command, "--as-of", day)
    assert result.code == 2, result.stderr
    assert f"--as-of: {day} is outside the dates the register can show" in result.stderr
    assert "from 2008-05-30 (the treaty's adoption) to 2031-11-28" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert time.monotonic() - started < 5  # refused before any work that grows with the date


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("day, words", [
    ("2013-02-30", "There is no such day as 2013-02-30"),
    ("20130601", "Write the date as YYYY-MM-DD"),
    ("１０１３-06-01", "Write the date as YYYY-MM-DD"),
    ("10000-01-01", "Write the date as YYYY-MM-DD"),
])
def test_a_value_that_is_no_date_is_refused_with_exit_status_2(fresh_site, today, command, day,
                                                               words):
    result = treatydesk(*command, "--as-of", day)
    assert result.code == 2 and words in result.stderr, result.stderr


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("day", ["2013-11-01", "2031-11-28", ""])
def test_a_day_within_the_bounds_is_taken(fresh_site, today, command, day):
    result = treatydesk(*command, "--as-of", day)
    assert result.code == 0, result.stderr


def test_the_message_is_in_english_whatever_language_the_process_has_active(fresh_site, today):
    from django.utils import translation

    with translation.override("fr"):  # as a French page request leaves it in this process
        result = treatydesk("status", "CCM", "--as-of", "9999-12-31")
    assert result.code == 2 and "is outside the dates the register can show" in result.stderr
