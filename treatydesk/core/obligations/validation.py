"""Checks on obligation facts, worded for the register keeper: what is wrong, where, and why.

Errors are facts that cannot stand (a report dated before the state joined, an extension
longer than the article allows, a decision without a request); the storage layer refuses
them and changes nothing.  Warnings are things to check that leave the deadlines right.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..register.compute import Register
from ..register.dates import format_date_en
from ..register.problems import Problem, Severity
from .compute import ObligationRegister
from .extensions import extension_refused
from .facts import (
    CompletionDeclared,
    ExtensionDecision,
    ExtensionRequest,
    HostilitiesEnded,
    NotApplicable,
    ObligationApplies,
    ReportReceived,
)
from .policy import DEFAULT_POLICY, ObligationPolicy
from .rules import REPORT_KINDS, WORK_KINDS, ObligationKind, TreatyObligations, load_obligations

DECISION_WITHOUT_REQUEST = (
    "An extension decision needs the request it answers: record the extension request first, "
    "then the decision."
)


def validate_obligation_facts(
    register: Register,
    facts: Sequence,
    today: date,
    *,
    rules: TreatyObligations | None = None,
    policy: ObligationPolicy = DEFAULT_POLICY,
) -> list[Problem]:
    """Return the problems of `facts` against the treaty's rules and the register.

    Each problem's `index` is the position of the fact in `facts`.
    """
    rules = rules if rules is not None else load_obligations(register.treaty.code)
    computed = ObligationRegister(register, facts, rules=rules, policy=policy)
    checker = _Checker(register, rules, today, facts)
    problems: list[Problem] = []
    for index, fact in enumerate(facts):
        problems.extend(checker.check(index, fact, computed))
    positions = {id(fact): index for index, fact in enumerate(facts)}
    for decision, message in computed.extension_problems():
        request = computed.request_of(decision)
        problems.append(Problem(
            f"{checker.name(request.state)}: {message}.",
            state=request.state, kind="extension_decision", field="new_deadline",
            index=positions.get(id(decision)),
        ))
    return problems


class _Checker:
    def __init__(self, register: Register, rules: TreatyObligations, today: date, facts):
        self.register, self.rules, self.today = register, rules, today
        self.code = register.treaty.code
        self.requests = {f.ref: f for f in facts if isinstance(f, ExtensionRequest) and f.ref}
        self.hostilities = {
            (f.state, f.ended_on.isoformat()) for f in facts if isinstance(f, HostilitiesEnded)
        }

    def name(self, state: str) -> str:
        record = self.register.participant(state, date.max)
        return record.state_name if record is not None else state

    def check(self, index: int, fact, computed: ObligationRegister) -> list[Problem]:
        kind = _KINDS[type(fact)]
        problems: list[Problem] = []

        def error(message: str, field: str = "", severity: Severity = Severity.ERROR) -> None:
            problems.append(Problem(message, state=state, kind=kind, field=field,
                                    severity=severity, index=index))

        if isinstance(fact, ExtensionDecision):
            request = self.requests.get(fact.request_ref)
            state = request.state if request is not None else ""
            if request is None:
                error(DECISION_WITHOUT_REQUEST, "request")
                return problems
            if fact.decided_on > self.today:
                error(f"{self.name(state)}: the extension decision is dated "
                      f"{format_date_en(fact.decided_on)}, after today.", "decided_on")
            return problems
        state = fact.state
        name = self.name(state)
        record = self.register.participant(state, date.max)
        if record is None or record.instrument is None:
            error(f"{name} has deposited no instrument of ratification or accession: it has no "
                  f"obligations under the {self.code}.", "state")
            return problems
        joined = record.instrument.date
        day = fact.day
        if isinstance(fact, HostilitiesEnded):
            clearance = self.rules.rule(ObligationKind.CLEARANCE)
            if clearance is None or clearance.after_hostilities is None:
                error(f"The {self.code} sets no deadline counted from the end of active "
                      "hostilities.", "ended_on")
            if not fact.source.strip():
                error(f"{name}: the end of active hostilities is an asserted fact: give its "
                      "source.", "source")
            eif = record.entry_into_force.date if record.entry_into_force else None
            if clearance is not None and clearance.after_hostilities is not None and (
                eif is not None and fact.ended_on <= eif
            ):
                error(f"{name}: active hostilities ended on {format_date_en(fact.ended_on)}, "
                      f"before entry into force for the State ({format_date_en(eif)}); the "
                      f"clearance deadline of {clearance.article} already covers them.",
                      "ended_on", Severity.WARNING)
            if day > self.today:
                error(f"{name}: the end of active hostilities is dated "
                      f"{format_date_en(day)}, after today.", "ended_on")
            return problems
        obligation = fact.obligation
        rule = self.rules.rule(obligation)
        label = ObligationKind(obligation).label
        if rule is None:
            error(f"The {self.code} sets no {label} obligation.", "obligation")
            return problems
        field = _DATE_FIELDS[type(fact)]
        if joined is not None and day < joined:
            error(f"{name}: {_what(fact, label)} is dated {format_date_en(day)}, before {name} "
                  f"joined the {self.code} (instrument deposited {format_date_en(joined)}).",
                  field)
        if day > self.today:
            error(f"{name}: {_what(fact, label)} is dated {format_date_en(day)}, after today.",
                  field)
        if isinstance(fact, ReportReceived):
            self._report(fact, rule, name, error)
        elif obligation not in WORK_KINDS:
            error(f"{name}: only stockpile destruction and clearance can be declared complete, "
                  f"not applicable or extended; the {label} is met by a report received.",
                  "obligation")
        elif getattr(fact, "instance", "") and (state, fact.instance) not in self.hostilities:
            error(f"{name}: no end of active hostilities is recorded on {fact.instance}; record "
                  "it (with its source) before referring to it.", "instance")
        if isinstance(fact, ExtensionRequest):
            self._request(fact, rule, name, error)
        return problems

    def _report(self, fact: ReportReceived, rule, name: str, error) -> None:
        if fact.obligation not in REPORT_KINDS:
            error(f"{name}: a {fact.obligation.label} is not met by a report; record its "
                  "completion instead.", "obligation")
        if fact.period_start and fact.period_end and fact.period_start > fact.period_end:
            error(f"{name}: the period covered starts ({format_date_en(fact.period_start)}) "
                  f"after it ends ({format_date_en(fact.period_end)}).", "period_end")
        if fact.obligation is ObligationKind.ANNUAL_REPORT and fact.period_end is None:
            error(f"{name}: an annual report must say which period it covers ({rule.article}: "
                  "the previous calendar year); give the last day of that period.", "period_end")

    def _request(self, fact: ExtensionRequest, rule, name: str, error) -> None:
        refused = extension_refused(rule)
        if refused:
            error(f"{name}: {refused}.", "obligation")
            return
        ext = rule.extension
        if fact.period_months is not None and fact.period_months <= 0:
            error(f"{name}: the period asked must be at least one month.", "period_months")
        elif fact.period_months is not None and fact.period_months > ext.max_months:
            error(f"{name}: the request asks for {fact.period_months} months; {ext.article} "
                  f"allows extensions of up to {ext.max_words}.", "period_months")


_KINDS = {
    ReportReceived: "report",
    NotApplicable: "not_applicable",
    ObligationApplies: "applies",
    CompletionDeclared: "completion",
    ExtensionRequest: "extension_request",
    ExtensionDecision: "extension_decision",
    HostilitiesEnded: "hostilities_ended",
}

_DATE_FIELDS = {
    ReportReceived: "received_on",
    NotApplicable: "declared_on",
    ObligationApplies: "declared_on",
    CompletionDeclared: "declared_on",
    ExtensionRequest: "requested_on",
}


def _what(fact, label: str) -> str:
    if isinstance(fact, ReportReceived):
        return f"the {label}"
    if isinstance(fact, NotApplicable):
        return f"the declaration that {label} does not apply"
    if isinstance(fact, CompletionDeclared):
        return f"the declaration that {label} is complete"
    if isinstance(fact, ObligationApplies):
        return f"the declaration that {label} applies"
    return f"the request to extend the {label} deadline"
