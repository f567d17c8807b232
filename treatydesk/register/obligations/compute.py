"""Deadlines of every state under a treaty, with their status on any date.

Each deadline is a ComputedDate (the date, the rule, the article, the arithmetic in words).
An extension decision adds a new deadline after the one it moves; the earlier one stays,
with status "extended", so the original deadline is never overwritten.

What does not depend on the as-of date (the chain of deadlines, which fact meets each one)
is worked out once per state, on first request; a query on a date only picks from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from ..compute import Register
from ..dates import add_months, format_date_en
from ..records import ComputedDate
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
from .rules import ObligationKind, ObligationRule, Period, TreatyObligations, load_obligations


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
    met: tuple  # ((day, fact), …) sorted by day
    not_applicable: tuple  # ((day, fact), …) sorted by day
    since: date  # the day the instance exists from (a recorded end of hostilities)


class _Base(NamedTuple):
    """What a state's deadlines are counted from, and when its withdrawal takes effect."""

    name: str
    joined: date | None
    eif: date | None
    withdrawal: date | None
    withdrawal_known: date | None


class _StateFacts:
    """One state's obligation facts, sorted and indexed the way the computation reads them."""

    __slots__ = ("reports", "annual", "completions", "not_applicable", "decisions", "hostilities",
                 "requests", "all")

    def __init__(self) -> None:
        self.reports: dict[ObligationKind, list] = {}
        self.annual: dict[int, list] = {}
        self.completions: dict[tuple, list] = {}
        self.not_applicable: dict[tuple, list] = {}
        self.decisions: dict[tuple, list] = {}
        self.hostilities: list[HostilitiesEnded] = []
        self.requests: list[ExtensionRequest] = []
        self.all: list = []


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
        self._requests = {f.ref: f for f in self.facts if isinstance(f, ExtensionRequest) and f.ref}
        self._facts_by_state = self._group(self.facts)
        self._bases: dict[str, _Base | None] = {}
        self._chains: dict[str, tuple[_Chain, ...]] = {}
        self._annual_due: dict[tuple[int, str], ComputedDate] = {}
        self._first_annual: dict[date, tuple[int, str]] = {}

    # -- queries ---------------------------------------------------------------------------

    def deadlines(self, iso3: str, as_of: date | None = None) -> list[Deadline]:
        """Return a state's deadlines on `as_of`, in the order of the treaty's rules.

        A state has none before it deposits its instrument, nor when its entry-into-force
        date is unknown.  Annual reports run up to the first one still ahead of `as_of`.
        """
        as_of = as_of or self.today
        state = iso3.upper()
        base = self._base(state)
        if base is None or base.eif is None or base.joined is None or base.joined > as_of:
            return []
        withdrawal = None
        if base.withdrawal is not None and base.withdrawal_known <= as_of:
            withdrawal = base.withdrawal
        out: list[Deadline] = []
        for chain in self._state_chains(state, base):
            if chain.since > as_of:
                continue
            self._pick(out, state, base.name, chain, as_of, withdrawal)
        annual = self.rules.rule(ObligationKind.ANNUAL_REPORT)
        if annual is not None:
            self._annual(out, state, base, annual, as_of, withdrawal)
        return out

    def all_deadlines(self, as_of: date | None = None) -> list[Deadline]:
        """Return the deadlines of every state on `as_of`, states in the register's order."""
        as_of = as_of or self.today
        out: list[Deadline] = []
        for state in self.register.states:
            out.extend(self.deadlines(state, as_of))
        return out

    def overdue(self, as_of: date | None = None) -> list[Deadline]:
        """Return every deadline overdue on `as_of`, the longest overdue first."""
        late = [d for d in self.all_deadlines(as_of) if d.status is DeadlineStatus.OVERDUE]
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
        facts = self._facts_by_state.get(state)
        for fact in facts.all if facts else ():
            if fact.day <= as_of:
                events.append(ObligationEvent(fact.day, _fact_kind(fact), _fact_words(fact),
                                              self._fact_article(fact), fact=fact))
        order = {"hostilities_ended": 0, "extension_requested": 1, "extension_decided": 2}
        return sorted(events, key=lambda e: (e.date, order.get(e.kind, 3)))

    # -- building --------------------------------------------------------------------------

    def _group(self, facts: tuple) -> dict[str, _StateFacts]:
        by_state: dict[str, _StateFacts] = {}
        requests = self._requests

        def bucket(state: str) -> _StateFacts:
            found = by_state.get(state)
            if found is None:
                found = by_state[state] = _StateFacts()
            return found

        for fact in facts:
            if isinstance(fact, ExtensionDecision):
                request = requests.get(fact.request_ref)
                if request is None:
                    self.warnings.append(
                        f"An extension decision of {format_date_en(fact.decided_on)} answers no "
                        "recorded extension request; it is ignored."
                    )
                    continue
                held = bucket(request.state)
                held.decisions.setdefault((request.obligation, request.instance), []).append(
                    (request, fact)
                )
                held.all.append(fact)
                continue
            held = bucket(fact.state)
            held.all.append(fact)
            if isinstance(fact, ReportReceived):
                if fact.obligation is ObligationKind.ANNUAL_REPORT:
                    if fact.covers_year is not None:
                        held.annual.setdefault(fact.covers_year, []).append(fact)
                else:
                    held.reports.setdefault(fact.obligation, []).append(fact)
            elif isinstance(fact, CompletionDeclared):
                held.completions.setdefault((fact.obligation, fact.instance), []).append(fact)
            elif isinstance(fact, NotApplicable):
                held.not_applicable.setdefault((fact.obligation, fact.instance), []).append(fact)
            elif isinstance(fact, HostilitiesEnded):
                held.hostilities.append(fact)
            elif isinstance(fact, ExtensionRequest):
                held.requests.append(fact)
        for held in by_state.values():
            held.all.sort(key=lambda f: f.day)
            held.hostilities.sort(key=lambda f: f.ended_on)
            for table in (held.reports, held.annual, held.completions, held.not_applicable):
                for items in table.values():
                    items.sort(key=lambda f: f.day)
            for items in held.decisions.values():
                items.sort(key=lambda pair: pair[1].decided_on)
        return by_state

    def _base(self, state: str) -> _Base | None:
        if state in self._bases:
            return self._bases[state]
        record = self.register.participant(state, date.max)
        base = None
        if record is not None:
            instrument = record.instrument
            eif = record.entry_into_force
            withdrawal = record.withdrawal_effective
            withdrawal_day = withdrawal.date if withdrawal is not None else None
            notified = record.withdrawal_notified
            known = notified.date if notified is not None and notified.date else withdrawal_day
            base = _Base(
                record.state_name,
                instrument.date if instrument is not None else None,
                eif.date if eif is not None else None,
                withdrawal_day,
                known,
            )
        self._bases[state] = base
        return base

    def _state_chains(self, state: str, base: _Base) -> tuple[_Chain, ...]:
        chains = self._chains.get(state)
        if chains is not None:
            return chains
        facts = self._facts_by_state.get(state)
        built = []
        for rule in self.rules.rules:
            if rule.period is None:
                continue
            built.append(self._chain(rule, facts, "", rule.period, rule.article,
                                     "entry into force for the State", base.eif, date.min))
            if rule.after_hostilities is not None and facts is not None:
                after = rule.after_hostilities
                for ended in facts.hostilities:
                    if ended.ended_on <= base.eif:
                        continue  # remnants already there at entry into force: the first deadline
                    label = "end of active hostilities (recorded"
                    label += f": {ended.source})" if ended.source else ")"
                    built.append(self._chain(rule, facts, ended.ended_on.isoformat(), after.period,
                                             after.article, label, ended.ended_on, ended.ended_on))
        chains = self._chains[state] = tuple(built)
        return chains

    def _chain(self, rule: ObligationRule, facts: _StateFacts | None, instance: str,
               period: Period, article: str, start_label: str, start: date,
               since: date) -> _Chain:
        """Return the deadlines of one obligation instance: the article's, then extensions."""
        due = period.apply(start, self.policy.month_end)
        basis = (
            f"{start_label} {format_date_en(start)}; {period.summary} → {format_date_en(due)} "
            f"({article})"
        )
        words = rule.rule_words if not instance else f"{period.summary} the end of hostilities"
        steps = [_Step(ComputedDate(due, words, article, basis), None)]
        key = str(rule.kind) if not instance else f"{rule.kind}/hostilities-{instance}"
        met = not_applicable = ()
        if facts is not None:
            index = (rule.kind, instance)
            reports = facts.reports.get(rule.kind, ()) if not instance else ()
            met = tuple((f.day, f) for f in (*reports, *facts.completions.get(index, ())))
            met = tuple(sorted(met, key=lambda pair: pair[0]))
            not_applicable = tuple((f.day, f) for f in facts.not_applicable.get(index, ()))
            for request, decision in facts.decisions.get(index, ()):
                problem = extension_problem(rule, request, decision, steps)
                if problem:
                    self.rejected.append((decision, problem))
                    self.warnings.append(f"{request.state}: {problem}; the decision is ignored.")
                    continue
                ext = rule.extension
                where = decision.meeting or "the States Parties"
                if decision.document_symbol:
                    where += f" ({decision.document_symbol})"
                previous = steps[-1].due.date
                basis = (
                    f"extended from {format_date_en(previous)} to "
                    f"{format_date_en(decision.new_deadline)} by decision of {where}, "
                    f"{format_date_en(decision.decided_on)} ({ext.article}); originally due "
                    f"{format_date_en(due)} ({article})"
                )
                steps.append(_Step(
                    ComputedDate(decision.new_deadline, f"extension decided under {ext.article}",
                                 ext.article, basis),
                    decision,
                ))
        return _Chain(rule.kind, key, tuple(steps), met, not_applicable, since)

    def _pick(self, out: list, state: str, name: str, chain: _Chain, as_of: date,
              withdrawal: date | None) -> None:
        """Append the chain's deadlines as they stood on `as_of`."""
        steps = chain.steps
        count = 1
        while count < len(steps) and steps[count].decision.decided_on <= as_of:
            count += 1
        original = steps[0].due.date
        for n in range(count - 1):
            step = steps[n]
            out.append(Deadline(state, name, chain.obligation, chain.key, n, step.due,
                                DeadlineStatus.EXTENDED, None, None, original, step.decision,
                                steps[n + 1].decision))
        step = steps[count - 1]
        met = _first_by(chain.met, as_of)
        status, note = self._status(step.due.date, met, _first_by(chain.not_applicable, as_of),
                                    as_of, withdrawal)
        if status is DeadlineStatus.NOT_APPLICABLE:
            met = None
        out.append(Deadline(
            state, name, chain.obligation, chain.key, count - 1, step.due, status,
            met[0] if met is not None else None, met[1] if met is not None else None,
            original, step.decision, None, None, note,
        ))

    def _status(self, due: date, met, not_applicable, as_of: date, withdrawal: date | None):
        if not_applicable is not None:
            fact = not_applicable[1]
            reason = f": {fact.reason}" if fact.reason else ""
            return DeadlineStatus.NOT_APPLICABLE, (
                f"declared not applicable on {format_date_en(fact.declared_on)}{reason}"
            )
        if met is not None:
            if met[0] <= due:
                return DeadlineStatus.MET_ON_TIME, ""
            return DeadlineStatus.MET_LATE, f"{(met[0] - due).days} days late"
        if withdrawal is not None and due >= withdrawal:
            return DeadlineStatus.NOT_APPLICABLE, (
                f"the withdrawal takes effect on {format_date_en(withdrawal)}, before this deadline"
            )
        if as_of > due:
            return DeadlineStatus.OVERDUE, f"{(as_of - due).days} days overdue"
        if (due - as_of).days <= self.policy.due_soon_days:
            return DeadlineStatus.DUE, ""
        return DeadlineStatus.UPCOMING, ""

    def _annual(self, out: list, state: str, base: _Base, rule: ObligationRule, as_of: date,
                withdrawal: date | None) -> None:
        """Append the annual reports due by `as_of`, and the next one ahead."""
        first_year, first_words = self._first_annual_year(base.eif, rule)
        facts = self._facts_by_state.get(state)
        received = facts.annual if facts is not None else {}
        year = first_year
        while True:
            due = self._annual_computed(rule, year, first_words if year == first_year else "")
            if withdrawal is not None and due.date >= withdrawal:
                return
            reports = received.get(year - 1)
            met = _first_by(tuple((f.day, f) for f in reports), as_of) if reports else None
            status, note = self._status(due.date, met, None, as_of, None)
            out.append(Deadline(
                state, base.name, ObligationKind.ANNUAL_REPORT,
                f"{ObligationKind.ANNUAL_REPORT}/{year}", 0, due, status,
                met[0] if met is not None else None, met[1] if met is not None else None,
                due.date, None, None, year - 1, note,
            ))
            if due.date > as_of:
                return
            year += 1

    def _first_annual_year(self, eif: date, rule: ObligationRule) -> tuple[int, str]:
        """Return the year the first annual report is due and why (the policy in words)."""
        cached = self._first_annual.get(eif)
        if cached is not None:
            return cached
        choice = self.policy.first_annual_report
        initial = self.rules.rule(ObligationKind.INITIAL_REPORT)
        if choice == YEAR_AFTER_ENTRY_INTO_FORCE or initial is None or initial.period is None:
            year = eif.year + 1
            words = f"the year after entry into force for the State ({format_date_en(eif)})"
        else:
            initial_due = initial.period.apply(eif, self.policy.month_end)
            if choice == FIRST_AFTER_INITIAL_DUE:
                year = initial_due.year
                if rule.annual.due_in(year) <= initial_due:
                    year += 1
                words = (
                    f"the first {rule.annual.words} after the initial report fell due "
                    f"({format_date_en(initial_due)})"
                )
            else:
                year = initial_due.year + 1
                words = (
                    f"the year after the initial report fell due ({format_date_en(initial_due)})"
                )
        result = self._first_annual[eif] = (year, f"{words}, policy {choice}")
        return result

    def _annual_computed(self, rule: ObligationRule, year: int, first_words: str) -> ComputedDate:
        """Return the due date of the annual report of `year` (shared between states)."""
        cached = self._annual_due.get((year, first_words))
        if cached is not None:
            return cached
        due = rule.annual.due_in(year)
        basis = (
            f"report covering {year - 1}; due by {rule.annual.words} of the following year → "
            f"{format_date_en(due)} ({rule.article})"
        )
        if first_words:
            basis += f"; the first annual report falls due in {first_words}"
        computed = self._annual_due[year, first_words] = ComputedDate(
            due, rule.rule_words, rule.article, basis
        )
        return computed

    def request_of(self, decision: ExtensionDecision) -> ExtensionRequest | None:
        """Return the recorded request a decision answers, or None."""
        return self._requests.get(decision.request_ref)

    def extension_problems(self) -> list[tuple[ExtensionDecision, str]]:
        """Return every extension decision the rules do not allow, with the reason."""
        for state, facts in self._facts_by_state.items():
            base = self._base(state)
            if facts.decisions and base is not None and base.eif is not None:
                self._state_chains(state, base)
        return list(self.rejected)

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


def _first_by(pairs: tuple, as_of: date):
    """Return the first (day, fact) on or before `as_of` from pairs sorted by day, or None."""
    if pairs and pairs[0][0] <= as_of:
        return pairs[0]
    return None


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
