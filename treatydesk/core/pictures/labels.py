"""Where a chart's marker labels go: on one row above the plot while they fit side by side, on
further rows when two would touch, so that no two labels ever overlap.

A label's box is estimated from the advance widths of DejaVu Sans (the charts' first font),
rounded up, so that the real text is never wider than its box.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Em fractions, each at least DejaVu Sans's widest glyph of its class (M is 0.863 em).
_NARROW, _DIGIT, _LOWER, _UPPER, _WIDE = 0.36, 0.64, 0.66, 0.78, 1.0
GAP = 4  # room between two labels on one row, in SVG units


@dataclass(frozen=True)
class Box:
    """A rectangle in SVG units: left, top, right and bottom edges."""

    left: float
    top: float
    right: float
    bottom: float

    def intersects(self, other: Box) -> bool:
        return (self.left < other.right and other.left < self.right
                and self.top < other.bottom and other.top < self.bottom)


def text_width(text: str, font: float) -> float:
    """Return a width at least that of ``text`` set in DejaVu Sans at ``font`` units."""
    total = 0.0
    for char in text:
        if char in " .,;:'’()-/|!iIlj":
            total += _NARROW
        elif char.isdigit():
            total += _DIGIT
        elif char in "mwMW" or not char.isascii():
            total += _WIDE
        elif char.isupper():
            total += _UPPER
        else:
            total += _LOWER
    return total * font


def text_box(x: float, baseline: float, text: str, font: float) -> Box:
    """Return the box of ``text`` centred on ``x`` on ``baseline`` (ascenders and descenders)."""
    half = text_width(text, font) / 2
    return Box(x - half, baseline - font, x + half, baseline + font * 0.25)


@dataclass(frozen=True)
class Placed:
    """A label's centre (moved inside the chart if it would stick out) and its row, 0 lowest."""

    x: float
    row: int


def place(xs: Sequence[float], texts: Sequence[str], font: float, low: float,
          high: float) -> list[Placed]:
    """Return where each label goes (in the order given): centred on its x, kept between
    ``low`` and ``high``, on the lowest row where it keeps ``GAP`` from every label there."""
    placed: list[Placed | None] = [None] * len(xs)
    ends: list[float] = []  # the right edge of the last label of each row
    for i in sorted(range(len(xs)), key=lambda i: xs[i]):
        half = text_width(texts[i], font) / 2
        x = min(max(xs[i], low + half), high - half)
        row = next((r for r, end in enumerate(ends) if x - half >= end + GAP), len(ends))
        if row == len(ends):
            ends.append(0.0)
        ends[row] = x + half
        placed[i] = Placed(x, row)
    return [p for p in placed if p is not None]


def rows(placed: Sequence[Placed]) -> int:
    """Return how many rows the labels take (0 without labels)."""
    return max((p.row for p in placed), default=-1) + 1
