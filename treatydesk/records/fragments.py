"""Pieces of register pages rendered once per value and kept: a row, the map's legend, the
links to each year.

A page on a day no one asked for yet is mostly pieces it shares with other days. Each piece
comes from a small template and a key that, with the active language, fixes its HTML: a
State's row (a frozen value), the legend (its id prefix), the year links (the treaty, its
register and today). The HTML is kept per compiled template, so reloaded templates start
afresh, and a store that reaches its limit is emptied rather than searched.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable, Iterable

from django.conf import settings
from django.template.loader import get_template
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

KEPT_PER_TEMPLATE = 8192

_kept: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def render_many(name: str, pieces: Iterable[tuple[Hashable, Callable[[], dict]]],
                joiner: str = "") -> SafeString:
    """Return the HTML of each ``(key, context)`` of ``pieces`` from template ``name``, joined.

    ``context()`` is called only for a key not rendered before in the active language; the
    key must determine the HTML. Each piece is rendered with autoescape, as any template.
    """
    template = get_template(name)
    # The backend's wrapper is new on each call; the compiled template it wraps is the
    # loader's, the same until the templates are reloaded.
    kept = _kept.setdefault(template.template, {})
    lang = get_language()
    parts = []
    for key, context in pieces:
        html = kept.get((lang, key))
        if html is None:
            if len(kept) >= KEPT_PER_TEMPLATE:
                kept.clear()
            html = kept[lang, key] = template.render(context())
        parts.append(html)
    return mark_safe(joiner.join(parts))  # noqa: S308 — each part rendered with autoescape


def render_kept(name: str, key: Hashable, context: Callable[[], dict]) -> SafeString:
    """Return template ``name`` rendered once for ``key`` in the active language."""
    return render_many(name, ((key, context),))


def url_configuration() -> tuple:
    """Return what, besides the language, fixes the URLs a piece links to: part of the key of
    a piece with links (tests and sites under a prefix change them)."""
    return (settings.ROOT_URLCONF, get_urlconf(), get_script_prefix())
