"""The country-year panel: one row per State per treaty per year, status on 31 December.

Every State of the universe (``universe.universe``) has a row in every year, participants or
not. ``code`` is the documented ordinal coding researchers use:

- ``0``: neither signatory nor bound that day (no act yet, or withdrawal taken effect);
- ``1``: signatory, no instrument of consent deposited;
- ``2``: instrument deposited, not yet in force for the State;
- ``3``: bound — a State Party, also while a withdrawal is pending or held by armed conflict.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from treatydesk.core.register import Register, Status

#: Columns of the panel, in order.
PANEL_FIELDS = (
    "treaty", "iso3", "year", "status", "code", "instrument_kind", "signature_year",
    "deposit_year", "entry_into_force_year",
)

#: The status written for a State with no act by 31 December.
NO_STATUS = "none"

CODES = {
    NO_STATUS: 0,
    Status.WITHDRAWN: 0,
    Status.SIGNATORY: 1,
    Status.DEPOSITED: 2,
    Status.PARTY: 3,
    Status.WITHDRAWAL_PENDING: 3,
    Status.WITHDRAWAL_HELD: 3,
}

#: What each code means, in the words of the documentation and the data package.
CODE_MEANINGS = {
    0: "neither signatory nor bound on 31 December (no act, or withdrawal in effect)",
    1: "signatory without an instrument of consent deposited",
    2: "instrument of consent deposited, not yet in force for the State",
    3: "bound by the treaty (State Party, including a pending or held withdrawal)",
}


def _year(fact_or_date) -> int | None:
    day = getattr(fact_or_date, "date", fact_or_date)
    return day.year if isinstance(day, dt.date) else None


def panel_rows(registers: Sequence[Register], states: Sequence[str], first_year: int,
               last_year: int) -> list[dict]:
    """Return the panel of ``registers`` for ``states`` from ``first_year`` to ``last_year``.

    Rows are ordered by treaty (as given), State (as given), then year.
    """
    rows: list[dict] = []
    years = range(first_year, last_year + 1)
    for register in registers:
        code = register.treaty.code
        by_year = {
            year: {r.state: r for r in register.participants(dt.date(year, 12, 31))}
            for year in years
        }
        for iso3 in states:
            for year in years:
                record = by_year[year].get(iso3)
                if record is None:
                    rows.append({
                        "treaty": code, "iso3": iso3, "year": year, "status": NO_STATUS,
                        "code": 0, "instrument_kind": "", "signature_year": None,
                        "deposit_year": None, "entry_into_force_year": None,
                    })
                    continue
                status = record.status
                instrument = record.instrument
                rows.append({
                    "treaty": code, "iso3": iso3, "year": year, "status": str(status),
                    "code": CODES[status],
                    "instrument_kind": str(instrument.kind) if instrument else "",
                    "signature_year": _year(record.signature),
                    "deposit_year": _year(instrument),
                    "entry_into_force_year": _year(record.entry_into_force),
                })
    return rows
