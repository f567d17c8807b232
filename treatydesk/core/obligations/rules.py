"""Obligation rules: the deadlines a treaty sets, read from the `[[obligations]]` tables.

Each rule names its article; every deadline computed from it quotes that article and the
arithmetic (see deadlines.py). The tables live in treatydesk/core/treaties/<code>/definition.toml
beside the rules on entry into force, so a lawyer reads them next to the treaty text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..register.dates import MONTHS_EN, add_days, add_months
from ..register.definitions import (
    DefinitionError,
    definition_data,
    definition_path,
    read_definition_file,
)
from .coverage import NO_RECORDS, RecordsCoverage, coverage_from_dict
from .policy import MONTH_END_CLAMP, MONTH_END_NEXT_DAY


class ObligationKind(StrEnum):
    """What a State Party owes, as the `obligation` column of the downloads spells it."""

    INITIAL_REPORT = "initial-report"
    ANNUAL_REPORT = "annual-report"
    STOCKPILE_DESTRUCTION = "stockpile-destruction"
    CLEARANCE = "clearance"
    DECLARATION = "declaration"

    @property
    def is_report(self) -> bool:
        """Return True for obligations met by a document received (reports, declarations)."""
        return self in REPORT_KINDS

    @property
    def label(self) -> str:
        """Return the obligation in English words: "initial report"."""
        return LABELS[self]


REPORT_KINDS = frozenset(
    {ObligationKind.INITIAL_REPORT, ObligationKind.ANNUAL_REPORT, ObligationKind.DECLARATION}
)
#: Obligations met by completing work (and declaring it), which a state may have none of.
WORK_KINDS = frozenset({ObligationKind.STOCKPILE_DESTRUCTION, ObligationKind.CLEARANCE})

LABELS = {
    ObligationKind.INITIAL_REPORT: "initial report",
    ObligationKind.ANNUAL_REPORT: "annual report",
    ObligationKind.STOCKPILE_DESTRUCTION: "stockpile destruction",
    ObligationKind.CLEARANCE: "clearance",
    ObligationKind.DECLARATION: "declaration",
}

METHODS = ("days", "months", "years", "annual")
COVERS = ("previous_calendar_year",)


@dataclass(frozen=True, slots=True)
class Period:
    """A time limit counted from a starting date: `amount` days, months or years.

    `adjust_days` shifts the result (ATT Art. 13(1): one year less one day) and `reading`
    says in words why.  Month and year periods clamp to the end of a shorter month unless the
    policy says "next_day" (see docs/decisions.md).
    """

    method: str
    amount: int
    adjust_days: int = 0
    reading: str = ""

    def apply(self, start: date, month_end: str = MONTH_END_CLAMP) -> date:
        """Return the last day of the period that starts on `start`."""
        if self.method == "days":
            result = add_days(start, self.amount)
        else:
            months = self.amount * 12 if self.method == "years" else self.amount
            result = add_months(start, months)
            if month_end == MONTH_END_NEXT_DAY and result.day != start.day:
                # 29 February + 1 year does not exist: the day after the month's last day.
                result = add_days(result, 1)
        return add_days(result, self.adjust_days) if self.adjust_days else result

    @property
    def summary(self) -> str:
        """Return the period in words: "180 days after", "8 years after, less one day"."""
        return _period_summary(self.method, self.amount, self.adjust_days, self.reading)


@lru_cache(maxsize=256)
def _period_summary(method: str, amount: int, adjust_days: int, reading: str) -> str:
    unit = {"days": "day", "months": "month", "years": "year"}[method]
    words = f"{_how_many(amount, unit)} after"
    if adjust_days:
        days = abs(adjust_days)
        sign = "less" if adjust_days < 0 else "plus"
        words += f", {sign} {_how_many(days, 'day')}"
    if reading:
        words += f" ({reading})"
    return words


def _how_many(n: int, unit: str) -> str:
    """Return "1 day", "180 days"."""
    return f"{n} {unit}{'' if n == 1 else 's'}"


@dataclass(frozen=True, slots=True)
class AnnualDate:
    """A report due every year by a fixed day ("30 April"), covering the previous year."""

    month: int
    day: int
    covers: str = "previous_calendar_year"

    def due_in(self, year: int) -> date:
        """Return the day the report is due in `year`."""
        return date(year, self.month, self.day)

    @property
    def words(self) -> str:
        return f"{self.day} {MONTHS_EN[self.month - 1]}"


@dataclass(frozen=True, slots=True)
class ExtensionRule:
    """Whether a deadline may be extended, by how much at most each time, and who decides."""

    allowed: bool
    article: str
    max_months: int = 0
    further: bool = False
    decided_by: str = ""
    text: str = ""
    paraphrase: bool = True

    @property
    def max_words(self) -> str:
        if self.max_months % 12 == 0:
            return _how_many(self.max_months // 12, "year")
        return _how_many(self.max_months, "month")


@dataclass(frozen=True, slots=True)
class AfterHostilities:
    """A second deadline counted from a recorded end of active hostilities (CCM Art. 4(1)(b))."""

    article: str
    period: Period
    text: str = ""
    paraphrase: bool = True


@dataclass(frozen=True, slots=True)
class ObligationRule:
    """One obligation of a treaty: its kind, article, time limit and extension rule."""

    kind: ObligationKind
    article: str
    period: Period | None
    annual: AnnualDate | None = None
    extension: ExtensionRule | None = None
    after_hostilities: AfterHostilities | None = None
    text: str = ""
    paraphrase: bool = True
    #: True (`applies = "where-declared"`): the obligation binds only a State a declaration or
    #: a recorded fact shows it applies to (stockpiles held, areas contaminated).
    conditional: bool = False

    @property
    def extendable(self) -> bool:
        return self.extension is not None and self.extension.allowed

    @property
    def rule_words(self) -> str:
        """Return the rule in words, for ComputedDate.rule."""
        return _rule_words(self.annual, self.period)


@lru_cache(maxsize=64)
def _rule_words(annual: AnnualDate | None, period: Period | None) -> str:
    if annual is not None:
        return f"by {annual.words} each year, covering the previous calendar year"
    summary = period.summary if period is not None else ""
    return f"{summary} entry into force for the State"


@dataclass(frozen=True, slots=True)
class TreatyObligations:
    """The obligation rules of one treaty, in the order the definition file lists them."""

    code: str
    rules: tuple[ObligationRule, ...]
    #: The obligation records the register holds (coverage.py): none unless declared.
    coverage: RecordsCoverage = NO_RECORDS

    def rule(self, kind: ObligationKind | str) -> ObligationRule | None:
        """Return the rule for `kind`, or None when the treaty sets no such obligation."""
        for rule in self.rules:
            if rule.kind == kind:
                return rule
        return None

    @property
    def kinds(self) -> tuple[ObligationKind, ...]:
        return tuple(rule.kind for rule in self.rules)


def load_obligations(code: str) -> TreatyObligations:
    """Return the obligation rules of treaty `code` (case-insensitive)."""
    return _load_cached(code.strip().lower())


@lru_cache(maxsize=32)
def _load_cached(code: str) -> TreatyObligations:
    return obligations_from_dict(definition_data(code), source=str(definition_path(code)))


def load_obligations_file(path: Path) -> TreatyObligations:
    """Return the obligation rules in the treaty definition file at `path`."""
    return obligations_from_dict(read_definition_file(path), source=str(path))


def obligations_from_dict(data: dict[str, Any], source: str = "<dict>") -> TreatyObligations:
    """Return the rules of the `[[obligations]]` tables, raising DefinitionError on a bad one."""
    tables = data.get("obligations", [])
    if not isinstance(tables, list):
        raise DefinitionError(f"{source}: obligations must be an array of tables [[obligations]]")
    rules = [_rule(table, f"{source}: obligations[{n}]") for n, table in enumerate(tables)]
    kinds = [rule.kind for rule in rules]
    duplicates = sorted({str(kind) for kind in kinds if kinds.count(kind) > 1})
    if duplicates:
        raise DefinitionError(f"{source}: obligation kind listed twice: {', '.join(duplicates)}")
    return TreatyObligations(code=str(data.get("code", "")).upper(), rules=tuple(rules),
                             coverage=coverage_from_dict(data, source))


def _rule(table: dict[str, Any], where: str) -> ObligationRule:
    try:
        kind = ObligationKind(_get(table, "kind", where))
    except ValueError:
        raise DefinitionError(
            f"{where}: kind must be one of {[str(k) for k in ObligationKind]}, "
            f"not {table['kind']!r}"
        ) from None
    method = _get(table, "method", where)
    if method not in METHODS:
        raise DefinitionError(f"{where}: method must be one of {METHODS}, not {method!r}")
    annual = period = None
    if method == "annual":
        if kind is not ObligationKind.ANNUAL_REPORT:
            raise DefinitionError(f"{where}: method 'annual' is for kind 'annual-report' only")
        annual = _annual(table, where)
    else:
        if kind is ObligationKind.ANNUAL_REPORT:
            raise DefinitionError(f"{where}: an annual-report needs method 'annual'")
        period = _period(table, method, where)
    extension = None
    if "extension" in table:
        extension = _extension(table["extension"], f"{where}.extension")
    after = None
    if "after_hostilities" in table:
        after_table = table["after_hostilities"]
        after = AfterHostilities(
            article=_get(after_table, "article", f"{where}.after_hostilities"),
            period=_period(after_table, "years", f"{where}.after_hostilities"),
            text=after_table.get("text", ""),
            paraphrase=bool(after_table.get("paraphrase", True)),
        )
    applies = table.get("applies", "always")
    if applies not in ("always", "where-declared"):
        raise DefinitionError(f"{where}: applies must be 'always' or 'where-declared'")
    return ObligationRule(
        conditional=applies == "where-declared",
        kind=kind,
        article=_get(table, "article", where),
        period=period,
        annual=annual,
        extension=extension,
        after_hostilities=after,
        text=table.get("text", ""),
        paraphrase=bool(table.get("paraphrase", True)),
    )


def _get(table: dict[str, Any], key: str, where: str) -> Any:
    if not isinstance(table, dict) or table.get(key) in ("", None):
        raise DefinitionError(f"{where}: missing key {key!r}")
    return table[key]


def _int(table: dict[str, Any], key: str, where: str, minimum: int = 1) -> int:
    value = _get(table, key, where)
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise DefinitionError(f"{where}: {key!r} must be a whole number ≥ {minimum}")
    return value


def _period(table: dict[str, Any], method: str, where: str) -> Period:
    adjust = table.get("adjust_days", 0)
    if isinstance(adjust, bool) or not isinstance(adjust, int):
        raise DefinitionError(f"{where}: 'adjust_days' must be a whole number")
    return Period(
        method=method,
        amount=_int(table, method, where),
        adjust_days=adjust,
        reading=table.get("reading", ""),
    )


def _annual(table: dict[str, Any], where: str) -> AnnualDate:
    month, day = _int(table, "month", where), _int(table, "day", where)
    covers = table.get("covers", "previous_calendar_year")
    if covers not in COVERS:
        raise DefinitionError(f"{where}: covers must be one of {COVERS}, not {covers!r}")
    try:
        date(2001, month, day)  # not a leap year: 29 February would fall due only every 4th
    except ValueError:
        raise DefinitionError(
            f"{where}: {day} {month} is not a day that exists every year"
        ) from None
    return AnnualDate(month=month, day=day, covers=covers)


def _extension(table: dict[str, Any], where: str) -> ExtensionRule:
    if not isinstance(table, dict):
        raise DefinitionError(f"{where}: must be a table")
    allowed = bool(table.get("allowed", False))
    max_months = 0
    if allowed:
        if "max_years" in table:
            max_months = 12 * _int(table, "max_years", where)
        else:
            max_months = _int(table, "max_months", where)
    return ExtensionRule(
        allowed=allowed,
        article=_get(table, "article", where),
        max_months=max_months,
        further=bool(table.get("further", False)),
        decided_by=table.get("decided_by", ""),
        text=table.get("text", ""),
        paraphrase=bool(table.get("paraphrase", True)),
    )
