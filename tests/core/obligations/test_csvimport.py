"""Bulk obligation records: the CSV is read whole, every problem names its line."""

from treatydesk.core.obligations import (
    NotApplicable,
    ObligationApplies,
    ReportReceived,
    load_obligations,
    parse_obligation_csv,
)

HEADER = "state,record,obligation,date,period_end,document,source\n"
RULES = load_obligations("CCM")


def test_rows_become_facts():
    facts, problems = parse_obligation_csv(
        HEADER
        + "Austria,report,initial-report,2011-01-20,,CCM/INIT/AUT,UNODA\n"
        + "AUT,report,annual-report,2012-04-10,2011-12-31,,\n"
        + "Iraq,applies,clearance,2013-11-01,,,initial report\n", RULES)
    assert not problems
    assert [type(f) for f in facts] == [ReportReceived, ReportReceived, ObligationApplies]
    assert facts[1].covers_year == 2011 and facts[2].state == "IRQ"


def test_every_problem_names_its_line():
    _, problems = parse_obligation_csv(
        HEADER
        + "Atlantis,report,initial-report,2011-01-20,,,\n"
        + "AUT,report,annual-report,2012-04-10,,,\n"
        + "AUT,report,stockpile-destruction,2012-04-10,,,\n"
        + "AUT,completion,initial-report,2012-04-10,,,\n"
        + "AUT,report,initial-report,2012-02-30,,,\n"
        + "AUT,sent,initial-report,2012-02-01,,,\n", RULES, "batch.csv")
    assert [p.line for p in problems] == [2, 3, 4, 5, 6, 7]
    assert all(p.is_error and p.file == "batch.csv" for p in problems)
    assert "unknown state 'Atlantis'" in problems[0].message
    assert "period_end" in problems[1].message


def test_wrong_header_is_one_problem_on_line_one():
    facts, problems = parse_obligation_csv("state,obligation\nAUT,x\n", RULES)
    assert facts == [] and [p.line for p in problems] == [1]


def test_a_not_applicable_reason_comes_from_the_reason_column_never_from_document():
    facts, problems = parse_obligation_csv(
        HEADER.rstrip("\n") + ",reason\n"
        + "Austria,not-applicable,stockpile-destruction,2011-01-20,,,initial report,"
          "no stockpiles held\n"
        + "Austria,report,initial-report,2011-01-20,,CCM/INIT/AUT,UNODA,\n", RULES)
    assert not problems
    assert isinstance(facts[0], NotApplicable)
    assert (facts[0].reason, facts[0].source) == ("no stockpiles held", "initial report")
    assert facts[1].document == "CCM/INIT/AUT"


def test_the_reason_column_is_optional():
    facts, problems = parse_obligation_csv(
        HEADER + "Austria,not-applicable,clearance,2011-01-20,,,initial report\n", RULES)
    assert not problems and facts[0].reason == ""


def test_a_document_on_a_not_applicable_row_is_refused_not_filed_as_its_reason():
    facts, problems = parse_obligation_csv(
        HEADER + "Austria,not-applicable,clearance,2011-01-20,,CCM/INIT/AUT,UNODA\n",
        RULES, "batch.csv")
    assert facts == []
    assert [(p.line, p.field) for p in problems] == [(2, "document")]
    assert "'CCM/INIT/AUT'" in problems[0].message and "source" in problems[0].message


def test_a_reason_on_another_record_is_refused():
    _, problems = parse_obligation_csv(
        HEADER.rstrip("\n") + ",reason\n"
        + "Austria,report,initial-report,2011-01-20,,,UNODA,on time\n", RULES)
    assert [(p.line, p.field) for p in problems] == [(2, "reason")]
