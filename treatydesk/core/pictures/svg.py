"""Small helpers for writing SVG as text: escaping, numbers, the document's opening tag."""

from __future__ import annotations

from xml.sax.saxutils import escape as _escape

_ATTR = {'"': "&quot;"}


def esc(text: object) -> str:
    """Return ``text`` safe inside an SVG element or a double-quoted attribute."""
    return _escape(str(text), _ATTR)


def num(value: float) -> str:
    """Return a coordinate with at most one decimal ("12", "12.5")."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def open_svg(width: float, height: float, title: str, desc: str, id_prefix: str,
             lang: str) -> str:
    """Return the <svg> opening tag with its title and description, labelled for readers."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(width)} {num(height)}" '
        f'role="img" aria-labelledby="{id_prefix}-t {id_prefix}-d" lang="{esc(lang)}" '
        f'font-family="DejaVu Sans, Verdana, sans-serif">'
        f'<title id="{id_prefix}-t">{esc(title)}</title>'
        f'<desc id="{id_prefix}-d">{esc(desc)}</desc>'
    )
