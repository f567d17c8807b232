"""The table's rows and their HTML, kept between days: the same as built afresh, per language."""

import datetime as dt

import pytest
from django.template.loader import get_template
from django.utils import translation

from treatydesk.core.register import Register, load_shipped_facts, load_treaty
from treatydesk.records.status import table

TODAY = dt.date(2026, 11, 28)
# Days that change the rows: before entry into force, Iraq's deposit and its entry into force,
# Lithuania's withdrawal pending and done, and a day in the future.
DAYS = [dt.date(2009, 6, 1), dt.date(2010, 8, 1), dt.date(2013, 6, 1), dt.date(2013, 11, 1),
        dt.date(2024, 9, 1), dt.date(2025, 3, 6), TODAY, dt.date(2030, 1, 1)]


def ccm() -> Register:
    facts, _ = load_shipped_facts("CCM")
    return Register(load_treaty("CCM"), facts, today=TODAY)


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_rows_kept_from_other_days_are_the_rows_built_afresh(lang):
    register = ccm()
    kept: dict = {}
    with translation.override(lang):
        for day in DAYS + DAYS[::-1]:
            records = register.participants(day)
            assert table.build_rows(records, lang, kept) == table.build_rows(records, lang), day
    assert kept, "nothing was kept"


def test_a_row_kept_in_one_language_is_never_shown_in_another():
    register = ccm()
    kept: dict = {}
    records = register.participants(TODAY)
    with translation.override("en"):
        english = table.build_rows(records, "en", kept)
    with translation.override("fr"):
        french = table.build_rows(records, "fr", kept)
        assert french == table.build_rows(records, "fr")
    assert {row.url for row in english} != {row.url for row in french}  # /en/… and /fr/…


def test_the_rows_html_is_each_row_rendered_in_the_active_language():
    register = ccm()
    template = get_template(table.ROW_TEMPLATE)
    for lang in ["en", "fr", "en", "es"]:
        with translation.override(lang):
            for day in DAYS:
                rows = table.build_rows(register.participants(day), lang)
                fresh = "    ".join(template.render({"row": row}) for row in rows)
                assert table.rows_html(rows) == fresh, (lang, day)


def test_a_date_not_known_is_worded_in_each_language():
    row = table.Row(
        iso3="XXX", name="X", sort_name="x", url="/x/", signature_date=None, signature_text="",
        instrument_date=None, instrument_text="", instrument_kind="Accession", ordinal=None,
        ordinal_tied=False, eif_date=None, eif_text="", status="party", status_text="", flags=(),
    )
    with translation.override("en"):
        english = table.rows_html([row])
    with translation.override("fr"):
        french = table.rows_html([row])
    assert "date not known" in english
    assert "date not known" not in french


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_day_gets_the_table_of_its_stretch_and_it_is_the_table_built_afresh(lang):
    register = ccm()
    with translation.override(lang):
        for day in DAYS:
            begun = register.last_change(day)
            assert begun <= day
            kept = table.table_rows(register, day, lang, "eif", True)
            assert table.table_rows(register, begun, lang, "eif", True) is kept  # one table
            fresh = table.sort_rows(table.build_rows(register.participants(day), lang),
                                    "eif", True)
            assert kept == fresh, day
