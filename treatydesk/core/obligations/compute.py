"""Deadlines of every state under a treaty, with their status on any date.

Each deadline is a ComputedDate (the date, the rule, the article, the arithmetic in words).
An extension decision adds a new deadline after the one it moves; the earlier one stays,
with status "extended", so the original deadline is never overwritten.

What does not depend on the as-of date (the chain of deadlines, which fact meets each one)
is worked out once per state, on first request; a query on a date only picks from it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from ..register.compute import Register
from ..register.dates import add_months, format_date_en
from ..register.facts import CONSENT_KINDS
from ..register.records import ComputedDate
from .facts import (
    CompletionDeclared,
    ExtensionDecision,
    ExtensionRequest,
    HostilitiesEnded,
    NotApplicable,
    ObligationFact,
    ReportReceived,
)
from .policy import (
    DEFAULT_POLICY,
    FIRST_AFTER_INITIAL_DUE,
    YEAR_AFTER_ENTRY_INTO_FORCE,
    ObligationPolicy,
)
from .rules import ObligationKind, ObligationRule, TreatyObligations, load_obligations


class DeadlineStatus(StrEnum):
    """Where a deadline stands on a day."""

    UPCOMING = "upcoming"
    DUE = "due"
    MET_ON_TIME = "met-on-time"
    MET_LATE = "met-late"
    OVERDUE = "overdue"
    NOT_APPLICABLE = "not-applicable"
    EXTENDED = "extended"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")


#: Statuses of deadlines that have fallen due and count in on-time rates.
DECIDED = frozenset({DeadlineStatus.MET_ON_TIME, DeadlineStatus.MET_LATE, DeadlineStatus.OVERDUE})


class Deadline(NamedTuple):
    """One deadline of one state, with its status on the day it was asked for.

    `key` names the obligation instance and stays the same across extensions
    ("initial-report", "annual-report/2014", "clearance/hostilities-2020-05-05"); `step` is 0
    for the deadline the article sets and n after the n-th extension.  `decision` is the
    extension decision that set this deadline, `superseded_by` the one that moved it.
    """

    state: str
    state_name: str
    obligation: ObligationKind
    key: str
    step: int
    due: ComputedDate
    status: DeadlineStatus
    met_date: date | None = None
    met_by: object = None
    original_due: date | None = None
    decision: ExtensionDecision | None = None
    superseded_by: ExtensionDecision | None = None
    covers: int | None = None
    note: str = ""

    @property
    def date(self) -> date:
        return self.due.date

    @property
    def article(self) -> str:
        return self.due.article

    @property
    def basis(self) -> str:
        return self.due.basis

    @property
    def is_current(self) -> bool:
        """Return False for a deadline an extension decision has moved."""
        return self.status is not DeadlineStatus.EXTENDED


class YearRate(NamedTuple):
    """Deadlines that fell due in `year` (by the date in force) and how they were met."""

    year: int
    fell_due: int
    on_time: int
    late: int
    overdue: int

    @property
    def rate(self) -> float | None:
        """Return the share met on time, or None when nothing fell due."""
        return self.on_time / self.fell_due if self.fell_due else None


class ObligationEvent(NamedTuple):
    """One dated entry of a state's obligations timeline: a deadline or a recorded fact."""

    date: date
    kind: str
    description: str
    article: str = ""
    deadline: Deadline | None = None
    fact: object = None


class _Step(NamedTuple):
    due: ComputedDate
    decision: ExtensionDecision | None


class _Chain(NamedTuple):
    """One obligation instance: its deadlines in order and the facts that close it."""

    obligation: ObligationKind
    key: str
    steps: tuple[_Step, ...]
    met: object  # the earliest report or completion, or None
    not_applicable: NotApplicable | None  # the earliest declaration
    since: date  # the day the instance exists from (a recorded end of hostilities)


class _Base(NamedTuple):
    """What a state's deadlines are counted from, and when its withdrawal takes effect."""

    name: str
    joined: date | None
    eif: date | None
    withdrawal: date | None
    withdrawal_known: date | None


