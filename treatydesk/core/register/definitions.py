"""Treaty definitions: the rules of one treaty, read from a TOML file a lawyer can check.

Each file in treatydesk/core/treaties/ names the article behind every rule; the register quotes
that article beside every date it computes.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..treaties import TREATIES_DIR, treaty_dir
from .dates import (
    add_days,
    add_months,
    cardinal_en,
    first_day_of_month_after,
    format_date_en,
    number_word_en,
)
from .facts import FactKind

METHODS = ("first_day_of_month", "days", "months")
LATER_RULE_APPLIES_TO = ("deposit_after_threshold_deposit", "deposit_after_entry_into_force")


class UnknownTreaty(LookupError):
    """No definition file exists for the treaty code asked for."""


class DefinitionError(ValueError):
    """A treaty definition file is missing a key or holds a value the register cannot use."""


@dataclass(frozen=True, slots=True)
class DelayRule:
    """A period from a starting date, with the article that sets it.

    method "first_day_of_month": the first day of the `amount`-th month after the month of
    the start date (counted_from "month" or "date" only changes the wording: both treaties
    count whole calendar months); "days": `amount` days later; "months": the same day
    `amount` months later, clamped to the end of a shorter month.
    """

    method: str
    amount: int
    article: str
    text: str
    paraphrase: bool = True
    counted_from: str = "date"

    def apply(self, start: date) -> date:
        """Return the date the rule gives for `start`."""
        if self.method == "first_day_of_month":
            return first_day_of_month_after(start, self.amount)
        if self.method == "days":
            return add_days(start, self.amount)
        return add_months(start, self.amount)

    @property
    def summary(self) -> str:
        """Return the period in words: "first day of the sixth month after that date"."""
        return _summary(self.method, self.amount, self.counted_from)

    def basis(self, start: date, start_label: str) -> str:
        """Return the arithmetic in words: "deposit 14 May 2013; … → 1 November 2013"."""
        return (
            f"{start_label} {format_date_en(start)}; {self.summary} "
            f"→ {format_date_en(self.apply(start))} ({self.article})"
        )


@lru_cache(maxsize=64)
def _summary(method: str, amount: int, counted_from: str) -> str:
    if method == "first_day_of_month":
        after = "that month" if counted_from == "month" else "that date"
        return f"first day of the {number_word_en(amount)} month after {after}"
    if method == "days":
        return f"{amount} days after"
    return f"{cardinal_en(amount)} {'month' if amount == 1 else 'months'} after"


@dataclass(frozen=True, slots=True)
class SignatureRule:
    article: str
    opened_on: date
    opened_at: str
    closes_at_entry_into_force: bool
    text: str
    paraphrase: bool = True


@dataclass(frozen=True, slots=True)
class ConsentRule:
    article: str
    signatory_kinds: frozenset[FactKind]
    non_signatory_kinds: frozenset[FactKind]
    accession_by_signatories: bool
    accession_only_after_entry_into_force: bool
    succession_allowed: bool
    text: str
    paraphrase: bool = True


@dataclass(frozen=True, slots=True)
class EntryIntoForceRule:
    threshold: int
    rule: DelayRule
    recorded_date: date | None = None
    recorded_threshold_deposit: date | None = None
    recorded_source: str = ""


@dataclass(frozen=True, slots=True)
class LaterStatesRule:
    rule: DelayRule
    applies_to: str

    @property
    def after_entry_into_force(self) -> bool:
        return self.applies_to == "deposit_after_entry_into_force"


@dataclass(frozen=True, slots=True)
class Provision:
    """An article the register names but computes nothing from (reservations, …)."""

    article: str
    text: str
    allowed: bool = True
    paraphrase: bool = True


@dataclass(frozen=True, slots=True)
class WithdrawalRule:
    rule: DelayRule
    armed_conflict_hold: bool
    later_date_in_notice: bool

    @property
    def article(self) -> str:
        return self.rule.article


@dataclass(frozen=True, slots=True)
class TreatyTitles:
    """A treaty's names in one language.

    ``title`` is the formal title (page titles), ``short_title`` the short form, ``name`` what
    lists and labels call it ("Anti-Personnel Mine Ban Convention"), ``notice_name`` the name
    inside a sentence, with its article ("the Convention on Cluster Munitions").
    """

    title: str
    short_title: str
    name: str
    notice_name: str


@dataclass(frozen=True, slots=True)
class TreatyDefinition:
    code: str
    title: str
    short_title: str
    name: str
    notice_name: str
    untc_chapter: str
    adopted_on: date
    adopted_at: str
    depositary: str
    signature: SignatureRule
    consent: ConsentRule
    entry_into_force: EntryIntoForceRule
    later_states: LaterStatesRule
    reservations: Provision
    provisional_application: Provision | None
    withdrawal: WithdrawalRule
    #: (language, titles) for the languages the file's [titles.<lang>] tables give.
    translated_titles: tuple[tuple[str, TreatyTitles], ...] = ()

    def __str__(self) -> str:
        return self.short_title

    def titles(self, lang: str | None = "en") -> TreatyTitles:
        """Return the treaty's names in ``lang`` ("fr", "es-ES"); English for any name not given."""
        code = (lang or "en").replace("_", "-").split("-")[0].lower()
        for language, titles in self.translated_titles:
            if language == code:
                return titles
        return TreatyTitles(self.title, self.short_title, self.name, self.notice_name)


