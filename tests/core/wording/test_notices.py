"""The notices in English, French and Spanish, from the register core's records (no database)."""

import datetime as dt

import pytest

from tests.core.register.helpers import d, fact
from tests.paths import TREATIES
from treatydesk.core import register as core
from treatydesk.core import wording
from treatydesk.core.register import Register, load_shipped_facts, load_treaty
from treatydesk.core.wording import notice_text, notice_texts, notice_title


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
    ("kind", "words"), [("acceptance", "to accept"), ("approval", "to approve")],
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
    with pytest.raises(ValueError, match="written in en, fr, es"):
        notice_text(load_treaty("ccm"), ccm.participant("IRQ"), "de")


def register_with(*extra):
    """Return the CCM register without the deposits from Iraq's day on, plus ``extra``."""
    facts, _problems = core.parse_participants_csv(
        (TREATIES / "ccm" / "participants.csv").read_text(encoding="utf-8"), "participants.csv")
    kept = [f for f in facts
            if not (f.is_consent and f.date and f.date >= dt.date(2013, 5, 14))]
    return core.Register(core.load_treaty("CCM"), [*kept, *extra])


def test_the_iraq_notice_in_three_languages():
    iraq = core.Fact("IRQ", core.FactKind.RATIFICATION, dt.date(2013, 5, 14), state_name="Iraq")
    register = register_with(iraq)
    record = register.participant("IRQ")
    notices = notice_texts(register.treaty, record, about="consent", today=iraq.date)
    assert notices["en"] == ("As the 83rd State to ratify the Convention on Cluster Munitions, "
                             "Iraq will become a State Party on 1 November 2013.")
    assert notices["fr"] == ("En tant que 83e État à ratifier la Convention sur les armes à "
                             "sous-munitions, l’Irak deviendra État partie le 1er novembre 2013.")
    assert notices["es"] == ("Como 83.º Estado en ratificar la Convención sobre Municiones en "
                             "Racimo, Irak se convertirá en Estado parte el 1 de noviembre de "
                             "2013.")


def test_french_is_written_where_english_is(ccm):
    record = ccm.participant("IRQ", d("2013-06-01"))
    assert notice_text(load_treaty("ccm"), record, "fr-FR", today=d("2013-11-02")) == (
        "En tant que 83e État à ratifier la Convention sur les armes à sous-munitions, l’Irak "
        "est État partie depuis le 1er novembre 2013.")


def test_a_plural_state_name_takes_a_plural_verb():
    register = register_with()
    record = register.participant("NLD")
    notices = notice_texts(register.treaty, record, about="consent",
                           today=record.instrument.date)
    assert "les Pays-Bas deviendront État partie" in notices["fr"]
    assert "los Países Bajos se convertirán en Estado parte" in notices["es"]


def test_an_accession_contracts_the_preposition():
    register = register_with()
    record = register.participant("AND")
    notices = notice_texts(register.treaty, record, about="consent",
                           today=record.instrument.date)
    assert "à adhérer à la Convention" in notices["fr"]
    assert "en adherirse a la Convención" in notices["es"]


def test_states_deposited_the_same_day_are_named_in_each_language(ccm):
    record = ccm.participant("IRL")
    notices = notice_texts(load_treaty("ccm"), record, about="consent", today=d("2026-01-01"))
    assert "(jointly with Holy See, Norway and Sierra Leone, which deposited on the same day)" \
        in notices["en"]
    assert "(avec le Saint-Siège, la Norvège et la Sierra Leone, qui ont déposé le même jour)" \
        in notices["fr"]
    assert "(junto con la Santa Sede, Noruega y Sierra Leona, que depositaron el mismo día)" \
        in notices["es"]


