"""The grammar the notices need: state names with their articles, contractions, plural verbs.

English names are the depositary's and take no article; French and Spanish names come from the
register core (UN usage where CLDR differs) and take the article their language gives them
("l’Irak", "les Pays-Bas", "el Reino Unido"), which then contracts with a preposition before it
("du Canada", "al Reino Unido") and makes the verb plural ("les Pays-Bas deviendront").
"""

from __future__ import annotations

from .. import register as core

# Contractions of a preposition with the article that opens a treaty's or a state's name.
CONTRACTIONS = {
    "fr": (("à le ", "au "), ("à les ", "aux "), ("de le ", "du "), ("de les ", "des ")),
    "es": (("a el ", "al "), ("de el ", "del ")),
}

# The verb phrases of the notices, in the third person singular and plural (first match wins).
PLURALS = {
    "fr": (("deviendra", "deviendront"), ("devient", "deviennent"), ("est État partie",
           "sont État partie"), ("a notifié son", "ont notifié leur"),
           ("a annoncé son", "ont annoncé leur"), ("a ", "ont ")),
    "es": (("se convertirá", "se convertirán"), ("se convierte", "se convierten"),
           ("se convirtió", "se convirtieron"), ("notificó", "notificaron"),
           ("ha ", "han "), ("se ha ", "se han ")),
}

# French: names used without an article, plural names, and masculine names ending in -e.
_FR_NO_ARTICLE = {
    "Antigua-et-Barbuda", "Bahreïn", "Brunéi Darussalam", "Cuba", "Chypre", "Djibouti", "Haïti",
    "El Salvador", "Israël", "Kiribati", "Madagascar", "Malte", "Maurice", "Monaco", "Nauru",
    "Nioué", "Oman",
    "Saint-Christophe-et-Niévès", "Saint-Marin", "Sainte-Lucie", "Saint-Vincent-et-les-Grenadines",
    "Samoa", "Sao Tomé-et-Principe", "Singapour", "Sri Lanka", "Trinité-et-Tobago", "Tuvalu",
}
_FR_PLURAL = ("Bahamas", "Comores", "Émirats", "États-Unis", "Fidji", "Îles", "Maldives",
              "Palaos", "Pays-Bas", "Philippines", "Seychelles", "Tonga")
_FR_MASCULINE_E = {"Belize", "Cambodge", "Mexique", "Mozambique", "Royaume", "Suriname",
                   "Zimbabwe"}
_FR_FEMININE = {"Sierra"}
_VOWELS = "AÂÀEÉÈÊIÎOÔUÛŒ"

_ES_ARTICLES = (("Reino ", "el "), ("Estado ", "el "), ("Estados ", "los "), ("Países ", "los "),
                ("Emiratos ", "los "), ("Islas ", "las "), ("República ", "la "),
                ("Santa Sede", "la "))


def french_article(name: str) -> str:
    """Return the article that goes before a state's French name: "l’", "la ", "le ", "les "."""
    head = name.split(" (")[0]
    first_word = head.replace("-", " ").split(" ")[0]
    if head in _FR_NO_ARTICLE:
        return ""
    if head.startswith(_FR_PLURAL):
        return "les "
    if head[:1] in _VOWELS:
        return "l’"
    if first_word in _FR_FEMININE:
        return "la "
    if first_word.endswith("e") and first_word not in _FR_MASCULINE_E:
        return "la "
    return "le "


def spanish_article(name: str) -> str:
    """Return the article a Spanish state name takes ("el Reino Unido"), usually none."""
    for start, article in _ES_ARTICLES:
        if name.startswith(start):
            return article
    return ""


def state_name(iso3: str, lang: str, depositary_name: str = "") -> str:
    """Return the state's name in ``lang`` as the subject of a sentence ("l’Irak", "Irak")."""
    if lang == "en":
        return depositary_name or core.country_name(iso3, "en")
    name = core.country_name(iso3, lang)
    if lang == "fr":
        return french_article(name) + name
    return spanish_article(name) + name


def contract(text: str, lang: str) -> str:
    """Apply the language's contractions: "à le Traité" → "au Traité", "a el" → "al"."""
    for long, short in CONTRACTIONS.get(lang, ()):
        text = text.replace(long, short)
    return text


def is_plural(name: str) -> bool:
    """Return True when a state's name with its article takes a plural verb ("les Pays-Bas")."""
    return name.startswith(("les ", "Les ", "los ", "Los ", "las ", "Las "))


def plural(singular: str, lang: str, many: bool) -> str:
    """Return the verb phrase ``singular`` in the plural when ``many`` ("deviendra" → …)."""
    if not many:
        return singular
    for one, more in PLURALS.get(lang, ()):
        if singular.startswith(one):
            return more + singular[len(one):]
    return singular


def capfirst(text: str) -> str:
    """Return ``text`` with its first letter in capitals ("l’Irak" → "L’Irak")."""
    return text[:1].upper() + text[1:]


def join(names: list[str], conjunction: str) -> str:
    """Return "A", "A and B", "A, B and C" with the language's conjunction."""
    if len(names) <= 2:
        return f" {conjunction} ".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def cite(article: str, lang: str) -> str:
    """Return an article reference as the language abbreviates it: "Art. 17(2)" → "art. 17(2)"."""
    return article.replace("Art.", "art.") if lang in ("fr", "es") else article


def article_words(article: str, lang: str) -> str:
    """Return an article reference in words: "l’article 20(2)", "el artículo 20(2)"."""
    number = article.replace("Art.", "").strip()
    return {"fr": f"l’article {number}", "es": f"el artículo {number}"}.get(lang, article)