def treaty_codes() -> list[str]:
    """Return the codes of every shipped treaty definition, sorted: ["APMBC", "ATT", …]."""
    return sorted(path.parent.name.upper() for path in TREATIES_DIR.glob("*/definition.toml"))


def definition_path(code: str) -> Path:
    """Return the definition file of treaty `code`, raising UnknownTreaty when there is none."""
    code = code.strip().lower()
    path = treaty_dir(code) / "definition.toml"
    if not code.isalnum() or not path.is_file():
        raise UnknownTreaty(f"No treaty definition for {code.upper()!r}; known: {treaty_codes()}")
    return path


@lru_cache(maxsize=32)
def definition_data(code: str) -> dict[str, Any]:
    """Return the parsed definition file of treaty `code`: the one reading of a treaty's file.

    The register's rules (``load_treaty``) and the obligation rules
    (``treatydesk.core.obligations.load_obligations``) are both built from it. Shared and
    cached: callers must not change it.
    """
    return read_definition_file(definition_path(code))


def read_definition_file(path: Path) -> dict[str, Any]:
    """Return the TOML of a treaty definition file at `path`, parsed."""
    with path.open("rb") as handle:
        return tomllib.load(handle)


def load_treaty(code: str) -> TreatyDefinition:
    """Return the definition of treaty `code` (case-insensitive)."""
    return _load_cached(code.strip().lower())


@lru_cache(maxsize=32)
def _load_cached(code: str) -> TreatyDefinition:
    return treaty_from_dict(definition_data(code), source=str(definition_path(code)))


def load_treaty_file(path: Path) -> TreatyDefinition:
    """Return the definition held in a TOML file at `path`."""
    return treaty_from_dict(read_definition_file(path), source=str(path))


