"""The CSV importer: facts from good rows, and a problem naming file, line and column otherwise."""

import pytest

from treatydesk.core.register import (
    FactKind,
    RegisterImportError,
    Severity,
    facts_or_raise,
    parse_participants_csv,
    parse_withdrawals_csv,
)

from .helpers import d

HEADER = "state,signature_date,instrument_date,instrument_kind,source\n"
W_HEADER = "state,notification_date,effective_date,status,source\n"


def parse(body: str):
    return parse_participants_csv(HEADER + body, "ccm/participants.csv")


def where(problem):
    return (problem.file, problem.line, problem.field, problem.severity)


def test_good_rows_give_facts_with_source_and_note():
    facts, problems = parse(
        "Iraq,2009-11-12,2013-05-14,ratification,"
        "UNTC; C.N.300.2013.TREATIES-XXVI-6 || NOTE:checked\n"
        "Angola,2008-12-03,,,UNTC\n"
        "Slovakia,,2015-07-24,accession,UNTC\n"
    )
    assert problems == []
    assert [(f.state, f.kind, f.date) for f in facts] == [
        ("IRQ", FactKind.SIGNATURE, d("2009-11-12")),
        ("IRQ", FactKind.RATIFICATION, d("2013-05-14")),
        ("AGO", FactKind.SIGNATURE, d("2008-12-03")),
        ("SVK", FactKind.ACCESSION, d("2015-07-24")),
    ]
    iraq = facts[1]
    assert iraq.source == "UNTC; C.N.300.2013.TREATIES-XXVI-6"
    assert iraq.note == "checked"
    assert iraq.cn_reference == "C.N.300.2013.TREATIES-XXVI-6"
    assert iraq.state_name == "Iraq"


def test_quoted_multiline_field_keeps_line_numbers_right():
    facts, problems = parse(
        'Iraq,2009-11-12,2013-05-14,ratification,"UNTC\nsecond line"\nNowhere,,,,x\n'
    )
    assert len(facts) == 2
    assert [(p.line, p.field) for p in problems] == [(4, "state")]


def test_wrong_header():
    facts, problems = parse_participants_csv("state,signed,deposited\nIraq,,\n", "p.csv")
    assert facts == []
    assert [where(p) for p in problems] == [("p.csv", 1, "header", Severity.ERROR)]
    assert (
        "expected state,signature_date,instrument_date,instrument_kind,source"
        in problems[0].message
    )


def test_empty_file():
    facts, problems = parse_participants_csv("", "p.csv")
    assert facts == [] and problems[0].line == 1 and "empty" in problems[0].message


def test_bad_date():
    _, problems = parse("Angola,2008-12-3,,,UNTC\nIraq,03/12/2008,,,UNTC\n")
    assert [where(p) for p in problems] == [
        ("ccm/participants.csv", 2, "signature_date", Severity.ERROR),
        ("ccm/participants.csv", 3, "signature_date", Severity.ERROR),
    ]
    assert problems[0].message == "Angola: '2008-12-3' is not a date in the form YYYY-MM-DD"


def test_impossible_dates():
    _, problems = parse("Iraq,2009-11-12,2013-02-30,ratification,UNTC\nChad,2008-13-03,,,x\n")
    assert [(p.line, p.field) for p in problems] == [(2, "instrument_date"), (3, "signature_date")]
    assert problems[0].message == "Iraq: 2013-02-30 is impossible: February 2013 has 28 days"
    assert problems[1].message == "Chad: 2008-13-03 is impossible: there is no month 13"


def test_leap_day_is_accepted():
    facts, problems = parse("Albania,,2000-02-29,accession,x\n")
    assert problems == [] and facts[0].date == d("2000-02-29")


def test_unknown_state():
    facts, problems = parse("Ruritania,2008-12-03,,,UNTC\n")
    assert facts == []
    assert [where(p) for p in problems] == [("ccm/participants.csv", 2, "state", Severity.ERROR)]
    assert "unknown state 'Ruritania'" in problems[0].message


def test_unknown_kind():
    facts, problems = parse("Iraq,2009-11-12,2013-05-14,ratified,UNTC\n")
    assert [f.kind for f in facts] == [FactKind.SIGNATURE]
    assert [(p.line, p.field) for p in problems] == [(2, "instrument_kind")]
    assert "unknown instrument kind 'ratified'" in problems[0].message


def test_kind_without_date_is_an_error():
    facts, problems = parse("Iraq,2009-11-12,,ratification,UNTC\n")
    assert [(p.line, p.field, p.severity) for p in problems] == [
        (2, "instrument_date", Severity.ERROR)
    ]
    assert len(facts) == 1