def test_a_withdrawal_notice_in_three_languages():
    facts, _ = core.parse_participants_csv(
        (TREATIES / "ccm" / "participants.csv").read_text(encoding="utf-8"), "participants.csv")
    withdrawals, _ = core.parse_withdrawals_csv(
        (TREATIES / "ccm" / "withdrawals.csv").read_text(encoding="utf-8"), "withdrawals.csv",
        known_states={f.state for f in facts})
    register = core.Register(core.load_treaty("CCM"), [*facts, *withdrawals])
    record = register.participant("LTU")
    notices = notice_texts(register.treaty, record, about="withdrawal", today=dt.date(2025, 3, 6))
    assert "6 March 2025" in notices["en"]
    assert notices["fr"].startswith("Le retrait de la Lituanie de la Convention")
    assert "6 mars 2025" in notices["fr"]
    assert notices["es"].startswith("La retirada de Lituania de la Convención")


def test_a_held_withdrawal_in_french_and_spanish_names_the_article_in_words():
    facts = [
        fact("UKR", "ratification", "2005-12-27", name="Ukraine"),
        fact("UKR", "withdrawal_notified", "2025-06-29", name="Ukraine"),
        fact("UKR", "withdrawal_held", "2025-12-29", name="Ukraine"),
    ]
    record = Register(load_treaty("apmbc"), facts).participant("UKR", d("2026-03-01"))
    notices = notice_texts(load_treaty("apmbc"), record, today=d("2026-03-01"))
    assert notices["fr"] == (
        "L’Ukraine a notifié son retrait de la Convention sur l’interdiction des mines "
        "antipersonnel le 29 juin 2025 ; en vertu de l’article 20, ce retrait ne prend pas effet "
        "tant que cet État est engagé dans un conflit armé.")
    assert notices["es"] == (
        "Ucrania notificó su retirada de la Convención sobre la Prohibición de Minas Antipersonal "
        "el 29 de junio de 2025; conforme al artículo 20, la retirada no surte efecto mientras "
        "ese Estado participe en un conflicto armado.")


def test_the_treaty_is_named_as_its_definition_file_names_it():
    facts = [fact("FRA", "signature", "2013-06-03", name="France"),
             fact("FRA", "ratification", "2014-04-02", name="France")]
    treaty = load_treaty("att")
    record = Register(treaty, facts).participant("FRA")
    notices = notice_texts(treaty, record, today=d("2026-01-01"))
    for lang in wording.LANGUAGES:
        assert treaty.titles(lang).notice_name in notices[lang]
    assert "à ratifier le Traité sur le commerce des armes" in notices["fr"]


def test_french_and_spanish_have_no_notice_of_a_bare_signature(ccm):
    record = ccm.participant("AGO")
    assert notice_text(load_treaty("ccm"), record, "en").startswith("Angola signed")
    for lang in ("fr", "es"):
        with pytest.raises(ValueError, match="AGO has no instrument to announce"):
            notice_text(load_treaty("ccm"), record, lang)


@pytest.mark.parametrize(("kind", "lang", "title"), [
    ("ratification", "en", "Ratification: Iraq"),
    ("ratification", "fr", "Ratification : Irak"),
    ("accession", "es", "Adhesión: Irak"),
    ("withdrawal_notified", "fr", "Retrait : Irak"),
    ("withdrawal_effective", "es", "Retirada: Irak"),
])
def test_notice_titles(kind, lang, title):
    assert notice_title(kind, "IRQ", "Iraq", lang) == title


def test_an_english_title_without_a_depositary_name_takes_the_un_name():
    assert notice_title("acceptance", "NLD", "", "en") == "Acceptance: Netherlands"


def test_succession_takes_the_date_the_depositary_records():
    from dataclasses import replace

    facts = [replace(fact("AAA", "succession", "2012-01-01", name="Alpha"),
                     effective_date=d("2011-07-09"))]
    record = Register(load_treaty("ccm"), facts).participant("AAA")
    assert notice_text(load_treaty("ccm"), record, today=d("2020-01-01")) == (
        "As the 1st State to succeed to the Convention on Cluster Munitions, Alpha became a "
        "State Party on 9 July 2011."
    )


def test_succession_without_a_recorded_date_says_no_date():
    facts = [fact("AAA", "succession", "2012-01-01", name="Alpha")]
    record = Register(load_treaty("ccm"), facts).participant("AAA")
    text = notice_text(load_treaty("ccm"), record, today=d("2020-01-01"))
    assert "has succeeded to the Convention on Cluster Munitions" in text
    assert "will become" not in text and "()" not in text
