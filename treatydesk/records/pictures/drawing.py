"""The world map of one treaty on one day, in the page's language, and its PNG.

The drawing is the core's (``treatydesk.core.pictures``); this module gives it the cached
register's statuses and the words of the page's language (names, legend, title).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass

import pycountry
import resvg_py
from babel import Locale
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from treatydesk.core import pictures
from treatydesk.core import register as core
from treatydesk.records.facts.loading import current_register
from treatydesk.records.status.localize import (
    STATUS_LABELS,
    country_name,
    long_date,
    page_language,
)

OTHER_LABELS = {
    "none": gettext_lazy("Not joined"),
    "other": gettext_lazy("Not a State in the register"),
}
PNG_WIDTH = 1200  # the usual width of a social preview; larger costs more to encode
PNG_KEPT = 32


def legend_words() -> dict[str, str]:
    """Return map key → words in the page's language, for every key of the legend."""
    words = {key: str(label) for key, label in STATUS_LABELS.items()}
    words.update({key: str(label) for key, label in OTHER_LABELS.items()})
    return words


@dataclass(frozen=True)
class LegendEntry:
    key: str
    words: str
    fill: str
    hatched: bool


def legend_entries() -> list[LegendEntry]:
    """Return the legend as the page lists it: one entry per key, in the map's order."""
    words = legend_words()
    return [LegendEntry(key, words[key], pictures.FILL[key], key == pictures.HATCHED)
            for key in pictures.MAP_KEYS]


def area_name(code: str, lang: str, register: core.Register) -> str:
    """Return a State's name as the register's pages give it, or an area's name from CLDR."""
    if code in register.names or _is_country(code):
        return country_name(code, lang, register.names.get(code, ""))
    return _territory_name(code, lang)


# The name of every area on the map, per register (one version of the facts: the English
# names are the depositary's) and language; a map on a new day only looks them up.
_area_names: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def area_names(register: core.Register, lang: str) -> dict[str, str]:
    """Return ISO3 → ``area_name`` of every area the map draws, built once per register."""
    by_lang = _area_names.setdefault(register, {})
    names = by_lang.get(lang)
    if names is None:
        geo = pictures.world()
        names = by_lang[lang] = {code: area_name(code, lang, register)
                                 for code in (*geo.others, *geo.states, *geo.dots)}
    return names


def _is_country(code: str) -> bool:
    try:
        core.resolve_state(code)
    except core.UnknownState:
        return False
    return True


def _territory_name(code: str, lang: str) -> str:
    entry = pycountry.countries.get(alpha_3=code)
    alpha2 = entry.alpha_2 if entry else {"XKX": "XK"}.get(code, code)
    return Locale.parse(lang).territories.get(alpha2, code)


def map_title(treaty: core.TreatyDefinition, day: dt.date, lang: str) -> str:
    return _("%(treaty)s: States Parties and signatories on %(day)s") % {
        "treaty": treaty.titles(lang).name, "day": long_date(day, lang),
    }


def map_desc(counts: core.Counts) -> str:
    return _(
        "World map. %(parties)s States Parties, %(deposited)s awaiting entry into force, "
        "%(signatories)s signatories, %(withdrawn)s withdrawn. Each country's name and status "
        "are given as text; the table of States is the same information."
    ) % {
        "parties": counts.bound, "deposited": counts.deposited,
        "signatories": counts.signatories, "withdrawn": counts.withdrawn,
    }


def map_svg(code: str, day: dt.date, *, legend: bool = True, id_prefix: str = "map",
            register: core.Register | None = None) -> str:
    """Return the world map of treaty ``code`` on ``day`` in the page's language.

    ``register`` is the treaty's computed register when the caller has it already (one query
    fewer: each ``current_register`` checks the version).
    """
    lang = page_language()
    register = register or current_register(code)
    text = pictures.MapText(
        title=map_title(register.treaty, day, lang),
        desc=map_desc(register.counts(day)),
        legend={},  # the shapes have the legend's words; the document needs only the title
        lang=lang,
    )
    shapes = _shapes(register, day, lang, legend, id_prefix)
    return pictures.map_document(shapes, text, legend=legend, id_prefix=id_prefix)


# The map's shapes (all of it but its title and description), per register (one version of
# the facts) and (language, day the register last changed, legend, id prefix): every day of a
# stretch without change has the same statuses, so a map on any day draws once per stretch.
_shapes_kept: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_shapes_lock = threading.Lock()
SHAPES_KEPT = 384  # about 55 KB each: every stretch of the CCM register (166) in two languages


def _shapes(register: core.Register, day: dt.date, lang: str, legend: bool,
            id_prefix: str) -> str:
    key = (get_language(), lang, register.last_change(day), legend, id_prefix)
    with _shapes_lock:
        kept = _shapes_kept.setdefault(register, OrderedDict())
        shapes = kept.get(key)
        if shapes is not None:
            kept.move_to_end(key)
            return shapes
    words = legend_words()
    names = area_names(register, lang)
    template = _("%(name)s: %(status)s")

    def label(state: str, key: str) -> str:
        name = names.get(state)
        if name is None:
            name = area_name(state, lang, register)
        return template % {"name": name, "status": words[key]}

    shapes = pictures.map_shapes(pictures.map_statuses(register, day), label, words,
                                 legend=legend, id_prefix=id_prefix)
    with _shapes_lock:
        kept[key] = shapes
        while len(kept) > SHAPES_KEPT:
            kept.popitem(last=False)
    return shapes


_pngs: OrderedDict[str, bytes] = OrderedDict()
_pngs_lock = threading.Lock()


def to_png(svg: str, width: int = PNG_WIDTH) -> bytes:
    """Return the SVG rasterised by resvg (a Rust renderer in the wheel; the system's fonts).

    Rasterising takes hundreds of milliseconds where drawing the SVG takes one, so the last
    PNG_KEPT images are kept, keyed by a digest of the SVG itself: an image is reused only
    for the very same picture, and never needs invalidating.
    """
    key = hashlib.sha256(f"{width}:{svg}".encode()).hexdigest()
    with _pngs_lock:
        if key in _pngs:
            _pngs.move_to_end(key)
            return _pngs[key]
    png = bytes(resvg_py.svg_to_bytes(svg_string=svg, width=width, background="#ffffff"))
    with _pngs_lock:
        _pngs[key] = png
        while len(_pngs) > PNG_KEPT:
            _pngs.popitem(last=False)
    return png
