"""What changed between two sets of facts: added, changed and removed, each with its C.N.

One diff for everything that compares registers: the import's ``--dry-run`` (and the admin's
upload preview), and the changelog of a data release against the previous one. Facts are
matched by State and kind; several facts of one State and kind (a second instrument) are
paired in date order. A pair differs when its date, deposit order, C.N. reference or sources
differ.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence

from treatydesk.core.register import Fact

from .events import event_row, fact_ids

#: The fields of a fact that a change is about.
COMPARED = ("date", "sequence", "cn_reference", "sources", "source_note")


@dataclasses.dataclass(frozen=True)
class FactChanges:
    """Rows (``events.event_row``) added and removed, and pairs (before, after) changed."""

    treaty: str
    added: tuple[dict, ...]
    changed: tuple[tuple[dict, dict], ...]
    removed: tuple[dict, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)

    def as_dict(self) -> dict:
        """Return the changes as JSON-ready data (the changelog's and the API's shape)."""
        return {
            "treaty": self.treaty,
            "added": list(self.added),
            "changed": [
                {"id": after["id"], "iso3": after["iso3"], "kind": after["kind"],
                 "cn_reference": after["cn_reference"] or before["cn_reference"],
                 "fields": [f for f in COMPARED if before[f] != after[f]],
                 "before": before, "after": after}
                for before, after in self.changed
            ],
            "removed": list(self.removed),
        }

    def lines(self) -> list[str]:
        """Return one line per change, for a terminal ("+ CCM:AFG:ratification:… C.N.…")."""
        def cn(row: dict) -> str:
            return f" {row['cn_reference']}" if row["cn_reference"] else ""

        out = [f"+ {row['state']} {row['kind']} {row['date'] or 'undated'}{cn(row)}"
               for row in self.added]
        for before, after in self.changed:
            fields = ", ".join(
                f"{f} {before[f] or '—'} → {after[f] or '—'}" for f in COMPARED
                if before[f] != after[f] and f in ("date", "sequence", "cn_reference")
            ) or "sources"
            out.append(f"~ {after['state']} {after['kind']}: {fields}{cn(after)}")
        out += [f"- {row['state']} {row['kind']} {row['date'] or 'undated'}{cn(row)}"
                for row in self.removed]
        return out


def _rows(treaty: str, facts: Sequence[Fact]) -> list[dict]:
    return [event_row(treaty, fact, fact_id)
            for fact, fact_id in zip(facts, fact_ids(treaty, facts), strict=True)]


def _grouped(rows: Sequence[dict]) -> dict[tuple[str, str], list[dict]]:
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        groups[(row["iso3"], row["kind"])].append(row)
    for rows in groups.values():
        rows.sort(key=lambda row: (row["date"] or "9999-12-31", row["sequence"] or 0))
    return groups


def _key(row: dict) -> tuple:
    return (row["date"] or "9999-12-31", row["iso3"], row["kind"])


def diff_facts(treaty: str, before: Sequence[Fact], after: Sequence[Fact]) -> FactChanges:
    """Return what turns ``before`` into ``after`` (both facts of ``treaty``)."""
    return diff_rows(treaty, _rows(treaty, before), _rows(treaty, after))


def diff_rows(treaty: str, before: Sequence[dict], after: Sequence[dict]) -> FactChanges:
    """Return what turns the event rows ``before`` into ``after`` (a release's against the
    previous release's ``events.json``)."""
    old, new = _grouped(before), _grouped(after)
    added: list[dict] = []
    changed: list[tuple[dict, dict]] = []
    removed: list[dict] = []
    for key in old.keys() | new.keys():
        was, now = old.get(key, []), new.get(key, [])
        for a, b in zip(was, now, strict=False):
            if any(a[f] != b[f] for f in COMPARED):
                changed.append((a, b))
        added += now[len(was):]
        removed += was[len(now):]
    return FactChanges(
        treaty.upper(),
        tuple(sorted(added, key=_key)),
        tuple(sorted(changed, key=lambda pair: _key(pair[1]))),
        tuple(sorted(removed, key=_key)),
    )
