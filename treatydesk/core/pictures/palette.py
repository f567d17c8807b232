"""Colours of the pictures: Okabe and Ito's palette, chosen to stay apart with colour blindness.

One status, withdrawn, is also hatched, so that it is told from the others without colour
(in print, in greyscale, and for readers who see none of the hues apart).
"""

from __future__ import annotations

#: Map keys in the order the legend lists them: the register's statuses, then the rest.
MAP_KEYS = (
    "party", "deposited", "signatory", "withdrawal_pending", "withdrawal_held", "withdrawn",
    "none", "other",
)

FILL = {
    "party": "#0072B2",               # blue
    "deposited": "#56B4E9",           # sky blue
    "signatory": "#E69F00",           # orange
    "withdrawal_pending": "#CC79A7",  # reddish purple
    "withdrawal_held": "#F0E442",     # yellow
    "withdrawn": "#D55E00",           # vermillion, hatched
    "none": "#DDDDDD",                # not joined: light grey
    "other": "#F7F7F7",               # an area that is not a State: almost white
}

#: The status drawn with a pattern as well as a colour.
HATCHED = "withdrawn"

#: Chart series colours (lines and bars), distinct from one another in the same palette.
SERIES = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")

INK = "#222222"
GRID = "#CCCCCC"
BORDER = "#FFFFFF"
OCEAN = "#EEF4F8"


def fill_of(key: str, pattern_id: str) -> str:
    """Return the fill attribute's value for a map key (a url() for the hatched status)."""
    return f"url(#{pattern_id})" if key == HATCHED else FILL[key]


def hatch_pattern(pattern_id: str) -> str:
    """Return the <pattern> element of the hatched status."""
    return (
        f'<pattern id="{pattern_id}" width="10" height="10" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="10" height="10" fill="{FILL[HATCHED]}"/>'
        f'<rect width="4" height="10" fill="#FFFFFF"/></pattern>'
    )
