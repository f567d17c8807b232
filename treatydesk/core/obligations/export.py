"""Deadlines as downloads: CSV with the documented header, JSON with the rules, iCalendar.

The same functions serve the command line and the site, so both give the same columns.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta

from .coverage import NO_RECORDS, RecordsCoverage
from .deadlines import Deadline
from .status import DeadlineStatus

CSV_FIELDS = ["state", "iso3", "obligation", "article", "due_date", "status", "met_date", "basis",
              # appended after the fixed columns: what records the status is judged against
              "records"]

#: What a feed may say of a deadline's status; the others are not statuses it knows.
_KNOWN_IN_FEED = {
    DeadlineStatus.UPCOMING: "upcoming",
    DeadlineStatus.DUE: "due soon",
    DeadlineStatus.MET_ON_TIME: "met on time",
    DeadlineStatus.MET_LATE: "met late",
    DeadlineStatus.OVERDUE: "overdue (the register holds the records that would show it met)",
    DeadlineStatus.NOT_APPLICABLE: "not applicable",
}
_UNKNOWN_IN_FEED = {
    DeadlineStatus.NO_RECORD: "The register holds no record of whether this was met.",
    DeadlineStatus.NOT_KNOWN: (
        "Applies only where the State holds stockpiles or contaminated areas; the register "
        "holds no declaration or fact saying it does."
    ),
}


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


def deadline_uid(treaty: str, deadline: Deadline, domain: str) -> str:
    """Return the iCalendar UID of an obligation: the same across runs and extensions."""
    key = deadline.key.replace("/", "-")
    return f"{treaty.lower()}-{deadline.state.lower()}-{key}@{domain}"


def deadlines_ics(
    deadlines: Iterable[Deadline],
    *,
    treaty: str,
    name: str,
    domain: str,
    stamp: datetime,
    url_for: Callable[[Deadline], str] | None = None,
    coverage: RecordsCoverage = NO_RECORDS,
) -> bytes:
    """Return an RFC 5545 calendar with one all-day event per obligation.

    A deadline moved by an extension is not a separate event: the event keeps its UID, takes
    the new date and a higher SEQUENCE, and its description names the original date.  A
    deadline that no longer applies stays in the feed as CANCELLED, so subscribed calendars
    drop it.  An event states a status only where the register knows it (no "overdue" for
    a deadline the records do not cover); the calendar's description carries the coverage.
    """
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Treaty Desk//Obligations//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    note = coverage.note("en")
    if note:
        calendar.add("x-wr-caldesc", note)
    for deadline in deadlines:
        if not deadline.is_current:
            continue
        due = deadline.due
        event = Event()
        event.add("uid", deadline_uid(treaty, deadline, domain))
        event.add("dtstamp", stamp)
        event.add("dtstart", due.date)
        event.add("dtend", due.date + timedelta(days=1))
        event.add("sequence", deadline.step)
        event.add("transp", "TRANSPARENT")
        what = deadline.obligation.label
        if deadline.covers is not None:
            what += f" covering {deadline.covers}"
        event.add("summary", f"{deadline.state_name}: {what} due ({due.article}, {treaty})")
        known = _KNOWN_IN_FEED.get(deadline.status)
        lines = [f"Status: {known}" if known else _UNKNOWN_IN_FEED[deadline.status], due.basis]
        if deadline.met_date:
            lines.insert(1, f"Met on {deadline.met_date.isoformat()}")
        if deadline.note:
            lines.append(deadline.note)
        event.add("description", "\n".join(lines))
        event.add("categories", [str(deadline.obligation)])
        if deadline.status is DeadlineStatus.NOT_APPLICABLE:
            event.add("status", "CANCELLED")
        elif deadline.status is DeadlineStatus.NOT_KNOWN:
            event.add("status", "TENTATIVE")
        else:
            event.add("status", "CONFIRMED")
        if url_for is not None:
            event.add("url", url_for(deadline))
        calendar.add_component(event)
    return calendar.to_ical()
