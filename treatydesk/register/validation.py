"""Check facts against a treaty's rules; messages name the state, the date and the article."""

from __future__ import annotations

from datetime import date

from .definitions import TreatyDefinition
from .facts import Fact
from .problems import Problem


def validate(treaty: TreatyDefinition, facts: list[Fact], today: date) -> list[Problem]:
    """Return the problems in `facts` under `treaty`'s rules, errors and warnings."""
    return []
