"""The depositary's status table as the UN Treaty Collection lays it out (docs/untc-format.md).

``parse_untc_table`` reads a copy of the table (CSV) into facts, with a problem per bad cell
naming file, line and column; ``merge_table`` turns a register's facts and such a table into
the register the table implies. Plain functions, no database: the command line's ``import
--format untc`` and the admin's upload use them, then ``changes.diff_facts`` to show what an
import would change.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
from collections.abc import Sequence

from treatydesk.core.register import (
    CONSENT_KINDS,
    Fact,
    FactKind,
    Problem,
    UnknownState,
    resolve_state,
)

MONTHS = {name: number for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    start=1)}

#: Kinds as UNTC's consent column header names them.
KIND_WORDS = {
    "ratification": FactKind.RATIFICATION,
    "acceptance": FactKind.ACCEPTANCE,
    "approval": FactKind.APPROVAL,
    "accession": FactKind.ACCESSION,
    "succession": FactKind.SUCCESSION,
}

#: Kinds a UNTC table records; a register's other facts (withdrawals) are not in it.
TABLE_KINDS = frozenset(CONSENT_KINDS | {FactKind.SIGNATURE, FactKind.PROVISIONAL_APPLICATION})

#: Names UNTC writes that neither the UN's current names nor ISO know.
UNTC_NAMES = {
    "St. Kitts and Nevis": "KNA",
    "St. Lucia": "LCA",
    "St. Vincent and the Grenadines": "VCT",
    "Saint Kitts and Nevis": "KNA",
    "Sao Tome and Principe": "STP",
    "Serbia and Montenegro": "SRB",
    "Swaziland": "SWZ",
    "Turkey": "TUR",
    "Cape Verde": "CPV",
    "Czech Republic": "CZE",
    "The former Yugoslav Republic of Macedonia": "MKD",
}

_DATE = re.compile(r"(\d{1,2}) ([A-Za-z]{3}) (\d{4})(?: +([A-Za-z]{1,2}))?")
_FOOTNOTE = re.compile(r"^(.*?[^\d\s])\s*\d+$")
_CODE_IN_HEADER = re.compile(r"([A-Za-z]+)\s*\(([A-Za-z]{1,2})\)")


@dataclasses.dataclass(frozen=True)
class UntcTable:
    """What a copy of the table says: its facts, the problems found, each State's line."""

    facts: tuple[Fact, ...]
    problems: tuple[Problem, ...]
    lines: dict[str, int]

    @property
    def ok(self) -> bool:
        return not any(problem.is_error for problem in self.problems)


def participant_country(name: str):
    """Return the Country for a UNTC participant name, footnote mark ("Lithuania 4") removed."""
    name = " ".join(name.split())
    match = _FOOTNOTE.match(name)
    bare = match.group(1) if match else name
    iso3 = UNTC_NAMES.get(bare)
    return resolve_state(iso3 or bare)


def parse_untc_date(text: str) -> tuple[dt.date, str]:
    """Return the date and the letter code of a cell such as "3 Dec 2008 a"; raise ValueError."""
    match = _DATE.fullmatch(" ".join(text.split()))
    if match is None:
        raise ValueError(f"“{text}” is not a date written as UNTC does, e.g. 3 Dec 2008 or "
                         "9 Apr 2013 a")
    day, month, year, code = match.groups()
    if month.title() not in MONTHS:
        raise ValueError(f"“{month}” is not an English month (Jan, Feb, … Dec)")
    try:
        return dt.date(int(year), MONTHS[month.title()], int(day)), code or ""
    except ValueError:
        raise ValueError(f"there is no such day as {text.strip()}") from None


def consent_codes(header: str) -> dict[str, FactKind] | None:
    """Return the letter code of each kind in the consent column's header, "" for the plain
    kind (``Ratification, Acceptance(A), …``); None when the header names no instrument."""
    codes: dict[str, FactKind] = {}
    for part in header.split(","):
        part = part.strip()
        coded = _CODE_IN_HEADER.fullmatch(part)
        word, code = (coded.group(1), coded.group(2)) if coded else (part, "")
        kind = KIND_WORDS.get(word.lower())
        if kind is None:
            return None
        codes[code] = kind
    return codes


