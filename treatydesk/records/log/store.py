"""Append to the log and read its tree from the database.

``append`` runs inside the transaction of the register change it records, so an entry exists
exactly when its change does. It locks the head row, extends the tree's right edge in memory
and writes the entry and the nodes it completes: a few inserts, whatever the log's size.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q

from treatydesk.core.transparency import Frontier, leaf_hash, make_entry, tiles

from .models import LogEntry, LogHead, LogNode


def _head() -> LogHead:
    head = LogHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        LogHead.objects.get_or_create(pk=1)
        head = LogHead.objects.select_for_update().get(pk=1)
    return head


def append(changes: Iterable[dict], at: dt.datetime | None = None) -> list[int]:
    """Append one entry per change ({change, treaty, fact_id, fact, reason}); return indexes."""
    at = at or dt.datetime.now(dt.UTC)
    with transaction.atomic():
        head = _head()
        frontier = Frontier(head.size, [bytes.fromhex(h) for h in head.frontier])
        entries, nodes, indexes = [], [], []
        for change in changes:
            data = make_entry(change["change"], change["treaty"], change["fact_id"],
                              change["fact"], reason=change.get("reason") or "", at=at)
            index = frontier.size
            nodes += [LogNode(level=level, index=i, hash=value)
                      for level, i, value in frontier.append(leaf_hash(data))]
            entries.append(LogEntry(index=index, data=data.decode("utf-8"),
                                    change=change["change"], treaty=change["treaty"],
                                    fact_id=change["fact_id"], at=at))
            indexes.append(index)
        if not entries:
            return []
        LogEntry.objects.bulk_create(entries, batch_size=500)
        LogNode.objects.bulk_create(nodes, batch_size=500)
        head.size = frontier.size
        head.frontier = [h.hex() for h in frontier.hashes]
        head.save(update_fields=["size", "frontier"])
    return indexes


def size() -> int:
    """Return the number of entries in the log."""
    head = LogHead.objects.filter(pk=1).first()
    return head.size if head else 0


class DatabaseTree:
    """The log's tree as a ``HashSource``: node hashes by (level, index) from LogNode."""

    def nodes(self, keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], bytes]:
        by_level: dict[int, list[int]] = {}
        for level, index in keys:
            by_level.setdefault(level, []).append(index)
        if not by_level:
            return {}
        query = Q()
        for level, indexes in by_level.items():
            query |= Q(level=level, index__in=indexes)
        return {(n.level, n.index): bytes(n.hash)
                for n in LogNode.objects.filter(query).only("level", "index", "hash")}


def tile_bytes(tile: tiles.Tile, tree_size: int) -> bytes | None:
    """Return the bytes of a tile or entry bundle of the tree of ``tree_size``, or None if that
    tree has no such tile."""
    first, level = tile.first, tile.tree_level
    if first + tile.width > tree_size >> level:
        return None
    last = first + tile.width
    if tile.level is None:
        rows = LogEntry.objects.filter(index__gte=first, index__lt=last).order_by("index")
        data = [row.data.encode("utf-8") for row in rows.only("data")]
        return tiles.entry_bundle(data) if len(data) == tile.width else None
    rows = (LogNode.objects.filter(level=level, index__gte=first, index__lt=last)
            .order_by("index").values_list("hash", flat=True))
    hashes = [bytes(h) for h in rows]
    return b"".join(hashes) if len(hashes) == tile.width else None
