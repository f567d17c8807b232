"""RFC 8785 JSON Canonicalization Scheme (JCS): one byte string for one JSON value.

The log's entries are hashed, so the same fact must always give the same bytes. RFC 8785 fixes
them: no insignificant white space, object members sorted by the UTF-16 code units of their
names, strings with the minimal escapes of ECMAScript's ``JSON.stringify`` and numbers written
as ECMAScript writes a double (section 3.2.2.3). No PyPI package for it is well kept (the
``jcs`` package had its last release in 2022), and the scheme fits in this module.
"""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal

__all__ = ["CanonicalJsonError", "canonical_json", "parse_canonical"]


class CanonicalJsonError(ValueError):
    """The value cannot be written as I-JSON (RFC 7493): a NaN, an infinity, a lone surrogate,
    an integer beyond IEEE 754's exact range, a key that is not a string, or a foreign type."""


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
            "\t": "\\t"}
_MAX_EXACT = 2 ** 53


_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f]')
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    char = match.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04x}"


def _string(text: str) -> str:
    lone = _SURROGATE.search(text)
    if lone:
        raise CanonicalJsonError(f"lone surrogate U+{ord(lone.group()):04X} in a string")
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


def _number(value: float) -> str:
    """Return ``value`` as ECMAScript's Number.prototype.toString writes it (RFC 8785 3.2.2.3)."""
    if math.isnan(value) or math.isinf(value):
        raise CanonicalJsonError(f"{value!r} is not a JSON number")
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    # repr gives the shortest digits that round-trip, as ECMAScript does; only the layout differs.
    parts = Decimal(repr(abs(value))).normalize().as_tuple()
    digits = "".join(map(str, parts.digits))
    point = len(digits) + parts.exponent  # the value is 0.digits × 10^point
    k, n = len(digits), point
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        text = (digits[0] + ("." + digits[1:] if k > 1 else "")
                + ("e+" if e >= 0 else "e-") + str(abs(e)))
    return sign + text


def _sort_key(name: str) -> bytes:
    return name.encode("utf-16-be", "surrogatepass")


def _write(value, out: list[str]) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        if abs(value) > _MAX_EXACT:
            raise CanonicalJsonError(f"integer {value} is beyond the exact range of a double")
        out.append(str(value))
    elif isinstance(value, float):
        out.append(_number(value))
    elif isinstance(value, str):
        out.append(_string(value))
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for position, item in enumerate(value):
            if position:
                out.append(",")
            _write(item, out)
        out.append("]")
    elif isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise CanonicalJsonError("object keys must be strings")
        out.append("{")
        for position, key in enumerate(sorted(value, key=_sort_key)):
            if position:
                out.append(",")
            out.append(_string(key))
            out.append(":")
            _write(value[key], out)
        out.append("}")
    else:
        raise CanonicalJsonError(f"{type(value).__name__} is not a JSON type")


def canonical_json(value) -> bytes:
    """Return the RFC 8785 canonical form of ``value`` (dicts, lists, strings, numbers, bools,
    None) as UTF-8 bytes."""
    out: list[str] = []
    _write(value, out)
    return "".join(out).encode("utf-8")


# Bytes that begin the UTF-8 form of U+E000 and above: where sorting names by code point (as
# Python does) and by UTF-16 code unit (as RFC 8785 does) can disagree.
_HIGH_LEAD = re.compile(rb"[\xee-\xff]")


def parse_canonical(data: bytes):
    """Return the JSON value of ``data`` if ``data`` is its RFC 8785 form; raise
    CanonicalJsonError if it is not (or ValueError if it is not JSON at all).

    The verifier checks every entry of the log this way, so it avoids ``canonical_json``'s
    pure-Python writer where the standard library's C writer gives the same bytes: for a value
    with no fraction or exponent, no integer beyond 2^53 and no character from U+E000 up,
    ``json.dumps`` with sorted keys, no spaces and no ASCII escaping writes exactly what
    RFC 8785 does (the same escapes, the same order of names). Anything else goes the slow way.
    """
    text = data.decode("utf-8")
    unusual = []

    def number(literal: str) -> int:
        value = int(literal)
        if abs(value) > _MAX_EXACT:
            unusual.append(literal)
        return value

    def fraction(literal: str) -> float:
        unusual.append(literal)
        return float(literal)

    value = json.loads(text, parse_int=number, parse_float=fraction)
    if not unusual and not _HIGH_LEAD.search(data):
        try:
            fast = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True,
                              allow_nan=False).encode("utf-8")
        except (UnicodeEncodeError, TypeError, ValueError):
            fast = None  # a lone surrogate or a name that is not a string: the slow way says
        if fast == data:
            return value
    if canonical_json(value) != data:
        raise CanonicalJsonError("is not in RFC 8785 canonical form")
    return value