def _columns(header: list[str]) -> tuple[dict, list[str]]:
    """Return the column index of each part of the table, and what is wrong with the header."""
    found: dict = {}
    errors = []
    for index, title in enumerate(header):
        name = " ".join(title.split()).lower()
        if name == "participant":
            found["participant"] = index
        elif name == "signature":
            found["signature"] = index
        elif name.startswith("provisional application"):
            found["provisional"] = index
        elif (codes := consent_codes(title)) is not None:
            found["consent"] = index
            found["codes"] = codes
        elif name:
            errors.append(f"column {index + 1} “{title.strip()}” is not a column of the UNTC "
                          "status table")
    for part, words in (("participant", "Participant"), ("consent", "the instruments column "
                        "(Ratification, Acceptance(A), …)")):
        if part not in found:
            errors.append(f"the header has no {words} column")
    return found, errors


def parse_untc_table(text: str | bytes, filename: str = "untc.csv", *,
                     taken_on: dt.date | None = None) -> UntcTable:
    """Return the facts of a UNTC status table copy; never raises on bad content.

    Each fact's source is "UNTC status table (FILE)" and, when given, the day the copy was
    taken. Names are mapped to ISO codes (old names and footnote marks included).
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    rows = list(csv.reader(io.StringIO((text or "").lstrip("\ufeff"))))
    problems: list[Problem] = []

    def problem(line, message, field="", state=""):
        problems.append(Problem(message, state=state, field=field, file=filename, line=line))

    if not rows:
        problem(1, "the file is empty: expected the header Participant, Signature, …")
        return UntcTable((), tuple(problems), {})
    columns, header_errors = _columns(rows[0])
    for message in header_errors:
        problem(1, message)
    if header_errors:
        return UntcTable((), tuple(problems), {})
    source = f"UNTC status table ({filename}" + (f", as of {taken_on})" if taken_on else ")")
    codes = columns["codes"]
    facts: list[Fact] = []
    lines: dict[str, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = row + [""] * (len(rows[0]) - len(row))
        name = cells[columns["participant"]].strip()
        try:
            country = participant_country(name)
        except UnknownState:
            problem(line, f"“{name}” is not a State the register knows (UN name, former name "
                          "or ISO code)", "Participant")
            continue
        if country.iso3 in lines:
            problem(line, f"{country.un_name} is listed twice (first on line "
                          f"{lines[country.iso3]})", "Participant", country.iso3)
            continue
        lines[country.iso3] = line
        for part, allowed in (("signature", {"": FactKind.SIGNATURE}),
                              ("provisional", {"n": FactKind.PROVISIONAL_APPLICATION}),
                              ("consent", codes)):
            if part not in columns:
                continue
            cell = cells[columns[part]].strip()
            if not cell:
                continue
            field = rows[0][columns[part]].strip()
            try:
                day, code = parse_untc_date(cell)
            except ValueError as error:
                problem(line, str(error), field, country.iso3)
                continue
            kind = allowed.get(code)
            if kind is None:
                letters = ", ".join(repr(c) if c else "none" for c in allowed)
                problem(line, f"the letter “{code}” after {cell.split()[0]} {cell.split()[1]} "
                              f"is not one this column uses ({letters})", field, country.iso3)
                continue
            facts.append(Fact(state=country.iso3, kind=kind, date=day, source=source,
                              state_name=country.un_name))
    return UntcTable(tuple(facts), tuple(problems), lines)


def _same_act(a: Fact, b: Fact) -> bool:
    return (a.state, a.kind, a.date) == (b.state, b.kind, b.date)


def merge_table(existing: Sequence[Fact], table: Sequence[Fact],
                taken_on: dt.date | None = None) -> list[Fact]:
    """Return the register's facts once ``table`` (a UNTC copy taken on ``taken_on``) is read.

    The table decides signatures, instruments and provisional application up to the day it
    was taken: a fact it repeats keeps its recorded provenance (C.N., sources), a fact it
    lacks is removed, a fact it adds is added. It says nothing of withdrawals (footnotes)
    nor of acts after ``taken_on``: those facts are kept as recorded.
    """
    kept: list[Fact] = []
    matched: set[int] = set()
    for fact in existing:
        later = taken_on is not None and fact.date is not None and fact.date > taken_on
        if fact.kind not in TABLE_KINDS or later:
            kept.append(fact)
            continue
        for index, candidate in enumerate(table):
            if index not in matched and _same_act(fact, candidate):
                matched.add(index)
                kept.append(fact)
                break
    kept += [fact for index, fact in enumerate(table) if index not in matched]
    return kept
