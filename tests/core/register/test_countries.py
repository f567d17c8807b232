import csv

import pytest

from tests.paths import TREATIES
from treatydesk.core.register import UnknownState, country_name, resolve_state

DATA = TREATIES


@pytest.mark.parametrize(
    ("text", "iso3", "iso2"),
    [
        ("Holy See", "VAT", "VA"),
        ("State of Palestine", "PSE", "PS"),
        ("Bolivia (Plurinational State of)", "BOL", "BO"),
        ("Türkiye", "TUR", "TR"),
        ("Turkey", "TUR", "TR"),
        ("Czechia", "CZE", "CZ"),
        ("Czech Republic", "CZE", "CZ"),
        ("Republic of Moldova", "MDA", "MD"),
        ("Côte d'Ivoire", "CIV", "CI"),
        ("Côte d’Ivoire", "CIV", "CI"),
        ("Cote d'Ivoire", "CIV", "CI"),
        ("Democratic Republic of the Congo", "COD", "CD"),
        ("Congo", "COG", "CG"),
        ("Lao People's Democratic Republic", "LAO", "LA"),
        ("United Kingdom of Great Britain and Northern Ireland", "GBR", "GB"),
        ("Venezuela (Bolivarian Republic of)", "VEN", "VE"),
        ("Iran (Islamic Republic of)", "IRN", "IR"),
        ("Micronesia (Federated States of)", "FSM", "FM"),
        ("Cook Islands", "COK", "CK"),
        ("Niue", "NIU", "NU"),
        ("North Macedonia", "MKD", "MK"),
        ("Eswatini", "SWZ", "SZ"),
        ("Swaziland", "SWZ", "SZ"),
        ("Cabo Verde", "CPV", "CV"),
        ("  holy   see ", "VAT", "VA"),
        ("IRQ", "IRQ", "IQ"),
        ("iq", "IRQ", "IQ"),
    ],
)
def test_resolve(text, iso3, iso2):
    country = resolve_state(text)
    assert (country.iso3, country.iso2) == (iso3, iso2)


def test_un_names():
    assert resolve_state("CZ").un_name == "Czechia"
    assert resolve_state("VAT").un_name == "Holy See"
    assert resolve_state("gb").un_name == "United Kingdom of Great Britain and Northern Ireland"


@pytest.mark.parametrize("text", ["Ruritania", "", "Congo (the)", "XX"])
def test_unknown(text):
    with pytest.raises(UnknownState):
        resolve_state(text)


@pytest.mark.parametrize(
    "path", sorted(DATA.glob("*/*.csv")), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_every_state_in_the_shipped_data_resolves(path):
    with path.open(encoding="utf-8") as handle:
        names = [row["state"] for row in csv.DictReader(handle)]
    assert names
    codes = [resolve_state(name).iso3 for name in names]
    assert len(set(codes)) == len(codes)  # no two rows collapse onto one state


@pytest.mark.parametrize(
    ("iso3", "lang", "name"),
    [
        ("BOL", "en", "Bolivia (Plurinational State of)"),
        ("DEU", "fr", "Allemagne"),
        ("DEU", "es", "Alemania"),
        ("VAT", "fr", "Saint-Siège"),
        ("PSE", "es", "Estado de Palestina"),
        ("CIV", "en", "Côte d'Ivoire"),
        ("DEU", "fr-CA", "Allemagne"),
    ],
)
def test_country_name(iso3, lang, name):
    assert country_name(iso3, lang) == name
