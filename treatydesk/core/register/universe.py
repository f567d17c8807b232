"""Every State a treaty page speaks of: UN members, observer States, and Cook Islands and Niue.

The list is data (``un_states.csv`` beside this module), one row per State:

- ``iso3``: ISO 3166-1 alpha-3 code;
- ``un_status``: ``member`` (the 193 Member States, un.org "Member States"), ``observer`` (the
  non-member observer States: Holy See, State of Palestine) or ``other`` (States the
  Secretary-General as depositary lists that are neither: Cook Islands, Niue; UN Treaty
  Collection, "Summary of Practice of the Secretary-General as Depositary", para. 86);
- ``m49_region``: the region of the UN Statistics Division's "Standard country or area codes
  for statistical use" (M49): 002 Africa, 019 Americas, 142 Asia, 150 Europe, 009 Oceania;
- ``regional_group``: the UN regional group (Department for General Assembly and Conference
  Management, "United Nations Regional Groups of Member States"); empty for a State in none.
  The United States attends the Western European and other States Group as an observer and
  is counted in it for elections, as the UN's list says; Kiribati is in the Asia-Pacific Group;
  the State of Palestine is a member of the Asia-Pacific Group.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("un_states.csv")

#: M49 region codes and their English names, in the UN's order.
M49_REGIONS = {
    "002": "Africa",
    "019": "Americas",
    "142": "Asia",
    "150": "Europe",
    "009": "Oceania",
}

#: UN regional groups, by the code used in links, and their English names.
REGIONAL_GROUPS = {
    "african": "African States",
    "asia-pacific": "Asia-Pacific States",
    "eastern-european": "Eastern European States",
    "latin-american-caribbean": "Latin American and Caribbean States",
    "western-european-other": "Western European and other States",
}

UN_STATUSES = ("member", "observer", "other")


@dataclass(frozen=True, slots=True)
class UniverseState:
    """One State of the universe: its code, its standing at the UN, region and group."""

    iso3: str
    un_status: str
    m49_region: str
    regional_group: str


class UniverseError(ValueError):
    """The universe data file has a row that does not follow its format."""


def parse_universe(text: str) -> tuple[UniverseState, ...]:
    """Return the States of a universe CSV, checking every row (file line named on error)."""
    states = []
    seen = set()
    for line, row in enumerate(csv.DictReader(text.splitlines()), start=2):
        iso3 = (row.get("iso3") or "").strip().upper()
        status = (row.get("un_status") or "").strip()
        region = (row.get("m49_region") or "").strip()
        group = (row.get("regional_group") or "").strip()
        if len(iso3) != 3 or not iso3.isalpha():
            raise UniverseError(f"line {line}: iso3 {iso3!r} is not a three-letter code")
        if iso3 in seen:
            raise UniverseError(f"line {line}: {iso3} is listed twice")
        if status not in UN_STATUSES:
            raise UniverseError(f"line {line}: un_status {status!r} is not one of {UN_STATUSES}")
        if region not in M49_REGIONS:
            raise UniverseError(f"line {line}: m49_region {region!r} is not an M49 region code")
        if group and group not in REGIONAL_GROUPS:
            raise UniverseError(f"line {line}: regional_group {group!r} is not a UN group")
        seen.add(iso3)
        states.append(UniverseState(iso3, status, region, group))
    return tuple(states)


@lru_cache(maxsize=1)
def universe() -> dict[str, UniverseState]:
    """Return every State of the universe by ISO3 code, read once from ``un_states.csv``."""
    return {state.iso3: state for state in parse_universe(DATA_FILE.read_text("utf-8"))}


def universe_state(iso3: str) -> UniverseState | None:
    """Return the universe's entry for ``iso3`` (any case), or None for a code not in it."""
    return universe().get((iso3 or "").upper())
