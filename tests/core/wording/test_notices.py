"""The notice wording in three languages, by CLDR rules (no database)."""

import datetime as dt

import pytest

from tests.paths import TREATIES
from treatydesk.core import register as core
from treatydesk.core.wording import notices as text


@pytest.mark.parametrize("n,en,fr,es", [
    (1, "1st", "1er", "1.º"), (2, "2nd", "2e", "2.º"), (3, "3rd", "3e", "3.º"),
    (4, "4th", "4e", "4.º"), (11, "11th", "11e", "11.º"), (12, "12th", "12e", "12.º"),
    (13, "13th", "13e", "13.º"), (21, "21st", "21e", "21.º"), (83, "83rd", "83e", "83.º"),
    (101, "101st", "101e", "101.º"), (111, "111th", "111e", "111.º"),
    (112, "112th", "112e", "112.º"),
])
def test_ordinals_follow_cldr(n, en, fr, es):
    assert (text.ordinal(n, "en"), text.ordinal(n, "fr"), text.ordinal(n, "es")) == (en, fr, es)


def test_english_ordinals_agree_with_the_register_core():
    assert all(text.ordinal(n, "en") == core.ordinal_en(n) for n in range(1, 3000))


@pytest.mark.parametrize("day,en,fr,es", [
    (dt.date(2013, 11, 1), "1 November 2013", "1er novembre 2013", "1 de noviembre de 2013"),
    (dt.date(2010, 8, 1), "1 August 2010", "1er août 2010", "1 de agosto de 2010"),
    (dt.date(2025, 3, 6), "6 March 2025", "6 mars 2025", "6 de marzo de 2025"),
])
def test_long_dates_follow_cldr(day, en, fr, es):
    assert (text.long_date(day, "en"), text.long_date(day, "fr"), text.long_date(day, "es")) \
        == (en, fr, es)


@pytest.mark.parametrize("name,expected", [
    ("Irak", "l’Irak"), ("France", "la France"), ("Canada", "le Canada"),
    ("Pays-Bas", "les Pays-Bas"), ("Mexique", "le Mexique"), ("Honduras", "le Honduras"),
    ("Hongrie", "la Hongrie"), ("Royaume-Uni", "le Royaume-Uni"), ("Cuba", "Cuba"),
    ("Sierra Leone", "la Sierra Leone"), ("Saint-Siège", "le Saint-Siège"),
])
def test_french_state_names_take_their_article(name, expected):
    assert text.french_article(name) + name == expected


def test_the_language_must_be_one_of_the_three():
    with pytest.raises(ValueError):
        text.ordinal(3, "de")


def register_with(*extra):
    facts, _problems = core.parse_participants_csv(
        (core_data() / "participants.csv").read_text(encoding="utf-8"), "participants.csv")
    kept = [f for f in facts
            if not (f.is_consent and f.date and f.date >= dt.date(2013, 5, 14))]
    return core.Register(core.load_treaty("CCM"), [*kept, *extra])


def core_data():

    return TREATIES / "ccm"


def test_the_iraq_notice_in_three_languages():
    iraq = core.Fact("IRQ", core.FactKind.RATIFICATION, dt.date(2013, 5, 14), state_name="Iraq")
    register = register_with(iraq)
    record = register.participant("IRQ")
    notices = text.notice_sentences(register.treaty, record, "consent", iraq.date)
    assert notices["en"] == ("As the 83rd State to ratify the Convention on Cluster Munitions, "
                             "Iraq will become a State Party on 1 November 2013.")
    assert notices["fr"] == ("En tant que 83e État à ratifier la Convention sur les armes à "
                             "sous-munitions, l’Irak deviendra État partie le 1er novembre 2013.")
    assert notices["es"] == ("Como 83.º Estado en ratificar la Convención sobre Municiones en "
                             "Racimo, Irak se convertirá en Estado parte el 1 de noviembre de "
                             "2013.")


def test_a_plural_state_name_takes_a_plural_verb():
    register = register_with()
    record = register.participant("NLD")
    notices = text.notice_sentences(register.treaty, record, "consent", record.instrument.date)
    assert "les Pays-Bas deviendront État partie" in notices["fr"]
    assert "los Países Bajos se convertirán en Estado parte" in notices["es"]


def test_an_accession_contracts_the_preposition():
    register = register_with()
    record = register.participant("AND")
    notices = text.notice_sentences(register.treaty, record, "consent", record.instrument.date)
    assert "à adhérer à la Convention" in notices["fr"]
    assert "en adherirse a la Convención" in notices["es"]


def test_a_withdrawal_notice_in_three_languages():
    facts, _ = core.parse_participants_csv(
        (core_data() / "participants.csv").read_text(encoding="utf-8"), "participants.csv")
    withdrawals, _ = core.parse_withdrawals_csv(
        (core_data() / "withdrawals.csv").read_text(encoding="utf-8"), "withdrawals.csv",
        known_states={f.state for f in facts})
    register = core.Register(core.load_treaty("CCM"), [*facts, *withdrawals])
    record = register.participant("LTU")
    notices = text.notice_sentences(register.treaty, record, "withdrawal", dt.date(2025, 3, 6))
    assert "6 March 2025" in notices["en"]
    assert notices["fr"].startswith("Le retrait de la Lituanie de la Convention")
    assert "6 mars 2025" in notices["fr"]
    assert notices["es"].startswith("La retirada de Lituania de la Convención")
