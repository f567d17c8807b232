"""The states-parties list as CSV and JSON, on the same day as the page."""

import csv
import io
import json

import pytest
from django.urls import reverse

from treatydesk.records.facts.export import CSV_FIELDS

pytestmark = pytest.mark.django_db

HEADER = (
    "state,iso3,signature_date,instrument_date,instrument_kind,ordinal,entry_into_force_date,"
    "status"
)


def test_url_names():
    assert reverse("states_parties_csv") == "/en/states-parties.csv"
    assert reverse("states_parties_json") == "/en/states-parties.json"


def test_csv_has_the_documented_header_and_every_participant(client, fresh_site):
    response = client.get("/en/states-parties.csv?as_of=2026-11-28")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="ccm-states-parties-2026-11-28.csv"'
    )
    text = response.content.decode("utf-8")
    assert text.splitlines()[0] == HEADER
    assert HEADER.split(",") == CSV_FIELDS
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 125
    iraq = next(row for row in rows if row["iso3"] == "IRQ")
    assert iraq == {
        "state": "Iraq", "iso3": "IRQ", "signature_date": "2009-11-12",
        "instrument_date": "2013-05-14", "instrument_kind": "ratification", "ordinal": "83",
        "entry_into_force_date": "2013-11-01", "status": "party",
    }
    lithuania = next(row for row in rows if row["iso3"] == "LTU")
    assert lithuania["status"] == "withdrawn"


def test_csv_keeps_as_of(client, fresh_site):
    response = client.get("/en/states-parties.csv?as_of=2013-06-01")
    assert 'filename="ccm-states-parties-2013-06-01.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    iraq = next(row for row in rows if row["iso3"] == "IRQ")
    assert iraq["status"] == "deposited"
    assert iraq["entry_into_force_date"] == "2013-11-01"
    assert all(row["iso3"] != "SSD" for row in rows)  # South Sudan acceded in 2023


def test_csv_is_the_same_in_every_page_language(client, fresh_site):
    english = client.get("/en/states-parties.csv?as_of=2026-11-28").content
    french = client.get("/fr/states-parties.csv?as_of=2026-11-28").content
    assert english == french


def test_json_parses_with_counts_and_rules(client, fresh_site):
    response = client.get("/en/states-parties.json?as_of=2026-11-28")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content)
    assert data["treaty"] == "CCM"
    assert data["as_of"] == "2026-11-28"
    assert data["counts"]["states_parties"] == 112
    assert data["counts"]["signatories"] == 12
    assert data["counts"]["withdrawn"] == 1
    assert len(data["participants"]) == 125
    iraq = next(p for p in data["participants"] if p["iso3"] == "IRQ")
    assert iraq["ordinal"] == 83
    assert iraq["entry_into_force_date"] == "2013-11-01"
    assert iraq["entry_into_force_rule"]["article"] == "Art. 17(2)"
    assert "14 May 2013" in iraq["entry_into_force_rule"]["basis"]
    assert data["entry_into_force"]["date"] == "2010-08-01"


def test_json_keeps_as_of(client, fresh_site):
    data = json.loads(client.get("/en/states-parties.json?as_of=2013-06-01").content)
    assert data["as_of"] == "2013-06-01"
    iraq = next(p for p in data["participants"] if p["iso3"] == "IRQ")
    assert iraq["status"] == "deposited"
    assert data["counts"]["deposited"] >= 1


def test_bad_as_of_in_downloads_is_a_400_with_a_message(client, fresh_site):
    response = client.get("/en/states-parties.csv?as_of=2013-02-30")
    assert response.status_code == 400
    assert "no such day" in response.content.decode()
    response = client.get("/en/states-parties.json?as_of=June")
    assert response.status_code == 400
    assert "YYYY-MM-DD" in json.loads(response.content)["error"]


def test_downloads_on_a_past_day_leave_out_later_acts(client, fresh_site):
    # Nigeria signed in 2009 and ratified on 28 February 2023: in 2013 it was a signatory.
    rows = list(csv.DictReader(io.StringIO(
        client.get("/en/states-parties.csv?as_of=2013-06-01").content.decode()
    )))
    nigeria = next(row for row in rows if row["iso3"] == "NGA")
    assert nigeria["status"] == "signatory"
    assert nigeria["instrument_date"] == nigeria["ordinal"] == ""
    assert nigeria["entry_into_force_date"] == ""
    # Lithuania's withdrawal took effect on 6 March 2025: on 1 January 2024 it was a party.
    data = json.loads(client.get("/en/states-parties.json?as_of=2024-01-01").content)
    lithuania = next(p for p in data["participants"] if p["iso3"] == "LTU")
    assert lithuania["status"] == "party"
    assert lithuania["withdrawal_effective_date"] == ""
    assert lithuania["withdrawal_rule"] is None
