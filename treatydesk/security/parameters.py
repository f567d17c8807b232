"""Public request parameters and URL parts that must never reach a database query as they are.

PostgreSQL refuses a NUL in a string (the query fails: a 500), and no slug, tag or word a reader
can mean contains a control character. A public view that puts a parameter into a query either
treats such a value as "not found" (``has_control_characters``) or keeps only its text
(``without_control_characters``, for free-text queries).
"""

from __future__ import annotations

import re

__all__ = ["has_control_characters", "without_control_characters"]

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def has_control_characters(value: str) -> bool:
    """Return whether ``value`` holds a control character (NUL, tab, newline, DEL, …)."""
    return _CONTROL.search(value) is not None


def without_control_characters(value: str) -> str:
    """Return ``value`` with each control character replaced by a space."""
    return _CONTROL.sub(" ", value)
