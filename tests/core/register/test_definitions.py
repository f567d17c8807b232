from datetime import date
from pathlib import Path

import pytest

from tests.paths import TREATIES
from treatydesk.core.register import (
    DefinitionError,
    FactKind,
    UnknownTreaty,
    load_treaty,
    load_treaty_file,
    treaty_codes,
)


def test_treaty_codes():
    assert treaty_codes() == ["APMBC", "ATT", "CCM", "TPNW"]


@pytest.mark.parametrize("code", ["ccm", "CCM", " Ccm "])
def test_load_is_case_insensitive(code):
    assert load_treaty(code).code == "CCM"


@pytest.mark.parametrize("code", ["xyz", "../ccm", ""])
def test_unknown_treaty(code):
    with pytest.raises(UnknownTreaty):
        load_treaty(code)


@pytest.mark.parametrize(
    ("code", "threshold", "article", "later_article", "recorded", "applies_to"),
    [
        (
            "ccm",
            30,
            "Art. 17(1)",
            "Art. 17(2)",
            date(2010, 8, 1),
            "deposit_after_threshold_deposit",
        ),
        (
            "apmbc",
            40,
            "Art. 17(1)",
            "Art. 17(2)",
            date(1999, 3, 1),
            "deposit_after_threshold_deposit",
        ),
        (
            "att",
            50,
            "Art. 22(1)",
            "Art. 22(2)",
            date(2014, 12, 24),
            "deposit_after_entry_into_force",
        ),
        (
            "tpnw",
            50,
            "Art. 15(1)",
            "Art. 15(2)",
            date(2021, 1, 22),
            "deposit_after_threshold_deposit",
        ),
    ],
)
def test_entry_into_force_rules(code, threshold, article, later_article, recorded, applies_to):
    treaty = load_treaty(code)
    assert treaty.entry_into_force.threshold == threshold
    assert treaty.entry_into_force.rule.article == article
    assert treaty.later_states.rule.article == later_article
    assert treaty.entry_into_force.recorded_date == recorded
    assert treaty.later_states.applies_to == applies_to


@pytest.mark.parametrize(
    ("code", "article", "closes", "reservations", "provisional", "withdrawal", "hold"),
    [
        ("ccm", "Art. 15", True, False, "Art. 18", "Art. 20", True),
        ("apmbc", "Art. 15", True, False, "Art. 18", "Art. 20", True),
        ("att", "Art. 20", True, True, "Art. 23", "Art. 24", False),
        ("tpnw", "Art. 13", False, False, None, "Art. 17", True),
    ],
)
def test_other_rules(code, article, closes, reservations, provisional, withdrawal, hold):
    treaty = load_treaty(code)
    assert treaty.signature.article == article
    assert treaty.signature.closes_at_entry_into_force is closes
    assert treaty.reservations.allowed is reservations
    assert (treaty.provisional_application.article if treaty.provisional_application else None) == (
        provisional
    )
    assert treaty.withdrawal.article == withdrawal
    assert treaty.withdrawal.armed_conflict_hold is hold


def test_consent_kinds():
    ccm = load_treaty("ccm")
    assert ccm.consent.signatory_kinds == {
        FactKind.RATIFICATION,
        FactKind.ACCEPTANCE,
        FactKind.APPROVAL,
    }
    assert ccm.consent.non_signatory_kinds == {FactKind.ACCESSION}
    assert not ccm.consent.accession_by_signatories
    assert load_treaty("att").consent.accession_only_after_entry_into_force


def test_withdrawal_periods():
    assert load_treaty("ccm").withdrawal.rule.apply(date(2024, 9, 6)) == date(2025, 3, 6)
    assert load_treaty("att").withdrawal.rule.apply(date(2025, 1, 1)) == date(2025, 4, 1)
    assert load_treaty("tpnw").withdrawal.rule.apply(date(2025, 2, 28)) == date(2026, 2, 28)
    assert load_treaty("att").withdrawal.later_date_in_notice


