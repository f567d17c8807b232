"""Read the shipped CSV formats (participants, withdrawals) into Facts, never raising.

Every problem names the file, the line (the header is line 1) and the column, so the
register keeper can correct the file.  Formats: treatydesk/core/treaties/README.md.
"""

from __future__ import annotations

import calendar
import csv
import io
import re
from collections.abc import Iterable, Iterator
from datetime import date

from .countries import UnknownState, resolve_state
from .facts import CONSENT_KINDS, Fact, FactKind
from .problems import Problem, Severity

PARTICIPANT_COLUMNS = ("state", "signature_date", "instrument_date", "instrument_kind", "source")
WITHDRAWAL_COLUMNS = ("state", "notification_date", "effective_date", "status", "source")
#: Columns a participants file may add after the fixed ones, in any order (README.md).
PARTICIPANT_OPTIONAL = ("effective_date", "party", "public_note", "internal_note",
                        "no_intention_date")
#: Columns a withdrawals file may add after the fixed ones.
WITHDRAWAL_OPTIONAL = ("public_note", "internal_note")
NOTE_MARKER = "|| NOTE:"
UNDATED_PARTY_MARKER = "PARTY ("
_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_CN_RE = re.compile(r"C\.N\.\d+\.\d{4}\.TREATIES[-A-Z0-9]*", re.IGNORECASE)
_KIND_NAMES = ", ".join(sorted(str(kind) for kind in CONSENT_KINDS))


