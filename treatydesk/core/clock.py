"""The one "today" of Treaty Desk: the core, the Django apps and the CLI all ask this module.

The register's day is the UTC calendar day (the depositary dates instruments in New York, but
a site must not change its answer with the server's time zone). It can be pinned: tests use
``pinned(day)``; a process started with ``TREATYDESK_TODAY=YYYY-MM-DD`` in its environment (a
test running the real command line, or an operator previewing a date) sees that day.

Only the day is pinned: instants (when a row was written, a message signed) are the real time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator

ENVIRONMENT_VARIABLE = "TREATYDESK_TODAY"

_pinned: dt.date | None = None


class BadPinnedDate(ValueError):
    """``TREATYDESK_TODAY`` holds something that is not a date."""


def today() -> dt.date:
    """Return today's date: the pinned day if one is set, else the UTC calendar day."""
    if _pinned is not None:
        return _pinned
    value = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise BadPinnedDate(
                f"{ENVIRONMENT_VARIABLE}={value!r} is not a date; write it as YYYY-MM-DD"
            ) from None
    return dt.datetime.now(dt.UTC).date()


@contextlib.contextmanager
def pinned(day: dt.date) -> Iterator[dt.date]:
    """Make ``today()`` return ``day`` inside the block (for tests and previews)."""
    global _pinned
    before, _pinned = _pinned, day
    try:
        yield day
    finally:
        _pinned = before