def treaty_from_dict(data: dict[str, Any], source: str = "<dict>") -> TreatyDefinition:
    """Return a definition from parsed TOML, raising DefinitionError naming the missing key."""
    reader = _Reader(data, source)
    sig, consent, eif = (
        reader.table("signature"),
        reader.table("consent"),
        reader.table("entry_into_force"),
    )
    later, withdrawal = reader.table("later_states"), reader.table("withdrawal")
    reservations = reader.table("reservations")
    provisional = data.get("provisional_application") or {}
    applies_to = later.get("applies_to", "")
    if applies_to not in LATER_RULE_APPLIES_TO:
        raise DefinitionError(
            f"{source}: later_states.applies_to must be one of {LATER_RULE_APPLIES_TO}"
        )
    english = TreatyTitles(
        title=reader.get(data, "title"),
        short_title=data.get("short_title") or data["title"],
        name=data.get("name") or data["title"],
        notice_name=data.get("notice_name") or f"the {data['title']}",
    )
    return TreatyDefinition(
        code=reader.get(data, "code").upper(),
        title=english.title,
        short_title=english.short_title,
        name=english.name,
        notice_name=english.notice_name,
        untc_chapter=reader.get(data, "untc_chapter"),
        adopted_on=reader.date(data, "adopted_on"),
        adopted_at=data.get("adopted_at", ""),
        depositary=data.get("depositary", ""),
        signature=SignatureRule(
            article=reader.get(sig, "article"),
            opened_on=reader.date(sig, "opened_on"),
            opened_at=sig.get("opened_at", ""),
            closes_at_entry_into_force=bool(sig.get("closes_at_entry_into_force", False)),
            text=sig.get("text", ""),
            paraphrase=bool(sig.get("paraphrase", True)),
        ),
        consent=ConsentRule(
            article=reader.get(consent, "article"),
            signatory_kinds=reader.kinds(consent, "signatory_kinds"),
            non_signatory_kinds=reader.kinds(consent, "non_signatory_kinds"),
            accession_by_signatories=bool(consent.get("accession_by_signatories", False)),
            accession_only_after_entry_into_force=bool(
                consent.get("accession_only_after_entry_into_force", False)
            ),
            succession_allowed=bool(consent.get("succession_allowed", True)),
            text=consent.get("text", ""),
            paraphrase=bool(consent.get("paraphrase", True)),
        ),
        entry_into_force=EntryIntoForceRule(
            threshold=int(reader.get(eif, "threshold")),
            rule=reader.delay(eif),
            recorded_date=eif.get("recorded_date"),
            recorded_threshold_deposit=eif.get("recorded_threshold_deposit"),
            recorded_source=eif.get("recorded_source", ""),
        ),
        later_states=LaterStatesRule(rule=reader.delay(later), applies_to=applies_to),
        reservations=Provision(
            article=reader.get(reservations, "article"),
            text=reservations.get("text", ""),
            allowed=bool(reservations.get("allowed", False)),
            paraphrase=bool(reservations.get("paraphrase", True)),
        ),
        provisional_application=(
            Provision(
                article=provisional["article"],
                text=provisional.get("text", ""),
                paraphrase=bool(provisional.get("paraphrase", True)),
            )
            if provisional.get("article")
            else None
        ),
        withdrawal=WithdrawalRule(
            rule=reader.delay(withdrawal),
            armed_conflict_hold=bool(withdrawal.get("armed_conflict_hold", False)),
            later_date_in_notice=bool(withdrawal.get("later_date_in_notice", False)),
        ),
        translated_titles=reader.titles(english),
    )


class _Reader:
    """Read typed values from parsed TOML, naming the file and key in every error."""

    def __init__(self, data: dict[str, Any], source: str):
        self.data, self.source = data, source

    def table(self, key: str) -> dict[str, Any]:
        value = self.data.get(key)
        if not isinstance(value, dict):
            raise DefinitionError(f"{self.source}: missing table [{key}]")
        return value

    def get(self, table: dict[str, Any], key: str) -> Any:
        if key not in table or table[key] in ("", None):
            raise DefinitionError(f"{self.source}: missing key {key!r}")
        return table[key]

    def date(self, table: dict[str, Any], key: str) -> date:
        value = self.get(table, key)
        if not isinstance(value, date):
            raise DefinitionError(f"{self.source}: {key!r} must be a TOML date (YYYY-MM-DD)")
        return value

    def kinds(self, table: dict[str, Any], key: str) -> frozenset[FactKind]:
        try:
            return frozenset(FactKind(kind) for kind in table.get(key, []))
        except ValueError as exc:
            raise DefinitionError(f"{self.source}: {key!r}: {exc}") from exc

    def titles(self, english: TreatyTitles) -> tuple[tuple[str, TreatyTitles], ...]:
        """Read the [titles.<lang>] tables; a name a table leaves out is the English one."""
        tables = self.data.get("titles", {})
        if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
            raise DefinitionError(f"{self.source}: [titles] must hold one table per language")
        translated = []
        for lang, table in sorted(tables.items()):
            unknown = set(table) - {field.name for field in fields(TreatyTitles)}
            if unknown:
                raise DefinitionError(f"{self.source}: [titles.{lang}] has unknown keys "
                                      f"{sorted(unknown)}")
            translated.append((lang.lower(), TreatyTitles(
                title=table.get("title") or english.title,
                short_title=table.get("short_title") or english.short_title,
                name=table.get("name") or english.name,
                notice_name=table.get("notice_name") or english.notice_name,
            )))
        return tuple(translated)

    def delay(self, table: dict[str, Any]) -> DelayRule:
        method = self.get(table, "method")
        if method not in METHODS:
            raise DefinitionError(f"{self.source}: method must be one of {METHODS}, not {method!r}")
        amount = self.get(table, "days" if method == "days" else "months")
        return DelayRule(
            method=method,
            amount=int(amount),
            article=self.get(table, "article"),
            text=table.get("text", ""),
            paraphrase=bool(table.get("paraphrase", True)),
            counted_from=table.get("counted_from", "date"),
        )
