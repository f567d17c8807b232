"""Builders shared by the register tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from treatydesk.core.register import Fact, FactKind, TreatyDefinition, load_treaty


def d(text: str) -> date:
    return date.fromisoformat(text)


def fact(state: str, kind: str | FactKind, day: str | date | None, **extra) -> Fact:
    if isinstance(day, str):
        day = d(day)
    return Fact(
        state=state, kind=FactKind(kind), date=day, state_name=extra.pop("name", state), **extra
    )


def computed_only(code: str) -> TreatyDefinition:
    """Return a treaty definition with the depositary's recorded dates removed."""
    treaty = load_treaty(code)
    return replace(
        treaty,
        entry_into_force=replace(
            treaty.entry_into_force, recorded_date=None, recorded_threshold_deposit=None
        ),
    )


def deposits_up_to(threshold_day: date, count: int, kind: str = "ratification") -> list[Fact]:
    """Return `count` deposits by states S001… on distinct days, the last on `threshold_day`."""
    facts = []
    for n in range(count):
        day = threshold_day - timedelta(days=count - 1 - n)
        facts.append(fact(f"S{n + 1:03d}", "signature", day - timedelta(days=400)))
        facts.append(fact(f"S{n + 1:03d}", kind, day))
    return facts
