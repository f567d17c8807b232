"""The pieces behind the pages: the as-of date, sorting, names and dates per language."""

import datetime as dt

import pytest
from django.utils import translation

from treatydesk.core.register import load_treaty
from treatydesk.records.status import localize, table
from treatydesk.records.status.asof import BadAsOf, parse_as_of

TODAY = dt.date(2026, 11, 28)


def test_empty_as_of_is_today_and_not_kept_in_links():
    as_of = parse_as_of("", TODAY)
    assert as_of.date == TODAY and not as_of.chosen and as_of.query == ""


def test_chosen_as_of_is_kept_in_links():
    as_of = parse_as_of(" 2013-06-01 ", TODAY)
    assert as_of.date == dt.date(2013, 6, 1)
    assert as_of.query == "as_of=2013-06-01"


@pytest.mark.parametrize("value, words", [
    ("2013-02-29", "no such day"),
    ("20130601", "YYYY-MM-DD"),
    ("<script>", "YYYY-MM-DD"),
])
def test_bad_as_of_says_why(value, words):
    with pytest.raises(BadAsOf) as raised:
        parse_as_of(value, TODAY)
    assert words in raised.value.message


@pytest.mark.parametrize("value", ["2008-05-29", "9999-12-31", "2031-11-29", "0001-01-01"])
def test_as_of_outside_adoption_and_the_horizon_is_refused(value):
    with pytest.raises(BadAsOf) as raised:
        parse_as_of(value, TODAY, earliest=dt.date(2008, 5, 30))
    assert "from 2008-05-30 (the treaty's adoption) to 2031-11-28" in raised.value.message


@pytest.mark.parametrize("value", ["2008-05-30", "2031-11-28"])
def test_as_of_bounds_are_included(value):
    assert parse_as_of(value, TODAY, earliest=dt.date(2008, 5, 30)).date.isoformat() == value


@pytest.mark.parametrize("value", ["２０１３-０６-０１", "²⁰¹³-06-01", "٢٠١٣-06-01"])
def test_as_of_takes_ascii_digits_only(value):
    with pytest.raises(BadAsOf) as raised:
        parse_as_of(value, TODAY, earliest=dt.date(2008, 5, 30))
    assert "YYYY-MM-DD" in raised.value.message


def test_sort_keeps_rows_without_a_value_last_both_ways():
    def row(name, ordinal):
        return table.Row(
            iso3=name[:3].upper(), name=name, sort_name=table.collation_key(name), url="",
            signature_date=None, signature_text="", instrument_date=None, instrument_text="",
            instrument_kind="", ordinal=ordinal, ordinal_tied=False, eif_date=None, eif_text="",
            status="signatory", status_text="", flags=(),
        )

    rows = [row("Angola", None), row("Chad", 80), row("Iraq", 83), row("Andorra", 81)]
    assert [r.name for r in table.sort_rows(rows, "ordinal")] == [
        "Chad", "Andorra", "Iraq", "Angola"]
    assert [r.name for r in table.sort_rows(rows, "ordinal", descending=True)] == [
        "Iraq", "Andorra", "Chad", "Angola"]


def test_names_sort_ignoring_accents_and_case():
    names = ["Équateur", "Espagne", "eswatini", "Érythrée"]
    assert sorted(names, key=table.collation_key) == ["Équateur", "Érythrée", "Espagne",
                                                      "eswatini"]


def test_parse_sort():
    assert table.parse_sort("-eif") == ("eif", True)
    assert table.parse_sort("ordinal") == ("ordinal", False)
    assert table.parse_sort("drop table") == ("state", False)


def test_dates_and_names_per_language():
    day = dt.date(2013, 11, 1)
    assert localize.long_date(day, "en") == "1 November 2013"
    assert localize.long_date(day, "fr") == "1er novembre 2013"
    assert localize.long_date(day, "es") == "1 de noviembre de 2013"
    assert localize.country_name("IRQ", "fr", "Iraq") == "Irak"
    assert localize.country_name("BOL", "en", "Bolivia (Plurinational State of)") == (
        "Bolivia (Plurinational State of)")
    assert localize.country_name("VAT", "es", "Holy See") == "Santa Sede"


@pytest.mark.parametrize(("code", "lang", "title"), [
    ("CCM", "en", "Convention on Cluster Munitions"),
    ("CCM", "fr", "Convention sur les armes à sous-munitions"),
    ("CCM", "es", "Convención sobre Municiones en Racimo"),
    ("TPNW", "fr", "Traité sur l’interdiction des armes nucléaires"),
    # The Mine Ban Convention's formal title has no French text in its definition file.
    ("APMBC", "fr", "Convention on the Prohibition of the Use, Stockpiling, Production and "
                    "Transfer of Anti-Personnel Mines and on their Destruction"),
])
def test_treaty_titles_in_the_page_language(code, lang, title):
    with translation.override(lang):
        assert localize.treaty_title(load_treaty(code)) == title


def test_short_treaty_titles_in_the_page_language():
    with translation.override("fr"):
        assert localize.treaty_title(load_treaty("APMBC"), short=True) == (
            "Convention sur l’interdiction des mines antipersonnel")
