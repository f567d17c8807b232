"""The deadlines of real states, from the shipped register data, beside the articles."""

from datetime import date

import pytest

from treatydesk.core.obligations import DeadlineStatus, ObligationKind, ObligationRegister

from .helpers import by_key, d, register_of, shipped_register


@pytest.fixture(scope="module")
def ccm():
    return ObligationRegister(shipped_register("ccm"))


@pytest.mark.parametrize(
    ("iso3", "eif", "due"),
    [
        ("CMR", "2013-01-01", "2013-06-30"),  # Cameroon
        ("TCD", "2013-09-01", "2014-02-28"),  # Chad
        ("COK", "2012-02-01", "2012-07-30"),  # Cook Islands: 180 days across 29 February 2012
    ],
)
def test_ccm_initial_report_180_days_after_entry_into_force(ccm, iso3, eif, due):
    record = ccm.register.participant(iso3)
    assert record.entry_into_force.date == d(eif)
    initial = by_key(ccm.deadlines(iso3))["initial-report"]
    assert initial.due.date == d(due)
    assert initial.article == "Art. 7(1)"
    assert initial.obligation is ObligationKind.INITIAL_REPORT
    assert f"180 days after → {initial.due.date.day}" in initial.basis
    assert "entry into force for the State" in initial.basis  # not from the deposit


def test_cook_islands_entry_into_force_comes_from_the_shipped_deposit(ccm):
    record = ccm.register.participant("COK")
    assert record.instrument.date == d("2011-08-23")
    assert "deposit 23 August 2011" in record.entry_into_force.basis


def test_ccm_stockpile_eight_years_and_clearance_ten_years(ccm):
    deadlines = by_key(ccm.deadlines("CMR"))
    stockpile = deadlines["stockpile-destruction"]
    assert stockpile.due.date == d("2021-01-01")
    assert stockpile.article == "Art. 3(2)"
    assert "8 years after → 1 January 2021 (Art. 3(2))" in stockpile.basis
    clearance = deadlines["clearance"]
    assert clearance.due.date == d("2023-01-01")
    assert clearance.article == "Art. 4(1)(a)"


def test_ccm_annual_report_by_30_april_covering_the_previous_year(ccm):
    annual = [x for x in ccm.deadlines("CMR", d("2016-05-01"))
              if x.obligation is ObligationKind.ANNUAL_REPORT]
    # Initial report due 30 June 2013: the first annual report is due in 2014, covering 2013.
    assert [(x.due.date, x.covers) for x in annual] == [
        (d("2014-04-30"), 2013), (d("2015-04-30"), 2014), (d("2016-04-30"), 2015),
        (d("2017-04-30"), 2016),  # the next one ahead
    ]
    assert all(x.article == "Art. 7(2)" for x in annual)
    assert "the year after the initial report fell due (30 June 2013)" in annual[0].basis
    assert annual[3].status is DeadlineStatus.UPCOMING


def test_apmbc_stockpile_four_years_no_extension():
    apmbc = ObligationRegister(shipped_register("apmbc"))
    greece = by_key(apmbc.deadlines("GRC"))
    assert apmbc.register.participant("GRC").entry_into_force.date == d("2004-03-01")
    stockpile = greece["stockpile-destruction"]
    assert stockpile.due.date == d("2008-03-01")
    assert stockpile.article == "Art. 4"
    assert not apmbc.rules.rule("stockpile-destruction").extendable
    assert greece["clearance"].due.date == d("2014-03-01")
    assert greece["initial-report"].due.date == d("2004-08-28")


def test_att_initial_report_one_year_less_one_day():
    att = ObligationRegister(register_of("att", ("AAA", "2014-06-02")))
    deadlines = by_key(att.deadlines("AAA"))
    assert att.register.participant("AAA").entry_into_force.date == d("2014-12-24")
    initial = deadlines["initial-report"]
    assert initial.due.date == d("2015-12-23")
    assert initial.article == "Art. 13(1)"
    assert "one year less one day" in initial.basis
    # First annual report: 31 May 2016, covering 2015 (the year after the initial report fell due).
    assert deadlines["annual-report/2016"].due.date == d("2016-05-31")
    assert deadlines["annual-report/2016"].covers == 2015


def test_tpnw_declaration_thirty_days():
    tpnw = ObligationRegister(register_of("tpnw", ("AAA", "2022-03-01")))
    (declaration,) = tpnw.deadlines("AAA")
    assert tpnw.register.participant("AAA").entry_into_force.date == d("2022-05-30")
    assert declaration.obligation is ObligationKind.DECLARATION
    assert declaration.due.date == d("2022-06-29")
    assert declaration.article == "Art. 2(1)"


def test_no_deadlines_before_the_state_deposits(ccm):
    assert ccm.deadlines("CMR", d("2012-07-11")) == []
    assert ccm.deadlines("CMR", d("2012-07-12"))[0].status is DeadlineStatus.UPCOMING


def test_signatory_without_instrument_has_no_deadlines(ccm):
    assert ccm.register.participant("AGO").instrument is None  # Angola signed only
    assert ccm.deadlines("AGO") == []


def test_withdrawn_state_owes_nothing_after_its_withdrawal_took_effect(ccm):
    lithuania = ccm.deadlines("LTU", date(2026, 1, 15))
    annual_years = [x.covers for x in lithuania if x.obligation is ObligationKind.ANNUAL_REPORT]
    assert annual_years and max(annual_years) == 2023  # due 30 April 2024; effective 6 March 2025
    # Before the withdrawal was known, the 2025 annual report was still owed.
    earlier = ccm.deadlines("LTU", date(2024, 6, 1))
    assert max(x.covers for x in earlier if x.covers) == 2024


@pytest.mark.parametrize("code", ["ccm", "apmbc"])
@pytest.mark.parametrize("day", ["2005-06-01", "2014-04-30", "2026-01-15"])
def test_status_counts_match_the_deadlines_on_shipped_data(code, day):
    from collections import Counter

    register = shipped_register(code)
    listed = Counter((x.obligation, x.status)
                     for x in ObligationRegister(register).all_deadlines(d(day)))
    assert +ObligationRegister(register).status_counts(d(day)) == listed
