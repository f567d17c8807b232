"""Builders shared by the obligations tests: registers from shipped or synthetic facts."""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import cache

from treatydesk.core.obligations import ObligationRegister, RecordsCoverage, load_obligations
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


@cache
def complete_rules(code: str):
    """Return a treaty's obligation rules as if its records were complete from the start and
    every obligation applied to every State: the rules the status tests count with (the
    register's own defaults are tested in test_records_coverage.py)."""
    rules = load_obligations(code)
    return dataclasses.replace(
        rules, coverage=RecordsCoverage(date.min),
        rules=tuple(dataclasses.replace(rule, conditional=False) for rule in rules.rules))


def obligations(register: Register, *facts, **options) -> ObligationRegister:
    options.setdefault("rules", complete_rules(register.treaty.code))
    return ObligationRegister(register, facts, **options)


def by_key(deadlines) -> dict:
    """Return the current deadline of each obligation instance, by key."""
    return {d.key: d for d in deadlines if d.is_current}
