"""The notice sentence in English, French and Spanish, from the register core's record.

English comes from the core (``notice_text``), the one wording the command line and the home
page also use. French and Spanish are written here with the same structure. Ordinals and dates
in every language follow CLDR through Babel: the ordinal's plural category ("one", "two", "few",
"other") picks the suffix, and the long date pattern of the locale writes the date ("1 November
2013", "1er novembre 2013", "1 de noviembre de 2013").

Plain functions of the record and the treaty, no database: they are tested without Django's
database and used by the drafting action.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale
from babel.dates import format_date

from .. import register as core

LANGUAGES = ("en", "fr", "es")

# Babel locales: the United Nations writes English dates day-month-year, as en_GB does.
BABEL_LOCALES = {"en": "en_GB", "fr": "fr", "es": "es"}

# The written suffix of each CLDR ordinal category ("digits-ordinal" in CLDR's number rules):
# 1st 2nd 3rd 4th; 1er 2e; 1.º 2.º (masculine, agreeing with "État" and "Estado").
ORDINAL_SUFFIXES = {
    "en": {"one": "st", "two": "nd", "few": "rd", "other": "th"},
    "fr": {"one": "er", "other": "e"},
    "es": {"other": ".º"},
}

# French writes the first day of a month as an ordinal ("1er novembre"); CLDR's "d" does not.
FIRST_DAY_ORDINAL = {"fr"}

SUBJECT_CONSENT = "consent"
SUBJECT_WITHDRAWAL = "withdrawal"

TREATY_NAMES = {
    "CCM": {"fr": "la Convention sur les armes à sous-munitions",
            "es": "la Convención sobre Municiones en Racimo"},
    "APMBC": {"fr": "la Convention sur l’interdiction des mines antipersonnel",
              "es": "la Convención sobre la Prohibición de Minas Antipersonal"},
    "ATT": {"fr": "le Traité sur le commerce des armes",
            "es": "el Tratado sobre el Comercio de Armas"},
    "TPNW": {"fr": "le Traité sur l’interdiction des armes nucléaires",
             "es": "el Tratado sobre la Prohibición de las Armas Nucleares"},
}

INFINITIVES = {
    "fr": {
        core.FactKind.RATIFICATION: "ratifier",
        core.FactKind.ACCEPTANCE: "accepter",
        core.FactKind.APPROVAL: "approuver",
        core.FactKind.ACCESSION: "adhérer à",
        core.FactKind.SUCCESSION: "succéder à",
    },
    "es": {
        core.FactKind.RATIFICATION: "ratificar",
        core.FactKind.ACCEPTANCE: "aceptar",
        core.FactKind.APPROVAL: "aprobar",
        core.FactKind.ACCESSION: "adherirse a",
        core.FactKind.SUCCESSION: "suceder en",
    },
}

PERFECTS = {
    "fr": {
        core.FactKind.RATIFICATION: "a ratifié",
        core.FactKind.ACCEPTANCE: "a accepté",
        core.FactKind.APPROVAL: "a approuvé",
        core.FactKind.ACCESSION: "a adhéré à",
        core.FactKind.SUCCESSION: "a succédé à",
    },
    "es": {
        core.FactKind.RATIFICATION: "ha ratificado",
        core.FactKind.ACCEPTANCE: "ha aceptado",
        core.FactKind.APPROVAL: "ha aprobado",
        core.FactKind.ACCESSION: "se ha adherido a",
        core.FactKind.SUCCESSION: "ha sucedido en",
    },
}

# Contractions of a preposition with the article that opens a treaty's or a state's name.
CONTRACTIONS = {
    "fr": (("à le ", "au "), ("à les ", "aux "), ("de le ", "du "), ("de les ", "des ")),
    "es": (("a el ", "al "), ("de el ", "del ")),
}


def language(lang: str | None) -> str:
    code = (lang or "en").replace("_", "-").split("-")[0].lower()
    if code not in LANGUAGES:
        raise ValueError(f"notices are written in {', '.join(LANGUAGES)}; not in {lang!r}")
    return code


@lru_cache(maxsize=8)
def _locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALES[lang])


def ordinal(n: int, lang: str = "en") -> str:
    """Return ``n`` as an ordinal in figures: 83rd, 83e, 83.º — CLDR's category picks the suffix."""
    lang = language(lang)
    suffixes = ORDINAL_SUFFIXES[lang]
    category = _locale(lang).ordinal_form(n)
    return f"{n}{suffixes.get(category, suffixes['other'])}"


def long_date(day: dt.date, lang: str = "en") -> str:
    """Return ``day`` in the language's long form: 1 November 2013, 1er novembre 2013, …"""
    lang = language(lang)
    pattern = _locale(lang).date_formats["long"].pattern
    if day.day == 1 and lang in FIRST_DAY_ORDINAL and "d" in pattern and "dd" not in pattern:
        suffix = ORDINAL_SUFFIXES[lang][_locale(lang).ordinal_form(1)]
        pattern = pattern.replace("d", f"d'{suffix}'", 1)
    return format_date(day, pattern, locale=_locale(lang))


