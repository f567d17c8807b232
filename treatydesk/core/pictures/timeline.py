"""A State's timeline as one picture: its acts and the dates computed from them on one axis."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .palette import GRID, INK, SERIES
from .svg import esc, num, open_svg

WIDTH = 720
ROW = 34
AXIS_TOP = 40
KIND_COLOUR = {"act": SERIES[0], "computed": SERIES[2], "deadline": SERIES[1]}


@dataclass(frozen=True)
class Event:
    """One dated point of the timeline; ``kind`` is "act", "computed" or "deadline"."""

    date: dt.date
    label: str
    date_text: str
    kind: str = "act"


def _fraction(day: dt.date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 366


def timeline(events: Sequence[Event], title: str, desc: str, lang: str = "en",
             id_prefix: str = "timeline") -> str:
    """Return the events (undated ones left out by the caller) on one horizontal axis.

    Each event is a dot on the axis and a labelled row below it, in date order, so labels
    never overlap however close the dates are.
    """
    events = sorted(events, key=lambda e: e.date)
    height = AXIS_TOP + 30 + ROW * max(len(events), 1)
    parts = [open_svg(WIDTH, height, title, desc, id_prefix, lang)]
    if not events:
        parts.append("</svg>")
        return "".join(parts)
    start = min(e.date.year for e in events)
    end = max(e.date.year for e in events) + 1
    left, right = 20, WIDTH - 20

    def x(day: dt.date) -> float:
        return left + (_fraction(day) - start) / (end - start) * (right - left)

    parts.append(f'<g font-size="12" fill="{INK}"><line x1="{left}" x2="{right}" '
                 f'y1="{AXIS_TOP}" y2="{AXIS_TOP}" stroke="{INK}" stroke-width="2"/>')
    every = max(1, -(-(end - start) // 10))
    for year in range(start, end + 1, every):
        px = num(x(dt.date(year, 1, 1)))
        parts.append(f'<line x1="{px}" x2="{px}" y1="{AXIS_TOP - 5}" y2="{AXIS_TOP + 5}" '
                     f'stroke="{INK}"/><text x="{px}" y="{AXIS_TOP - 10}" '
                     f'text-anchor="middle">{year}</text>')
    parts.append("</g>")
    for i, event in enumerate(events):
        px = x(event.date)
        row_y = AXIS_TOP + 30 + ROW * i
        colour = KIND_COLOUR.get(event.kind, INK)
        anchor = "end" if px > WIDTH * 0.6 else "start"
        tx = px - 10 if anchor == "end" else px + 10
        parts.append(
            f'<g><title>{esc(event.date_text)}: {esc(event.label)}</title>'
            f'<line x1="{num(px)}" x2="{num(px)}" y1="{AXIS_TOP}" y2="{row_y}" '
            f'stroke="{GRID}" stroke-dasharray="2 2"/>'
            f'<circle cx="{num(px)}" cy="{AXIS_TOP}" r="6" fill="{colour}"/>'
            f'<circle cx="{num(px)}" cy="{row_y}" r="4" fill="{colour}"/>'
            f'<text x="{num(tx)}" y="{row_y + 5}" font-size="14" fill="{INK}" '
            f'text-anchor="{anchor}">{esc(event.date_text)} — {esc(event.label)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
