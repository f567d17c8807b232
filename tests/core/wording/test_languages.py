"""Ordinals and dates in the three languages, by CLDR rules (Babel)."""

import datetime as dt

import pytest

from treatydesk.core import register as core
from treatydesk.core.wording import language, long_date, ordinal


@pytest.mark.parametrize("n,en,fr,es", [
    (1, "1st", "1er", "1.º"), (2, "2nd", "2e", "2.º"), (3, "3rd", "3e", "3.º"),
    (4, "4th", "4e", "4.º"), (11, "11th", "11e", "11.º"), (12, "12th", "12e", "12.º"),
    (13, "13th", "13e", "13.º"), (21, "21st", "21e", "21.º"), (83, "83rd", "83e", "83.º"),
    (101, "101st", "101e", "101.º"), (111, "111th", "111e", "111.º"),
    (112, "112th", "112e", "112.º"),
])
def test_ordinals_follow_cldr(n, en, fr, es):
    assert (ordinal(n, "en"), ordinal(n, "fr"), ordinal(n, "es")) == (en, fr, es)


def test_english_ordinals_agree_with_the_register_core():
    """The register's own messages ("the 30th instrument") and the notices count alike."""
    assert all(ordinal(n, "en") == core.ordinal_en(n) for n in range(1, 3000))


@pytest.mark.parametrize("day,en,fr,es", [
    (dt.date(2013, 11, 1), "1 November 2013", "1er novembre 2013", "1 de noviembre de 2013"),
    (dt.date(2010, 8, 1), "1 August 2010", "1er août 2010", "1 de agosto de 2010"),
    (dt.date(2025, 3, 6), "6 March 2025", "6 mars 2025", "6 de marzo de 2025"),
])
def test_long_dates_follow_cldr(day, en, fr, es):
    assert (long_date(day, "en"), long_date(day, "fr"), long_date(day, "es")) == (en, fr, es)


def test_english_dates_agree_with_the_register_core():
    """The register's explanations ("deposit 14 May 2013") and the notices write dates alike."""
    start = dt.date(1997, 1, 1)
    days = [start + dt.timedelta(days=n) for n in range(0, 366 * 45, 7)]
    assert [long_date(day, "en") for day in days] == [core.format_date_en(day) for day in days]


@pytest.mark.parametrize(("given", "code"), [
    ("en", "en"), ("fr-CA", "fr"), ("es_ES", "es"), ("FR", "fr"), (None, "en"), ("", "en"),
])
def test_a_language_is_read_by_its_first_part(given, code):
    assert language(given) == code


@pytest.mark.parametrize("lang", ["de", "ar", "english"])
def test_the_language_must_be_one_of_the_three(lang):
    with pytest.raises(ValueError, match="written in en, fr, es"):
        ordinal(3, lang)
    with pytest.raises(ValueError):
        long_date(dt.date(2013, 11, 1), lang)