def contract(text: str, lang: str) -> str:
    """Apply the language's contractions: "à le Traité" → "au Traité", "a el" → "al"."""
    for long, short in CONTRACTIONS.get(lang, ()):
        text = text.replace(long, short)
    return text


def treaty_name(treaty, lang: str) -> str:
    """Return the treaty's name as it reads inside a sentence ("la Convention sur …")."""
    if lang == "en":
        return treaty.notice_name
    return TREATY_NAMES.get(treaty.code, {}).get(lang) or treaty.notice_name


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


_ES_ARTICLES = (("Reino ", "el "), ("Estado ", "el "), ("Estados ", "los "), ("Países ", "los "),
                ("Emiratos ", "los "), ("Islas ", "las "), ("República ", "la "),
                ("Santa Sede", "la "))


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


def is_plural(name: str) -> bool:
    """Return True when a state's name with its article takes a plural verb ("les Pays-Bas")."""
    return name.startswith(("les ", "Les ", "los ", "Los ", "las ", "Las "))


def plural(singular: str, lang: str, many: bool) -> str:
    """Return the verb phrase ``singular`` in the plural when ``many`` ("deviendra" → …)."""
    if not many:
        return singular
    for one, more in PLURALS[lang]:
        if singular.startswith(one):
            return more + singular[len(one):]
    return singular


# The verb phrases of the notices, in the third person singular and plural.
PLURALS = {
    "fr": (("deviendra", "deviendront"), ("devient", "deviennent"), ("est État partie",
           "sont État partie"), ("a notifié son", "ont notifié leur"),
           ("a annoncé son", "ont annoncé leur"), ("a ", "ont ")),
    "es": (("se convertirá", "se convertirán"), ("se convierte", "se convierten"),
           ("se convirtió", "se convirtieron"), ("notificó", "notificaron"),
           ("ha ", "han "), ("se ha ", "se han ")),
}


def capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def subject_of(kind) -> str | None:
    """Return the notice subject of a fact kind: consent, withdrawal, or None (no notice)."""
    kind = core.FactKind(str(kind))
    if kind in core.CONSENT_KINDS:
        return SUBJECT_CONSENT
    if kind in (core.FactKind.WITHDRAWAL_NOTIFIED, core.FactKind.WITHDRAWAL_EFFECTIVE):
        return SUBJECT_WITHDRAWAL
    return None


def notice_sentence(treaty, record, lang: str, subject: str, as_of: dt.date) -> str:
    """Return the notice for ``record`` in ``lang``, worded as on the day ``as_of``.

    A notice speaks from the day of the act it announces: "will become a State Party on …"
    stays true of the notice published that day, however long ago.
    """
    lang = language(lang)
    if lang == "en":
        return core.notice_text(treaty, record, "en", today=as_of, about=subject)
    if subject == SUBJECT_WITHDRAWAL:
        return _withdrawal(treaty, record, lang, as_of)
    return _consent(treaty, record, lang, as_of)


def _tense(day: dt.date, today: dt.date, past: str, present: str, future: str) -> str:
    if day < today:
        return past
    return present if day == today else future


def _consent(treaty, record, lang: str, today: dt.date) -> str:
    name = state_name(record.state, lang, record.state_name)
    title = treaty_name(treaty, lang)
    instrument = record.instrument
    if instrument is None:
        raise ValueError(f"{record.state} has no instrument to announce")
    kind = core.FactKind(str(instrument.kind))
    eif = record.entry_into_force
    if record.ordinal is None:
        if lang == "fr":
            perfect = plural(PERFECTS["fr"][kind], "fr", is_plural(name))
            return contract(f"{capfirst(name)} {perfect} {title} ; la date du dépôt "
                            "n’étant pas consignée, aucune date d’entrée en vigueur n’est "
                            "indiquée.", lang)
        perfect = plural(PERFECTS["es"][kind], "es", is_plural(name))
        return contract(f"{capfirst(name)} {perfect} {title}; como no consta la "
                        "fecha de depósito, no se indica fecha de entrada en vigor.", lang)
    tied = [state_name(iso3, lang) for iso3 in record.ordinal_tied_with]
    if lang == "fr":
        place = f"{ordinal(record.ordinal, 'fr')} État"
        if tied:
            verb = "a" if len(tied) == 1 else "ont"
            place += f" (avec {_join(tied, 'et')}, qui {verb} déposé le même jour)"
        opening = contract(f"En tant que {place} à {INFINITIVES['fr'][kind]} {title}, {name}",
                           lang)
        if eif is None or eif.date is None:
            verb = plural("deviendra", "fr", is_plural(name))
            return (f"{opening} {verb} État partie à l’entrée en vigueur du traité "
                    f"({_article(eif, treaty, lang)}).")
        many = is_plural(name)
        if eif.date < today:
            return (f"{opening} {plural('est État partie', 'fr', many)} depuis le "
                    f"{long_date(eif.date, 'fr')}.")
        verb = plural(_tense(eif.date, today, "", "devient", "deviendra"), "fr", many)
        return f"{opening} {verb} État partie le {long_date(eif.date, 'fr')}."
    place = f"{ordinal(record.ordinal, 'es')} Estado"
    if tied:
        verb = "depositó" if len(tied) == 1 else "depositaron"
        place += f" (junto con {_join(tied, 'y')}, que {verb} el mismo día)"
    opening = contract(f"Como {place} en {INFINITIVES['es'][kind]} {title}, {name}", lang)
    if eif is None or eif.date is None:
        verb = plural("se convertirá", "es", is_plural(name))
        return (f"{opening} {verb} en Estado parte cuando el tratado entre en vigor "
                f"({_article(eif, treaty, lang)}).")
    verb = _tense(eif.date, today, "se convirtió", "se convierte", "se convertirá")
    verb = plural(verb, "es", is_plural(name))
    return f"{opening} {verb} en Estado parte el {long_date(eif.date, 'es')}."


