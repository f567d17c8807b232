"""What the register holds decides what it may say: coverage and applicability (issue 12).

With the treaties' own rules (no complete records declared; stockpile destruction and
clearance apply only where declared), no deadline is ever called overdue without records.
"""

from collections import Counter
from datetime import date

import pytest

from treatydesk.core.obligations import (
    DeadlineStatus,
    ObligationApplies,
    ObligationKind,
    ObligationRegister,
    RecordsCoverage,
    ReportReceived,
    coverage_from_dict,
    load_obligations,
)

from .helpers import d, shipped_register

S = DeadlineStatus
STOCKPILE = ObligationKind.STOCKPILE_DESTRUCTION


def test_shipped_treaties_declare_no_complete_records_by_default():
    for code in ("CCM", "APMBC", "ATT", "TPNW"):
        assert load_obligations(code).coverage.complete_from is None


@pytest.mark.parametrize("code", ["ccm", "apmbc"])
def test_without_records_nothing_is_overdue(code):
    register = shipped_register(code)
    statuses = Counter(x.status for x in ObligationRegister(register).all_deadlines())
    assert statuses[S.OVERDUE] == 0
    assert statuses[S.NO_RECORD] > 0 and statuses[S.NOT_KNOWN] > 0
    # The counting path agrees with the deadlines built one by one.
    counted = Counter()
    for (_, status), n in ObligationRegister(register).status_counts().items():
        counted[status] += n
    assert counted == statuses


def test_austria_stockpile_and_clearance_are_not_known_not_overdue():
    by_kind = {x.obligation: x for x in ObligationRegister(shipped_register("ccm"))
               .deadlines("AUT", date(2026, 11, 28))}
    assert by_kind[STOCKPILE].status is S.NOT_KNOWN
    assert by_kind[ObligationKind.CLEARANCE].status is S.NOT_KNOWN


def test_a_declaration_that_it_applies_makes_the_deadline_count():
    register = shipped_register("ccm")
    applies = ObligationApplies("AUT", STOCKPILE, d("2011-01-01"))
    (stockpile,) = [x for x in ObligationRegister(register, [applies]).deadlines("AUT")
                    if x.obligation is STOCKPILE]
    assert stockpile.status is S.NO_RECORD  # applies, passed, but no complete records held


def test_declared_coverage_makes_an_unmet_covered_deadline_overdue():
    register = shipped_register("ccm")
    rules = load_obligations("CCM")
    covered = type(rules)(rules.code, rules.rules, RecordsCoverage(d("2020-01-01")))
    report = ReportReceived("AUT", ObligationKind.ANNUAL_REPORT, d("2021-04-01"),
                            d("2020-01-01"), d("2020-12-31"))
    annual = {x.covers: x.status for x in ObligationRegister(register, [report], rules=covered)
              .deadlines("AUT", date(2026, 11, 28)) if x.covers is not None}
    assert annual[2018] is S.NO_RECORD  # due 30 April 2019, before the records start
    assert annual[2019] is S.OVERDUE  # due 30 April 2020, covered, nothing received
    assert annual[2020] is S.MET_ON_TIME


def test_coverage_table_is_read_and_checked():
    table = {"obligation_records": {"complete_from": date(2015, 1, 1), "text": "From 2015.",
                                    "texts": {"fr": {"text": "Depuis 2015."}}}}
    coverage = coverage_from_dict(table)
    assert coverage.complete_from == date(2015, 1, 1)
    assert coverage.note("fr") == "Depuis 2015." and coverage.note("en") == "From 2015."
    with pytest.raises(ValueError, match="complete_from must be a date"):
        coverage_from_dict({"obligation_records": {"complete_from": "2015"}})
