"""The ``treatydesk`` command: what it prints and returns on the shared fresh site (run in this
process), and a real process on a database never set up."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.commands import treatydesk

BIN = Path(sys.executable).parent / "treatydesk"


def run(args, check=True):
    """Run the command in this process, on the test's database (tests/commands.py)."""
    result = treatydesk(*args)
    if check and result.code != 0:
        raise AssertionError(f"{args} failed:\n{result.stdout}\n{result.stderr}")
    return result


def run_process(args, env):
    """Run the installed command in a process of its own, as a user does."""
    return subprocess.run(
        [str(BIN), *args], env=env, capture_output=True, text=True, timeout=300, check=False,
    )


def status_rows(*extra):
    out = run(["status", "CCM", "--format", "csv", *extra]).stdout
    return list(csv.DictReader(io.StringIO(out))), out


def test_init_prints_password_once_and_is_idempotent(fresh_site):
    assert "password:" in fresh_site.init_output
    again = run(["init"])
    assert "password:" not in again.stdout


def test_status_csv_matches_the_depositary(fresh_site):
    rows, out = status_rows("--as-of", "2026-11-28")
    assert out.splitlines()[0] == (
        "state,iso3,signature_date,instrument_date,instrument_kind,ordinal,"
        "entry_into_force_date,status,withdrawal_notified,withdrawal_effective,"
        "no_intention_notified"
    )
    by_name = {r["state"]: r for r in rows}
    expected = [
        ("Nauru", "78", "2013-08-01"), ("Liechtenstein", "79", "2013-09-01"),
        ("Chad", "80", "2013-09-01"), ("Andorra", "81", "2013-10-01"),
        ("Bolivia (Plurinational State of)", "82", "2013-10-01"), ("Iraq", "83", "2013-11-01"),
    ]
    for name, ordinal, eif in expected:
        assert (by_name[name]["ordinal"], by_name[name]["entry_into_force_date"]) == (ordinal, eif)
    first_thirty = [r for r in rows if r["ordinal"] and int(r["ordinal"]) <= 30]
    assert len(first_thirty) == 30
    assert {r["entry_into_force_date"] for r in first_thirty} == {"2010-08-01"}
    statuses = [r["status"] for r in rows]
    assert statuses.count("party") == 112
    assert statuses.count("signatory") == 12
    assert by_name["Lithuania"]["status"] == "withdrawn"
    assert len(rows) == 125


def test_status_as_of_shows_iraq_awaiting_entry_into_force(fresh_site):
    rows, _ = status_rows("--as-of", "2013-06-01")
    iraq = next(r for r in rows if r["iso3"] == "IRQ")
    assert iraq["status"] == "deposited"
    assert iraq["entry_into_force_date"] == "2013-11-01"
    nigeria = next(r for r in rows if r["iso3"] == "NGA")
    assert (nigeria["status"], nigeria["instrument_date"], nigeria["ordinal"]) == (
        "signatory", "", "")


def test_status_json_carries_the_rule(fresh_site):
    data = json.loads(run(["status", "CCM", "--format", "json"]).stdout)
    iraq = next(r for r in data if r["iso3"] == "IRQ")
    assert "17" in iraq["entry_into_force_rule"]["article"]


def test_notice_by_name_and_code(fresh_site):
    by_code = run(["notice", "CCM", "IRQ"]).stdout.strip()
    by_name = run(["notice", "ccm", "Iraq"]).stdout.strip()
    assert by_code == by_name
    assert "83rd State to ratify the Convention on Cluster Munitions" in by_code
    assert "1 November 2013" in by_code


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", "En tant que 83e État à ratifier la Convention sur les armes à sous-munitions"),
    ("es", "Como 83.º Estado en ratificar la Convención sobre Municiones en Racimo"),
])
def test_notice_in_french_and_spanish(fresh_site, lang, expected):
    out = run(["notice", "CCM", "IRQ", "--lang", lang]).stdout
    assert expected in out


def test_commands_on_a_database_never_set_up(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(TREATYDESK_VAR=str(tmp_path), TREATYDESK_ENV="dev",
               DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    result = run_process(["status", "CCM"], env)
    assert result.returncode == 1
    assert "treatydesk init" in result.stderr and "Traceback" not in result.stderr


def test_bad_import_exits_nonzero_and_keeps_the_register(fresh_site, tmp_path):
    before = run(["status", "CCM", "--format", "csv"]).stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("state,signature_date,instrument_date,instrument_kind,source\n"
                   "Iraq,2008-12-03,2099-01-01,ratification,x\n"
                   "Atlantis,,2012-01-01,accession,x\n")
    result = run(["import", "CCM", str(bad)], check=False)
    assert result.returncode != 0
    assert "bad.csv" in result.stderr and "Traceback" not in result.stderr
    assert "Atlantis" in result.stderr
    assert run(["status", "CCM", "--format", "csv"]).stdout == before


def test_unknown_treaty_and_state_are_clear(fresh_site):
    result = run(["status", "XYZ"], check=False)
    assert result.returncode != 0 and "unknown treaty" in result.stderr
    result = run(["notice", "CCM", "Atlantis"], check=False)
    assert result.returncode != 0 and "unknown state" in result.stderr
    result = run(["status", "CCM", "--as-of", "2013-02-30"], check=False)
    assert result.returncode == 2 and "no such day as 2013-02-30" in result.stderr


def test_import_missing_file(fresh_site, tmp_path):
    result = run(["import", "CCM", str(tmp_path / "none.csv")], check=False)
    assert result.returncode == 1 and "no such file" in result.stderr


def test_log_verify_passes_on_a_fresh_init_and_fails_on_a_changed_row(fresh_site):
    from treatydesk.records.facts.models import Fact

    result = run(["log", "verify"])
    assert result.stdout.endswith("The register log verifies: every check holds.\n")
    assert ("The published status of APMBC, ATT, CCM, TPNW is the one the log's entries give."
            in result.stdout)
    again = run(["log", "verify"])
    assert "last verified here" in again.stdout, "the verifier remembers what it verified"
    # a field the log carries (the internal note is not in the public log)
    Fact.objects.filter(treaty="CCM", state="IRQ", kind="ratification").update(source="edited")
    failed = run(["log", "verify"], check=False)
    assert failed.code == 1 and "FAILED  entry " in failed.stdout
    assert "the row was changed outside Treaty Desk" in failed.stdout