class _StateFacts:
    """One state's obligation facts, indexed the way the computation reads them.

    Only the earliest fact closing a deadline matters: if it came after the as-of day, so
    did every other one.
    """

    __slots__ = ("met", "annual", "not_applicable", "decisions", "hostilities")

    def __init__(self) -> None:
        self.met: dict[tuple, object] = {}  # (kind, instance) → earliest report/completion
        self.annual: dict[int, ReportReceived] = {}  # year covered → earliest report
        self.not_applicable: dict[tuple, NotApplicable] = {}  # (kind, instance) → earliest
        self.decisions: dict[tuple, list] = {}  # (kind, instance) → [(request, decision)]
        self.hostilities: list[HostilitiesEnded] = []


_new = tuple.__new__
STATUSES = tuple(DeadlineStatus)
# Status codes (positions in STATUSES): the counting path tallies these small ints.
UPCOMING, DUE, MET_ON_TIME, MET_LATE, OVERDUE, NOT_APPLICABLE, EXTENDED = range(7)
_ANNUAL = ObligationKind.ANNUAL_REPORT
_OVERDUE = DeadlineStatus.OVERDUE


def status_code(due: date, met: date | None, not_applicable: bool, as_of: date,
                withdrawal: date | None, due_soon_days: int) -> int:
    """Return the status code of a deadline on `as_of` (the one rule both paths use).

    `met` is the day of the earliest report or completion on or before `as_of`;
    `not_applicable` whether the state declared it so by then; `withdrawal` the day the
    state's withdrawal takes effect when it is known by then.
    """
    if not_applicable:
        return NOT_APPLICABLE
    if met is not None:
        return MET_ON_TIME if met <= due else MET_LATE
    if withdrawal is not None and due >= withdrawal:
        return NOT_APPLICABLE
    if as_of > due:
        return OVERDUE
    return DUE if (due - as_of).days <= due_soon_days else UPCOMING


def _note(code: int, due: date, met, not_applicable, withdrawal: date | None) -> str:
    """Return the status in words where the status alone does not say it all."""
    if code == MET_LATE:
        return f"{(met.day - due).days} days late"
    if code == NOT_APPLICABLE and not_applicable is not None:
        reason = f": {not_applicable.reason}" if not_applicable.reason else ""
        return f"declared not applicable on {format_date_en(not_applicable.declared_on)}{reason}"
    if code == NOT_APPLICABLE:
        return f"the withdrawal takes effect on {format_date_en(withdrawal)}, before this deadline"
    return ""


