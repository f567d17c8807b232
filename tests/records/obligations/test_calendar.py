"""iCalendar feeds per treaty and per state: RFC 5545, parsed with the icalendar package."""

import datetime as dt

import icalendar
import pytest

pytestmark = pytest.mark.django_db


def events(response):
    return icalendar.Calendar.from_ical(response.content).walk("VEVENT")


def test_state_feed(client, fresh_site, today, settings):
    settings.TREATYDESK_CALENDAR_DOMAIN = "treaties.example.org"
    response = client.get("/en/states/TCD/deadlines.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "public" in response["Cache-Control"]
    found = events(response)
    uid = "ccm-tcd-initial-report@treaties.example.org"
    initial = next(e for e in found if str(e["UID"]) == uid)
    assert initial.decoded("DTSTART") == dt.date(2014, 2, 28)
    assert initial["DTSTART"].params["VALUE"] == "DATE"
    assert initial.decoded("DTEND") == dt.date(2014, 3, 1)
    assert initial.decoded("DTSTAMP").tzinfo is not None  # UTC date-time
    assert str(initial["URL"]) == "http://testserver/en/states/TCD/"
    assert {str(e["UID"]).split("@")[0] for e in found} >= {
        "ccm-tcd-initial-report", "ccm-tcd-stockpile-destruction", "ccm-tcd-clearance",
        "ccm-tcd-annual-report-2015"}
    again = events(client.get("/en/states/TCD/deadlines.ics"))
    assert [str(e["UID"]) for e in again] == [str(e["UID"]) for e in found]


def test_treaty_feed_and_extension(client, cameroon_clearance_extended):
    response = client.get("/en/obligations/deadlines.ics")
    assert response.status_code == 200
    found = events(response)
    states = {str(e["UID"]).split("-")[1] for e in found}
    assert {"cmr", "tcd", "cok", "irq"} <= states
    clearance = [e for e in found if str(e["UID"]).startswith("ccm-cmr-clearance@")]
    assert len(clearance) == 1  # one event per obligation, moved by the extension
    assert clearance[0].decoded("DTSTART") == dt.date(2026, 6, 1)
    assert int(clearance[0]["SEQUENCE"]) == 1
    assert "originally due 1 January 2023" in str(clearance[0]["DESCRIPTION"])


def test_unknown_state_feed_is_404_and_lower_case_redirects(client, fresh_site, today):
    assert client.get("/en/states/XYZ/deadlines.ics").status_code == 404
    response = client.get("/en/states/tcd/deadlines.ics")
    assert response.status_code == 301 and response["Location"] == "/en/states/TCD/deadlines.ics"
