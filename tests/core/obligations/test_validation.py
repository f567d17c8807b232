"""Bad obligation facts get a clear message naming the state, the date and the article."""

from treatydesk.core.obligations import (
    CompletionDeclared,
    ExtensionDecision,
    ExtensionRequest,
    HostilitiesEnded,
    NotApplicable,
    ObligationKind,
    ReportReceived,
    validate_obligation_facts,
)

from .helpers import TODAY, d, register_of, shipped_register

K = ObligationKind
CMR = register_of("ccm", ("CMR", "2012-07-12"))


def errors(register, *facts):
    return [p for p in validate_obligation_facts(register, list(facts), TODAY) if p.is_error]


def test_good_facts_pass():
    assert errors(
        CMR,
        ReportReceived("CMR", K.INITIAL_REPORT, d("2013-06-01")),
        ReportReceived("CMR", K.ANNUAL_REPORT, d("2014-04-30"), d("2013-01-01"), d("2013-12-31")),
        NotApplicable("CMR", K.STOCKPILE_DESTRUCTION, d("2012-07-12"), "no stockpiles"),
        ExtensionRequest("CMR", K.CLEARANCE, d("2022-03-01"), 48, ref="r1"),
        ExtensionDecision("r1", d("2022-09-01"), d("2027-01-01"), ref="x1"),
    ) == []


def test_report_dated_before_the_state_joined():
    (problem,) = errors(CMR, ReportReceived("CMR", K.INITIAL_REPORT, d("2012-07-11")))
    assert problem.message == (
        "CMR: the initial report is dated 11 July 2012, before CMR joined the CCM "
        "(instrument deposited 12 July 2012)."
    )
    assert problem.field == "received_on" and problem.index == 0 and problem.state == "CMR"


def test_state_that_never_joined_has_no_obligations():
    register = shipped_register("ccm")
    (problem,) = errors(register, ReportReceived("AGO", K.INITIAL_REPORT, d("2013-06-01")))
    assert problem.message == (
        "Angola has deposited no instrument of ratification or accession: it has no "
        "obligations under the CCM."
    )


def test_extension_longer_than_the_article_allows():
    request = ExtensionRequest("CMR", K.CLEARANCE, d("2022-03-01"), 72, ref="r1")
    decision = ExtensionDecision("r1", d("2022-09-01"), d("2029-01-01"), ref="x1")
    asked, granted = errors(CMR, request, decision)
    assert asked.message == (
        "CMR: the request asks for 72 months; Art. 4(5)–(8) allows extensions of up to 5 years."
    )
    assert asked.index == 0
    assert granted.message == (
        "CMR: the new deadline 1 January 2029 is more than 5 years after 1 January 2023: "
        "Art. 4(5)–(8) allows extensions of up to 5 years (at most 1 January 2028)."
    )
    assert granted.index == 1 and granted.field == "new_deadline"


def test_extension_that_would_shorten_the_deadline():
    request = ExtensionRequest("CMR", K.CLEARANCE, d("2022-03-01"), 12, ref="r1")
    decision = ExtensionDecision("r1", d("2022-09-01"), d("2022-12-01"), ref="x1")
    (problem,) = errors(CMR, request, decision)
    assert "is not after the deadline it extends (1 January 2023)" in problem.message


def test_decision_without_a_request():
    (problem,) = errors(CMR, ExtensionDecision("nope", d("2022-09-01"), d("2027-01-01")))
    assert problem.message == (
        "An extension decision needs the request it answers: record the extension request "
        "first, then the decision."
    )
    assert problem.field == "request"


def test_no_extension_where_the_article_allows_none():
    apmbc = register_of("apmbc", ("GRC", "2003-09-25"))
    (problem,) = errors(apmbc, ExtensionRequest("GRC", K.STOCKPILE_DESTRUCTION, d("2007-06-01"),
                                                12, ref="r1"))
    assert problem.message == (
        "GRC: Art. 4 allows no extension of the stockpile destruction deadline."
    )


def test_reports_cannot_be_extended_or_declared_not_applicable():
    (problem,) = errors(CMR, NotApplicable("CMR", K.INITIAL_REPORT, d("2013-01-01")))
    assert "only stockpile destruction and clearance" in problem.message


def test_annual_report_needs_its_period():
    (problem,) = errors(CMR, ReportReceived("CMR", K.ANNUAL_REPORT, d("2014-04-01")))
    assert "must say which period it covers (Art. 7(2)" in problem.message


def test_obligation_the_treaty_does_not_set():
    (problem,) = errors(register_of("att", ("AAA", "2015-01-05")),
                        CompletionDeclared("AAA", K.CLEARANCE, d("2016-01-01")))
    assert problem.message == "The ATT sets no clearance obligation."


def test_future_dates_are_refused():
    (problem,) = errors(CMR, ReportReceived("CMR", K.INITIAL_REPORT, d("2026-02-01")))
    assert problem.message.endswith("is dated 1 February 2026, after today.")


def test_end_of_hostilities_needs_a_source_and_starts_a_second_deadline():
    (problem,) = errors(CMR, HostilitiesEnded("CMR", d("2015-05-05"), source=" "))
    assert "give its source" in problem.message
    ended = HostilitiesEnded("CMR", d("2015-05-05"), source="UN Security Council S/2015/1")
    assert errors(CMR, ended) == []
    from treatydesk.core.obligations import ObligationRegister

    keys = [x.key for x in ObligationRegister(CMR, [ended]).deadlines("CMR")]
    assert "clearance/hostilities-2015-05-05" in keys
    second = next(x for x in ObligationRegister(CMR, [ended]).deadlines("CMR")
                  if x.key == "clearance/hostilities-2015-05-05")
    assert second.due.date == d("2025-05-05") and second.article == "Art. 4(1)(b)"
    assert "end of active hostilities (recorded: UN Security Council S/2015/1)" in second.basis


def test_instance_must_name_a_recorded_end_of_hostilities():
    (problem,) = errors(CMR, CompletionDeclared("CMR", K.CLEARANCE, d("2020-01-01"),
                                                instance="2015-05-05"))
    assert "no end of active hostilities is recorded on 2015-05-05" in problem.message
