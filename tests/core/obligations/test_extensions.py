"""Extensions: a decision moves the deadline; the original stays, with status "extended"."""

from treatydesk.core.obligations import (
    DeadlineStatus,
    ExtensionDecision,
    ExtensionRequest,
    ObligationKind,
    deadlines_csv,
)

from .helpers import d, obligations, register_of

CLEARANCE = ObligationKind.CLEARANCE
# In force 1 January 2013: clearance due 1 January 2023 (Art. 4(1)(a)).
CMR = register_of("ccm", ("CMR", "2012-07-12"))
REQUEST = ExtensionRequest("CMR", CLEARANCE, d("2022-03-01"), period_months=36,
                           document="CCM/MSP/2022/5", ref="r1")
DECISION = ExtensionDecision("r1", d("2022-08-31"), d("2026-01-01"), meeting="10MSP",
                             document_symbol="CCM/MSP/2022/12", ref="x1")


def clearance(ob, day):
    return [x for x in ob.deadlines("CMR", d(day)) if x.obligation is CLEARANCE]


def test_decision_moves_the_deadline_and_keeps_the_original():
    ob = obligations(CMR, REQUEST, DECISION)
    original, extended = clearance(ob, "2024-01-01")
    assert original.due.date == d("2023-01-01")
    assert original.status is DeadlineStatus.EXTENDED
    assert original.superseded_by is DECISION
    assert original.article == "Art. 4(1)(a)"
    assert extended.due.date == d("2026-01-01")
    assert extended.step == 1 and extended.key == original.key == "clearance"
    assert extended.original_due == d("2023-01-01")
    assert extended.status is DeadlineStatus.UPCOMING
    assert extended.article == "Art. 4(5)–(8)"
    assert extended.basis == (
        "extended from 1 January 2023 to 1 January 2026 by decision of 10MSP "
        "(CCM/MSP/2022/12), 31 August 2022 (Art. 4(5)–(8)); originally due 1 January 2023 "
        "(Art. 4(1)(a))"
    )


def test_before_the_decision_only_the_original_deadline_exists():
    ob = obligations(CMR, REQUEST, DECISION)
    (only,) = clearance(ob, "2022-08-30")
    assert only.due.date == d("2023-01-01") and only.status is DeadlineStatus.UPCOMING


def test_csv_shows_the_original_and_the_new_deadline():
    text = deadlines_csv(clearance(obligations(CMR, REQUEST, DECISION), "2024-01-01"))
    lines = text.splitlines()
    assert lines[0] == "state,iso3,obligation,article,due_date,status,met_date,basis,records"
    assert lines[1].startswith("CMR,CMR,clearance,Art. 4(1)(a),2023-01-01,extended,,")
    assert lines[2].startswith("CMR,CMR,clearance,Art. 4(5)–(8),2026-01-01,upcoming,,")
    assert "originally due 1 January 2023" in lines[2]


def test_second_extension_counts_from_the_first():
    second_request = ExtensionRequest("CMR", CLEARANCE, d("2025-03-01"), 60, ref="r2")
    second = ExtensionDecision("r2", d("2025-09-10"), d("2031-01-01"), meeting="13MSP", ref="x2")
    ob = obligations(CMR, REQUEST, DECISION, second_request, second)
    steps = clearance(ob, "2026-01-01")
    assert [(x.due.date, x.status) for x in steps] == [
        (d("2023-01-01"), DeadlineStatus.EXTENDED),
        (d("2026-01-01"), DeadlineStatus.EXTENDED),
        (d("2031-01-01"), DeadlineStatus.UPCOMING),
    ]
    assert "extended from 1 January 2026 to 1 January 2031" in steps[2].basis


def test_extension_longer_than_the_article_allows_is_ignored_with_a_warning():
    too_long = ExtensionDecision("r1", d("2022-08-31"), d("2028-01-02"), ref="x1")
    ob = obligations(CMR, REQUEST, too_long)
    (only,) = clearance(ob, "2024-01-01")
    assert only.due.date == d("2023-01-01") and only.status is DeadlineStatus.OVERDUE
    assert any("allows extensions of up to 5 years" in w for w in ob.warnings)


def test_decision_without_request_is_ignored():
    ob = obligations(CMR, DECISION)
    (only,) = clearance(ob, "2024-01-01")
    assert only.due.date == d("2023-01-01")
    assert any("answers no recorded extension request" in w for w in ob.warnings)


def test_decision_after_the_original_deadline_leaves_it_overdue_until_then():
    late = ExtensionDecision("r1", d("2023-03-01"), d("2026-01-01"), ref="x1")
    ob = obligations(CMR, REQUEST, late)
    (only,) = clearance(ob, "2023-02-01")
    assert only.status is DeadlineStatus.OVERDUE
    original, moved = clearance(ob, "2023-03-01")
    assert original.status is DeadlineStatus.EXTENDED
    assert moved.status is DeadlineStatus.UPCOMING
