"""Builders shared by the obligations tests: registers from shipped or synthetic facts."""

from __future__ import annotations

from datetime import date
from functools import cache

from treatydesk.core.obligations import ObligationRegister
from treatydesk.core.register import Fact, FactKind, Register, load_shipped_facts, load_treaty

TODAY = date(2026, 1, 15)


def d(text: str) -> date:
    return date.fromisoformat(text)


@cache
def shipped_register(code: str) -> Register:
    facts, _ = load_shipped_facts(code)
    return Register(load_treaty(code), facts, today=TODAY)


def register_of(code: str, *states: tuple[str, str], today: date = TODAY) -> Register:
    """Return a register of treaty `code` where each (ISO3, deposit date) acceded then."""
    facts = []
    for state, deposited in states:
        facts.append(Fact(state, FactKind.ACCESSION, d(deposited), state_name=state))
    return Register(load_treaty(code), facts, today=today)


def obligations(register: Register, *facts, **options) -> ObligationRegister:
    return ObligationRegister(register, facts, **options)


def by_key(deadlines) -> dict:
    """Return the current deadline of each obligation instance, by key."""
    return {d.key: d for d in deadlines if d.is_current}
