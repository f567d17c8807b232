"""A state's obligations timeline: its deadlines and the facts recorded, in date order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import NamedTuple

from ..register.dates import format_date_en
from .deadlines import Deadline
from .facts import (
    CompletionDeclared,
    ExtensionDecision,
    ExtensionRequest,
    HostilitiesEnded,
    NotApplicable,
    ObligationApplies,
    ReportReceived,
)
from .rules import ObligationKind, TreatyObligations
from .status import DeadlineStatus


class ObligationEvent(NamedTuple):
    """One dated entry of a state's obligations timeline: a deadline or a recorded fact."""

    date: date
    kind: str
    description: str
    article: str = ""
    deadline: Deadline | None = None
    fact: object = None


#: On one day: the end of hostilities, then the request, then the decision, then the rest.
_ORDER = {"hostilities_ended": 0, "extension_requested": 1, "extension_decided": 2}

_FACT_KINDS = {
    ReportReceived: "report_received",
    NotApplicable: "not_applicable",
    CompletionDeclared: "completion_declared",
    ExtensionRequest: "extension_requested",
    ExtensionDecision: "extension_decided",
    HostilitiesEnded: "hostilities_ended",
    ObligationApplies: "applies_declared",
}


def timeline(state: str, as_of: date, deadlines: Iterable[Deadline], facts: Iterable,
             rules: TreatyObligations,
             requests: Mapping[str, ExtensionRequest]) -> list[ObligationEvent]:
    """Return a state's `deadlines` on `as_of` and its `facts` recorded by then, in date order.

    `facts` may hold every state's: a decision is the state's whose request it answers
    (`requests`, by ref).
    """
    events = [
        ObligationEvent(d.due.date, "deadline", _deadline_words(d), d.article, deadline=d)
        for d in deadlines
    ]
    for fact in facts:
        if type(fact) is ExtensionDecision:
            request = requests.get(fact.request_ref)
            if request is None or request.state != state:
                continue
        elif fact.state != state:
            continue
        if fact.day <= as_of:
            events.append(ObligationEvent(fact.day, _FACT_KINDS[type(fact)], _fact_words(fact),
                                          _fact_article(fact, rules, requests), fact=fact))
    return sorted(events, key=lambda e: (e.date, _ORDER.get(e.kind, 3)))


def _fact_article(fact, rules: TreatyObligations, requests: Mapping[str, ExtensionRequest]) -> str:
    if isinstance(fact, ExtensionDecision | ExtensionRequest):
        if isinstance(fact, ExtensionDecision):
            fact = requests.get(fact.request_ref)
        rule = rules.rule(fact.obligation) if fact is not None else None
        return rule.extension.article if rule and rule.extension else ""
    if isinstance(fact, HostilitiesEnded):
        rule = rules.rule(ObligationKind.CLEARANCE)
        after = rule.after_hostilities if rule else None
        return after.article if after else ""
    rule = rules.rule(fact.obligation)
    return rule.article if rule else ""


def _deadline_words(deadline: Deadline) -> str:
    words = f"{deadline.obligation.label} due"
    if deadline.covers is not None:
        words = f"{deadline.obligation.label} covering {deadline.covers} due"
    if deadline.step:
        words += f" (extension {deadline.step})"
    if deadline.status is DeadlineStatus.EXTENDED:
        words += ": moved by an extension decision"
    return words


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
    if isinstance(fact, ObligationApplies):
        return f"{fact.obligation.label} declared to apply"
    if isinstance(fact, ExtensionRequest):
        asked = f" of {fact.period_months} months" if fact.period_months else ""
        return f"extension{asked} of the {fact.obligation.label} deadline requested"
    if isinstance(fact, ExtensionDecision):
        where = f" by {fact.meeting}" if fact.meeting else ""
        return f"extension granted{where}: new deadline {format_date_en(fact.new_deadline)}"
    description = f": {fact.description}" if fact.description else ""
    return f"end of active hostilities recorded{description}"
