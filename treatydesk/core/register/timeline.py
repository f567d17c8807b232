"""A state's timeline: its recorded facts and the dates computed from them, in order."""

from __future__ import annotations

from datetime import date

from .facts import Fact, FactKind
from .records import ComputedDate, TimelineEvent


def state_timeline(
    facts: list[Fact], eif: ComputedDate | None, withdrawal: ComputedDate | None
) -> list[TimelineEvent]:
    """Return the events of one state, in date order with undated events last."""
    events = [
        TimelineEvent(date=fact.date, kind=str(fact.kind), description=_describe(fact), fact=fact)
        for fact in facts
        if fact.kind != FactKind.WITHDRAWAL_EFFECTIVE
    ]
    if eif is not None:
        events.append(
            TimelineEvent(
                eif.date,
                "entry_into_force",
                "entry into force for the State",
                eif.article,
                computed=eif,
            )
        )
    if withdrawal is not None:
        recorded = next((f for f in facts if f.kind == FactKind.WITHDRAWAL_EFFECTIVE), None)
        events.append(
            TimelineEvent(
                withdrawal.date,
                "withdrawal_effective",
                "withdrawal takes effect",
                withdrawal.article,
                fact=recorded,
                computed=withdrawal,
            )
        )
    return sorted(events, key=lambda event: (event.date is None, event.date or date.min))


def _describe(fact: Fact) -> str:
    text = str(fact.kind).replace("_", " ")
    return text if fact.date else f"{text} (date unknown)"
