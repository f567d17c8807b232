"""Diffs of facts, the event rows' stable ids, counts series and the panel."""

import datetime as dt

from treatydesk.core import opendata
from treatydesk.core import register as core

D = dt.date


def fact(state, kind, day, cn=""):
    return core.Fact(state, core.FactKind(kind), day, cn_reference=cn)


def test_a_changed_date_is_one_change_with_its_cn():
    before = [fact("NOR", "ratification", D(2008, 12, 3), "C.N.1.2008.TREATIES-1")]
    after = [fact("NOR", "ratification", D(2008, 12, 4), "C.N.1.2008.TREATIES-1")]
    changes = opendata.diff_facts("CCM", before, after).as_dict()
    assert changes["added"] == changes["removed"] == []
    [change] = changes["changed"]
    assert change["fields"] == ["date"] and change["cn_reference"] == "C.N.1.2008.TREATIES-1"


def test_ids_are_stable_and_unique():
    facts = [fact("NOR", "signature", D(2008, 12, 3)), fact("NOR", "signature", D(2008, 12, 3)),
             fact("NOR", "ratification", None)]
    assert opendata.fact_ids("ccm", facts) == [
        "CCM:NOR:signature:2008-12-03", "CCM:NOR:signature:2008-12-03-2",
        "CCM:NOR:ratification:undated"]


def test_series_by_month_clamps_to_the_month_end():
    days = opendata.series_days(D(2020, 1, 31), D(2020, 4, 30), opendata.Step.MONTH)
    assert days == [D(2020, 1, 31), D(2020, 2, 29), D(2020, 3, 31), D(2020, 4, 30)]


def test_panel_codes_follow_the_register():
    facts, _ = core.load_shipped_facts("ccm")
    register = core.Register(core.load_treaty("ccm"), facts)
    rows = opendata.panel_rows([register], ["NOR", "USA", "LTU"], 2008, 2025)
    by = {(r["iso3"], r["year"]): r for r in rows}
    assert by[("USA", 2020)]["code"] == 0 and by[("USA", 2020)]["status"] == "none"
    assert by[("NOR", 2008)]["code"] == 2  # deposited 3 Dec 2008, in force 1 Aug 2010
    assert by[("NOR", 2010)]["code"] == 3
    assert by[("LTU", 2025)]["status"] == "withdrawn" and by[("LTU", 2025)]["code"] == 0
    for row in rows:
        status = register.status(row["iso3"], D(row["year"], 12, 31))
        assert row["status"] == (str(status) if status else "none")
