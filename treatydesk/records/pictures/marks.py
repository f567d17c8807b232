"""Dates the charts mark besides entry into force: the Meetings of States Parties.

Meetings are pages of the newsroom, an area above the records; so the newsroom tells this
module where its meetings are (``provide_meetings`` in its app's ``ready()``) instead of the
records importing it. Without a provider, the charts mark entry into force only, and say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Meeting:
    """A meeting to mark on a chart: its first day and its title in the page's language."""

    start: dt.date
    title: str
    short: str


_providers: list[Callable[[str], list[Meeting]]] = []


def provide_meetings(provider: Callable[[str], list[Meeting]]) -> None:
    """Register ``provider(treaty_code)`` → the treaty's meetings of States Parties."""
    if provider not in _providers:
        _providers.append(provider)


def meetings_of(treaty: str) -> list[Meeting] | None:
    """Return the treaty's meetings in date order, or None when nothing provides them."""
    if not _providers:
        return None
    found = [meeting for provider in _providers for meeting in provider(treaty)]
    return sorted(found, key=lambda meeting: meeting.start)
