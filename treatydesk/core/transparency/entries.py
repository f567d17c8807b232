"""The log's entries: one canonical JSON object per change of the register, and their replay.

An entry is the RFC 8785 form of::

    {"log": 1, "change": "recorded" | "corrected" | "deleted" | "imported",
     "treaty": "CCM", "fact_id": 42, "fact": {…the fact's values…},
     "reason": "…", "cn_reference": "C.N.….TREATIES-…", "at": "2026-12-01T22:00:00Z"}

``fact`` holds the values after the change (for a deletion: what was deleted). A correction or a
deletion carries the editor's reason (the admin requires one; a script that gives none writes
""). An import writes one ``deleted`` entry for each fact it replaces and one ``imported`` entry
for each fact it loads. Replaying the entries in order gives
each treaty's facts, which the register's rules turn into the published status.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from treatydesk.core import register as core

from .canonical import CanonicalJsonError, canonical_json, parse_canonical

__all__ = ["CHANGES", "ReplayError", "Replayed", "fact_from_values", "fact_values", "make_entry",
           "replay"]

FORMAT = 1
CHANGES = ("recorded", "corrected", "deleted", "imported")
#: Every value of a fact that the register's rules or its public pages read.  An entry written
#: before a field existed lacks it; replay reads it as the field's empty value (below).
#: The log is public, so a fact's internal ``note`` (the keepers' remarks) is never in it.
FACT_FIELDS = ("treaty", "state", "state_name", "kind", "date", "sequence", "cn_reference",
               "source", "public_note", "effective_date")
#: The fields whose empty value is null rather than "".
_NULLABLE = frozenset({"date", "sequence", "effective_date"})


class ReplayError(ValueError):
    """An entry cannot be applied; ``index`` is its position in the log."""

    def __init__(self, index: int, message: str):
        super().__init__(f"entry {index}: {message}")
        self.index = index


def make_entry(change: str, treaty: str, fact_id: int, fact: dict, *, reason: str = "",
               at: dt.datetime) -> bytes:
    """Return the canonical bytes of one entry."""
    if change not in CHANGES:
        raise ValueError(f"unknown change {change!r}")
    return canonical_json({
        "log": FORMAT, "change": change, "treaty": treaty, "fact_id": fact_id,
        "fact": {name: fact.get(name) for name in FACT_FIELDS},
        "reason": reason, "cn_reference": fact.get("cn_reference") or "",
        "at": at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    })


def fact_values(values: dict) -> dict:
    """Return an entry's ``fact`` with every field of FACT_FIELDS (a missing one empty)."""
    return {name: values.get(name, None if name in _NULLABLE else "") for name in FACT_FIELDS}


def _date(value) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def fact_from_values(values: dict) -> core.Fact:
    """Return the register core's fact for an entry's ``fact`` values."""
    return core.Fact(
        state=values["state"], kind=core.FactKind(values["kind"]),
        date=_date(values.get("date")),
        cn_reference=values.get("cn_reference") or "", source=values.get("source") or "",
        note=values.get("note") or "", sequence=values.get("sequence"),
        state_name=values.get("state_name") or "", public_note=values.get("public_note") or "",
        effective_date=_date(values.get("effective_date")),
    )


@dataclass
class Replayed:
    """The facts the log holds: treaty → fact id → values, and the entry that last set each."""

    facts: dict[str, dict[int, dict]] = field(default_factory=dict)
    last_entry: dict[int, int] = field(default_factory=dict)

    def core_facts(self, treaty: str) -> list[core.Fact]:
        """Return a treaty's facts in the order of their ids, as the database lists them."""
        rows = self.facts.get(treaty, {})
        return [fact_from_values(rows[key]) for key in sorted(rows)]


def _parse(index: int, data: bytes) -> dict:
    try:
        entry = parse_canonical(data)
    except CanonicalJsonError as error:
        raise ReplayError(index, str(error)) from None
    except (UnicodeDecodeError, ValueError):
        raise ReplayError(index, "is not JSON") from None
    if not isinstance(entry, dict) or entry.get("log") != FORMAT:
        raise ReplayError(index, f"is not a format-{FORMAT} log entry")
    return entry


def replay(entries: list[bytes], after: Replayed | None = None, first: int = 0) -> Replayed:
    """Apply the entries in order; raise ReplayError naming the first that cannot apply.

    With ``after`` (the replay of the entries before ``first``), go on from it: the entries
    are then those from index ``first`` on, and ``after`` is extended in place."""
    state = after if after is not None else Replayed()
    where = {pk: treaty for treaty, facts in state.facts.items() for pk in facts}
    for index, data in enumerate(entries, start=first):
        entry = _parse(index, data)
        change, fact_id, treaty = entry.get("change"), entry.get("fact_id"), entry.get("treaty")
        values = entry.get("fact")
        if change not in CHANGES or not isinstance(fact_id, int) or not isinstance(values, dict):
            raise ReplayError(index, "lacks a known change, a fact id or the fact")
        if values.get("treaty") != treaty:
            raise ReplayError(index, "names two treaties")
        if not isinstance(entry.get("reason"), str):
            raise ReplayError(index, "has no reason field")
        try:
            fact_from_values(values)
        except (KeyError, ValueError) as error:
            raise ReplayError(index, f"holds a fact the register cannot read ({error})") from None
        facts = state.facts.setdefault(treaty, {})
        exists = fact_id in where
        if change in ("recorded", "imported") and exists:
            raise ReplayError(index, f"records fact #{fact_id} again")
        if change in ("corrected", "deleted") and not exists:
            raise ReplayError(index, f"changes fact #{fact_id}, which the log does not hold")
        if exists and where[fact_id] != treaty:
            raise ReplayError(index, f"moves fact #{fact_id} to another treaty")
        if change == "deleted":
            del facts[fact_id]
            del where[fact_id]
        else:
            facts[fact_id] = fact_values(values)
            where[fact_id] = treaty
        state.last_entry[fact_id] = index
    return state
