"""Cursor pagination over a list in a stable order: the cursor is the key of the last item.

A cursor stays valid when the list grows: the next page starts after the last key seen, so
a fact recorded meanwhile is neither skipped before nor repeated after it.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import json
from collections.abc import Callable, Sequence
from urllib.parse import urlencode

from .problems import Problem

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


def encode_cursor(key: tuple) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple:
    """Return the key a cursor holds, or raise ``Problem`` (400) for one this API never gave."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError):
        key = None
    if not isinstance(key, list) or not all(isinstance(p, str | int) for p in key):
        raise Problem("the cursor is not one this API gave: start again without it",
                      param="cursor")
    return tuple(key)


def page(request, items: Sequence[dict], key: Callable[[dict], tuple], cursor: str | None,
         limit: int) -> dict:
    """Return one page of ``items`` (sorted by ``key``) after ``cursor``, with the next link."""
    keys = [key(item) for item in items]
    start = 0
    if cursor:
        after = decode_cursor(cursor)
        try:
            start = bisect.bisect_right(keys, after)
        except TypeError:
            raise Problem("the cursor does not belong to this list", param="cursor") from None
    chunk = list(items[start:start + limit])
    next_cursor = encode_cursor(keys[start + limit - 1]) if start + limit < len(items) else None
    next_url = None
    if next_cursor:
        query = [(k, v) for k, values in request.GET.lists() for v in values if k != "cursor"]
        next_url = request.path + "?" + urlencode([*query, ("cursor", next_cursor)])
    return {"count": len(items), "items": chunk, "next_cursor": next_cursor, "next": next_url}
