"""Each validation rule: the message names the state, the date and the article."""

import pytest

from treatydesk.core.register import Severity, load_shipped_facts, load_treaty, validate

from .helpers import d, fact

TODAY = d("2026-11-28")


def problems_for(code, facts, today=TODAY):
    return validate(load_treaty(code), facts, today)


def only(problems, severity=Severity.ERROR):
    chosen = [p for p in problems if p.severity == severity]
    assert len(chosen) == 1, [p.message for p in problems]
    return chosen[0]


def test_clean_facts_have_no_problems():
    facts = [
        fact("IRQ", "signature", "2009-11-12", name="Iraq"),
        fact("IRQ", "ratification", "2013-05-14", name="Iraq"),
        fact("SVK", "accession", "2015-07-24", name="Slovakia"),
        fact("LTU", "signature", "2008-12-03", name="Lithuania"),
        fact("LTU", "ratification", "2011-03-24", name="Lithuania"),
        fact("LTU", "withdrawal_effective", "2025-03-06", name="Lithuania"),
    ]
    assert problems_for("ccm", facts) == []


def test_ratification_without_signature():
    problem = only(problems_for("ccm", [fact("IRQ", "ratification", "2013-05-14", name="Iraq")]))
    assert problem.message == (
        "Iraq: ratification of 14 May 2013, but no signature is recorded: under Art. 15–16 only "
        "signatories ratify, accept or approve the Cluster Munitions Convention; a State that "
        "did not sign accedes."
    )
    assert (problem.state, problem.kind, problem.index) == ("IRQ", "ratification", 0)


@pytest.mark.parametrize("kind", ["acceptance", "approval"])
def test_acceptance_and_approval_need_a_signature_too(kind):
    problem = only(problems_for("ccm", [fact("JPN", kind, "2009-07-14", name="Japan")]))
    assert "no signature is recorded" in problem.message


def test_accession_by_a_signatory():
    facts = [
        fact("SVK", "signature", "2008-12-03", name="Slovakia"),
        fact("SVK", "accession", "2015-07-24", name="Slovakia"),
    ]
    problem = only(problems_for("ccm", facts))
    assert problem.message.startswith(
        "Slovakia: accession of 24 July 2015 by a State that signed on 3 December 2008: "
        "under Art. 15–16"
    )
    assert problem.index == 1


def test_accession_by_a_tpnw_signatory_is_allowed():
    facts = [
        fact("AAA", "signature", "2017-09-20"),
        fact("AAA", "accession", "2019-01-10"),
    ]
    assert [p for p in problems_for("tpnw", facts) if p.is_error] == []


def test_signature_after_signature_closed():
    facts = [fact("XXX", "signature", "2010-08-01", name="Ruritania")]
    problem = only(problems_for("ccm", facts))
    assert "Ruritania: signature of 1 August 2010 is after signature closed" in problem.message
    assert "Art. 15" in problem.message and "1 August 2010" in problem.message


def test_tpnw_signature_never_closes():
    assert problems_for("tpnw", [fact("AUT", "signature", "2025-01-01")]) == []


def test_signature_before_opening():
    problem = only(problems_for("ccm", [fact("NOR", "signature", "2008-12-02", name="Norway")]))
    assert "opened for signature on 3 December 2008 (Art. 15)" in problem.message


def test_duplicate_fact():
    facts = [
        fact("NOR", "signature", "2008-12-03", name="Norway"),
        fact("NOR", "signature", "2008-12-03", name="Norway"),
    ]
    problem = only(problems_for("ccm", facts))
    assert (
        problem.message == "Norway: signature of 3 December 2008 is recorded twice (also fact 1)."
    )
    assert problem.index == 1


def test_date_before_adoption():
    problems = problems_for("ccm", [fact("NOR", "signature", "2008-05-29", name="Norway")])
    assert any(
        p.message == "Norway: signature of 29 May 2008 is before the Cluster Munitions "
        "Convention was adopted (30 May 2008)."
        for p in problems
    )


def test_date_after_today():
    problem = only(problems_for("tpnw", [fact("XXX", "signature", "2027-01-01", name="X")]))
    assert problem.message == "X: signature of 1 January 2027 is after today (28 November 2026)."
    assert problem.field == "date"


def test_announced_withdrawal_date_after_today_is_not_an_error():
    facts = [
        fact("POL", "signature", "1997-12-04"),
        fact("POL", "ratification", "2012-12-27"),
        fact("POL", "withdrawal_effective", "2026-02-20"),
    ]
    assert problems_for("apmbc", facts, today=d("2026-01-16")) == []


