"""``treatydesk deadlines``: CSV with the documented header, JSON, iCalendar, clear errors."""

import csv
import io
import json

import icalendar
import pytest

from treatydesk.cli import main

pytestmark = pytest.mark.django_db(transaction=True)


def run(capsys, *args):
    code = main(["deadlines", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_csv_for_one_state(capsys, fresh_site):
    code, out, _ = run(capsys, "CCM", "--state", "Cook Islands", "--as-of", "2012-06-01")
    assert code == 0
    assert out.splitlines()[0] == "state,iso3,obligation,article,due_date,status,met_date,basis"
    rows = list(csv.DictReader(io.StringIO(out)))
    assert (rows[0]["iso3"], rows[0]["obligation"], rows[0]["due_date"], rows[0]["status"]) == (
        "COK", "initial-report", "2012-07-30", "due")
    assert rows[0]["basis"] == ("entry into force for the State 1 February 2012; 180 days after "
                                "→ 30 July 2012 (Art. 7(1))")


def test_apmbc_json(capsys, fresh_site):
    code, out, _ = run(capsys, "apmbc", "--state", "GRC", "--format", "json",
                       "--as-of", "2009-01-01")
    assert code == 0
    data = json.loads(out)
    stockpile = next(d for d in data if d["obligation"] == "stockpile-destruction")
    assert stockpile["due_date"] == "2008-03-01" and stockpile["status"] == "overdue"


def test_ics(capsys, fresh_site):
    code, out, _ = run(capsys, "CCM", "--state", "CMR", "--format", "ics")
    assert code == 0
    parsed = icalendar.Calendar.from_ical(out)
    assert any(str(e["UID"]).startswith("ccm-cmr-initial-report@") for e in parsed.walk("VEVENT"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["XYZ"], "unknown treaty 'XYZ'"),
        (["CCM", "--state", "Atlantis"], "unknown state 'Atlantis'"),
        (["CCM", "--state", "USA"], "USA has no fact in the CCM register"),
    ],
)
def test_errors(capsys, fresh_site, args, message):
    code, _, err = run(capsys, *args)
    assert code == 1 and message in err