def _article(eif, treaty, lang: str) -> str:
    return cite(eif.article if eif else treaty.entry_into_force.rule.article, lang)


def cite(article: str, lang: str) -> str:
    """Return an article reference as the language abbreviates it: "Art. 17(2)" → "art. 17(2)"."""
    return article.replace("Art.", "art.") if lang in ("fr", "es") else article


def article_words(article: str, lang: str) -> str:
    """Return an article reference in words: "l’article 20(2)", "el artículo 20(2)"."""
    number = article.replace("Art.", "").strip()
    return {"fr": f"l’article {number}", "es": f"el artículo {number}"}.get(lang, article)


def _withdrawal(treaty, record, lang: str, today: dt.date) -> str:
    name = state_name(record.state, lang, record.state_name)
    title = treaty_name(treaty, lang)
    article = cite(treaty.withdrawal.article, lang)
    effective = record.withdrawal_effective
    notified = record.withdrawal_notified
    held = record.status == core.Status.WITHDRAWAL_HELD or record.withdrawal_held is not None
    if effective is not None and effective.date is not None:
        if lang == "fr":
            verb = _tense(effective.date, today, "a pris effet", "prend effet", "prendra effet")
            text = contract(f"Le retrait de {name} de {title} {verb} le "
                            f"{long_date(effective.date, 'fr')}", lang)
            if notified is not None and notified.date is not None and effective.date >= today:
                text += (f", le dépositaire ayant reçu la notification le "
                         f"{long_date(notified.date, 'fr')} ({article})")
            return text + "."
        verb = _tense(effective.date, today, "surtió efecto", "surte efecto", "surtirá efecto")
        text = contract(f"La retirada de {name} de {title} {verb} el "
                        f"{long_date(effective.date, 'es')}", lang)
        if notified is not None and notified.date is not None and effective.date >= today:
            text += (f", dado que el depositario recibió la notificación el "
                     f"{long_date(notified.date, 'es')} ({article})")
        return text + "."
    if held:
        if lang == "fr":
            on = f" le {long_date(notified.date, 'fr')}" if notified and notified.date else ""
            notified_verb = plural("a notifié son", "fr", is_plural(name))
            return contract(f"{capfirst(name)} {notified_verb} retrait de {title}{on} ; en vertu "
                            f"de {article_words(treaty.withdrawal.article, 'fr')}, ce retrait "
                            "ne prend pas effet tant que cet État est engagé dans un conflit "
                            "armé.", lang)
        on = f" el {long_date(notified.date, 'es')}" if notified and notified.date else ""
        notified_verb = plural("notificó", "es", is_plural(name))
        return contract(f"{capfirst(name)} {notified_verb} su retirada de {title}{on}; conforme a "
                        f"{article_words(treaty.withdrawal.article, 'es')}, la retirada no "
                        "surte efecto mientras ese Estado participe en un conflicto armado.",
                        lang)
    if lang == "fr":
        announced = plural("a annoncé son", "fr", is_plural(name))
        return contract(f"{capfirst(name)} {announced} retrait de {title} ; aucune date de "
                        "notification n’étant consignée, la date à laquelle il prendra effet "
                        f"({article}) n’est pas connue.", lang)
    announced = plural("ha anunciado", "es", is_plural(name))
    return contract(f"{capfirst(name)} {announced} su retirada de {title}; como no consta la "
                    "fecha de notificación, se desconoce la fecha en que surtirá efecto "
                    f"({article}).", lang)


def _join(names: list[str], conjunction: str) -> str:
    if len(names) <= 2:
        return f" {conjunction} ".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def notice_sentences(treaty, record, subject: str, as_of: dt.date) -> dict[str, str]:
    """Return the notice in every language: {"en": …, "fr": …, "es": …}."""
    return {lang: notice_sentence(treaty, record, lang, subject, as_of) for lang in LANGUAGES}