def test_kind_without_date_marked_party_gives_an_undated_fact_and_a_warning():
    facts, problems = parse("Lebanon,,,accession,PARTY (UNTC 2026 copy)\n")
    assert [(f.kind, f.date) for f in facts] == [(FactKind.ACCESSION, None)]
    assert [(p.line, p.severity) for p in problems] == [(2, Severity.WARNING)]


def test_date_without_kind():
    _, problems = parse("Iraq,2009-11-12,2013-05-14,,UNTC\n")
    assert [(p.line, p.field) for p in problems] == [(2, "instrument_kind")]


def test_row_with_nothing_is_a_warning():
    facts, problems = parse("Lebanon,,,,UNTC (year only)\n")
    assert facts == []
    assert [(p.line, p.severity) for p in problems] == [(2, Severity.WARNING)]


def test_duplicate_state_row_even_under_another_name():
    _, problems = parse("Czech Republic,2008-12-03,,,x\nAngola,2008-12-03,,,x\nCzechia,,,,x\n")
    assert [(p.line, p.field) for p in problems] == [(4, "state")]
    assert "first on line 2" in problems[0].message


def test_wrong_number_of_columns():
    _, problems = parse("Iraq,2009-11-12\n")
    assert [(p.line, p.message) for p in problems] == [(2, "expected 5 columns, found 2")]


def test_withdrawals():
    text = (
        W_HEADER
        + "Lithuania,,2025-03-06,effective,src || NOTE:date of notice unknown\n"
        + "Finland,2025-07-10,2026-01-10,effective,src\n"
        + "Ukraine,,,announced; not effective,src\n"
        + "Ruritania,2025-01-01,,,src\n"
        + "Chad,2025-01-01,,,src\n"
    )
    facts, problems = parse_withdrawals_csv(text, "w.csv", known_states={"LTU", "FIN", "UKR"})
    assert [(f.state, f.kind, f.date) for f in facts] == [
        ("LTU", FactKind.WITHDRAWAL_EFFECTIVE, d("2025-03-06")),
        ("FIN", FactKind.WITHDRAWAL_NOTIFIED, d("2025-07-10")),
        ("FIN", FactKind.WITHDRAWAL_EFFECTIVE, d("2026-01-10")),
        ("UKR", FactKind.WITHDRAWAL_NOTIFIED, None),
    ]
    assert facts[0].note == "date of notice unknown"
    assert "announced; not effective" in facts[3].note
    assert [(p.line, p.field, p.severity) for p in problems] == [
        (4, "notification_date", Severity.WARNING),
        (5, "state", Severity.ERROR),
        (6, "state", Severity.ERROR),
    ]
    assert problems[2].message == (
        "Chad: withdrawal for a state that is not in the participants file"
    )


def test_withdrawal_wrong_header_and_held_status():
    _, problems = parse_withdrawals_csv(HEADER, "w.csv")
    assert problems[0].field == "header"
    facts, problems = parse_withdrawals_csv(
        W_HEADER + "Ukraine,2025-06-29,,held (armed conflict),src\n", "w.csv"
    )
    assert [f.kind for f in facts] == [FactKind.WITHDRAWAL_NOTIFIED, FactKind.WITHDRAWAL_HELD]
    assert problems == []


def test_effective_before_notification():
    _, problems = parse_withdrawals_csv(
        W_HEADER + "Finland,2025-07-10,2025-01-10,effective,s\n", "w"
    )
    assert [(p.line, p.field) for p in problems] == [(2, "effective_date")]


@pytest.mark.parametrize(
    "text",
    ["\x00\x00", 'state,"unterminated\n', "\ufeff" + HEADER + "Iraq" + ",x" * 50, "a" * 200_000],
)
def test_never_raises(text):
    facts, problems = parse_participants_csv(text, "x.csv")
    assert problems


def test_bytes_and_bom_are_accepted():
    facts, problems = parse_participants_csv(
        ("\ufeff" + HEADER + "Chad,2008-12-03,,,x\n").encode(), "b"
    )
    assert problems == [] and len(facts) == 1


def test_facts_or_raise():
    assert len(facts_or_raise(parse("Chad,2008-12-03,,,x\n"))) == 1
    with pytest.raises(RegisterImportError) as caught:
        facts_or_raise(parse("Ruritania,2008-12-03,,,x\n"))
    assert "ccm/participants.csv:2 [state]" in str(caught.value)
    assert len(caught.value.problems) == 1
