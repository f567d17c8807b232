"""Deadlines as an RFC 5545 calendar, written directly (a feed of every State's deadlines is
served uncached in well under 200 ms; bench/obligations.py measures it).

Lines are escaped (RFC 5545 §3.3.11) and folded at 75 octets (§3.1); the tests read the
result back with the icalendar package.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta

from .coverage import NO_RECORDS, RecordsCoverage
from .deadlines import Deadline
from .status import DeadlineStatus

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



def deadline_uid(treaty: str, deadline: Deadline, domain: str) -> str:
    """Return the iCalendar UID of an obligation: the same across runs and extensions."""
    key = deadline.key.replace("/", "-")
    return f"{treaty.lower()}-{deadline.state.lower()}-{key}@{domain}"


def _escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str, out: list[str]) -> None:
    """Append `line` folded into lines of at most 75 octets (never inside a character)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        out.append(line)
        return
    start, limit = 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1  # step back to the start of a UTF-8 character
        out.append(("" if start == 0 else " ") + data[start:end].decode("utf-8"))
        start, limit = end, 74  # a continuation line starts with one space


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


def deadlines_ics(
    deadlines: Iterable[Deadline],
    *,
    treaty: str,
    name: str,
    domain: str,
    stamp: datetime,
    url_for: Callable[[Deadline], str] | None = None,
    coverage: RecordsCoverage = NO_RECORDS,
    description: str = "",
) -> bytes:
    """Return an RFC 5545 calendar with one all-day event per obligation.

    A deadline moved by an extension is not a separate event: the event keeps its UID, takes
    the new date and a higher SEQUENCE, and its description names the original date.  A
    deadline that no longer applies stays in the feed as CANCELLED, so subscribed calendars
    drop it; one not known to apply is TENTATIVE.  An event states a status only where the
    register knows it (no "overdue" for a deadline the records do not cover); the calendar's
    description carries the coverage note (and `description`, e.g. which deadlines it holds).
    """
    lines: list[str] = []
    add = lines.append
    add("BEGIN:VCALENDAR")
    add("PRODID:-//Treaty Desk//Obligations//EN")
    add("VERSION:2.0")
    add("CALSCALE:GREGORIAN")
    add("METHOD:PUBLISH")
    _fold(f"X-WR-CALNAME:{_escape(name)}", lines)
    caldesc = " ".join(part for part in (description, coverage.note("en")) if part)
    if caldesc:
        _fold(f"X-WR-CALDESC:{_escape(caldesc)}", lines)
    dtstamp = stamp.strftime("%Y%m%dT%H%M%SZ")
    for deadline in deadlines:
        if not deadline.is_current:
            continue
        due = deadline.due
        add("BEGIN:VEVENT")
        _fold(f"UID:{deadline_uid(treaty, deadline, domain)}", lines)
        add(f"DTSTAMP:{dtstamp}")
        add(f"DTSTART;VALUE=DATE:{_day(due.date)}")
        add(f"DTEND;VALUE=DATE:{_day(due.date + timedelta(days=1))}")
        add(f"SEQUENCE:{deadline.step}")
        add("TRANSP:TRANSPARENT")
        what = deadline.obligation.label
        if deadline.covers is not None:
            what += f" covering {deadline.covers}"
        summary = f"{deadline.state_name}: {what} due ({due.article}, {treaty})"
        _fold(f"SUMMARY:{_escape(summary)}", lines)
        known = _KNOWN_IN_FEED.get(deadline.status)
        text = [f"Status: {known}" if known else _UNKNOWN_IN_FEED[deadline.status], due.basis]
        if deadline.met_date:
            text.insert(1, f"Met on {deadline.met_date.isoformat()}")
        if deadline.note:
            text.append(deadline.note)
        _fold(f"DESCRIPTION:{_escape(chr(10).join(text))}", lines)
        add(f"CATEGORIES:{_escape(str(deadline.obligation))}")
        if deadline.status is DeadlineStatus.NOT_APPLICABLE:
            add("STATUS:CANCELLED")
        elif deadline.status is DeadlineStatus.NOT_KNOWN:
            add("STATUS:TENTATIVE")
        else:
            add("STATUS:CONFIRMED")
        if url_for is not None:
            _fold(f"URL:{url_for(deadline)}", lines)
        add("END:VEVENT")
    add("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")
