"""The notices' three languages, and how each writes ordinals and dates (CLDR, through Babel).

The ordinal's CLDR plural category ("one", "two", "few", "other") picks the written suffix
(83rd, 83e, 83.º); the locale's long date pattern writes the date ("1 November 2013",
"1er novembre 2013", "1 de noviembre de 2013").
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale
from babel.dates import format_date

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


def language(lang: str | None) -> str:
    """Return the two-letter code of ``lang`` ("fr-CA" → "fr"), refusing other languages."""
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
    return _long_date(day, language(lang))


# Pages write the same few thousand dates over and over (every row of the register).
@lru_cache(maxsize=8192)
def _long_date(day: dt.date, lang: str) -> str:
    pattern = _locale(lang).date_formats["long"].pattern
    if day.day == 1 and lang in FIRST_DAY_ORDINAL and "d" in pattern and "dd" not in pattern:
        suffix = ORDINAL_SUFFIXES[lang][_locale(lang).ordinal_form(1)]
        pattern = pattern.replace("d", f"d'{suffix}'", 1)
    return format_date(day, pattern, locale=_locale(lang))