def test_withdrawal_by_a_state_that_is_not_a_party():
    facts = [
        fact("AGO", "signature", "2008-12-03", name="Angola"),
        fact("AGO", "withdrawal_notified", "2024-01-10", name="Angola"),
    ]
    problem = only(problems_for("ccm", facts))
    assert problem.message.startswith(
        "Angola: withdrawal notification of 10 January 2024, but the State was not a party then"
    )
    assert "Art. 20" in problem.message


def test_instrument_before_signature():
    facts = [
        fact("IRQ", "signature", "2009-06-01", name="Iraq"),
        fact("IRQ", "ratification", "2009-05-14", name="Iraq"),
    ]
    problem = only(problems_for("ccm", facts))
    assert problem.message == (
        "Iraq: ratification of 14 May 2009 is before its signature of 1 June 2009."
    )


def test_second_consent_instrument():
    facts = [
        fact("IRQ", "signature", "2009-11-12", name="Iraq"),
        fact("IRQ", "ratification", "2013-05-14", name="Iraq"),
        fact("IRQ", "acceptance", "2014-01-02", name="Iraq"),
    ]
    problem = only(problems_for("ccm", facts))
    assert problem.message == (
        "Iraq: acceptance of 2 January 2014 is a second consent instrument: "
        "Iraq: ratification of 14 May 2013 is already recorded."
    )
    assert problem.index == 2


def test_att_accession_before_entry_into_force():
    problem = only(problems_for("att", [fact("XXX", "accession", "2014-10-01", name="X")]))
    assert "open for accession only after entry into force" in problem.message
    assert "Art. 21" in problem.message and "24 December 2014" in problem.message


def test_att_withdrawal_cannot_be_held():
    facts = [
        fact("XXX", "signature", "2013-06-03", name="X"),
        fact("XXX", "ratification", "2014-04-02", name="X"),
        fact("XXX", "withdrawal_notified", "2025-01-02", name="X"),
        fact("XXX", "withdrawal_held", "2025-04-02", name="X"),
    ]
    problem = only(problems_for("att", facts))
    assert "Art. 24" in problem.message and "no armed-conflict clause" in problem.message


def test_withdrawal_effective_before_the_period_ends():
    facts = [
        fact("FIN", "accession", "2012-01-09", name="Finland"),
        fact("FIN", "withdrawal_notified", "2025-07-10", name="Finland"),
        fact("FIN", "withdrawal_effective", "2025-12-10", name="Finland"),
    ]
    problem = only(problems_for("apmbc", facts))
    assert "earlier than" in problem.message and "10 January 2026" in problem.message


def test_provisional_application_under_tpnw():
    facts = [
        fact("XXX", "signature", "2017-09-20", name="X"),
        fact("XXX", "provisional_application", "2017-09-20", name="X"),
    ]
    problem = only(problems_for("tpnw", facts))
    assert "has no provisional-application article" in problem.message


def test_undated_fact_is_a_warning():
    problems = problems_for("ccm", [fact("LBN", "accession", None, name="Lebanon")])
    assert [p.is_error for p in problems] == [False]
    assert "Lebanon: accession (no date): no date is recorded" in problems[0].message


def test_same_day_deposits_are_warnings_on_each_state():
    facts = [
        fact("BFA", "signature", "2008-12-03", name="Burkina Faso"),
        fact("BFA", "ratification", "2010-02-16", name="Burkina Faso"),
        fact("MDA", "signature", "2008-12-03", name="Republic of Moldova"),
        fact("MDA", "ratification", "2010-02-16", name="Republic of Moldova"),
    ]
    problems = problems_for("ccm", facts)
    assert {(p.state, p.severity, p.index) for p in problems} == {
        ("BFA", Severity.WARNING, 1),
        ("MDA", Severity.WARNING, 3),
    }
    assert all("order of deposit is not recorded" in p.message for p in problems)


@pytest.mark.parametrize("code", ["ccm", "apmbc"])
def test_shipped_data_has_no_validation_errors(code):
    facts, _ = load_shipped_facts(code)
    assert [p.message for p in problems_for(code, facts) if p.is_error] == []


def test_unknown_state_code_is_a_warning():
    problems = problems_for("tpnw", [fact("QQQ", "signature", "2018-01-01", name="Q")])
    assert [(p.severity, p.field) for p in problems] == [(Severity.WARNING, "state")]
    assert "'QQQ' is not an ISO 3166 code" in problems[0].message
