"""States: resolve a UN Treaty Collection name or an ISO code to a Country.

pycountry knows ISO 3166 names; the UN writes some states differently ("Bolivia
(Plurinational State of)", "Holy See") and older records use former names ("Czech Republic",
"Turkey", "Swaziland").  The tables below carry those; everything else comes from pycountry.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from babel import Locale, UnknownLocaleError

#: The UN's English short name where it differs from pycountry's ISO name, by ISO3 code.
UN_NAMES = {
    "BOL": "Bolivia (Plurinational State of)",
    "CIV": "Côte d'Ivoire",
    "COD": "Democratic Republic of the Congo",
    "COG": "Congo",
    "CPV": "Cabo Verde",
    "CZE": "Czechia",
    "FSM": "Micronesia (Federated States of)",
    "GBR": "United Kingdom of Great Britain and Northern Ireland",
    "IRN": "Iran (Islamic Republic of)",
    "KOR": "Republic of Korea",
    "LAO": "Lao People's Democratic Republic",
    "MDA": "Republic of Moldova",
    "MKD": "North Macedonia",
    "PRK": "Democratic People's Republic of Korea",
    "PSE": "State of Palestine",
    "RUS": "Russian Federation",
    "SWZ": "Eswatini",
    "SYR": "Syrian Arab Republic",
    "TUR": "Türkiye",
    "TZA": "United Republic of Tanzania",
    "USA": "United States of America",
    "VAT": "Holy See",
    "VEN": "Venezuela (Bolivarian Republic of)",
    "VNM": "Viet Nam",
}

#: Other names found in treaty records (former names, spellings without accents).
ALIASES = {
    "Cape Verde": "CPV",
    "Czech Republic": "CZE",
    "Turkey": "TUR",
    "Swaziland": "SWZ",
    "The former Yugoslav Republic of Macedonia": "MKD",
    "Macedonia": "MKD",
    "Ivory Coast": "CIV",
    "Vatican": "VAT",
    "Palestine": "PSE",
    "Micronesia": "FSM",
    "Iran": "IRN",
    "Bolivia": "BOL",
    "Venezuela": "VEN",
    "Moldova": "MDA",
    "Laos": "LAO",
    "Tanzania": "TZA",
    "United Kingdom": "GBR",
    "Netherlands (Kingdom of the)": "NLD",
    "Kingdom of the Netherlands": "NLD",
    "Democratic Republic of Congo": "COD",
    "Republic of the Congo": "COG",
}

#: UN names in French and Spanish where Babel's territory name differs from the UN's usage.
# The United Nations' own short names (UNTERM) where CLDR's everyday names differ from them
# ("Congo-Brazzaville", "Bolivie", "Laos"): a depositary's notice uses the UN name.
LOCAL_NAMES = {
    "fr": {
        "PSE": "État de Palestine", "VAT": "Saint-Siège", "COG": "Congo",
        "COD": "République démocratique du Congo", "BOL": "Bolivie (État plurinational de)",
        "SLV": "El Salvador", "LAO": "République démocratique populaire lao",
        "VEN": "Venezuela (République bolivarienne du)", "IRN": "Iran (République islamique d’)",
        "MDA": "République de Moldova", "TZA": "République-Unie de Tanzanie",
        "FSM": "Micronésie (États fédérés de)", "CZE": "Tchéquie",
        "GBR": "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord",
    },
    "es": {
        "PSE": "Estado de Palestina", "VAT": "Santa Sede", "COG": "Congo",
        "COD": "República Democrática del Congo", "BOL": "Bolivia (Estado Plurinacional de)",
        "SLV": "El Salvador", "LAO": "República Democrática Popular Lao",
        "VEN": "Venezuela (República Bolivariana de)", "IRN": "Irán (República Islámica del)",
        "MDA": "República de Moldova", "TZA": "República Unida de Tanzanía",
        "FSM": "Micronesia (Estados Federados de)", "CZE": "Chequia",
        "GBR": "Reino Unido de Gran Bretaña e Irlanda del Norte",
    },
}

_SPACES = re.compile(r"\s+")


class UnknownState(LookupError):
    """No state is known by the name or code given."""


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    un_name: str

    def __str__(self) -> str:
        return self.un_name


def _key(text: str) -> str:
    """Return a lookup key ignoring case, accents, curly apostrophes and extra spaces."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return _SPACES.sub(" ", text).strip().casefold()


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Country], dict[str, str]]:
    by_iso3: dict[str, Country] = {}
    keys: dict[str, str] = {}
    for entry in pycountry.countries:
        iso3 = entry.alpha_3
        by_iso3[iso3] = Country(iso3, entry.alpha_2, UN_NAMES.get(iso3, entry.name))
        for attr in ("common_name", "official_name", "name", "alpha_2", "alpha_3"):
            value = getattr(entry, attr, None)
            if value:
                keys[_key(value)] = iso3
    for iso3, name in UN_NAMES.items():
        keys[_key(name)] = iso3
    for name, iso3 in ALIASES.items():
        keys[_key(name)] = iso3
    return by_iso3, keys


def resolve_state(name_or_code: str) -> Country:
    """Return the Country for a UN name, another known name, or an ISO 3166 alpha-2/3 code."""
    by_iso3, keys = _index()
    iso3 = keys.get(_key(name_or_code or ""))
    if iso3 is None:
        raise UnknownState(
            f"Unknown state: {name_or_code!r} (no UN name, ISO name or code matches)"
        )
    return by_iso3[iso3]


def country_name(iso3: str, lang: str = "en") -> str:
    """Return the state's name in `lang`: the UN name in English, Babel's in French or Spanish."""
    country = resolve_state(iso3)
    lang = lang.split("-")[0].split("_")[0].lower()
    if lang == "en":
        return country.un_name
    local = LOCAL_NAMES.get(lang, {}).get(country.iso3)
    if local:
        return local
    territories = _territories(lang)
    return territories.get(country.iso2, country.un_name)


@lru_cache(maxsize=8)
def _territories(lang: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(lang).territories)
    except (UnknownLocaleError, ValueError):
        return {}
