"""Deadlines as downloads: CSV with the documented header, JSON with the rules (ical.py:
the iCalendar feed).

The same functions serve the command line and the site, so both give the same columns.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date

from .coverage import NO_RECORDS, RecordsCoverage
from .deadlines import Deadline

CSV_FIELDS = ["state", "iso3", "obligation", "article", "due_date", "status", "met_date", "basis",
              # appended after the fixed columns: what records the status is judged against
              "records"]

def records_words(coverage: RecordsCoverage) -> str:
    """Return the records a status is judged against, for the `records` column."""
    if coverage.complete_from is None:
        return "no complete records held"
    return f"complete from {coverage.complete_from.isoformat()}"


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def deadline_row(deadline: Deadline, coverage: RecordsCoverage = NO_RECORDS) -> dict:
    """Return the CSV row of one deadline (dates ISO, blank where none)."""
    return {
        "state": deadline.state_name,
        "iso3": deadline.state,
        "obligation": str(deadline.obligation),
        "article": deadline.due.article,
        "due_date": _iso(deadline.due.date),
        "status": str(deadline.status),
        "met_date": _iso(deadline.met_date),
        "basis": deadline.due.basis,
        "records": records_words(coverage),
    }


def _decision(decision) -> dict | None:
    if decision is None:
        return None
    return {
        "decided_on": _iso(decision.decided_on),
        "new_deadline": _iso(decision.new_deadline),
        "meeting": decision.meeting,
        "document_symbol": decision.document_symbol,
    }


def deadline_detail(deadline: Deadline, coverage: RecordsCoverage = NO_RECORDS) -> dict:
    """Return the row with the rule, the original deadline and the extension decisions."""
    row = deadline_row(deadline, coverage)
    row.update(
        key=deadline.key,
        step=deadline.step,
        rule=deadline.due.rule,
        original_due_date=_iso(deadline.original_due),
        covers_year=deadline.covers,
        note=deadline.note,
        set_by_decision=_decision(deadline.decision),
        moved_by_decision=_decision(deadline.superseded_by),
    )
    return row


def deadlines_csv(deadlines: Iterable[Deadline], coverage: RecordsCoverage = NO_RECORDS) -> str:
    """Return deadlines as CSV text with the header CSV_FIELDS."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for deadline in deadlines:
        writer.writerow(deadline_row(deadline, coverage))
    return out.getvalue()
