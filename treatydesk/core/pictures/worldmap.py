"""The world map of participation: every State coloured by its status on one day, as SVG.

The geometry (``world.json``) is projected once by ``scripts/make_world_map.py`` (Equal Earth,
from Natural Earth through npm's world-atlas); drawing a map only joins its path strings with
each State's colour and its name and status as a ``<title>``, so it costs a few milliseconds.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .palette import BORDER, INK, MAP_KEYS, OCEAN, fill_of, hatch_pattern
from .svg import esc, open_svg

DOT_RADIUS = 7
LEGEND_ROW = 46


@dataclass(frozen=True)
class Geometry:
    """The projected world: path data per State, per other area, and dots for small States."""

    width: int
    height: int
    states: Mapping[str, str]
    others: Mapping[str, str]
    dots: Mapping[str, tuple[int, int]]
    source: Mapping[str, str] = field(default_factory=dict)
    projection: str = "Equal Earth"

    @property
    def drawn(self) -> frozenset[str]:
        """Return the ISO3 codes of every State on the map (as a shape, a dot or both)."""
        return frozenset(self.states) | frozenset(self.dots)


@lru_cache(maxsize=1)
def world() -> Geometry:
    """Return the map's geometry, read once from the data file shipped with this package."""
    data = json.loads(resources.files(__package__).joinpath("world.json").read_text("utf-8"))
    return Geometry(
        width=data["width"], height=data["height"], states=data["states"],
        others=data["others"], dots={k: tuple(v) for k, v in data["dots"].items()},
        source=data["source"], projection=data["projection"],
    )


@dataclass(frozen=True)
class MapText:
    """The words of one map, in the reader's language: title, description, legend."""

    title: str
    desc: str
    legend: Mapping[str, str]  # map key → words ("State Party"), for every key in MAP_KEYS
    lang: str = "en"


def world_map(
    statuses: Mapping[str, str],
    label: Callable[[str, str], str],
    text: MapText,
    *,
    geometry: Geometry | None = None,
    legend: bool = True,
    id_prefix: str = "map",
) -> str:
    """Return the map as an SVG document.

    ``statuses`` maps ISO3 → a key of MAP_KEYS (States missing from it are "none", not
    joined); ``label(iso3, key)`` gives the words of a State's or area's ``<title>`` in the
    reader's language ("Iraq: State Party"). Each shape and dot also carries
    ``data-state``/``data-status``.
    With ``legend`` the legend is drawn below the map (for the file alone; a page shows its
    own legend as HTML).
    """
    shapes = map_shapes(statuses, label, text.legend, geometry=geometry, legend=legend,
                        id_prefix=id_prefix)
    return map_document(shapes, text, geometry=geometry, legend=legend, id_prefix=id_prefix)


def map_document(shapes: str, text: MapText, *, geometry: Geometry | None = None,
                 legend: bool = True, id_prefix: str = "map") -> str:
    """Return the SVG document of ``shapes`` (``map_shapes()``, drawn with the same
    ``geometry``, ``legend`` and ``id_prefix``) under the title and description of ``text``.

    Apart so that a caller can keep the shapes, the bulk of the map, for every day with the
    same statuses and words, and give each day its own title."""
    geo = geometry or world()
    height = geo.height + (_legend_height(geo.width) if legend else 0)
    return open_svg(geo.width, height, text.title, text.desc, id_prefix, text.lang) + shapes


def map_shapes(
    statuses: Mapping[str, str],
    label: Callable[[str, str], str],
    legend_words: Mapping[str, str],
    *,
    geometry: Geometry | None = None,
    legend: bool = True,
    id_prefix: str = "map",
) -> str:
    """Return the map's content after its title and description, to ``</svg>``."""
    geo = geometry or world()
    hatch = f"{id_prefix}-hatch"
    parts = [
        f"<defs>{hatch_pattern(hatch)}</defs>",
        f'<rect width="{geo.width}" height="{geo.height}" fill="{OCEAN}"/>',
        f'<g stroke="{BORDER}" stroke-width="1.2" stroke-linejoin="round">',
    ]
    for code, d in geo.others.items():
        parts.append(
            f'<path d="{d}" fill="{fill_of("other", hatch)}" stroke="#999999" '
            f'stroke-width="0.8" data-state="{code}" data-status="other">'
            f"<title>{esc(label(code, 'other'))}</title></path>"
        )
    for code, d in geo.states.items():
        key = statuses.get(code, "none")
        parts.append(
            f'<path d="{d}" fill="{fill_of(key, hatch)}" data-state="{code}" '
            f'data-status="{key}"><title>{esc(label(code, key))}</title>'
            "</path>"
        )
    parts.append(f'</g><g stroke="{INK}" stroke-width="1.5">')
    for code, (x, y) in geo.dots.items():
        key = statuses.get(code, "none")
        parts.append(
            f'<circle cx="{x}" cy="{y}" r="{DOT_RADIUS}" fill="{fill_of(key, hatch)}" '
            f'data-state="{code}" data-status="{key}" data-dot="1">'
            f"<title>{esc(label(code, key))}</title></circle>"
        )
    parts.append("</g>")
    if legend:
        parts.append(_legend(legend_words, geo.height, geo.width, hatch))
    parts.append("</svg>")
    return "".join(parts)


def _columns(width: int) -> int:
    return 4 if width >= 1600 else 2


def _legend_height(width: int) -> int:
    rows = -(-len(MAP_KEYS) // _columns(width))
    return rows * LEGEND_ROW + 30


def _legend(words: Mapping[str, str], top: int, width: int, hatch: str) -> str:
    columns = _columns(width)
    column_width = (width - 40) // columns
    parts = [f'<g font-size="30" fill="{INK}">']
    for i, key in enumerate(MAP_KEYS):
        x = 20 + (i % columns) * column_width
        y = top + 20 + (i // columns) * LEGEND_ROW
        parts.append(
            f'<rect x="{x}" y="{y}" width="40" height="30" fill="{fill_of(key, hatch)}" '
            f'stroke="{INK}" stroke-width="1"/>'
            f'<text x="{x + 52}" y="{y + 25}">{esc(words[key])}</text>'
        )
    parts.append("</g>")
    return "".join(parts)
