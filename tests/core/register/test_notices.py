import pytest

from treatydesk.core.register import (
    Register,
    load_shipped_facts,
    load_treaty,
    notice_text,
    ordinal_en,
)

from .helpers import d, fact


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (10, "10th"), (11, "11th"),
        (12, "12th"), (13, "13th"), (14, "14th"), (21, "21st"), (22, "22nd"), (23, "23rd"),
        (83, "83rd"), (100, "100th"), (101, "101st"), (102, "102nd"), (111, "111th"),
        (112, "112th"), (113, "113th"), (121, "121st"), (1011, "1011th"), (1001, "1001st"),
    ],
)  # fmt: skip
def test_ordinal_en(n, text):
    assert ordinal_en(n) == text


@pytest.fixture(scope="module")
def ccm():
    facts, _ = load_shipped_facts("ccm")
    return Register(load_treaty("ccm"), facts, today=d("2026-11-28"))


def test_iraq_future_and_past(ccm):
    treaty = load_treaty("ccm")
    record = ccm.participant("IRQ", d("2013-06-01"))
    assert notice_text(treaty, record, today=d("2013-06-01")) == (
        "As the 83rd State to ratify the Convention on Cluster Munitions, Iraq will become a "
        "State Party on 1 November 2013."
    )
    assert notice_text(treaty, record, today=d("2013-11-02")) == (
        "As the 83rd State to ratify the Convention on Cluster Munitions, Iraq became a "
        "State Party on 1 November 2013."
    )
    assert notice_text(treaty, record, as_of=d("2013-06-01")).endswith(
        "will become a State Party on 1 November 2013."
    )


def test_accession_wording(ccm):
    text = notice_text(load_treaty("ccm"), ccm.participant("AND"), today=d("2026-01-01"))
    assert text.startswith(
        "As the 81st State to accede to the Convention on Cluster Munitions, Andorra became"
    )


@pytest.mark.parametrize(
    ("kind", "words"),
    [("acceptance", "to accept"), ("approval", "to approve"), ("succession", "to succeed to")],
)
def test_kind_wording(kind, words):
    facts = [
        fact("AAA", "signature", "2008-12-03", name="Alpha"),
        fact("AAA", kind, "2012-01-01", name="Alpha"),
    ]
    record = Register(load_treaty("ccm"), facts).participant("AAA")
    assert notice_text(load_treaty("ccm"), record, today=d("2020-01-01")) == (
        f"As the 1st State {words} the Convention on Cluster Munitions, Alpha became a State Party "
        "on 1 July 2012."
    )


def test_tie_wording(ccm):
    text = notice_text(load_treaty("ccm"), ccm.participant("MDA"), today=d("2026-01-01"))
    assert text == (
        "As the 29th State (jointly with Burkina Faso, which deposited on the same day) to ratify "
        "the Convention on Cluster Munitions, Republic of Moldova became a State Party on "
        "1 August 2010."
    )
    text = notice_text(load_treaty("ccm"), ccm.participant("IRL"), today=d("2026-01-01"))
    assert (
        "(jointly with Holy See, Norway and Sierra Leone, which deposited on the same day)" in text
    )


def test_lithuania_withdrawal_took_effect(ccm):
    record = ccm.participant("LTU", d("2026-11-28"))
    assert notice_text(load_treaty("ccm"), record, today=d("2026-11-28")) == (
        "Lithuania's withdrawal from the Convention on Cluster Munitions took effect on "
        "6 March 2025."
    )
    consent = notice_text(load_treaty("ccm"), record, today=d("2026-11-28"), about="consent")
    assert consent.startswith("As the 55th State to ratify")


def test_pending_withdrawal_names_the_article():
    facts = [
        fact("FIN", "accession", "2012-01-09", name="Finland"),
        fact("FIN", "withdrawal_notified", "2025-07-10", name="Finland"),
    ]
    register = Register(load_treaty("apmbc"), facts)
    record = register.participant("FIN", d("2025-08-01"))
    assert notice_text(load_treaty("apmbc"), record, today=d("2025-08-01")) == (
        "Finland's withdrawal from the Anti-Personnel Mine Ban Convention will take effect on "
        "10 January 2026, six months after the Depositary received the notification on "
        "10 July 2025 (Art. 20)."
    )


def test_held_withdrawal_notice():
    facts = [
        fact("UKR", "ratification", "2005-12-27", name="Ukraine"),
        fact("UKR", "withdrawal_notified", "2025-06-29", name="Ukraine"),
        fact("UKR", "withdrawal_held", "2025-12-29", name="Ukraine"),
    ]
    record = Register(load_treaty("apmbc"), facts).participant("UKR", d("2026-03-01"))
    assert notice_text(load_treaty("apmbc"), record, today=d("2026-03-01")) == (
        "Ukraine notified its withdrawal from the Anti-Personnel Mine Ban Convention on "
        "29 June 2025; under Art. 20 the withdrawal does not take effect while Ukraine is "
        "engaged in an armed conflict."
    )


def test_undated_deposit_and_signatory(ccm):
    facts = [fact("LBN", "accession", None, name="Lebanon")]
    record = Register(load_treaty("apmbc"), facts).participant("LBN", d("2026-01-01"))
    assert notice_text(load_treaty("apmbc"), record) == (
        "Lebanon has acceded to the Anti-Personnel Mine Ban Convention; the date of deposit is "
        "not recorded, so no date of entry into force is given."
    )
    assert notice_text(load_treaty("ccm"), ccm.participant("AGO")) == (
        "Angola signed the Convention on Cluster Munitions on 3 December 2008."
    )


def test_other_languages_are_refused(ccm):
    with pytest.raises(ValueError, match="English only"):
        notice_text(load_treaty("ccm"), ccm.participant("IRQ"), "fr")
