"""A deadline's status on any date: upcoming, due, met on time or late, overdue, not applicable."""

import pytest

from treatydesk.core.obligations import (
    FIRST_AFTER_INITIAL_DUE,
    MONTH_END_NEXT_DAY,
    YEAR_AFTER_ENTRY_INTO_FORCE,
    CompletionDeclared,
    DeadlineStatus,
    NotApplicable,
    ObligationKind,
    ObligationPolicy,
    ReportReceived,
)

from .helpers import by_key, d, obligations, register_of

S = DeadlineStatus
INITIAL = ObligationKind.INITIAL_REPORT
ANNUAL = ObligationKind.ANNUAL_REPORT
STOCKPILE = ObligationKind.STOCKPILE_DESTRUCTION

# Cameroon's dates, on a register of its own: in force 1 January 2013, initial report 30 June 2013.
CMR = register_of("ccm", ("CMR", "2012-07-12"))


def initial_on(day, *facts, **options):
    return by_key(obligations(CMR, *facts, **options).deadlines("CMR", d(day)))["initial-report"]


@pytest.mark.parametrize(
    ("day", "status"),
    [
        ("2013-01-01", S.UPCOMING),  # 180 days ahead
        ("2013-04-01", S.DUE),  # 90 days ahead: due soon (policy due_soon_days = 90)
        ("2013-06-30", S.DUE),  # the last day
        ("2013-07-01", S.OVERDUE),
    ],
)
def test_unmet_deadline_on_a_date(day, status):
    assert initial_on(day).status is status


def test_report_on_the_last_day_is_on_time():
    report = ReportReceived("CMR", INITIAL, d("2013-06-30"), document="CCM/CMR/2013/1")
    deadline = initial_on("2014-01-01", report)
    assert deadline.status is S.MET_ON_TIME
    assert deadline.met_date == d("2013-06-30")
    assert deadline.met_by is report


def test_late_report_is_met_late_and_overdue_before_it_came():
    report = ReportReceived("CMR", INITIAL, d("2013-09-02"))
    assert initial_on("2013-09-01", report).status is S.OVERDUE  # not yet received then
    late = initial_on("2014-01-01", report)
    assert late.status is S.MET_LATE
    assert late.note == "64 days late"


def test_annual_report_meets_the_year_it_covers():
    covering_2013 = ReportReceived("CMR", ANNUAL, d("2014-04-15"), d("2013-01-01"),
                                   d("2013-12-31"))
    covering_2014 = ReportReceived("CMR", ANNUAL, d("2015-06-01"), d("2014-01-01"),
                                   d("2014-12-31"))
    deadlines = by_key(obligations(CMR, covering_2013, covering_2014)
                       .deadlines("CMR", d("2016-05-01")))
    assert deadlines["annual-report/2014"].status is S.MET_ON_TIME
    assert deadlines["annual-report/2015"].status is S.MET_LATE
    assert deadlines["annual-report/2016"].status is S.OVERDUE
    assert deadlines["annual-report/2017"].status is S.UPCOMING


def test_no_stockpiles_declared_means_not_applicable():
    none_held = NotApplicable("CMR", STOCKPILE, d("2013-06-30"), reason="no stockpiles held")
    ob = obligations(CMR, none_held)
    before = by_key(ob.deadlines("CMR", d("2013-06-29")))["stockpile-destruction"]
    after = by_key(ob.deadlines("CMR", d("2013-06-30")))["stockpile-destruction"]
    assert before.status is S.UPCOMING
    assert after.status is S.NOT_APPLICABLE
    assert after.due.date == d("2021-01-01")  # the deadline stays visible
    assert "no stockpiles held" in after.note


def test_completion_declared_meets_the_deadline():
    done = CompletionDeclared("CMR", STOCKPILE, d("2020-05-04"), document="CCM/MSP/2020/4")
    stockpile = by_key(obligations(CMR, done).deadlines("CMR", d("2022-01-01")))
    assert stockpile["stockpile-destruction"].status is S.MET_ON_TIME
    assert stockpile["stockpile-destruction"].met_date == d("2020-05-04")


def test_overdue_list_and_on_time_rates_by_year():
    register = register_of("ccm", ("CMR", "2012-07-12"), ("TCD", "2013-03-26"))
    ob = obligations(
        register,
        ReportReceived("CMR", INITIAL, d("2013-06-01")),  # on time (due 30 June 2013)
        ReportReceived("TCD", INITIAL, d("2014-03-10")),  # late (due 28 February 2014)
    )
    as_of = d("2015-01-01")
    overdue = ob.overdue(as_of)
    assert [(x.state, x.key) for x in overdue] == [("CMR", "annual-report/2014")]
    rates = {rate.year: rate for rate in ob.on_time_rates(as_of)}
    assert rates[2013].fell_due == 1 and rates[2013].on_time == 1 and rates[2013].rate == 1.0
    assert rates[2014].fell_due == 2  # Chad's initial report (late), Cameroon's annual (overdue)
    assert (rates[2014].late, rates[2014].overdue, rates[2014].rate) == (1, 1, 0.0)
    initial_only = ob.on_time_rates(as_of, obligation=INITIAL)
    assert [(r.year, r.on_time, r.late) for r in initial_only] == [(2013, 1, 0), (2014, 0, 1)]


@pytest.mark.parametrize(
    ("policy", "first_due"),
    [
        ({}, "2015-04-30"),  # default: the year after the initial report fell due (2014)
        ({"first_annual_report": FIRST_AFTER_INITIAL_DUE}, "2014-04-30"),
        ({"first_annual_report": YEAR_AFTER_ENTRY_INTO_FORCE}, "2014-04-30"),
    ],
)
def test_first_annual_report_is_a_policy_setting(policy, first_due):
    chad = register_of("ccm", ("TCD", "2013-03-26"))  # in force 1 Sept 2013, initial 28 Feb 2014
    ob = obligations(chad, policy=ObligationPolicy(**policy))
    annual = [x for x in ob.deadlines("TCD", d("2016-01-01")) if x.obligation is ANNUAL]
    assert annual[0].due.date == d(first_due)
    # The basis says the Secretariat's reading in words, never the setting's internal key.
    assert "as the Secretariat reads the article" in annual[0].basis
    assert ob.policy.first_annual_report not in annual[0].basis


def test_month_end_is_a_policy_setting():
    # ATT: deposited 1 December 2015, in force 90 days later on 29 February 2016.
    att = register_of("att", ("AAA", "2015-12-01"))
    assert att.participant("AAA").entry_into_force.date == d("2016-02-29")
    clamp = by_key(obligations(att).deadlines("AAA"))["initial-report"]
    next_day = by_key(obligations(att, policy=ObligationPolicy(month_end=MONTH_END_NEXT_DAY))
                      .deadlines("AAA"))["initial-report"]
    assert clamp.due.date == d("2017-02-27")  # 28 Feb 2017 (clamped), less one day
    assert next_day.due.date == d("2017-02-28")  # 1 Mar 2017, less one day


def test_timeline_lists_deadlines_and_facts_in_date_order():
    report = ReportReceived("CMR", INITIAL, d("2013-06-01"), access="restricted")
    events = obligations(CMR, report).timeline("CMR", d("2014-01-01"))
    dates = [e.date for e in events]
    assert dates == sorted(dates)
    kinds = [(e.date, e.kind) for e in events]
    assert (d("2013-06-01"), "report_received") in kinds
    assert (d("2013-06-30"), "deadline") in kinds
    received = next(e for e in events if e.kind == "report_received")
    assert received.description == "initial report received (restricted)"
    assert received.article == "Art. 7(1)"