class ObligationRegister:
    """Every state's deadlines under one treaty, computed from the register and the facts."""

    def __init__(
        self,
        register: Register,
        facts: Iterable[ObligationFact] = (),
        *,
        rules: TreatyObligations | None = None,
        policy: ObligationPolicy = DEFAULT_POLICY,
    ):
        self.register = register
        self.treaty = register.treaty
        self.rules = rules if rules is not None else load_obligations(register.treaty.code)
        self.policy = policy
        self.facts: tuple = tuple(facts)
        self.today = register.today
        self.warnings: list[str] = []
        #: Extension decisions the rules do not allow, with why: (decision, message).
        self.rejected: list[tuple[ExtensionDecision, str]] = []
        self._requests = {
            f.ref: f for f in self.facts if type(f) is ExtensionRequest and f.ref
        }
        self._facts_by_state = self._group(self.facts)
        self._annual_rule = self.rules.rule(_ANNUAL)
        # Only a state that deposited an instrument can owe anything: no record for the rest.
        self._bases: dict[str, _Base | None] = dict.fromkeys(
            {fact.state for fact in register.facts} - {
                fact.state for fact in register.facts if fact.kind in CONSENT_KINDS
            }
        )
        self._chains: dict[str, tuple[_Chain, ...]] = {}
        self._steps: dict[tuple, tuple[_Step, ...]] = {}
        # Per dated rule: (rule, (kind, ""), key, {eif: due date}, {eif: the article's _Step}).
        self._period_rules = [
            (rule, (rule.kind, ""), rule.kind.value, {}, {})
            for rule in self.rules.rules if rule.period is not None
        ]
        self._first_years: dict[date, int] = {}
        self._first_annual: dict[date, ComputedDate] = {}
        # Per first year: the due dates of the annual reports, then (lazily) their ComputedDates
        # and keys; shared by every state whose first annual report falls in that year.
        self._annual_dates: dict[int, list[date]] = {}
        self._annual_explained: dict[int, tuple[list, list]] = {}

    # -- queries ---------------------------------------------------------------------------

    def deadlines(self, iso3: str, as_of: date | None = None) -> list[Deadline]:
        """Return a state's deadlines on `as_of`, in the order of the treaty's rules.

        A state has none before it deposits its instrument, nor when its entry-into-force
        date is unknown.  Annual reports run up to the first one still ahead of `as_of`.
        """
        as_of = as_of or self.today
        state = iso3.upper()
        base = self._bases.get(state) if state in self._bases else self._base(state)
        if base is None or base.eif is None or base.joined is None or base.joined > as_of:
            return []
        withdrawal = None
        if base.withdrawal is not None and base.withdrawal_known <= as_of:
            withdrawal = base.withdrawal
        out: list[Deadline] = []
        facts = self._facts_by_state.get(state)
        for rule, index, key, _, explained in self._period_rules:
            plain = explained.get(base.eif)
            if plain is None:
                plain = explained[base.eif] = self._plain(rule, base.eif)
            steps, met, na = (plain,), None, None
            if facts is not None:
                met, na = facts.met.get(index), facts.not_applicable.get(index)
                decisions = facts.decisions.get(index) if facts.decisions else None
                if decisions:
                    steps = self._extended(state, rule, index, plain, decisions)
            self._pick(out, state, base.name, rule.kind, key, steps, met, na, as_of, withdrawal)
        if facts is not None and facts.hostilities:
            for chain in self._hostilities_chains(state, base, facts):
                if chain.since <= as_of:
                    self._pick(out, state, base.name, chain.obligation, chain.key, chain.steps,
                               chain.met, chain.not_applicable, as_of, withdrawal)
        if self._annual_rule is not None:
            self._annual(out, state, base, facts, as_of, withdrawal)
        return out

    def all_deadlines(self, as_of: date | None = None) -> list[Deadline]:
        """Return the deadlines of every state on `as_of`, states in the register's order."""
        as_of = as_of or self.today
        out: list[Deadline] = []
        for state in self.register.states:
            out.extend(self.deadlines(state, as_of))
        return out

    def status_counts(self, as_of: date | None = None) -> Counter:
        """Return how many deadlines stand in each status on `as_of`, by obligation:
        {(obligation, status): n}, the figures of all_deadlines() counted without building
        each deadline (as Register.counts() counts statuses without building records)."""
        as_of = as_of or self.today
        kinds = self.rules.kinds
        tally = [0] * (len(kinds) * 7)
        offsets = {kind: 7 * n for n, kind in enumerate(kinds)}
        soon = self.policy.due_soon_days
        for state in self.register.states:
            base = self._bases.get(state) if state in self._bases else self._base(state)
            if base is None or base.eif is None or base.joined is None or base.joined > as_of:
                continue
            eif = base.eif
            withdrawal = None
            if base.withdrawal is not None and base.withdrawal_known <= as_of:
                withdrawal = base.withdrawal
            facts = self._facts_by_state.get(state)
            for rule, index, _, dues, explained in self._period_rules:
                offset = offsets[rule.kind]
                met = na = None
                if facts is not None:
                    met, na = facts.met.get(index), facts.not_applicable.get(index)
                    if facts.decisions and index in facts.decisions:
                        plain = explained.get(eif) or self._plain(rule, eif)
                        steps = self._extended(state, rule, index, plain, facts.decisions[index])
                        count = _in_force(steps, as_of)
                        tally[offset + EXTENDED] += count - 1
                        due = steps[count - 1].due.date
                    else:
                        due = dues.get(eif) or self._due(rule, eif, dues)
                else:
                    due = dues.get(eif) or self._due(rule, eif, dues)
                tally[offset + status_code(
                    due, met.day if met is not None and met.day <= as_of else None,
                    na is not None and na.day <= as_of, as_of, withdrawal, soon,
                )] += 1
            if facts is not None and facts.hostilities:
                for chain in self._hostilities_chains(state, base, facts):
                    if chain.since > as_of:
                        continue
                    count = _in_force(chain.steps, as_of)
                    met, na = chain.met, chain.not_applicable
                    tally[offsets[chain.obligation] + EXTENDED] += count - 1
                    tally[offsets[chain.obligation] + status_code(
                        chain.steps[count - 1].due.date,
                        met.day if met is not None and met.day <= as_of else None,
                        na is not None and na.day <= as_of, as_of, withdrawal, soon,
                    )] += 1
            if self._annual_rule is not None:
                self._count_annual(tally, offsets[_ANNUAL], base, facts, as_of, withdrawal)
        return Counter({
            (kind, STATUSES[code]): tally[offsets[kind] + code]
            for kind in kinds for code in range(7) if tally[offsets[kind] + code]
        })

    def overdue(self, as_of: date | None = None) -> list[Deadline]:
        """Return every deadline overdue on `as_of`, the longest overdue first."""
        late = [d for d in self.all_deadlines(as_of) if d.status is _OVERDUE]
        return sorted(late, key=lambda d: (d.due.date, d.state_name, d.key))

    def on_time_rates(
        self, as_of: date | None = None, obligation: ObligationKind | str | None = None
    ) -> list[YearRate]:
        """Return, per year a deadline fell due (by the date in force), how many were met on
        time, late, or not yet; deadlines not yet due and moved deadlines do not count."""
        as_of = as_of or self.today
        tally: dict[int, list[int]] = {}
        for deadline in self.all_deadlines(as_of):
            if deadline.status not in DECIDED or deadline.due.date > as_of:
                continue
            if obligation is not None and deadline.obligation != obligation:
                continue
            row = tally.setdefault(deadline.due.date.year, [0, 0, 0])
            if deadline.status is DeadlineStatus.MET_ON_TIME:
                row[0] += 1
            elif deadline.status is DeadlineStatus.MET_LATE:
                row[1] += 1
            else:
                row[2] += 1
        return [YearRate(year, sum(row), *row) for year, row in sorted(tally.items())]

    def timeline(self, iso3: str, as_of: date | None = None) -> list[ObligationEvent]:
        """Return a state's deadlines (moved ones too) and the facts recorded by `as_of`."""
        as_of = as_of or self.today
        state = iso3.upper()
        events = [
            ObligationEvent(d.due.date, "deadline", _deadline_words(d), d.article, deadline=d)
            for d in self.deadlines(state, as_of)
        ]
        for fact in self.facts:
            if self._state_of(fact) == state and fact.day <= as_of:
                events.append(ObligationEvent(fact.day, _fact_kind(fact), _fact_words(fact),
                                              self._fact_article(fact), fact=fact))
        order = {"hostilities_ended": 0, "extension_requested": 1, "extension_decided": 2}
        return sorted(events, key=lambda e: (e.date, order.get(e.kind, 3)))

    def request_of(self, decision: ExtensionDecision) -> ExtensionRequest | None:
        """Return the recorded request a decision answers, or None."""
        return self._requests.get(decision.request_ref)

    def extension_problems(self) -> list[tuple[ExtensionDecision, str]]:
        """Return every extension decision the rules do not allow, with the reason."""
        for state, facts in self._facts_by_state.items():
            base = self._base(state)
            if not facts.decisions or base is None or base.eif is None:
                continue
            for rule, index, _, _, explained in self._period_rules:
                decisions = facts.decisions.get(index)
                if decisions:
                    plain = explained.get(base.eif) or self._plain(rule, base.eif)
                    self._extended(state, rule, index, plain, decisions)
            if facts.hostilities:
                self._hostilities_chains(state, base, facts)
        return list(self.rejected)

    # -- building --------------------------------------------------------------------------

    def _state_of(self, fact) -> str | None:
        if type(fact) is ExtensionDecision:
            request = self.request_of(fact)
            return request.state if request is not None else None
        return fact.state

    def _group(self, facts: tuple) -> dict[str, _StateFacts]:
        by_state: dict[str, _StateFacts] = {}
        requests = self._requests
        for fact in facts:
            kind = type(fact)
            if kind is ReportReceived:
                held = by_state.get(fact.state)
                if held is None:
                    held = by_state[fact.state] = _StateFacts()
                if fact.obligation is _ANNUAL:
                    if fact.period_end is None:
                        continue
                    table, key = held.annual, fact.period_end.year
                else:
                    table, key = held.met, (fact.obligation, "")
                first = table.get(key)
                if first is None or fact.received_on < first.received_on:
                    table[key] = fact
                continue
            if kind is ExtensionDecision:
                request = requests.get(fact.request_ref)
                if request is None:
                    self.warnings.append(
                        f"An extension decision of {format_date_en(fact.decided_on)} answers no "
                        "recorded extension request; it is ignored."
                    )
                    continue
                state = request.state
            else:
                state = fact.state
            held = by_state.get(state)
            if held is None:
                held = by_state[state] = _StateFacts()
            if kind is ExtensionDecision:
                held.decisions.setdefault((request.obligation, request.instance), []).append(
                    (request, fact)
                )
            elif kind is HostilitiesEnded:
                held.hostilities.append(fact)
            elif kind is not ExtensionRequest:
                table = held.met if kind is CompletionDeclared else held.not_applicable
                key = (fact.obligation, fact.instance)
                first = table.get(key)
                if first is None or fact.declared_on < first.declared_on:
                    table[key] = fact
        for held in by_state.values():
            if held.hostilities:
                held.hostilities.sort(key=lambda f: f.ended_on)
            for items in held.decisions.values():
                items.sort(key=lambda pair: pair[1].decided_on)
        return by_state

    def _base(self, state: str) -> _Base | None:
        if state in self._bases:
            return self._bases[state]
        dates = self.register.key_dates(state)
        base = None
        if dates is not None:
            known = dates.withdrawal_notified or dates.withdrawal_effective
            base = _Base(
                dates.name, dates.deposited, dates.entry_into_force,
                dates.withdrawal_effective, known,
            )
        self._bases[state] = base
        return base

    def _due(self, rule: ObligationRule, eif: date, dues: dict) -> date:
        """Return (and remember) the deadline the article sets for a state in force from `eif`."""
        due = dues[eif] = rule.period.apply(eif, self.policy.month_end)
        return due

    def _plain(self, rule: ObligationRule, eif: date) -> _Step:
        """Return the article's deadline for a state in force from `eif`, explained."""
        due = rule.period.apply(eif, self.policy.month_end)
        basis = (
            f"entry into force for the State {format_date_en(eif)}; {rule.period.summary} → "
            f"{format_date_en(due)} ({rule.article})"
        )
        return _Step(ComputedDate(due, rule.rule_words, rule.article, basis), None)

    def _hostilities_chains(self, state: str, base: _Base, facts: _StateFacts) -> tuple:
        """Return the clearance deadlines counted from each recorded end of hostilities."""
        chains = self._chains.get(state)
        if chains is not None:
            return chains
        built = []
        rule = self.rules.rule(ObligationKind.CLEARANCE)
        after = rule.after_hostilities if rule is not None else None
        for ended in facts.hostilities if after is not None else ():
            if ended.ended_on <= base.eif:
                continue  # remnants already there at entry into force: the first deadline
            instance = ended.ended_on.isoformat()
            source = f": {ended.source}" if ended.source else ""
            due = after.period.apply(ended.ended_on, self.policy.month_end)
            basis = (
                f"end of active hostilities (recorded{source}) {format_date_en(ended.ended_on)}; "
                f"{after.period.summary} → {format_date_en(due)} ({after.article})"
            )
            plain = _Step(ComputedDate(due, f"{after.period.summary} the end of active hostilities",
                                       after.article, basis), None)
            index = (rule.kind, instance)
            steps = (plain,)
            if index in facts.decisions:
                steps = self._extended(state, rule, index, plain, facts.decisions[index])
            built.append(_Chain(rule.kind, f"{rule.kind}/hostilities-{instance}", steps,
                                facts.met.get(index), facts.not_applicable.get(index),
                                ended.ended_on))
        chains = self._chains[state] = tuple(built)
        return chains

    def _extended(self, state: str, rule: ObligationRule, index: tuple, plain: _Step,
                  decisions: list) -> tuple[_Step, ...]:
        """Return the deadline the article sets, then one per extension decision it allows.

        Computed once per state and obligation; a decision the rules refuse is left out,
        with the reason in `rejected` and `warnings`.
        """
        cached = self._steps.get((state, index))
        if cached is not None:
            return cached
        steps = [plain]
        original = plain.due.date
        for request, decision in decisions:
            problem = extension_problem(rule, request, decision, steps)
            if problem:
                self.rejected.append((decision, problem))
                self.warnings.append(f"{request.state}: {problem}; the decision is ignored.")
                continue
            ext = rule.extension
            where = decision.meeting or "the States Parties"
            if decision.document_symbol:
                where += f" ({decision.document_symbol})"
            basis = (
                f"extended from {format_date_en(steps[-1].due.date)} to "
                f"{format_date_en(decision.new_deadline)} by decision of {where}, "
                f"{format_date_en(decision.decided_on)} ({ext.article}); originally due "
                f"{format_date_en(original)} ({plain.due.article})"
            )
            steps.append(_Step(
                ComputedDate(decision.new_deadline, f"extension decided under {ext.article}",
                             ext.article, basis),
                decision,
            ))
        result = self._steps[state, index] = tuple(steps)
        return result

    def _pick(self, out: list, state: str, name: str, kind: ObligationKind, key: str,
              steps: tuple, met, na, as_of: date, withdrawal: date | None) -> None:
        """Append one obligation's deadlines as they stood on `as_of`: the moved ones
        (status extended), then the one in force."""
        original = steps[0].due.date
        count = _in_force(steps, as_of) if len(steps) > 1 else 1
        for n in range(count - 1):
            out.append(_new(Deadline, (
                state, name, kind, key, n, steps[n].due, DeadlineStatus.EXTENDED, None, None,
                original, steps[n].decision, steps[n + 1].decision, None, "",
            )))
        if met is not None and met.day > as_of:
            met = None
        if na is not None and na.day > as_of:
            na = None
        step = steps[count - 1]
        due = step.due.date
        code = status_code(due, met.day if met is not None else None, na is not None, as_of,
                           withdrawal, self.policy.due_soon_days)
        note = "" if code <= DUE or code == OVERDUE else _note(code, due, met, na, withdrawal)
        if code == NOT_APPLICABLE:
            met = None
        out.append(_new(Deadline, (
            state, name, kind, key, count - 1, step.due, STATUSES[code],
            met.day if met is not None else None, met, original, step.decision, None, None,
            note,
        )))

    def _annual(self, out: list, state: str, base: _Base, facts: _StateFacts | None,
                as_of: date, withdrawal: date | None) -> None:
        """Append the annual reports due by `as_of`, and the next one ahead."""
        first_year, dates, stop = self._annual_span(base.eif, as_of, withdrawal)
        if stop <= 0:
            return
        computed, keys = self._annual_computed(first_year, stop)
        first = self._first_annual.get(base.eif)
        if first is None:
            first = self._first_annual[base.eif] = self._first_annual_computed(base.eif)
        received = facts.annual if facts is not None else None
        name, soon, append = base.name, self.policy.due_soon_days, out.append
        for n in range(stop):
            day = dates[n]
            covers = first_year + n - 1
            met = received.get(covers) if received else None
            note = ""
            # status_code() inlined: this loop makes most of a register's deadlines.
            if met is not None and met.received_on <= as_of:
                if met.received_on <= day:
                    status = STATUSES[MET_ON_TIME]
                else:
                    status = STATUSES[MET_LATE]
                    note = _note(MET_LATE, day, met, None, None)
                met_day = met.received_on
            else:
                met = met_day = None
                if as_of > day:
                    status = _OVERDUE
                elif (day - as_of).days <= soon:
                    status = STATUSES[DUE]
                else:
                    status = STATUSES[UPCOMING]
            append(_new(Deadline, (
                state, name, _ANNUAL, keys[n], 0, computed[n] if n else first, status, met_day,
                met, day, None, None, covers, note,
            )))

    def _count_annual(self, tally: list, offset: int, base: _Base, facts: _StateFacts | None,
                      as_of: date, withdrawal: date | None) -> None:
        """Count the annual reports' statuses from the reports received alone."""
        first_year, dates, stop = self._annual_span(base.eif, as_of, withdrawal)
        if stop <= 0:
            return
        passed = min(bisect_left(dates, as_of), stop)  # due before as_of: overdue unless met
        on_time = late = met_passed = 0
        met_ahead = ()
        if facts is not None and facts.annual:
            shift = 1 - first_year
            for covered, report in facts.annual.items():
                n = covered + shift
                if 0 <= n < stop and report.received_on <= as_of:
                    if report.received_on <= dates[n]:
                        on_time += 1
                    else:
                        late += 1
                    if n < passed:
                        met_passed += 1
                    else:
                        met_ahead += (n,)
        tally[offset + MET_ON_TIME] += on_time
        tally[offset + MET_LATE] += late
        tally[offset + OVERDUE] += passed - met_passed
        soon = self.policy.due_soon_days
        for n in range(passed, stop):  # due on as_of or after it: at most two
            if n not in met_ahead:
                tally[offset + (DUE if (dates[n] - as_of).days <= soon else UPCOMING)] += 1

    def _annual_span(self, eif: date, as_of: date, withdrawal: date | None):
        """Return the first year of a state's annual reports, their due dates (at least up to
        the first one after `as_of`, shared) and how many exist on `as_of`."""
        first_year = self._first_years.get(eif)
        if first_year is None:
            first_year = self._first_years[eif] = self._first_annual_year(eif)[0]
        dates = self._annual_dates.get(first_year)
        if dates is None:
            dates = self._annual_dates[first_year] = []
        if not dates or dates[-1] <= as_of:
            annual, year = self._annual_rule.annual, first_year + len(dates)
            while not dates or dates[-1] <= as_of:
                dates.append(annual.due_in(year))
                year += 1
        stop = bisect_right(dates, as_of) + 1  # every one due by as_of, and the next
        if withdrawal is not None:
            stop = min(stop, bisect_left(dates, withdrawal))
        return first_year, dates, stop

    def _annual_computed(self, first_year: int, stop: int) -> tuple[list, list]:
        """Return the ComputedDates and keys of the first `stop` annual reports from
        `first_year` (the first one's explanation is per state: see _first_annual_computed)."""
        computed, keys = self._annual_explained.setdefault(first_year, ([], []))
        rule = self._annual_rule
        while len(computed) < stop:
            year = first_year + len(computed)
            due = rule.annual.due_in(year)
            basis = (
                f"report covering {year - 1}; due by {rule.annual.words} of the following "
                f"year → {format_date_en(due)} ({rule.article})"
            )
            computed.append(ComputedDate(due, rule.rule_words, rule.article, basis))
            keys.append(f"{_ANNUAL}/{year}")
        return computed, keys

    def _first_annual_computed(self, eif: date) -> ComputedDate:
        """Return the first annual report's due date, explained with the policy that sets it."""
        rule = self._annual_rule
        year, words = self._first_annual_year(eif)
        due = rule.annual.due_in(year)
        basis = (
            f"report covering {year - 1}; due by {rule.annual.words} of the following year → "
            f"{format_date_en(due)} ({rule.article}); the first annual report falls due in {words}"
        )
        return ComputedDate(due, rule.rule_words, rule.article, basis)

    def _first_annual_year(self, eif: date) -> tuple[int, str]:
        """Return the year the first annual report is due and why (the policy in words)."""
        rule = self._annual_rule
        choice = self.policy.first_annual_report
        initial = self.rules.rule(ObligationKind.INITIAL_REPORT)
        if choice == YEAR_AFTER_ENTRY_INTO_FORCE or initial is None or initial.period is None:
            return eif.year + 1, (
                f"the year after entry into force for the State ({format_date_en(eif)}), "
                f"policy {choice}"
            )
        initial_due = initial.period.apply(eif, self.policy.month_end)
        if choice == FIRST_AFTER_INITIAL_DUE:
            year = initial_due.year
            if rule.annual.due_in(year) <= initial_due:
                year += 1
            return year, (
                f"the first {rule.annual.words} after the initial report fell due "
                f"({format_date_en(initial_due)}), policy {choice}"
            )
        return initial_due.year + 1, (
            f"the year after the initial report fell due ({format_date_en(initial_due)}), "
            f"policy {choice}"
        )

    def _fact_article(self, fact) -> str:
        if isinstance(fact, ExtensionDecision | ExtensionRequest):
            if isinstance(fact, ExtensionDecision):
                fact = self.request_of(fact)
            rule = self.rules.rule(fact.obligation) if fact is not None else None
            return rule.extension.article if rule and rule.extension else ""
        if isinstance(fact, HostilitiesEnded):
            rule = self.rules.rule(ObligationKind.CLEARANCE)
            after = rule.after_hostilities if rule else None
            return after.article if after else ""
        rule = self.rules.rule(fact.obligation)
        return rule.article if rule else ""