class ImportError_(Exception):  # noqa: N801 - the name is part of the register API
    """Raised by facts_or_raise() when an import file has errors; `.problems` lists them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [problem for problem in problems if problem.is_error]
        super().__init__("\n".join(str(problem) for problem in errors) or "import failed")


def facts_or_raise(result: tuple[list[Fact], list[Problem]]) -> list[Fact]:
    """Return the facts of a parse result, raising ImportError_ if it holds any error."""
    facts, problems = result
    if any(problem.is_error for problem in problems):
        raise ImportError_(problems)
    return facts


class _Rows:
    """Iterate (line, row-dict) over a CSV text, recording problems instead of raising."""

    def __init__(self, text: str | bytes, filename: str, columns: tuple[str, ...],
                 optional: tuple[str, ...] = ()):
        if isinstance(text, bytes):
            text = text.decode("utf-8", errors="replace")
        self.text = (text or "").lstrip("\ufeff")
        self.filename, self.columns, self.optional = filename, columns, optional
        self.problems: list[Problem] = []

    def problem(self, line, message, *, field="", state="", severity=Severity.ERROR, kind=""):
        self.problems.append(
            Problem(
                message,
                state=state,
                kind=kind,
                field=field,
                severity=severity,
                file=self.filename,
                line=line,
            )
        )

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        reader = csv.reader(io.StringIO(self.text, newline=""))
        line = 1
        try:
            header = next(reader, None)
            if header is None:
                self.problem(
                    1,
                    f"the file is empty; expected the header {','.join(self.columns)}",
                    field="header",
                )
                return
            found = tuple(cell.strip().lower() for cell in header)
            extra = found[len(self.columns):]
            if (found[:len(self.columns)] != self.columns or len(set(extra)) != len(extra)
                    or any(name not in self.optional for name in extra)):
                also = f" (then any of {','.join(self.optional)})" if self.optional else ""
                self.problem(
                    1,
                    f"wrong header: expected {','.join(self.columns)}{also}, "
                    f"found {','.join(header)}",
                    field="header",
                )
                return
            names = found
            blank = dict.fromkeys(self.optional, "")
            for row in reader:
                start, line = line + 1, reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(names):
                    self.problem(start, f"expected {len(names)} columns, found {len(row)}")
                    continue
                yield (
                    start,
                    blank | {name: cell.strip() for name, cell in zip(names, row, strict=True)},
                )
        except csv.Error as exc:
            self.problem(line + 1, f"the file cannot be read as CSV from here on: {exc}")

    def date(self, line: int, row: dict[str, str], field: str, state: str) -> date | None:
        """Return the date in `field`, None if blank; record a problem if it is not a date."""
        value = row[field]
        if not value:
            return None
        match = _DATE_RE.match(value)
        if match is None:
            self.problem(
                line,
                f"{row['state']}: {value!r} is not a date in the form YYYY-MM-DD",
                field=field,
                state=state,
            )
            return None
        year, month, day = (int(part) for part in match.groups())
        if not 1 <= month <= 12:
            self.problem(
                line,
                f"{row['state']}: {value} is impossible: there is no month {month}",
                field=field,
                state=state,
            )
            return None
        last = calendar.monthrange(year, month)[1] if year >= 1 else 31
        if year < 1 or not 1 <= day <= last:
            self.problem(
                line,
                f"{row['state']}: {value} is impossible: "
                f"{calendar.month_name[month]} {year} has {last} days",
                field=field,
                state=state,
            )
            return None
        return date(year, month, day)

    def by_state(self) -> Iterator[tuple[int, dict[str, str], str]]:
        """Iterate (line, row, ISO code) over the rows naming a state, each state once; a row
        naming an unknown or an already named state is a problem, not yielded."""
        seen: dict[str, int] = {}
        for line, row in self:
            country = self.state(line, row, seen)
            if country is not None:
                yield line, row, country.iso3

    def state(self, line: int, row: dict[str, str], seen: dict[str, int]):
        """Return the resolved Country of the row, or None (with a problem) if unknown/duplicate."""
        name = row["state"]
        if not name:
            self.problem(line, "the state is blank", field="state")
            return None
        try:
            country = resolve_state(name)
        except UnknownState:
            self.problem(
                line,
                f"unknown state {name!r}: not a UN or ISO name the register knows",
                field="state",
            )
            return None
        if country.iso3 in seen:
            self.problem(
                line,
                f"{name}: second row for this state (first on line "
                f"{seen[country.iso3]}); this row is ignored",
                field="state",
                state=country.iso3,
            )
            return None
        seen[country.iso3] = line
        return country


def _common(row: dict[str, str], iso3: str, name: str) -> dict:
    """Return the fields every fact of a row shares: the sources, the internal note (after
    `|| NOTE:` in source, or the internal_note column) and the public note, kept apart."""
    source, note = _split_source(row["source"])
    internal = "; ".join(part for part in (note, row.get("internal_note", "")) if part)
    return {"state": iso3, "state_name": name, "source": source, "note": internal,
            "public_note": row.get("public_note", "")}


def _known_party(rows: _Rows, line: int, row: dict[str, str], iso3: str) -> bool:
    value = row.get("party", "").lower()
    if value not in ("", "yes", "no"):
        rows.problem(line, f"{row['state']}: party is {row['party']!r}; write yes or leave it "
                     "blank", field="party", state=iso3)
    return value == "yes"


def _split_source(raw: str) -> tuple[str, str]:
    source, _, note = raw.partition(NOTE_MARKER)
    return source.strip(), note.strip()


def _cn(source: str) -> str:
    match = _CN_RE.search(source)
    return match.group(0) if match else ""


def parse_participants_csv(
    text: str | bytes, filename: str = "participants.csv"
) -> tuple[list[Fact], list[Problem]]:
    """Return the signature and instrument facts in a participants file, and its problems."""
    rows = _Rows(text, filename, PARTICIPANT_COLUMNS, PARTICIPANT_OPTIONAL)
    facts: list[Fact] = []
    for line, row, iso3 in rows.by_state():
        name = row["state"]
        common = _common(row, iso3, name)
        signed = rows.date(line, row, "signature_date", iso3)
        deposited = rows.date(line, row, "instrument_date", iso3)
        effective = rows.date(line, row, "effective_date", iso3)
        no_intention = rows.date(line, row, "no_intention_date", iso3)
        known_party = _known_party(rows, line, row, iso3)
        kind_text = row["instrument_kind"].lower()
        kind = FactKind(kind_text) if kind_text in CONSENT_KINDS else None
        if known_party and not kind_text:
            kind = FactKind.CONSENT  # a known party whose instrument no source names
        if effective is not None and kind is not FactKind.SUCCESSION:
            rows.problem(line, f"{name}: effective_date is for a succession only",
                         field="effective_date", state=iso3)
            effective = None
        if no_intention is not None:
            facts.append(Fact(kind=FactKind.NO_INTENTION, date=no_intention, **common))
        if kind_text and kind is None:
            rows.problem(
                line,
                f"{name}: unknown instrument kind {row['instrument_kind']!r}; "
                f"expected one of {_KIND_NAMES}",
                field="instrument_kind",
                state=iso3,
            )
        if signed is not None:
            facts.append(Fact(kind=FactKind.SIGNATURE, date=signed, **common))
        cn = _cn(common["source"])
        if kind is not None and deposited is not None:
            facts.append(Fact(kind=kind, date=deposited, cn_reference=cn,
                              effective_date=effective, **common))
        elif kind is not None and not row["instrument_date"]:
            if known_party or UNDATED_PARTY_MARKER in row["source"]:
                facts.append(Fact(kind=kind, date=None, cn_reference=cn,
                                  effective_date=effective, **common))
                rows.problem(
                    line,
                    f"{name}: {kind} recorded without a deposit date (source says "
                    "PARTY); accepted as a party, date to be found",
                    field="instrument_date",
                    state=iso3,
                    severity=Severity.WARNING,
                    kind=str(kind),
                )
            else:
                rows.problem(
                    line,
                    f"{name}: instrument_kind {kind} given but no instrument_date "
                    "(write party=yes if the state is a party whose deposit date no "
                    "source gives)",
                    field="instrument_date",
                    state=iso3,
                    kind=str(kind),
                )
        elif not kind_text and row["instrument_date"]:
            rows.problem(
                line,
                f"{name}: instrument_date {row['instrument_date']} given without "
                f"instrument_kind (one of {_KIND_NAMES})",
                field="instrument_kind",
                state=iso3,
            )
        elif not kind_text and not row["signature_date"] and no_intention is None:
            rows.problem(
                line,
                f"{name}: the row gives neither a signature nor an instrument; "
                "nothing is recorded for this state",
                field="instrument_date",
                state=iso3,
                severity=Severity.WARNING,
            )
    return facts, rows.problems


def parse_withdrawals_csv(
    text: str | bytes,
    filename: str = "withdrawals.csv",
    known_states: Iterable[str] | None = None,
) -> tuple[list[Fact], list[Problem]]:
    """Return the withdrawal facts in a withdrawals file, and its problems.

    `known_states`: ISO3 codes (or names) of the states in the participants file; a
    withdrawal by any other state is an error.
    """
    rows = _Rows(text, filename, WITHDRAWAL_COLUMNS, WITHDRAWAL_OPTIONAL)
    known = _known_states(known_states)
    facts: list[Fact] = []
    for line, row, iso3 in rows.by_state():
        name = row["state"]
        if known is not None and iso3 not in known:
            rows.problem(
                line,
                f"{name}: withdrawal for a state that is not in the participants file",
                field="state",
                state=iso3,
            )
            continue
        common = _common(row, iso3, name)
        status = row["status"]
        if status and status.lower() != "effective":
            note = common["note"]
            common["note"] = f"status given: {status}" + (f"; {note}" if note else "")
        common["cn_reference"] = _cn(common["source"])
        notified = rows.date(line, row, "notification_date", iso3)
        effective = rows.date(line, row, "effective_date", iso3)
        if notified is not None:
            facts.append(Fact(kind=FactKind.WITHDRAWAL_NOTIFIED, date=notified, **common))
        if effective is not None:
            facts.append(Fact(kind=FactKind.WITHDRAWAL_EFFECTIVE, date=effective, **common))
        if notified and effective and effective < notified:
            rows.problem(
                line,
                f"{name}: effective date {effective} is before the notification date {notified}",
                field="effective_date",
                state=iso3,
            )
        if status.lower() == "effective" and not row["effective_date"]:
            rows.problem(
                line,
                f"{name}: status says effective but effective_date is blank",
                field="effective_date",
                state=iso3,
            )
        if "held" in status.lower():
            facts.append(Fact(kind=FactKind.WITHDRAWAL_HELD, date=None, **common))
        if not row["notification_date"] and not row["effective_date"]:
            facts.append(Fact(kind=FactKind.WITHDRAWAL_NOTIFIED, date=None, **common))
            rows.problem(
                line,
                f"{name}: withdrawal recorded without a notification or effective "
                "date; the state stays a party until a date is recorded",
                field="notification_date",
                state=iso3,
                severity=Severity.WARNING,
            )
    return facts, rows.problems


def _known_states(states: Iterable[str] | None) -> set[str] | None:
    if states is None:
        return None
    known = set()
    for value in states:
        try:
            known.add(resolve_state(value).iso3)
        except UnknownState:
            known.add(value)
    return known