def test_every_rule_text_is_marked_paraphrase():
    for code in treaty_codes():
        treaty = load_treaty(code)
        for rule in (
            treaty.signature,
            treaty.consent,
            treaty.entry_into_force.rule,
            treaty.later_states.rule,
            treaty.reservations,
            treaty.withdrawal.rule,
        ):
            assert rule.text and rule.paraphrase, (code, rule)


def test_missing_key_names_file_and_key(tmp_path: Path):
    source = (TREATIES / "ccm/definition.toml").read_text()
    broken = tmp_path / "broken.toml"
    broken.write_text(source.replace("threshold = 30\n", ""))
    with pytest.raises(DefinitionError, match=r"broken\.toml.*'threshold'"):
        load_treaty_file(broken)


def test_bad_method_is_rejected(tmp_path: Path):
    source = (TREATIES / "att/definition.toml").read_text()
    broken = tmp_path / "att.toml"
    broken.write_text(source.replace('method = "days"', 'method = "weeks"', 1))
    with pytest.raises(DefinitionError, match="weeks"):
        load_treaty_file(broken)


@pytest.mark.parametrize(("code", "lang", "title", "name", "notice_name"), [
    ("ccm", "en", "Convention on Cluster Munitions", "Convention on Cluster Munitions",
     "the Convention on Cluster Munitions"),
    ("ccm", "fr", "Convention sur les armes à sous-munitions",
     "Convention sur les armes à sous-munitions", "la Convention sur les armes à sous-munitions"),
    ("ccm", "es-ES", "Convención sobre Municiones en Racimo",
     "Convención sobre Municiones en Racimo", "la Convención sobre Municiones en Racimo"),
    ("att", "fr", "Traité sur le commerce des armes", "Traité sur le commerce des armes",
     "le Traité sur le commerce des armes"),
    ("tpnw", "es", "Tratado sobre la Prohibición de las Armas Nucleares",
     "Tratado sobre la Prohibición de las Armas Nucleares",
     "el Tratado sobre la Prohibición de las Armas Nucleares"),
])
def test_titles_in_each_language(code, lang, title, name, notice_name):
    titles = load_treaty(code).titles(lang)
    assert (titles.title, titles.name, titles.notice_name) == (title, name, notice_name)


def test_a_name_the_file_does_not_translate_is_the_english_one():
    apmbc = load_treaty("apmbc")
    # The formal title of the Mine Ban Convention has no French or Spanish text in the file.
    assert apmbc.titles("fr").title == apmbc.title
    assert apmbc.titles("fr").name == "Convention sur l’interdiction des mines antipersonnel"
    assert load_treaty("ccm").titles("fr").short_title == "Cluster Munitions Convention"
    assert load_treaty("ccm").titles("de") == load_treaty("ccm").titles("en")
    assert load_treaty("ccm").titles(None).title == "Convention on Cluster Munitions"


def test_every_treaty_is_named_in_the_three_languages():
    for code in treaty_codes():
        treaty = load_treaty(code)
        for lang in ("fr", "es"):
            assert treaty.titles(lang).notice_name != treaty.notice_name, (code, lang)


def test_an_unknown_title_key_is_rejected(tmp_path: Path):
    source = (TREATIES / "ccm/definition.toml").read_text()
    broken = tmp_path / "ccm.toml"
    broken.write_text(source.replace("[titles.fr]\n", "[titles.fr]\nsubtitle = \"x\"\n", 1))
    with pytest.raises(DefinitionError, match=r"\[titles\.fr\].*subtitle"):
        load_treaty_file(broken)
    broken.write_text(source.replace("[titles.fr]\n", "[titles]\nfr = \"x\"\n[titles.de]\n", 1))
    with pytest.raises(DefinitionError, match="one table per language"):
        load_treaty_file(broken)
