"""Annual reports: one deadline a year, from the year the policy sets for the first one.

A state's annual reports run up to the first one still ahead of the as-of day, and stop at
its withdrawal.  The due dates are shared by every state whose first report falls due in the
same year; only the first report's explanation (which names the policy) is per state.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date

from ..register.dates import format_date_en
from ..register.records import ComputedDate
from .deadlines import Deadline
from .policy import FIRST_AFTER_INITIAL_DUE, YEAR_AFTER_ENTRY_INTO_FORCE, ObligationPolicy
from .rules import ObligationKind, ObligationRule
from .state_facts import StateBase, StateFacts
from .status import ALWAYS, STATUSES, judged, status_code

_new = tuple.__new__
_ANNUAL = ObligationKind.ANNUAL_REPORT


class AnnualReports:
    """The annual report deadlines of every state under one treaty."""

    def __init__(self, rule: ObligationRule, initial: ObligationRule | None,
                 policy: ObligationPolicy):
        self.rule = rule
        self.initial = initial  # the initial report's rule, which the policy may count from
        self.policy = policy
        self.complete_from = None  # set by ObligationRegister from the treaty's coverage
        self._first_years: dict[date, int] = {}  # entry into force → year of the first report
        self._first: dict[date, ComputedDate] = {}  # entry into force → first report explained
        # Per first year: the due dates of the annual reports, then (lazily) their
        # ComputedDates and keys.
        self._dates: dict[int, list[date]] = {}
        self._explained: dict[int, tuple[list, list]] = {}

    def deadlines(self, out: list, state: str, base: StateBase, facts: StateFacts | None,
                  as_of: date, withdrawal: date | None) -> None:
        """Append the annual reports due by `as_of`, and the next one ahead."""
        first_year, dates, stop = self._span(base.eif, as_of, withdrawal)
        if stop <= 0:
            return
        computed, keys = self._computed(first_year, stop)
        first = self._first.get(base.eif)
        if first is None:
            first = self._first[base.eif] = self._first_computed(base.eif)
        received = facts.annual if facts is not None else None
        name, soon, append = base.name, self.policy.due_soon_days, out.append
        complete = self.complete_from
        explained = computed[:stop]
        explained[0] = first
        years = range(first_year - 1, first_year - 1 + stop)  # the year each report covers
        for covers, day, key, due in zip(years, dates, keys, explained, strict=False):
            met = received.get(covers) if received else None
            code, met, met_day, note = judged(day, met, None, as_of, withdrawal, soon, complete,
                                              ALWAYS)
            append(_new(Deadline, (
                state, name, _ANNUAL, key, 0, due, STATUSES[code], met_day, met, day, None, None,
                covers, note,
            )))

    def count(self, tally: list, offset: int, base: StateBase, facts: StateFacts | None,
              as_of: date, withdrawal: date | None) -> None:
        """Add the annual reports' statuses to `tally` (codes from `offset`), unbuilt.

        Each report received is put to the rule.  The others due before `as_of` all stand
        alike (no fact, the day passed, before any withdrawal, since none exists after it), so
        the rule is asked once for them all; at most two others are due later.
        """
        first_year, dates, stop = self._span(base.eif, as_of, withdrawal)
        if stop <= 0:
            return
        soon, complete = self.policy.due_soon_days, self.complete_from
        passed = min(bisect_left(dates, as_of), stop)  # due before as_of
        received_passed, received_ahead = 0, ()
        if facts is not None and facts.annual:
            shift = 1 - first_year
            for covered, report in facts.annual.items():
                n = covered + shift
                if 0 <= n < stop:
                    tally[offset + status_code(dates[n], report.received_on, None, as_of,
                                               withdrawal, soon, complete, ALWAYS)] += 1
                    if n < passed:
                        received_passed += 1
                    else:
                        received_ahead += (n,)
        if received_passed < passed:
            # Unmet and passed: they differ only where the records' coverage starts.
            for n in range(passed):
                if facts is None or not facts.annual or (n + first_year - 1) not in facts.annual:
                    tally[offset + status_code(dates[n], None, None, as_of, withdrawal, soon,
                                               complete, ALWAYS)] += 1
        for n in range(passed, stop):
            if n not in received_ahead:
                tally[offset + status_code(dates[n], None, None, as_of, withdrawal, soon,
                                           complete, ALWAYS)] += 1

    def _span(self, eif: date, as_of: date, withdrawal: date | None):
        """Return the first year of a state's annual reports, their due dates (at least up to
        the first one after `as_of`, shared) and how many exist on `as_of`."""
        first_year = self._first_years.get(eif)
        if first_year is None:
            first_year = self._first_years[eif] = self._first_year(eif)[0]
        dates = self._dates.get(first_year)
        if dates is None:
            dates = self._dates[first_year] = []
        if not dates or dates[-1] <= as_of:
            annual, year = self.rule.annual, first_year + len(dates)
            while not dates or dates[-1] <= as_of:
                dates.append(annual.due_in(year))
                year += 1
        stop = bisect_right(dates, as_of) + 1  # every one due by as_of, and the next
        if withdrawal is not None:
            stop = min(stop, bisect_left(dates, withdrawal))
        return first_year, dates, stop

    def _computed(self, first_year: int, stop: int) -> tuple[list, list]:
        """Return the ComputedDates and keys of the first `stop` annual reports from
        `first_year` (the first one's explanation is per state: see _first_computed)."""
        found = self._explained.get(first_year)
        if found is None:
            found = self._explained[first_year] = ([], [])
        computed, keys = found
        rule = self.rule
        while len(computed) < stop:
            year = first_year + len(computed)
            due = rule.annual.due_in(year)
            basis = (
                f"report covering {year - 1}; due by {rule.annual.words} of the following "
                f"year → {format_date_en(due)} ({rule.article})"
            )
            computed.append(ComputedDate(due, rule.rule_words, rule.article, basis, "annual"))
            keys.append(f"{_ANNUAL}/{year}")
        return computed, keys

    def _first_computed(self, eif: date) -> ComputedDate:
        """Return the first annual report's due date, explained with the rule that sets it."""
        rule = self.rule
        year, words = self._first_year(eif)
        due = rule.annual.due_in(year)
        basis = (
            f"report covering {year - 1}; due by {rule.annual.words} of the following year → "
            f"{format_date_en(due)} ({rule.article}); the first annual report falls due in {words}"
        )
        return ComputedDate(due, rule.rule_words, rule.article, basis, "annual-first", eif)

    def _first_year(self, eif: date) -> tuple[int, str]:
        """Return the year the first annual report is due and why (the policy in words)."""
        choice = self.policy.first_annual_report
        initial = self.initial
        if choice == YEAR_AFTER_ENTRY_INTO_FORCE or initial is None or initial.period is None:
            return eif.year + 1, (
                f"the year after entry into force for the State ({format_date_en(eif)}), "
                "as the Secretariat reads the article"
            )
        initial_due = initial.period.apply(eif, self.policy.month_end)
        if choice == FIRST_AFTER_INITIAL_DUE:
            year = initial_due.year
            if self.rule.annual.due_in(year) <= initial_due:
                year += 1
            return year, (
                f"the first {self.rule.annual.words} after the initial report fell due "
                f"({format_date_en(initial_due)}), as the Secretariat reads the article"
            )
        return initial_due.year + 1, (
            f"the year after the initial report fell due ({format_date_en(initial_due)}), "
            "as the Secretariat reads the article"
        )
