"""Rank consent instruments by deposit date: the "Nth State" of a notice.

Same-day deposits are ordered by a recorded `sequence` when every tied fact has a distinct
one, else by C.N. number when every tied fact has a distinct parseable one.  Otherwise the
tie is left unbroken: the tied states share the lowest place (competition ranking, 1-2-2-4)
and the register warns that the order of deposit should be recorded.  Never alphabetical.
"""

from __future__ import annotations

from itertools import groupby
from typing import NamedTuple

from .facts import Fact


class Rank(NamedTuple):
    ordinal: int
    tied_with: tuple[str, ...] = ()


def _tie_key(group: list[Fact]):
    """Return a key ordering the tied facts, or None when the records cannot order them."""
    sequences = [fact.sequence for fact in group]
    if None not in sequences and len(set(sequences)) == len(group):
        return lambda fact: fact.sequence
    orders = [fact.cn_order for fact in group]
    if None not in orders and len(set(orders)) == len(group):
        return lambda fact: fact.cn_order
    return None


def rank_deposits(instruments: list[Fact]) -> tuple[dict[str, Rank], list[list[Fact]]]:
    """Return each state's Rank, and the groups of same-day deposits left unordered.

    `instruments` holds at most one dated consent instrument per state.
    """
    ranks: dict[str, Rank] = {}
    unbroken: list[list[Fact]] = []
    ordered = sorted(instruments, key=lambda fact: fact.date)
    position = 1
    for _, same_day in groupby(ordered, key=lambda fact: fact.date):
        group = list(same_day)
        if len(group) == 1:
            ranks[group[0].state] = Rank(position)
        else:
            key = _tie_key(group)
            if key is not None:
                for offset, fact in enumerate(sorted(group, key=key)):
                    ranks[fact.state] = Rank(position + offset)
            else:
                unbroken.append(group)
                for fact in group:
                    others = tuple(other.state for other in group if other is not fact)
                    ranks[fact.state] = Rank(position, others)
        position += len(group)
    return ranks, unbroken
