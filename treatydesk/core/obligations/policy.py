"""Policy choices the articles leave open, as settings with documented defaults.

See docs/decisions.md, "Obligations: deadlines, statuses and reminders".  The Django side
builds an ObligationPolicy from settings.TREATYDESK_OBLIGATIONS (read when a register is
built, never at import time).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

#: 31 August + 6 months = 28/29 February (the register's own rule, decisions.md §4).
MONTH_END_CLAMP = "clamp"
#: 31 August + 6 months = 1 March: a period that would end on a day the month lacks ends the
#: day after the month's last day.
MONTH_END_NEXT_DAY = "next_day"
MONTH_END_CHOICES = (MONTH_END_CLAMP, MONTH_END_NEXT_DAY)

#: First annual report in the calendar year after the year the initial report fell due.
YEAR_AFTER_INITIAL_DUE = "year_after_initial_due"
#: First annual report on the first annual date strictly after the initial report's due date.
FIRST_AFTER_INITIAL_DUE = "first_after_initial_due"
#: First annual report in the calendar year after entry into force (covering that year).
YEAR_AFTER_ENTRY_INTO_FORCE = "year_after_entry_into_force"
FIRST_ANNUAL_CHOICES = (
    YEAR_AFTER_INITIAL_DUE,
    FIRST_AFTER_INITIAL_DUE,
    YEAR_AFTER_ENTRY_INTO_FORCE,
)


class PolicyError(ValueError):
    """A policy setting has a value the obligations register cannot use."""


@dataclass(frozen=True, slots=True)
class ObligationPolicy:
    """The settings that decide what the articles leave open.

    - `first_annual_report`: which annual date the first annual report is due on.
    - `month_end`: how "N months/years after" ends when the month is shorter.
    - `due_soon_days`: an unmet deadline this many days away or closer is "due" (else
      "upcoming").
    - `reminder_days_before`: reminders go this many days before a deadline (the tightest
      one reached is sent, each at most once).
    - `missed_reminder_days`: a missed deadline is reminded once, if no more than this many
      days have passed (older misses are for the overdue list, not for mail).
    """

    first_annual_report: str = YEAR_AFTER_INITIAL_DUE
    month_end: str = MONTH_END_CLAMP
    due_soon_days: int = 90
    reminder_days_before: tuple[int, ...] = (60, 14)
    missed_reminder_days: int = 30

    def __post_init__(self) -> None:
        if self.first_annual_report not in FIRST_ANNUAL_CHOICES:
            raise PolicyError(
                f"first_annual_report must be one of {FIRST_ANNUAL_CHOICES}, "
                f"not {self.first_annual_report!r}"
            )
        if self.month_end not in MONTH_END_CHOICES:
            raise PolicyError(
                f"month_end must be one of {MONTH_END_CHOICES}, not {self.month_end!r}"
            )
        for name in ("due_soon_days", "missed_reminder_days"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise PolicyError(f"{name} must be a whole number of days ≥ 0, not {value!r}")
        days = self.reminder_days_before
        if not all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in days):
            raise PolicyError(f"reminder_days_before must be whole numbers > 0, not {days!r}")


DEFAULT_POLICY = ObligationPolicy()
POLICY_FIELDS = tuple(field.name for field in fields(ObligationPolicy))


def policy_from_mapping(values: Mapping[str, Any] | None) -> ObligationPolicy:
    """Return the policy with `values` over the defaults, refusing unknown names."""
    values = dict(values or {})
    unknown = sorted(set(values) - set(POLICY_FIELDS))
    if unknown:
        raise PolicyError(f"unknown obligation setting(s) {unknown}; known: {list(POLICY_FIELDS)}")
    if "reminder_days_before" in values:
        values["reminder_days_before"] = tuple(
            sorted(set(values["reminder_days_before"]), reverse=True)
        )
    return ObligationPolicy(**values)
