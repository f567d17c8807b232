"""Downloads: the CSV header, JSON details and an RFC 5545 calendar that icalendar parses."""

from datetime import UTC, date, datetime, timedelta

import icalendar

from treatydesk.core.obligations import (
    CSV_FIELDS,
    DeadlineStatus,
    ExtensionDecision,
    ExtensionRequest,
    NotApplicable,
    ObligationKind,
    deadline_detail,
    deadlines_csv,
    deadlines_ics,
)

from .helpers import d, obligations, register_of

CMR = register_of("ccm", ("CMR", "2012-07-12"))
STAMP = datetime(2026, 1, 15, 8, 30, tzinfo=UTC)


def calendar(*facts, day="2024-01-01"):
    deadlines = obligations(CMR, *facts).deadlines("CMR", d(day))
    text = deadlines_ics(deadlines, treaty="CCM", name="CCM deadlines: Cameroon",
                         domain="treatydesk.example", stamp=STAMP,
                         url_for=lambda x: f"https://treatydesk.example/en/states/{x.state}/")
    return deadlines, text, icalendar.Calendar.from_ical(text)


def test_csv_header_is_exact():
    assert ",".join(CSV_FIELDS) == (
        "state,iso3,obligation,article,due_date,status,met_date,basis,records")
    text = deadlines_csv(obligations(CMR).deadlines("CMR", d("2014-01-01")))
    assert text.splitlines()[0] == ",".join(CSV_FIELDS)
    assert text.splitlines()[1].startswith("CMR,CMR,initial-report,Art. 7(1),2013-06-30,overdue,,")


def test_ics_parses_as_all_day_events_with_stable_uids():
    deadlines, text, parsed = calendar()
    assert text.startswith(b"BEGIN:VCALENDAR\r\n")
    assert parsed["VERSION"] == "2.0" and "PRODID" in parsed
    events = parsed.walk("VEVENT")
    assert len(events) == len(deadlines)
    first = events[0]
    assert str(first["UID"]) == "ccm-cmr-initial-report@treatydesk.example"
    start = first.decoded("DTSTART")
    assert type(start) is date and start == date(2013, 6, 30)  # VALUE=DATE, not a date-time
    assert first.decoded("DTEND") == start + timedelta(days=1)
    assert first["DTSTART"].params.get("VALUE") == "DATE"
    assert first.decoded("DTSTAMP") == STAMP
    assert "Art. 7(1)" in str(first["SUMMARY"])
    assert "180 days after" in str(first["DESCRIPTION"])
    assert str(first["URL"]) == "https://treatydesk.example/en/states/CMR/"
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert b"DTSTART;VALUE=DATE:20130630\r\n" in text
    # Generated again: the same UIDs.
    assert [str(e["UID"]) for e in calendar()[2].walk("VEVENT")] == uids


def test_extension_keeps_the_uid_and_raises_the_sequence():
    request = ExtensionRequest("CMR", ObligationKind.CLEARANCE, d("2022-03-01"), 36, ref="r1")
    decision = ExtensionDecision("r1", d("2022-08-31"), d("2026-01-01"), ref="x1")
    _, _, before = calendar(day="2022-08-30")
    _, _, after = calendar(request, decision, day="2024-01-01")

    def clearance(parsed):
        return next(e for e in parsed.walk("VEVENT") if "clearance" in str(e["UID"]))

    old, new = clearance(before), clearance(after)
    assert str(old["UID"]) == str(new["UID"]) == "ccm-cmr-clearance@treatydesk.example"
    assert old.decoded("DTSTART") == date(2023, 1, 1) and int(old["SEQUENCE"]) == 0
    assert new.decoded("DTSTART") == date(2026, 1, 1) and int(new["SEQUENCE"]) == 1
    assert "originally due 1 January 2023" in str(new["DESCRIPTION"])


def test_not_applicable_is_cancelled_in_the_calendar():
    none = NotApplicable("CMR", ObligationKind.STOCKPILE_DESTRUCTION, d("2013-01-10"))
    _, _, parsed = calendar(none)
    stockpile = next(e for e in parsed.walk("VEVENT") if "stockpile" in str(e["UID"]))
    assert str(stockpile["STATUS"]) == "CANCELLED"


def test_json_detail_names_the_decisions():
    request = ExtensionRequest("CMR", ObligationKind.CLEARANCE, d("2022-03-01"), 36, ref="r1")
    decision = ExtensionDecision("r1", d("2022-08-31"), d("2026-01-01"), meeting="10MSP",
                                 document_symbol="CCM/MSP/2022/12", ref="x1")
    rows = [deadline_detail(x) for x in obligations(CMR, request, decision)
            .deadlines("CMR", d("2024-01-01")) if x.obligation is ObligationKind.CLEARANCE]
    assert rows[0]["status"] == str(DeadlineStatus.EXTENDED)
    assert rows[0]["moved_by_decision"]["document_symbol"] == "CCM/MSP/2022/12"
    assert rows[1]["set_by_decision"]["new_deadline"] == "2026-01-01"
    assert rows[1]["original_due_date"] == "2023-01-01"
