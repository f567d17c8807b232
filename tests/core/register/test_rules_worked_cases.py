"""Every worked case in treaty-rules.md, computed from facts."""

from datetime import date

import pytest

from treatydesk.core.register import Register, Status, load_treaty

from .helpers import computed_only, d, deposits_up_to, fact


def test_ccm_thirtieth_deposit_gives_1_august_2010():
    facts = deposits_up_to(d("2010-02-16"), 30)
    register = Register(computed_only("ccm"), facts, today=d("2026-01-01"))
    eif = register.treaty_entry_into_force
    assert eif.date == d("2010-08-01")
    assert eif.article == "Art. 17(1)"
    assert "16 February 2010" in eif.basis and "1 August 2010" in eif.basis
    assert register.warnings == []
    assert {r.entry_into_force.date for r in register.participants()} == {d("2010-08-01")}


def test_ccm_not_in_force_with_29_deposits():
    register = Register(computed_only("ccm"), deposits_up_to(d("2010-02-16"), 29))
    eif = register.treaty_entry_into_force
    assert eif.date is None
    assert "29 of the 30" in eif.basis
    record = register.participant("S001")
    assert record.entry_into_force.date is None
    assert record.status == Status.DEPOSITED


@pytest.mark.parametrize(
    ("deposit", "expected"),
    [
        ("2013-05-14", "2013-11-01"),  # Iraq
        ("2012-07-17", "2013-01-01"),  # Switzerland
        ("2011-09-22", "2012-03-01"),  # Czech Republic
        ("2015-07-24", "2016-01-01"),  # Slovakia (accession)
    ],
)
def test_ccm_later_states_art_17_2(deposit, expected):
    kind = "accession" if deposit == "2015-07-24" else "ratification"
    facts = deposits_up_to(d("2010-02-16"), 30) + [fact("XXX", kind, deposit)]
    record = Register(computed_only("ccm"), facts).participant("XXX")
    assert record.entry_into_force.date == d(expected)
    assert record.entry_into_force.article == "Art. 17(2)"
    assert "first day of the sixth month" in record.entry_into_force.basis


def test_ccm_deposit_on_threshold_day_gets_treaty_date():
    facts = deposits_up_to(d("2010-02-16"), 30) + [fact("XXX", "ratification", "2010-02-16")]
    record = Register(computed_only("ccm"), facts).participant("XXX")
    assert record.entry_into_force.date == d("2010-08-01")
    assert record.entry_into_force.article == "Art. 17(1)"


def test_tpnw_fiftieth_deposit_gives_22_january_2021():
    facts = deposits_up_to(d("2020-10-24"), 50)
    facts.append(fact("LATE", "ratification", "2020-11-01"))
    register = Register(computed_only("tpnw"), facts)
    assert register.treaty_entry_into_force.date == d("2021-01-22")
    # Art. 15(2) applies from the 50th deposit, even before entry into force.
    late = register.participant("LATE").entry_into_force
    assert late.date == d("2021-01-30")
    assert late.article == "Art. 15(2)"


def test_att_fiftieth_deposit_gives_24_december_2014():
    facts = deposits_up_to(d("2014-09-25"), 50)
    facts += [
        fact("MID", "ratification", "2014-10-10"),
        fact("ONDAY", "ratification", "2014-12-24"),
        fact("LATE", "ratification", "2015-01-05"),
    ]
    register = Register(computed_only("att"), facts)
    assert register.treaty_entry_into_force.date == d("2014-12-24")
    # Art. 22(2) applies only after entry into force: a state depositing in between
    # became a party on 24 December 2014.
    assert register.participant("MID").entry_into_force.date == d("2014-12-24")
    assert register.participant("MID").entry_into_force.article == "Art. 22(1)"
    assert register.participant("ONDAY").entry_into_force.date == d("2015-03-24")
    assert register.participant("LATE").entry_into_force.date == d("2015-04-05")
    assert register.participant("LATE").entry_into_force.article == "Art. 22(2)"


