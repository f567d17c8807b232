"""State names with their articles, contractions and plural verbs in French and Spanish."""

import pytest

from treatydesk.core.wording import grammar


@pytest.mark.parametrize("name,expected", [
    ("Irak", "l’Irak"), ("France", "la France"), ("Canada", "le Canada"),
    ("Pays-Bas", "les Pays-Bas"), ("Mexique", "le Mexique"), ("Honduras", "le Honduras"),
    ("Hongrie", "la Hongrie"), ("Royaume-Uni", "le Royaume-Uni"), ("Cuba", "Cuba"),
    ("Sierra Leone", "la Sierra Leone"), ("Saint-Siège", "le Saint-Siège"),
])
def test_french_state_names_take_their_article(name, expected):
    assert grammar.french_article(name) + name == expected


@pytest.mark.parametrize("name,expected", [
    ("Reino Unido", "el Reino Unido"), ("Países Bajos", "los Países Bajos"),
    ("Islas Marshall", "las Islas Marshall"), ("Santa Sede", "la Santa Sede"), ("Irak", "Irak"),
])
def test_spanish_state_names_take_their_article(name, expected):
    assert grammar.spanish_article(name) + name == expected


@pytest.mark.parametrize(("iso3", "lang", "depositary", "expected"), [
    ("IRQ", "en", "Iraq", "Iraq"), ("IRQ", "fr", "Iraq", "l’Irak"),
    ("GBR", "es", "", "el Reino Unido de Gran Bretaña e Irlanda del Norte"),
    ("NLD", "en", "", "Netherlands"),
])
def test_state_names_as_the_subject_of_a_sentence(iso3, lang, depositary, expected):
    assert grammar.state_name(iso3, lang, depositary) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("retrait de le Canada", "fr", "retrait du Canada"),
    ("retrait de les Pays-Bas", "fr", "retrait des Pays-Bas"),
    ("à le Traité", "fr", "au Traité"),
    ("conforme a el artículo", "es", "conforme al artículo"),
    ("retirada de el Reino Unido", "es", "retirada del Reino Unido"),
    ("de le", "en", "de le"),
])
def test_contractions(text, lang, expected):
    assert grammar.contract(text, lang) == expected


@pytest.mark.parametrize(("verb", "lang", "plural"), [
    ("deviendra", "fr", "deviendront"), ("est État partie", "fr", "sont État partie"),
    ("a notifié son", "fr", "ont notifié leur"), ("a adhéré à", "fr", "ont adhéré à"),
    ("se convertirá", "es", "se convertirán"), ("se ha adherido a", "es", "se han adherido a"),
    ("ha ratificado", "es", "han ratificado"), ("will become", "en", "will become"),
])
def test_a_plural_name_takes_a_plural_verb(verb, lang, plural):
    assert grammar.is_plural("les Pays-Bas") and grammar.is_plural("los Países Bajos")
    assert not grammar.is_plural("le Canada")
    assert grammar.plural(verb, lang, many=True) == plural
    assert grammar.plural(verb, lang, many=False) == verb


def test_names_are_joined_with_the_language_conjunction():
    assert grammar.join(["A"], "and") == "A"
    assert grammar.join(["A", "B"], "et") == "A et B"
    assert grammar.join(["A", "B", "C"], "y") == "A, B y C"


def test_articles_of_a_treaty_are_cited_as_each_language_writes_them():
    assert grammar.cite("Art. 17(2)", "en") == "Art. 17(2)"
    assert grammar.cite("Art. 17(2)", "fr") == "art. 17(2)"
    assert grammar.article_words("Art. 20", "fr") == "l’article 20"
    assert grammar.article_words("Art. 20", "es") == "el artículo 20"
