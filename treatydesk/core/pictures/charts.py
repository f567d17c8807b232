"""Charts as SVG documents: lines over years, stacked bars per year, small multiples.

No JavaScript and no library: a chart is a few dozen elements whose coordinates come from the
figures (``figures.py``); every chart has a title and a description, and the page that shows it
gives the same numbers as a table and as CSV.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .labels import place, rows
from .palette import GRID, INK
from .svg import esc, num, open_svg

WIDTH, HEIGHT = 720, 380
LEFT, RIGHT, TOP, BOTTOM = 56, 20, 56, 44
FONT = 15
MARK_FONT, MARK_ROW = 12, 17  # a marker label's size, and the height of one row of them


def mark_baseline(top: float, row: int) -> float:
    """Return the baseline of a marker label on ``row`` (0 nearest the plot)."""
    return top - 12 - row * MARK_ROW


@dataclass(frozen=True)
class Series:
    """One line or one layer of bars: its words, one value per x, its colour."""

    label: str
    values: Sequence[float]
    colour: str
    dash: str = ""


@dataclass(frozen=True)
class Mark:
    """A vertical marker at a (fractional) x: an entry into force, a meeting."""

    x: float
    label: str
    title: str


@dataclass(frozen=True)
class Words:
    """A chart's title and description, and the language they are in."""

    title: str
    desc: str
    lang: str = "en"


def nice_max(value: float) -> int:
    """Return a round upper bound for an axis (at least 1): 1, 2, 5 × a power of ten."""
    value = max(value, 1)
    step = 1
    while True:
        for factor in (1, 2, 2.5, 5):
            if step * factor >= value:
                return int(step * factor) if step * factor >= 1 else 1
        step *= 10


