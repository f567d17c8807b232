"""The numbers behind the pictures, taken from a computed register (no drawing here).

Every figure is a count the register itself gives: a year's figures are its ``counts()`` on 31
December of that year (on today's date for the current year), so a chart and the register's
own counts — on the States Parties page or through the API — cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..register import CONSENT_KINDS, Counts, Register


def map_statuses(register: Register, as_of: dt.date) -> dict[str, str]:
    """Return ISO3 → status value for every State with a fact on or before ``as_of``."""
    return {state: status.value for state, status in register.statuses(as_of).items()}


def year_end(year: int, today: dt.date) -> dt.date:
    """Return the day a year's figures are taken on: 31 December, or today in the current year."""
    return min(dt.date(year, 12, 31), today)


def first_year(register: Register) -> int:
    """Return the year the treaty opened for signature (adoption if no opening is recorded)."""
    opened = getattr(register.treaty.signature, "opened_on", None) or register.treaty.adopted_on
    dated = [fact.date.year for fact in register.facts if fact.date is not None]
    return min([opened.year, *dated])


def chart_years(register: Register, today: dt.date) -> list[int]:
    """Return the years a chart of ``register`` covers: opening for signature to this year."""
    return list(range(first_year(register), today.year + 1))


@dataclass(frozen=True)
class YearCounts:
    """One year of the cumulative chart: the register's counts on the year's last day."""

    year: int
    day: dt.date
    counts: Counts

    @property
    def states_parties(self) -> int:
        return self.counts.bound

    @property
    def signed(self) -> int:
        """Return the States that had signed or were bound, withdrawn ones excluded."""
        return self.counts.total - self.counts.withdrawn


def cumulative(register: Register, today: dt.date) -> list[YearCounts]:
    """Return the register's counts at the end of every year since opening for signature."""
    rows = []
    for year in chart_years(register, today):
        day = year_end(year, today)
        rows.append(YearCounts(year, day, register.counts(day)))
    return rows


def instruments_by_year(register: Register, today: dt.date) -> dict[int, Counter]:
    """Return year → Counter of consent instruments by kind, as deposited up to ``today``.

    Each State's counted instrument is the one the register counts (its first dated one);
    undated instruments are left out, and the page says so.
    """
    years: dict[int, Counter] = {year: Counter() for year in chart_years(register, today)}
    for record in register.participants(today):
        instrument = record.instrument
        if instrument is None or instrument.date is None or instrument.kind not in CONSENT_KINDS:
            continue
        years.setdefault(instrument.date.year, Counter())[instrument.kind.value] += 1
    return dict(sorted(years.items()))


def parties_by_region(
    register: Register, regions: Mapping[str, str], today: dt.date
) -> dict[str, list[tuple[int, int, int]]]:
    """Return region → [(year, States Parties in it, States of the region)] for every year.

    ``regions`` maps ISO3 → region name (UN M49). States Parties are those bound on the
    year's last day. States without a region are counted under "".
    """
    members = Counter(regions.values())
    result: dict[str, list[tuple[int, int, int]]] = {region: [] for region in sorted(members)}
    states = register.states
    for year in chart_years(register, today):
        day = year_end(year, today)
        bound: Counter = Counter()
        for state in states:
            status = register.status(state, day)
            if status is not None and status.is_bound:
                bound[regions.get(state, "")] += 1
        for region in result:
            result[region].append((year, bound[region], members[region]))
        if bound[""]:
            result.setdefault("", []).append((year, bound[""], 0))
    return result


@dataclass(frozen=True)
class TreatyCurve:
    """One treaty's States Parties at each anniversary of its opening for signature."""

    code: str
    name: str
    opened: dt.date
    points: tuple[tuple[int, int], ...]  # (years since opening, States Parties)


def anniversary(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def treaty_curve(register: Register, name: str, today: dt.date) -> TreatyCurve:
    """Return the States Parties of a treaty on each anniversary of its opening, up to today."""
    treaty = register.treaty
    opened = getattr(treaty.signature, "opened_on", None) or treaty.adopted_on
    points = []
    years = 0
    while (day := anniversary(opened, years)) <= today:
        points.append((years, register.counts(day).bound))
        years += 1
    return TreatyCurve(treaty.code, name, opened, tuple(points))


def curves(registers: Iterable[tuple[Register, str]], today: dt.date) -> list[TreatyCurve]:
    """Return the curve of every (register, name) given, oldest treaty first."""
    made = [treaty_curve(register, name, today) for register, name in registers]
    return sorted(made, key=lambda curve: curve.opened)
