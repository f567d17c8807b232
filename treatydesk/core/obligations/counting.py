"""Summaries of deadlines: the overdue list and the share met on time, year by year.

ObligationRegister.status_counts() counts statuses without building the deadlines (it walks
the register's own chains); these summaries read built deadlines.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from .deadlines import Deadline
from .rules import ObligationKind
from .status import DECIDED, DeadlineStatus

_OVERDUE = DeadlineStatus.OVERDUE


class YearRate(NamedTuple):
    """Deadlines that fell due in `year` (by the date in force) and how they were met."""

    year: int
    fell_due: int
    on_time: int
    late: int
    overdue: int
    #: Passed with no report recorded (not counted in `fell_due`: the records cannot say).
    no_record: int = 0

    @property
    def rate(self) -> float | None:
        """Return the share met on time, or None when nothing fell due."""
        return self.on_time / self.fell_due if self.fell_due else None


def overdue(deadlines: Iterable[Deadline]) -> list[Deadline]:
    """Return the overdue deadlines among `deadlines`, the longest overdue first."""
    late = [d for d in deadlines if d.status is _OVERDUE]
    return sorted(late, key=lambda d: (d.due.date, d.state_name, d.key))


def on_time_rates(deadlines: Iterable[Deadline], as_of: date,
                  obligation: ObligationKind | str | None = None) -> list[YearRate]:
    """Return, per year a deadline fell due by `as_of` (by the date in force), how many were
    met on time, late, or not yet; deadlines not yet due and moved deadlines do not count."""
    tally: dict[int, list[int]] = {}
    unknown: dict[int, int] = {}
    for deadline in deadlines:
        if obligation is not None and deadline.obligation != obligation:
            continue
        if deadline.status is DeadlineStatus.NO_RECORD:
            year = deadline.due.date.year
            unknown[year] = unknown.get(year, 0) + 1
            tally.setdefault(year, [0, 0, 0])
            continue
        if deadline.status not in DECIDED or deadline.due.date > as_of:
            continue
        row = tally.setdefault(deadline.due.date.year, [0, 0, 0])
        if deadline.status is DeadlineStatus.MET_ON_TIME:
            row[0] += 1
        elif deadline.status is DeadlineStatus.MET_LATE:
            row[1] += 1
        else:
            row[2] += 1
    return [YearRate(year, sum(row), *row, unknown.get(year, 0))
            for year, row in sorted(tally.items())]
