"""Parties and signatories over time: the register's counts at each step of a date range."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from treatydesk.core.register import Counts, Register, add_months

#: The longest series one request may ask for (a day-by-day series of 40 years is ~14,600).
MAX_POINTS = 20_000


class Step(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class SeriesTooLong(ValueError):
    """The range holds more than ``MAX_POINTS`` steps."""


def series_days(start: dt.date, end: dt.date, step: Step) -> list[dt.date]:
    """Return the days of the series: ``start``, then every step up to ``end`` inclusive.

    Months and years are counted from ``start`` (31 January, then the last day of February).
    """
    step = Step(step)
    days: list[dt.date] = []
    n = 0
    while True:
        if step is Step.DAY:
            day = start + dt.timedelta(days=n)
        else:
            day = add_months(start, n * (12 if step is Step.YEAR else 1))
        if day > end:
            return days
        days.append(day)
        if len(days) > MAX_POINTS:
            raise SeriesTooLong(f"more than {MAX_POINTS} points from {start} to {end} by {step}")
        n += 1


def counts_series(register: Register, start: dt.date, end: dt.date,
                  step: Step = Step.YEAR) -> list[Counts]:
    """Return ``register.counts`` on each day of ``series_days(start, end, step)``."""
    return [register.counts(day) for day in series_days(start, end, step)]
