"""Where a deadline stands on a day: the one rule that decides its status.

Every path asks status_code(): the deadlines counted from entry into force or an end of
hostilities, the annual reports, and ObligationRegister.status_counts(), which counts
statuses without building the deadlines.  The one status it does not decide is "extended":
a deadline that a later extension decision has moved (extensions.in_force counts those).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from ..register.dates import format_date_en


class DeadlineStatus(StrEnum):
    """Where a deadline stands on a day."""

    UPCOMING = "upcoming"
    DUE = "due"
    MET_ON_TIME = "met-on-time"
    MET_LATE = "met-late"
    OVERDUE = "overdue"
    NOT_APPLICABLE = "not-applicable"
    EXTENDED = "extended"
    #: Past due, and the register holds no records that would show whether it was met.
    NO_RECORD = "no-report-recorded"
    #: The obligation applies only where a declaration or a recorded fact says so; none does.
    NOT_KNOWN = "not-known"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")


#: Statuses of deadlines that have fallen due and count in on-time rates.
DECIDED = frozenset({DeadlineStatus.MET_ON_TIME, DeadlineStatus.MET_LATE, DeadlineStatus.OVERDUE})

STATUSES = tuple(DeadlineStatus)
# Status codes (positions in STATUSES): the counting path tallies these small ints.
UPCOMING, DUE, MET_ON_TIME, MET_LATE, OVERDUE, NOT_APPLICABLE, EXTENDED, NO_RECORD, NOT_KNOWN = (
    range(9)
)
#: How many status codes there are (the counting path's stride).
CODES = len(STATUSES)
#: `applies` for an obligation every State Party has (reports): it applies from the start.
ALWAYS = date.min


def status_code(due: date, met: date | None, not_applicable: date | None, as_of: date,
                withdrawal: date | None, due_soon_days: int, complete_from: date | None,
                applies: date | None) -> int:
    """Return the status code (a position in STATUSES) of a deadline in force on `as_of`.

    `met` is the day of the earliest report or completion meeting it, `not_applicable` the
    day of the earliest declaration that it does not apply (None when there is none); a fact
    dated after `as_of` does not count yet.  `withdrawal` is the day the state's withdrawal
    takes effect, when it is known by `as_of`.  `complete_from` is the day from which the
    register holds every record that could meet a deadline (coverage.py; None: it holds no
    complete records).  `applies` is the day from which the obligation is known to apply to
    the state (ALWAYS for reports; for stockpile destruction and clearance the day of the
    declaration or recorded fact saying so, None when there is none).  The first line that
    holds decides:

    - declared not applicable → not applicable;
    - met → met on time (on or before the due day) or met late;
    - the withdrawal takes effect on or before the due day → not applicable;
    - not known to apply by `as_of` → not known;
    - the due day has passed: the records cover it → overdue; they do not → no report
      recorded (never an accusation the records cannot support);
    - `due_soon_days` days away or fewer → due; else upcoming.
    """
    if not_applicable is not None and not_applicable <= as_of:
        return NOT_APPLICABLE
    if met is not None and met <= as_of:
        return MET_ON_TIME if met <= due else MET_LATE
    if withdrawal is not None and due >= withdrawal:
        return NOT_APPLICABLE
    if applies is None or applies > as_of:
        return NOT_KNOWN
    if as_of > due:
        return OVERDUE if complete_from is not None and due >= complete_from else NO_RECORD
    return DUE if (due - as_of).days <= due_soon_days else UPCOMING


def status_note(code: int, due: date, met, not_applicable, as_of: date,
                withdrawal: date | None) -> str:
    """Return the status in words where the status alone does not say it all: how late a
    deadline was met, why it does not apply ("" for any other code).

    `met` and `not_applicable` are the facts status_code() was given the days of.
    """
    if code == MET_LATE:
        return f"{(met.day - due).days} days late"
    if code != NOT_APPLICABLE:
        return ""
    if not_applicable is not None and not_applicable.declared_on <= as_of:
        reason = f": {not_applicable.reason}" if not_applicable.reason else ""
        return f"declared not applicable on {format_date_en(not_applicable.declared_on)}{reason}"
    return f"the withdrawal takes effect on {format_date_en(withdrawal)}, before this deadline"


def judged(due: date, met, not_applicable, as_of: date, withdrawal: date | None,
           due_soon_days: int, complete_from: date | None, applies) -> tuple:
    """Return a listed deadline's (status code, the fact shown as meeting it, its day, note).

    `met` and `not_applicable` are the facts (None when there is none), the rest as for
    status_code(); the fact meeting it is shown only when the deadline stands met.
    """
    met_day = met.day if met is not None else None
    code = status_code(due, met_day, not_applicable.day if not_applicable is not None else None,
                       as_of, withdrawal, due_soon_days, complete_from, applies)
    if code == MET_LATE:
        return code, met, met_day, status_note(code, due, met, not_applicable, as_of, withdrawal)
    if code == MET_ON_TIME:
        return code, met, met_day, ""
    if code == NOT_APPLICABLE:
        return code, None, None, status_note(code, due, None, not_applicable, as_of, withdrawal)
    return code, None, None, ""