def extension_problem(rule: ObligationRule, request: ExtensionRequest,
                      decision: ExtensionDecision, steps) -> str:
    """Return why `decision` cannot move the last deadline of `steps`, or "" if it can.

    `steps` are the deadlines in force before the decision (the article's, then earlier
    extensions); each has `.due.date`.
    """
    ext = rule.extension
    current = steps[-1].due.date
    label = rule.kind.label
    if ext is None or not ext.allowed:
        article = ext.article if ext is not None else rule.article
        return f"{article} allows no extension of the {label} deadline"
    if len(steps) > 1 and not ext.further:
        return f"{ext.article} allows one extension of the {label} deadline, already granted"
    if decision.decided_on < request.requested_on:
        return (
            f"the extension decision ({format_date_en(decision.decided_on)}) predates the "
            f"request it answers ({format_date_en(request.requested_on)})"
        )
    if decision.new_deadline <= current:
        return (
            f"the new deadline {format_date_en(decision.new_deadline)} is not after the deadline "
            f"it extends ({format_date_en(current)}); an extension never shortens a deadline"
        )
    limit = add_months(current, ext.max_months)
    if decision.new_deadline > limit:
        return (
            f"the new deadline {format_date_en(decision.new_deadline)} is more than "
            f"{ext.max_words} after {format_date_en(current)}: {ext.article} allows extensions "
            f"of up to {ext.max_words} (at most {format_date_en(limit)})"
        )
    return ""