@pytest.mark.parametrize(
    ("notified", "effective"),
    [("2025-06-27", "2025-12-27"), ("2025-07-10", "2026-01-10")],  # Lithuania, Finland
)
def test_apmbc_withdrawal_six_months_after_notification(notified, effective):
    facts = [
        fact("LTU", "signature", "1999-02-26"),
        fact("LTU", "ratification", "2003-05-12"),
        fact("LTU", "withdrawal_notified", notified),
    ]
    register = Register(load_treaty("apmbc"), facts)
    record = register.participant("LTU", d(effective))
    assert record.withdrawal_effective.date == d(effective)
    assert record.withdrawal_effective.article == "Art. 20"
    assert record.status == Status.WITHDRAWN
    day_before = date.fromordinal(d(effective).toordinal() - 1)
    assert register.status("LTU", day_before) == Status.WITHDRAWAL_PENDING
    assert register.status("LTU", d(notified)) == Status.WITHDRAWAL_PENDING
    assert register.status("LTU", date.fromordinal(d(notified).toordinal() - 1)) == Status.PARTY


def test_recorded_effective_date_wins_over_computation():
    facts = [
        fact("LTU", "ratification", "2003-05-12", name="Lithuania"),
        fact("LTU", "withdrawal_notified", "2025-06-27"),
        fact("LTU", "withdrawal_effective", "2025-12-30"),
    ]
    record = Register(load_treaty("apmbc"), facts).participant("LTU", d("2026-01-01"))
    assert record.withdrawal_effective.date == d("2025-12-30")
    assert "27 December 2025" in record.withdrawal_effective.basis


def test_held_withdrawal_stays_held_until_an_effective_date_is_recorded():
    facts = [
        fact("UKR", "signature", "1999-02-24"),
        fact("UKR", "ratification", "2005-12-27"),
        fact("UKR", "withdrawal_notified", "2025-06-29"),
        fact("UKR", "withdrawal_held", "2025-12-29", source="depositary notification"),
    ]
    register = Register(load_treaty("apmbc"), facts)
    assert register.status("UKR", d("2025-12-28")) == Status.WITHDRAWAL_PENDING
    assert register.status("UKR", d("2025-12-29")) == Status.WITHDRAWAL_HELD
    assert register.status("UKR", d("2040-01-01")) == Status.WITHDRAWAL_HELD
    effective = register.participant("UKR", d("2030-01-01")).withdrawal_effective
    assert effective.date is None and "armed conflict" in effective.basis
    ended = Register(
        load_treaty("apmbc"), [*facts, fact("UKR", "withdrawal_effective", "2031-05-01")]
    )
    assert ended.status("UKR", d("2031-04-30")) == Status.WITHDRAWAL_HELD
    assert ended.status("UKR", d("2031-05-01")) == Status.WITHDRAWN


def test_ties_share_lowest_ordinal_and_warn():
    facts = [
        fact("AAA", "ratification", "2009-01-01", name="Alpha"),
        fact("BBB", "ratification", "2009-01-02", name="Bravo"),
        fact("CCC", "ratification", "2009-01-02", name="Charlie"),
        fact("DDD", "ratification", "2009-01-02", name="Delta"),
        fact("EEE", "accession", "2009-01-03", name="Echo"),
    ]
    register = Register(load_treaty("ccm"), facts, today=d("2026-01-01"))
    ordinals = {r.state: (r.ordinal, r.ordinal_tied_with) for r in register.participants()}
    assert ordinals == {
        "AAA": (1, ()),
        "BBB": (2, ("CCC", "DDD")),
        "CCC": (2, ("BBB", "DDD")),
        "DDD": (2, ("BBB", "CCC")),
        "EEE": (5, ()),
    }
    assert any(
        "Bravo, Charlie and Delta" in w and "order of deposit" in w for w in register.warnings
    )


def test_recorded_sequence_breaks_ties():
    facts = [
        fact("BBB", "ratification", "2009-01-02", sequence=2),
        fact("CCC", "ratification", "2009-01-02", sequence=1),
    ]
    register = Register(load_treaty("ccm"), facts)
    assert register.participant("CCC").ordinal == 1
    assert register.participant("BBB").ordinal == 2
    assert register.participant("BBB").ordinal_tied_with == ()
    assert not any("order of deposit" in w for w in register.warnings)


