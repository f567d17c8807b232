"""The UN M49 region of each State (Africa, Americas, Asia, Europe, Oceania), and its name.

The regions are the register's own table of States (``core/register/un_states.csv``, its
``m49_region`` column, source UN Statistics Division M49), the one the States Parties filters
use; the regions' names in English, French and Spanish are CLDR's, through Babel, which names
M49 areas by their code.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale

from ..register import M49_REGIONS, universe

#: The five M49 regions, in the order the pictures show them.
REGION_CODES = tuple(M49_REGIONS)


@lru_cache(maxsize=1)
def m49_regions() -> dict[str, str]:
    """Return ISO3 → M49 region code for every State that may join a treaty."""
    return {iso3: state.m49_region for iso3, state in universe().items()}


def region_name(code: str, lang: str = "en") -> str:
    """Return a region's name in ``lang`` ("Africa", "Afrique", "África")."""
    return Locale.parse(lang).territories.get(code, code)
