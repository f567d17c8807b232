"""Report records and declarations in bulk: one CSV file, read whole or not at all.

Columns (header on line 1): `state,record,obligation,date,period_end,document,source`, and
optionally a last column `reason`.

- `record`: `report` (a report or declaration received on `date`; an annual report names the
  last day of the period it covers in `period_end`), `not-applicable` (the State declared on
  `date` that the obligation does not apply), `applies` (it declared, or a recorded fact
  shows, that it applies: stockpiles held, areas contaminated), `completion` (it declared the
  obligation fulfilled on `date`);
- `obligation`: a kind of the treaty's `[[obligations]]` (`initial-report`, …);
- `state`: UN name or ISO code; dates ISO `YYYY-MM-DD`;
- `document`: the symbol of the document a report, a completion or an "applies" row comes
  from. A not-applicable declaration stores no document, so a row giving one is refused
  rather than filed under another field; give its symbol in `source`;
- `reason`: only for `not-applicable`, the words of the declaration ("no stockpiles held").

`parse_obligation_csv` never raises: it returns the facts and every problem with its line.
The caller stores nothing when any problem is an error (all or nothing).
"""

from __future__ import annotations

import csv
import io
from datetime import date

from ..register.countries import UnknownState, resolve_state
from ..register.problems import Problem
from .facts import CompletionDeclared, NotApplicable, ObligationApplies, ReportReceived
from .rules import REPORT_KINDS, WORK_KINDS, ObligationKind, TreatyObligations

COLUMNS = ("state", "record", "obligation", "date", "period_end", "document", "source")
REASON = "reason"
RECORDS = ("report", "not-applicable", "applies", "completion")
MAX_ROWS = 20_000


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def parse_obligation_csv(text: str | bytes, rules: TreatyObligations,
                         filename: str = "obligations.csv") -> tuple[list, list[Problem]]:
    """Return the obligation facts in `text` and its problems (each with file and line)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    problems: list[Problem] = []

    def problem(line: int, message: str, field: str = "") -> None:
        problems.append(Problem(message, field=field, file=filename, line=line))

    reader = csv.reader(io.StringIO((text or "").lstrip("\ufeff"), newline=""))
    header = next(reader, None)
    names = tuple(cell.strip().lower() for cell in header or ())
    if names not in (COLUMNS, (*COLUMNS, REASON)):
        problem(1, f"wrong header: expected {','.join(COLUMNS)} (then, optionally, {REASON})",
                "header")
        return [], problems
    kinds = {str(kind) for kind in rules.kinds}
    facts: list = []
    line = 1
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(facts) + len(problems) >= MAX_ROWS:
            problem(line, f"more than {MAX_ROWS} rows: split the file")
            break
        if len(row) != len(names):
            problem(line, f"expected {len(names)} columns, found {len(row)}")
            continue
        values = dict(zip(names, (cell.strip() for cell in row), strict=True))
        reason = values.get(REASON, "")
        try:
            state = resolve_state(values["state"]).iso3
        except UnknownState:
            problem(line, f"unknown state {values['state']!r}: give its UN name or ISO code",
                    "state")
            continue
        record, obligation = values["record"].lower(), values["obligation"].lower()
        if record not in RECORDS:
            problem(line, f"record must be one of {', '.join(RECORDS)}, not {record!r}", "record")
            continue
        if obligation not in kinds:
            problem(line, f"{obligation!r} is not an obligation of the {rules.code}; one of "
                    f"{', '.join(sorted(kinds))}", "obligation")
            continue
        kind = ObligationKind(obligation)
        day = _date(values["date"])
        if day is None:
            problem(line, f"date {values['date']!r} is not a date YYYY-MM-DD", "date")
            continue
        end = _date(values["period_end"])
        if values["period_end"] and end is None:
            problem(line, f"period_end {values['period_end']!r} is not a date YYYY-MM-DD",
                    "period_end")
            continue
        document, source = values["document"], values["source"]
        if reason and record != "not-applicable":
            problem(line, f"reason is only for not-applicable, not for {record}", REASON)
            continue
        if document and record == "not-applicable":
            problem(line, "a not-applicable declaration stores no document: leave document "
                    f"empty and give {document!r} in source", "document")
            continue
        if record == "report":
            if kind not in REPORT_KINDS:
                problem(line, f"a {kind.label} is met by completing work, not by a report: "
                        "use completion, applies or not-applicable", "record")
                continue
            if kind is ObligationKind.ANNUAL_REPORT and end is None:
                problem(line, "an annual report needs period_end (the last day it covers)",
                        "period_end")
                continue
            facts.append(ReportReceived(state, kind, day, None, end, document=document,
                                        source=source, ref=f"{filename}:{line}"))
            continue
        if kind not in WORK_KINDS:
            problem(line, f"{record} is for stockpile destruction or clearance, not a "
                    f"{kind.label}", "record")
            continue
        if record == "not-applicable":
            facts.append(NotApplicable(state, kind, day, reason, source,
                                       ref=f"{filename}:{line}"))
        elif record == "applies":
            facts.append(ObligationApplies(state, kind, day, source, document,
                                           ref=f"{filename}:{line}"))
        else:
            facts.append(CompletionDeclared(state, kind, day, document, source,
                                            ref=f"{filename}:{line}"))
    return facts, problems