def test_cn_reference_breaks_ties_when_sequence_is_incomplete():
    facts = [
        fact(
            "BBB", "ratification", "2009-01-02", sequence=1, cn_reference="C.N.12.2009.TREATIES-2"
        ),
        fact("CCC", "ratification", "2009-01-02", cn_reference="C.N.9.2009.TREATIES-2"),
    ]
    register = Register(load_treaty("ccm"), facts)
    assert register.participant("CCC").ordinal == 1
    assert register.participant("BBB").ordinal == 2


def test_tie_is_not_broken_when_one_cn_is_missing():
    facts = [
        fact("BBB", "ratification", "2009-01-02", cn_reference="C.N.12.2009.TREATIES-2"),
        fact("CCC", "ratification", "2009-01-02"),
    ]
    register = Register(load_treaty("ccm"), facts)
    assert register.participant("BBB").ordinal == register.participant("CCC").ordinal == 1


def test_undated_instrument_is_a_party_without_ordinal_or_date():
    facts = [
        fact("AAA", "ratification", "2009-01-01"),
        fact("LBN", "accession", None, name="Lebanon", source="PARTY (UNTC 2026)"),
        fact("CCC", "ratification", "2009-01-03"),
    ]
    register = Register(load_treaty("ccm"), facts)
    record = register.participant("LBN", d("2020-01-01"))
    assert record.status == Status.PARTY
    assert record.ordinal is None
    assert record.entry_into_force.date is None
    assert "deposit date unknown" in record.entry_into_force.basis
    assert "deposit date unknown" in record.flags
    # The undated deposit does not take a place in the order.
    assert register.participant("CCC").ordinal == 2
    assert register.status("LBN", d("2009-06-01")) == Status.DEPOSITED


def test_recorded_date_used_with_warning_when_facts_incomplete():
    register = Register(load_treaty("ccm"), deposits_up_to(d("2010-02-16"), 12))
    assert register.treaty_entry_into_force.date == d("2010-08-01")
    assert any("only 12 of the 30" in w for w in register.warnings)
    assert register.participant("S001").entry_into_force.date == d("2010-08-01")


def test_recorded_date_used_with_warning_when_facts_imply_another():
    register = Register(load_treaty("ccm"), deposits_up_to(d("2010-03-16"), 30))
    assert register.treaty_entry_into_force.date == d("2010-08-01")
    assert any("imply entry into force on 1 September 2010" in w for w in register.warnings)


def test_states_without_facts_yet_are_omitted():
    facts = [fact("AAA", "signature", "2008-12-03"), fact("BBB", "signature", "2009-05-01")]
    register = Register(load_treaty("ccm"), facts)
    assert [r.state for r in register.participants(d("2009-01-01"))] == ["AAA"]
    assert register.participant("BBB", d("2009-01-01")) is None
    assert register.counts(d("2009-01-01")).signatories == 1


def test_timeline_lists_recorded_and_computed_events():
    facts = [fact("IRQ", "signature", "2009-11-12"), fact("IRQ", "ratification", "2013-05-14")]
    events = Register(load_treaty("ccm"), facts).timeline("IRQ")
    assert [(e.kind, e.date) for e in events] == [
        ("signature", d("2009-11-12")),
        ("ratification", d("2013-05-14")),
        ("entry_into_force", d("2013-11-01")),
    ]
    assert events[-1].article == "Art. 17(2)"


def test_state_with_neither_signature_nor_instrument_is_left_out_with_a_warning():
    facts = [
        fact("AAA", "signature", "2009-01-01"),
        fact("BBB", "provisional_application", "2009-01-01", name="Bravo"),
    ]
    register = Register(load_treaty("ccm"), facts)
    assert [r.state for r in register.participants()] == ["AAA"]
    assert any(w.startswith("Bravo: facts recorded but neither") for w in register.warnings)
