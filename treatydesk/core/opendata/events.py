"""Every recorded fact of a register as one row: the one serializer of the API and releases.

A fact's ``id`` is stable across imports (it is built from what the depositary recorded, not
from a database key): ``<TREATY>:<ISO3>:<kind>:<YYYY-MM-DD or "undated">``, with ``-2``, ``-3``
… for a second fact of the same kind on the same day. Extensions (an inclusion proof of the
signed log, for example) add keys to the row returned by ``event_row``; the API's events
resource, the release's ``events`` files and the changelog all go through this function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from treatydesk.core.register import Fact

#: The columns of the events CSV, in order (the JSON rows have the same keys, sources a list).
EVENT_FIELDS = (
    "id", "treaty", "iso3", "state", "kind", "date", "sequence", "cn_reference", "sources",
    "source_note",
)


def split_source(source: str) -> tuple[list[str], str]:
    """Return the sources that agree (``; ``-separated) and the remark after ``|| NOTE:``."""
    listed, _, remark = (source or "").partition(" || ")
    sources = [part.strip() for part in listed.split("; ") if part.strip()]
    return sources, remark.strip().removeprefix("NOTE:").strip()


def fact_ids(treaty: str, facts: Sequence[Fact]) -> list[str]:
    """Return the stable id of each fact of ``facts`` (same order)."""
    seen: dict[str, int] = {}
    ids = []
    for fact in facts:
        day = fact.date.isoformat() if fact.date else "undated"
        base = f"{treaty.upper()}:{fact.state}:{fact.kind}:{day}"
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def event_row(treaty: str, fact: Fact, fact_id: str) -> dict:
    """Return the public row of one fact (JSON-ready; ``sources`` is a list)."""
    sources, note = split_source(fact.source)
    return {
        "id": fact_id,
        "treaty": treaty.upper(),
        "iso3": fact.state,
        "state": fact.display_name,
        "kind": str(fact.kind),
        "date": fact.date.isoformat() if fact.date else None,
        "sequence": fact.sequence,
        "cn_reference": fact.cn_reference,
        "sources": sources,
        "source_note": note,
    }


def event_sort_key(row: dict) -> tuple:
    """Order of the events: by date (undated last), then State, kind and id."""
    return (row["date"] or "9999-12-31", row["iso3"], row["kind"], row["id"])


def event_rows(treaty: str, facts: Sequence[Fact], *, states: Iterable[str] | None = None,
               kinds: Iterable[str] | None = None, start: dt.date | None = None,
               end: dt.date | None = None) -> list[dict]:
    """Return the rows of ``facts``, filtered and in ``event_sort_key`` order.

    A date range (``start``/``end``, both inclusive) leaves out undated facts.
    """
    wanted_states = {s.upper() for s in states} if states else None
    wanted_kinds = set(kinds) if kinds else None
    rows = []
    for fact, fact_id in zip(facts, fact_ids(treaty, facts), strict=True):
        if wanted_states is not None and fact.state not in wanted_states:
            continue
        if wanted_kinds is not None and str(fact.kind) not in wanted_kinds:
            continue
        if start is not None or end is not None:
            if fact.date is None:
                continue
            if (start is not None and fact.date < start) or (end is not None and fact.date > end):
                continue
        rows.append(event_row(treaty, fact, fact_id))
    rows.sort(key=event_sort_key)
    return rows
