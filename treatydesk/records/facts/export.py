"""The register as rows for downloads: the same columns on the command line and the site."""

import csv
import datetime as dt
import io

from treatydesk.core import register as core

CSV_FIELDS = [
    "state", "iso3", "signature_date", "instrument_date", "instrument_kind", "ordinal",
    "entry_into_force_date", "status",
    # Appended after the fixed columns (issue 12): readers of the first eight keep working.
    "withdrawal_notified", "withdrawal_effective", "no_intention_notified",
]


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def participant_row(record: core.ParticipantRecord) -> dict:
    """Return the download row of one participant (dates ISO, blank where none)."""
    eif = record.entry_into_force
    return {
        "state": record.state_name,
        "iso3": record.state,
        "signature_date": _iso(record.signature.date if record.signature else None),
        "instrument_date": _iso(record.instrument.date if record.instrument else None),
        "instrument_kind": str(record.instrument.kind) if record.instrument else "",
        "ordinal": record.ordinal if record.ordinal is not None else "",
        "entry_into_force_date": _iso(eif.date if eif else None),
        "status": str(record.status),
        "withdrawal_notified": _iso(
            record.withdrawal_notified.date if record.withdrawal_notified else None),
        "withdrawal_effective": _iso(
            record.withdrawal_effective.date if record.withdrawal_effective else None),
        "no_intention_notified": _iso(record.no_intention.date if record.no_intention else None),
    }


def participant_detail(record: core.ParticipantRecord) -> dict:
    """Return the row with the rule behind each computed date, for JSON downloads."""
    row = participant_row(record)
    eif = record.entry_into_force
    row["entry_into_force_rule"] = (
        {"rule": eif.rule, "article": eif.article, "basis": eif.basis} if eif else None
    )
    wd = record.withdrawal_effective
    row["withdrawal_effective_date"] = _iso(wd.date if wd else None)
    row["withdrawal_rule"] = (
        {"rule": wd.rule, "article": wd.article, "basis": wd.basis} if wd else None
    )
    row["ordinal_tied_with"] = list(record.ordinal_tied_with)
    row["flags"] = list(record.flags)
    return row


def rows_as_csv(records) -> str:
    """Return the participants as CSV text with the documented header."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(participant_row(record))
    return out.getvalue()
