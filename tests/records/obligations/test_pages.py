"""The obligations list, its filters and downloads, and the section on each state's page."""

import csv
import io
import json

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

HEADER = "state,iso3,obligation,article,due_date,status,met_date,basis,records"


def test_urls():
    assert reverse("obligations_index") == "/en/obligations/"
    assert reverse("obligations_csv") == "/en/obligations/deadlines.csv"
    assert reverse("obligations_ics") == "/en/obligations/deadlines.ics"
    assert reverse("state_deadlines_ics", args=["CMR"]) == "/en/states/CMR/deadlines.ics"


def test_list_shows_worked_deadlines_with_basis(client, fresh_site, today):
    response = client.get("/en/obligations/?obligation=initial-report")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    html = response.content.decode()
    assert "<h1>Obligations and deadlines</h1>" in html
    assert '<time datetime="2013-06-30">30 June 2013</time>' in html  # Cameroon
    assert '<time datetime="2014-02-28">28 February 2014</time>' in html  # Chad
    assert '<time datetime="2012-07-30">30 July 2012</time>' in html  # Cook Islands
    assert "entry into force for the State 1 September 2013; 180 days after → 28 February 2014" \
        in html
    assert "holds no complete record of the reports and declarations received" in html
    assert "every past deadline shows as overdue" not in html


def test_filters_by_status_and_year(client, cameroon_clearance_extended):
    rows = list(csv.DictReader(io.StringIO(client.get(
        "/en/obligations/deadlines.csv?status=extended").content.decode())))
    assert [(r["iso3"], r["obligation"], r["due_date"]) for r in rows] == [
        ("CMR", "clearance", "2023-01-01")]
    rows = list(csv.DictReader(io.StringIO(client.get(
        "/en/obligations/deadlines.csv?year=2014&obligation=initial-report").content.decode())))
    assert {r["due_date"][:4] for r in rows} == {"2014"}
    assert "TCD" in {r["iso3"] for r in rows}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("obligation=reports", "is not an obligation of this treaty"),
        ("status=late", "is not a deadline status"),
        ("year=14", "is not a year"),
        ("as_of=2014-02-30", "There is no such day"),
        ("as_of=9999-12-31", "is outside the dates the register can show"),
        ("as_of=4000-01-01", "is outside the dates the register can show"),
        ("as_of=1999-01-01", "is outside the dates the register can show"),
        ("year=²²²²", "is not a year"),
        ("year=２０１４", "is not a year"),
        ("state=Atlantis", "is not a state the register knows"),
    ],
)
def test_bad_filters_say_what_to_give(client, fresh_site, query, message):
    page = client.get(f"/en/obligations/?{query}")
    assert page.status_code == 400 and message in page.content.decode()
    download = client.get(f"/en/obligations/deadlines.csv?{query}")
    assert download.status_code == 400 and message in download.content.decode()
    data = client.get(f"/en/obligations/deadlines.json?{query}")
    assert data.status_code == 400 and message in data.json()["error"]


def test_csv_download(client, fresh_site, today):
    response = client.get("/en/obligations/deadlines.csv?state=CMR")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="ccm-deadlines-2026-01-15.csv"' in response["Content-Disposition"]
    text = response.content.decode()
    assert text.splitlines()[0] == HEADER
    assert text.splitlines()[1].startswith(
        "Cameroon,CMR,initial-report,Art. 7(1),2013-06-30,no-report-recorded,,entry into force")


def test_json_download(client, cameroon_clearance_extended):
    data = json.loads(client.get("/en/obligations/deadlines.json?state=CMR").content)
    assert data["treaty"] == "CCM" and data["as_of"] == "2026-01-15"
    clearance = [d for d in data["deadlines"] if d["obligation"] == "clearance"]
    assert [d["status"] for d in clearance] == ["extended", "upcoming"]
    assert clearance[1]["original_due_date"] == "2023-01-01"
    assert clearance[1]["set_by_decision"]["document_symbol"] == "CCM/MSP/2022/12"
    assert data["on_time_rates"][0]["year"] == 2011


def test_extension_on_the_state_page_keeps_the_original(client, cameroon_clearance_extended):
    html = client.get("/en/states/CMR/").content.decode()
    assert "Obligations and deadlines" in html
    assert '<del><time datetime="2023-01-01">1 January 2023</time></del>' in html
    assert '<time datetime="2026-06-01">1 June 2026</time>' in html
    assert ("extended from 1 January 2023 to 1 June 2026 by decision of Tenth Meeting of "
            "States Parties (CCM/MSP/2022/12), 31 August 2022 (Art. 4(5)–(8)); originally due "
            "1 January 2023 (Art. 4(1)(a))") in html
    assert "Extension requested" in html and "Extension granted" in html
    assert "CCM/MSP/2022/5" in html  # the request's document
    assert 'href="/en/states/CMR/deadlines.ics"' in html


def test_extension_in_the_csv_keeps_the_original(client, cameroon_clearance_extended):
    text = client.get("/en/obligations/deadlines.csv?state=CMR&obligation=clearance").content
    original, moved = csv.DictReader(io.StringIO(text.decode()))
    assert (original["article"], original["due_date"], original["status"]) == (
        "Art. 4(1)(a)", "2023-01-01", "extended")
    assert (moved["article"], moved["due_date"], moved["status"]) == (
        "Art. 4(5)–(8)", "2026-06-01", "upcoming")
    assert moved["basis"].startswith("extended from 1 January 2023 to 1 June 2026")


def test_signatory_page_explains_there_are_no_deadlines(client, fresh_site, today):
    html = client.get("/en/states/AGO/").content.decode()  # Angola signed only
    assert "A signatory has no deadlines until it deposits" in html


def test_restricted_report_document_is_not_published(client, fresh_site, today):
    import datetime as dt

    from treatydesk.records.obligations.actions import RecordObligationFact
    from treatydesk.records.obligations.models import Report

    RecordObligationFact(Report(
        treaty="CCM", state="CMR", obligation="initial-report", received_on=dt.date(2013, 6, 1),
        access="restricted", document_symbol="CCM/CMR/SECRET/1",
    )).execute()
    html = client.get("/en/states/CMR/").content.decode()
    assert "initial report received (restricted)" in html
    assert "CCM/CMR/SECRET/1" not in html
    rows = list(csv.DictReader(io.StringIO(client.get(
        "/en/obligations/deadlines.csv?state=CMR&obligation=initial-report").content.decode())))
    assert rows[0]["status"] == "met-on-time" and rows[0]["met_date"] == "2013-06-01"


def test_french_page(client, fresh_site, today):
    response = client.get("/fr/obligations/")
    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()  # the English basis is marked as such


def test_status_counts_follow_the_other_filters(client, fresh_site, today):
    html = client.get("/en/obligations/?obligation=initial-report&status=overdue").content.decode()
    assert 'href="?obligation=initial-report&amp;status=upcoming"' in html
    assert 'href="?obligation=initial-report&amp;status=overdue" aria-current="true"' in html
