"""One state's obligation facts and key dates, indexed the way the computation reads them.

Only the earliest fact closing a deadline matters: if it came after the as-of day, so did
every other one.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ..register.compute import Register
from ..register.dates import format_date_en
from .facts import (
    CompletionDeclared,
    ExtensionDecision,
    ExtensionRequest,
    HostilitiesEnded,
    NotApplicable,
    ObligationApplies,
    ReportReceived,
)
from .rules import ObligationKind

_ANNUAL = ObligationKind.ANNUAL_REPORT


class StateBase(NamedTuple):
    """What a state's deadlines are counted from, and when its withdrawal takes effect."""

    name: str
    joined: date | None
    eif: date | None
    withdrawal: date | None
    withdrawal_known: date | None


def state_base(register: Register, state: str) -> StateBase | None:
    """Return a state's key dates, or None when the register knows nothing of it."""
    dates = register.key_dates(state)
    if dates is None:
        return None
    known = dates.withdrawal_notified or dates.withdrawal_effective
    return StateBase(dates.name, dates.deposited, dates.entry_into_force,
                     dates.withdrawal_effective, known)


class StateFacts:
    """One state's obligation facts: the earliest closing each deadline, and the rest in order."""

    __slots__ = ("met", "annual", "not_applicable", "decisions", "hostilities", "applies")

    def __init__(self) -> None:
        self.met: dict[tuple, object] = {}  # (kind, instance) → earliest report/completion
        self.annual: dict[int, ReportReceived] = {}  # year covered → earliest report
        self.not_applicable: dict[tuple, NotApplicable] = {}  # (kind, instance) → earliest
        self.decisions: dict[tuple, list] = {}  # (kind, instance) → [(request, decision)]
        self.hostilities: list[HostilitiesEnded] = []
        #: (kind, instance) → the earliest day the obligation is known to apply to the state.
        self.applies: dict[tuple, date] = {}


def group_facts(facts: tuple, requests: dict[str, ExtensionRequest],
                warnings: list[str]) -> dict[str, StateFacts]:
    """Return the facts by state; a decision answering no request in `requests` (by ref) is
    left out, with a line in `warnings`."""
    by_state: dict[str, StateFacts] = {}
    for fact in facts:
        kind = type(fact)
        if kind is ReportReceived:
            held = by_state.get(fact.state)
            if held is None:
                held = by_state[fact.state] = StateFacts()
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
                warnings.append(
                    f"An extension decision of {format_date_en(fact.decided_on)} answers no "
                    "recorded extension request; it is ignored."
                )
                continue
            state = request.state
        else:
            state = fact.state
        held = by_state.get(state)
        if held is None:
            held = by_state[state] = StateFacts()
        if kind is ObligationApplies or kind is ExtensionRequest:
            key = (fact.obligation, fact.instance)
            first = held.applies.get(key)
            if first is None or fact.day < first:
                held.applies[key] = fact.day
        elif kind is ExtensionDecision:
            held.decisions.setdefault((request.obligation, request.instance), []).append(
                (request, fact)
            )
        elif kind is HostilitiesEnded:
            held.hostilities.append(fact)
        elif kind is not ExtensionRequest and kind is not ObligationApplies:
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
