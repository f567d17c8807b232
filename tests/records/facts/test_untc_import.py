"""``treatydesk import CCM FILE --format untc``: a UNTC copy of the CCM imports to the same
register, ``--dry-run`` prints the diff and writes nothing, errors keep the register."""

import datetime as dt

import pytest

from tests.untc_layout import untc_table
from treatydesk.cli import main
from treatydesk.core import clock
from treatydesk.core import register as core

pytestmark = pytest.mark.django_db


def shipped_register():
    facts, _ = core.load_shipped_facts("ccm")
    return facts, core.Register(core.load_treaty("ccm"), facts)


def rows(register, day):
    from treatydesk.records.facts.export import participant_row

    return [{k: v for k, v in participant_row(r).items() if k != "state"}
            for r in register.participants(day)]


def write_copy(tmp_path, taken_on):
    facts, _ = shipped_register()
    names = {f.state: f.state_name for f in facts}
    path = tmp_path / f"ccm-untc-{taken_on}.csv"
    path.write_text(untc_table(facts, names, taken_on), encoding="utf-8")
    return path


def test_a_copy_imports_to_the_shipped_register_on_its_date(tmp_path, capsys):
    from treatydesk.records.facts.loading import current_register

    taken_on = dt.date(2024, 6, 30)  # before Lithuania's withdrawal, which only footnotes tell
    path = write_copy(tmp_path, taken_on)
    assert main(["import", "CCM", str(path), "--format", "untc",
                 "--taken-on", taken_on.isoformat()]) == 0
    _, expected = shipped_register()
    assert rows(current_register("CCM"), taken_on) == rows(expected, taken_on)


def test_a_copy_of_today_changes_nothing_in_the_shipped_register(tmp_path, capsys,
                                                                  fresh_site):
    from treatydesk.records.facts.loading import stored_facts

    before = stored_facts("CCM")
    path = write_copy(tmp_path, clock.today())
    capsys.readouterr()
    assert main(["import", "CCM", str(path), "--format", "untc", "--dry-run"]) == 0
    assert "0 added, 0 changed, 0 removed" in capsys.readouterr().out
    assert main(["import", "CCM", str(path), "--format", "untc"]) == 0
    assert stored_facts("CCM") == before  # sources and withdrawal kept as recorded


def test_dry_run_shows_the_diff_and_writes_nothing(tmp_path, capsys, fresh_site):
    from treatydesk.records.facts.loading import stored_facts

    path = write_copy(tmp_path, clock.today())
    text = path.read_text().replace("Andorra,,,9 Apr 2013 a", "Andorra,,,10 Apr 2013 a")
    text += "United States of America,,,1 Jan 2026 a\n"
    path.write_text(text)
    before = stored_facts("CCM")
    capsys.readouterr()
    assert main(["import", "CCM", str(path), "--format", "untc", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "+ United States of America accession 2026-01-01" in out
    assert "~ Andorra accession: date 2013-04-09 → 2013-04-10" in out
    assert "1 added, 1 changed, 0 removed" in out
    assert stored_facts("CCM") == before


def test_errors_are_line_numbered_and_nothing_is_written(tmp_path, capsys, fresh_site):
    from treatydesk.records.facts.loading import stored_facts

    path = write_copy(tmp_path, clock.today())
    lines = path.read_text().splitlines()
    lines[3] = "Atlantis,3 Dec 2008,,"
    path.write_text("\n".join(lines) + "\n")
    before = stored_facts("CCM")
    capsys.readouterr()
    assert main(["import", "CCM", str(path), "--format", "untc"]) == 1
    err = capsys.readouterr().err
    assert f"{path}:4 [Participant]" in err and "Atlantis" in err
    assert "nothing was imported" in err
    assert stored_facts("CCM") == before
