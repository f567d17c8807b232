"""The register computed from the CCM and APMBC data the project ships."""

import pytest

from treatydesk.core.register import Register, Status, load_shipped_facts, load_treaty

from .helpers import d


@pytest.fixture(scope="module")
def ccm():
    facts, problems = load_shipped_facts("ccm")
    assert [p for p in problems if p.is_error] == []
    return Register(load_treaty("ccm"), facts, today=d("2026-11-28"))


@pytest.fixture(scope="module")
def apmbc():
    facts, problems = load_shipped_facts("apmbc")
    assert [p for p in problems if p.is_error] == []
    return Register(load_treaty("apmbc"), facts, today=d("2026-11-28"))


@pytest.mark.parametrize(
    ("iso3", "ordinal", "eif"),
    [
        ("NRU", 78, "2013-08-01"),
        ("LIE", 79, "2013-09-01"),
        ("TCD", 80, "2013-09-01"),
        ("AND", 81, "2013-10-01"),
        ("BOL", 82, "2013-10-01"),
        ("IRQ", 83, "2013-11-01"),
    ],
)
def test_ccm_ordinals_and_entry_into_force(ccm, iso3, ordinal, eif):
    record = ccm.participant(iso3)
    assert record.ordinal == ordinal
    assert record.entry_into_force.date == d(eif)
    assert record.entry_into_force.article == "Art. 17(2)"


@pytest.mark.parametrize(
    ("iso3", "eif"),
    [("CHE", "2013-01-01"), ("CZE", "2012-03-01"), ("SVK", "2016-01-01"), ("CMR", "2013-01-01")],
)
def test_ccm_worked_cases_in_the_shipped_data(ccm, iso3, eif):
    assert ccm.participant(iso3).entry_into_force.date == d(eif)


def test_ccm_names_come_from_the_data(ccm):
    assert ccm.participant("BOL").state_name == "Bolivia (Plurinational State of)"


def test_ccm_first_thirty_states_enter_into_force_on_1_august_2010(ccm):
    ranked = sorted(
        (r for r in ccm.participants() if r.ordinal is not None), key=lambda r: r.instrument.date
    )
    first_thirty = ranked[:30]
    assert all(r.ordinal <= 30 for r in first_thirty)
    assert {r.entry_into_force.date for r in first_thirty} == {d("2010-08-01")}
    assert {r.entry_into_force.article for r in first_thirty} == {"Art. 17(1)"}
    assert ranked[30].entry_into_force.date > d("2010-08-01")


def test_ccm_entry_into_force_agrees_with_the_facts(ccm):
    assert ccm.treaty_entry_into_force.date == d("2010-08-01")
    assert "facts held agree" in ccm.treaty_entry_into_force.basis
    assert not any("imply" in w or "only" in w for w in ccm.warnings)


def test_ccm_counts_as_of_2026_11_28(ccm):
    counts = ccm.counts(d("2026-11-28"))
    assert counts.parties == 112
    assert counts.signatories == 12
    assert counts.withdrawn == 1
    assert counts.deposited == counts.withdrawal_pending == counts.withdrawal_held == 0
    assert counts.total == len(ccm.participants(d("2026-11-28"))) == 125


def test_ccm_lithuania_withdrawn(ccm):
    record = ccm.participant("LTU", d("2026-11-28"))
    assert record.status == Status.WITHDRAWN
    assert record.withdrawal_effective.date == d("2025-03-06")
    assert ccm.status("LTU", d("2025-03-05")) == Status.PARTY


def test_ccm_iraq_deposited_on_1_june_2013(ccm):
    assert ccm.status("IRQ", d("2013-06-01")) == Status.DEPOSITED
    assert ccm.status("IRQ", d("2013-11-01")) == Status.PARTY
    assert ccm.status("IRQ", d("2013-05-13")) == Status.SIGNATORY


def test_ccm_burkina_faso_and_moldova_share_29th_place(ccm):
    assert ccm.participant("MDA").ordinal == ccm.participant("BFA").ordinal == 29
    assert ccm.participant("MDA").ordinal_tied_with == ("BFA",)


def test_apmbc_loads_and_agrees_with_recorded_entry_into_force(apmbc):
    assert apmbc.treaty_entry_into_force.date == d("1999-03-01")
    assert not any("imply" in w or "only" in w for w in apmbc.warnings)


def test_apmbc_withdrawals(apmbc):
    as_of = d("2026-11-28")
    for iso3 in ("EST", "LVA", "LTU", "FIN", "POL"):
        assert apmbc.status(iso3, as_of) == Status.WITHDRAWN, iso3
    assert apmbc.participant("LTU").withdrawal_effective.date == d("2025-12-27")
    assert apmbc.participant("FIN").withdrawal_effective.date == d("2026-01-10")
    assert apmbc.status("FIN", d("2026-01-09")) == Status.WITHDRAWAL_PENDING
    ukraine = apmbc.participant("UKR", as_of)
    assert ukraine.status == Status.PARTY
    assert "withdrawal notification date unknown" in ukraine.flags