class Frame:
    """The plotting area of a chart: scales from data to SVG units, and the axes."""

    def __init__(self, xs: Sequence[int], y_max: float, *, left=LEFT, top=TOP,
                 width=WIDTH, height=HEIGHT, right=RIGHT, bottom=BOTTOM, pad=0.0):
        self.x0, self.x1 = xs[0] - pad, xs[-1] + pad
        self.left, self.top = left, top
        self.right, self.bottom = width - right, height - bottom
        self.y_max = nice_max(y_max)

    def x(self, value: float) -> float:
        span = (self.x1 - self.x0) or 1
        return self.left + (value - self.x0) / span * (self.right - self.left)

    def y(self, value: float) -> float:
        return self.bottom - value / self.y_max * (self.bottom - self.top)

    def axes(self, xs: Sequence[int], font: int = FONT, ticks: int = 5) -> str:
        parts = [f'<g font-size="{font}" fill="{INK}">']
        for i in range(ticks + 1):
            value = self.y_max * i / ticks
            y = num(self.y(value))
            parts.append(
                f'<line x1="{self.left}" x2="{self.right}" y1="{y}" y2="{y}" stroke="{GRID}" '
                f'stroke-width="1"/><text x="{self.left - 6}" y="{y}" dy="5" '
                f'text-anchor="end">{num(value)}</text>'
            )
        every = max(1, -(-len(xs) // 8))
        for value in xs[::every]:
            parts.append(
                f'<text x="{num(self.x(value))}" y="{self.bottom + font + 6}" '
                f'text-anchor="middle">{value}</text>'
            )
        parts.append(
            f'<line x1="{self.left}" x2="{self.right}" y1="{self.bottom}" y2="{self.bottom}" '
            f'stroke="{INK}" stroke-width="1.5"/></g>'
        )
        return "".join(parts)


def _key(series: Sequence[Series], left: int = LEFT, font: int = FONT, bars: bool = False) -> str:
    parts, x = [f'<g font-size="{font}" fill="{INK}">'], left
    for item in series:
        if bars:
            parts.append(f'<rect x="{x}" y="14" width="22" height="14" fill="{item.colour}"/>')
        else:
            dash = f' stroke-dasharray="{item.dash}"' if item.dash else ""
            parts.append(f'<line x1="{x}" x2="{x + 22}" y1="21" y2="21" stroke="{item.colour}" '
                         f'stroke-width="3"{dash}/>')
        parts.append(f'<text x="{x + 28}" y="26">{esc(item.label)}</text>')
        x += 40 + int(len(item.label) * font * 0.56)
    parts.append("</g>")
    return "".join(parts)


def line_chart(xs: Sequence[int], series: Sequence[Series], words: Words, *,
               marks: Sequence[Mark] = (), id_prefix: str = "chart") -> str:
    """Return lines over the years ``xs``, with vertical marks and a key above the plot.

    The marks' labels sit above the plot, below the key, in as many rows as it takes for no
    two to overlap (``labels.place``); the plot starts lower for each row beyond the first.
    """
    y_max = max((max(s.values, default=0) for s in series), default=1)
    frame = Frame(xs, y_max)
    texts = [mark.label for mark in marks]
    placed = place([frame.x(mark.x) for mark in marks], texts, MARK_FONT, 1, WIDTH - 1)
    frame = Frame(xs, y_max, top=TOP + MARK_ROW * max(rows(placed) - 1, 0))
    parts = [open_svg(WIDTH, HEIGHT, words.title, words.desc, id_prefix, words.lang),
             _key(series), frame.axes(xs)]
    for mark, spot in zip(marks, placed, strict=True):
        x = num(frame.x(mark.x))
        parts.append(
            f'<g><title>{esc(mark.title)}</title><line x1="{x}" x2="{x}" y1="{frame.top - 8}" '
            f'y2="{frame.bottom}" stroke="{INK}" stroke-width="1" stroke-dasharray="3 3"/>'
            f'<text class="mark-label" x="{num(spot.x)}" '
            f'y="{num(mark_baseline(frame.top, spot.row))}" font-size="{MARK_FONT}" '
            f'fill="{INK}" text-anchor="middle">{esc(mark.label)}</text></g>'
        )
    for item in series:
        # A series may stop before the last x (a younger treaty): zip stops with it.
        points = " ".join(
            f"{num(frame.x(x))},{num(frame.y(v))}" for x, v in zip(xs, item.values, strict=False)
        )
        dash = f' stroke-dasharray="{item.dash}"' if item.dash else ""
        parts.append(f'<polyline points="{points}" fill="none" stroke="{item.colour}" '
                     f'stroke-width="3" stroke-linejoin="round"{dash}/>')
    parts.append("</svg>")
    return "".join(parts)


def stacked_bars(xs: Sequence[int], layers: Sequence[Series], words: Words, *,
                 id_prefix: str = "chart") -> str:
    """Return one bar per x, stacked from the layers' values, with a key above the plot."""
    totals = [sum(layer.values[i] for layer in layers) for i in range(len(xs))]
    frame = Frame(xs, max(totals, default=1), pad=0.6)
    band = (frame.right - frame.left) / max(len(xs) + 0.2, 1) * 0.8
    parts = [open_svg(WIDTH, HEIGHT, words.title, words.desc, id_prefix, words.lang),
             _key(layers, bars=True), frame.axes(xs)]
    for i, x in enumerate(xs):
        base = 0.0
        for layer in layers:
            value = layer.values[i]
            if not value:
                continue
            top, bottom = frame.y(base + value), frame.y(base)
            parts.append(
                f'<rect x="{num(frame.x(x) - band / 2)}" y="{num(top)}" width="{num(band)}" '
                f'height="{num(bottom - top)}" fill="{layer.colour}" stroke="#FFFFFF" '
                f'stroke-width="0.8"><title>{x}: {esc(layer.label)} {num(value)}</title></rect>'
            )
            base += value
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class Panel:
    """One small multiple: a region's States Parties over the years, against its size."""

    label: str
    values: Sequence[int]
    total: int
    caption: str


def small_multiples(xs: Sequence[int], panels: Sequence[Panel], words: Words, colour: str, *,
                    columns: int = 3, id_prefix: str = "chart") -> str:
    """Return one small chart per panel on a shared scale (share of the region's States)."""
    cell_w, cell_h = WIDTH // columns, 200
    rows = -(-len(panels) // columns)
    parts = [open_svg(WIDTH, cell_h * rows, words.title, words.desc, id_prefix, words.lang)]
    for n, panel in enumerate(panels):
        ox, oy = (n % columns) * cell_w, (n // columns) * cell_h
        frame = Frame(xs, panel.total or max(panel.values, default=1), left=ox + 40,
                      top=oy + 44, width=ox + cell_w, height=oy + cell_h, right=12, bottom=28)
        frame.right, frame.bottom = ox + cell_w - 12, oy + cell_h - 28
        if panel.total:
            frame.y_max = panel.total
        ends = (f"{num(frame.x(xs[0]))},{num(frame.y(0))}",
                f"{num(frame.x(xs[-1]))},{num(frame.y(0))}")
        points = " ".join(f"{num(frame.x(x))},{num(frame.y(v))}"
                          for x, v in zip(xs, panel.values, strict=True))
        parts.append(
            f'<g><text x="{ox + 8}" y="{oy + 20}" font-size="15" font-weight="bold" '
            f'fill="{INK}">{esc(panel.label)}</text><text x="{ox + 8}" y="{oy + 37}" '
            f'font-size="12" fill="{INK}">{esc(panel.caption)}</text>'
            f'{_mini_axes(frame, xs)}'
            f'<polygon points="{ends[0]} {points} {ends[1]}" fill="{colour}" '
            f'fill-opacity="0.35" stroke="{colour}" stroke-width="2"/></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _mini_axes(frame: Frame, xs: Sequence[int]) -> str:
    top, bottom = num(frame.y(frame.y_max)), num(frame.bottom)
    return (
        f'<g font-size="11" fill="{INK}"><line x1="{frame.left}" x2="{frame.right}" '
        f'y1="{top}" y2="{top}" stroke="{GRID}"/><line x1="{frame.left}" x2="{frame.right}" '
        f'y1="{bottom}" y2="{bottom}" stroke="{INK}"/>'
        f'<text x="{frame.left - 4}" y="{top}" dy="4" text-anchor="end">{frame.y_max}</text>'
        f'<text x="{frame.left - 4}" y="{bottom}" text-anchor="end">0</text>'
        f'<text x="{frame.left}" y="{frame.bottom + 14}">{xs[0]}</text>'
        f'<text x="{frame.right}" y="{frame.bottom + 14}" text-anchor="end">{xs[-1]}</text></g>'
    )
