"""The UN M49 region of each State (Africa, Americas, Asia, Europe, Oceania), and its name.

The table is ``m49_regions.csv`` beside this module (source in its header); the regions' names
in English, French and Spanish are CLDR's, through Babel, which names M49 areas by their code.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from babel import Locale

#: The five M49 regions, in the order the pictures show them.
REGION_CODES = ("002", "019", "142", "150", "009")


@lru_cache(maxsize=1)
def m49_regions() -> dict[str, str]:
    """Return ISO3 → M49 region code for every State that may join a treaty."""
    text = resources.files(__package__).joinpath("m49_regions.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {row["iso3"]: row["region"] for row in rows}


def region_name(code: str, lang: str = "en") -> str:
    """Return a region's name in ``lang`` ("Africa", "Afrique", "África")."""
    return Locale.parse(lang).territories.get(code, code)