def _in_force(steps: tuple, as_of: date) -> int:
    """Return how many of the steps (the article's deadline, then extensions) exist on `as_of`."""
    count = 1
    while count < len(steps) and steps[count].decision.decided_on <= as_of:
        count += 1
    return count


def _deadline_words(deadline: Deadline) -> str:
    words = f"{deadline.obligation.label} due"
    if deadline.covers is not None:
        words = f"{deadline.obligation.label} covering {deadline.covers} due"
    if deadline.step:
        words += f" (extension {deadline.step})"
    if deadline.status is DeadlineStatus.EXTENDED:
        words += ": moved by an extension decision"
    return words


def _fact_kind(fact) -> str:
    return {
        ReportReceived: "report_received",
        NotApplicable: "not_applicable",
        CompletionDeclared: "completion_declared",
        ExtensionRequest: "extension_requested",
        ExtensionDecision: "extension_decided",
        HostilitiesEnded: "hostilities_ended",
    }[type(fact)]


def _fact_words(fact) -> str:
    if isinstance(fact, ReportReceived):
        what = fact.obligation.label
        if fact.covers_year is not None and fact.obligation is ObligationKind.ANNUAL_REPORT:
            what += f" covering {fact.covers_year}"
        restricted = " (restricted)" if fact.access == "restricted" else ""
        return f"{what} received{restricted}"
    if isinstance(fact, NotApplicable):
        reason = f": {fact.reason}" if fact.reason else ""
        return f"{fact.obligation.label} declared not applicable{reason}"
    if isinstance(fact, CompletionDeclared):
        return f"{fact.obligation.label} declared complete"
    if isinstance(fact, ExtensionRequest):
        asked = f" of {fact.period_months} months" if fact.period_months else ""
        return f"extension{asked} of the {fact.obligation.label} deadline requested"
    if isinstance(fact, ExtensionDecision):
        where = f" by {fact.meeting}" if fact.meeting else ""
        return f"extension granted{where}: new deadline {format_date_en(fact.new_deadline)}"
    description = f": {fact.description}" if fact.description else ""
    return f"end of active hostilities recorded{description}"
