"""State names in French and Spanish follow the UN's short names, not CLDR's everyday ones."""

import pytest

from treatydesk.core.register import country_name


@pytest.mark.parametrize(("iso3", "lang", "name"), [
    ("COG", "fr", "Congo"), ("COD", "fr", "République démocratique du Congo"),
    ("BOL", "fr", "Bolivie (État plurinational de)"), ("LAO", "es",
                                                       "República Democrática Popular Lao"),
    ("BOL", "es", "Bolivia (Estado Plurinacional de)"), ("IRQ", "fr", "Irak"),
])
def test_un_names(iso3, lang, name):
    assert country_name(iso3, lang) == name
