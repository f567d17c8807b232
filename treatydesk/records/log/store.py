"""Append to the log and read its tree from the database.

``append`` runs inside the transaction of the register change it records, so an entry exists
exactly when its change does. It locks the head row, extends the tree's right edge in memory
and writes the entry and the nodes it completes: four statements, whatever the log's size.
The hot paths (append, proof lookups, tiles) are plain SQL through Django's connection: the
ORM's own work was most of their cost (bench/log.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import connection, transaction

from treatydesk.core.transparency import Frontier, leaf_hash, make_entry, tiles

from .models import LogEntry, LogHead, LogNode, node_key

# The statements, built once from the models' table names (no value is ever formatted in).
HEAD, ENTRY, NODE = LogHead._meta.db_table, LogEntry._meta.db_table, LogNode._meta.db_table
_LOCK = " FOR UPDATE" if connection.features.has_select_for_update else ""
READ_HEAD = f'SELECT "size", "frontier" FROM "{HEAD}" WHERE "id" = 1{_LOCK}'  # noqa: S608
INSERT_ENTRY = (f'INSERT INTO "{ENTRY}" ("index", "data", "change", "treaty", "fact_id", '  # noqa: S608
                '"at") VALUES (%s, %s, %s, %s, %s, %s)')
INSERT_NODE = f'INSERT INTO "{NODE}" ("key", "hash") VALUES (%s, %s)'  # noqa: S608
WRITE_HEAD = f'UPDATE "{HEAD}" SET "size" = %s, "frontier" = %s WHERE "id" = 1'  # noqa: S608
READ_NODES = f'SELECT "key", "hash" FROM "{NODE}" WHERE "key" IN '  # noqa: S608
READ_BUNDLE = (f'SELECT "data" FROM "{ENTRY}" WHERE "index" >= %s AND "index" < %s '  # noqa: S608
               'ORDER BY "index"')
READ_TILE = (f'SELECT "hash" FROM "{NODE}" WHERE "key" >= %s AND "key" < %s '  # noqa: S608
             'ORDER BY "key"')


def _read_head(cursor) -> tuple[int, bytes]:
    cursor.execute(READ_HEAD)
    row = cursor.fetchone()
    if row is None:
        LogHead.objects.get_or_create(pk=1)
        cursor.execute(READ_HEAD)
        row = cursor.fetchone()
    return row[0], bytes(row[1])


def append(changes: Iterable[dict], at: dt.datetime | None = None) -> list[int]:
    """Append one entry per change ({change, treaty, fact_id, fact, reason}); return indexes."""
    at = at or dt.datetime.now(dt.UTC)
    changes = list(changes)
    if not changes:
        return []
    # No savepoint: the caller's transaction (the register change) is the unit of work.
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        size, edge = _read_head(cursor)
        frontier = Frontier(size, [edge[i:i + 32] for i in range(0, len(edge), 32)])
        entries, nodes = [], []
        stamp = connection.ops.adapt_datetimefield_value(at)
        for change in changes:
            data = make_entry(change["change"], change["treaty"], change["fact_id"],
                              change["fact"], reason=change.get("reason") or "", at=at)
            index = frontier.size
            nodes += [(node_key(level, i), value)
                      for level, i, value in frontier.append(leaf_hash(data))]
            entries.append((index, data.decode("utf-8"), change["change"], change["treaty"],
                            change["fact_id"], stamp))
        cursor.executemany(INSERT_ENTRY, entries)
        cursor.executemany(INSERT_NODE, nodes)
        cursor.execute(WRITE_HEAD, [frontier.size, b"".join(frontier.hashes)])
    return [entry[0] for entry in entries]


def size() -> int:
    """Return the number of entries in the log."""
    head = LogHead.objects.filter(pk=1).values_list("size", flat=True).first()
    return head or 0


class DatabaseTree:
    """The log's tree as a ``HashSource``: node hashes by (level, index) from LogNode."""

    def nodes(self, keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], bytes]:
        wanted = {node_key(level, index): (level, index) for level, index in keys}
        if not wanted:
            return {}
        marks = ", ".join(["%s"] * len(wanted))
        with connection.cursor() as cursor:
            cursor.execute(f"{READ_NODES}({marks})", list(wanted))
            return {wanted[key]: bytes(value) for key, value in cursor.fetchall()}


def tile_bytes(tile: tiles.Tile, tree_size: int) -> bytes | None:
    """Return the bytes of a tile or entry bundle of the tree of ``tree_size``, or None if that
    tree has no such tile."""
    first, level = tile.first, tile.tree_level
    if first + tile.width > tree_size >> level:
        return None
    last = first + tile.width
    with connection.cursor() as cursor:
        if tile.level is None:
            cursor.execute(READ_BUNDLE, [first, last])
            data = [row[0].encode("utf-8") for row in cursor.fetchall()]
            return tiles.entry_bundle(data) if len(data) == tile.width else None
        cursor.execute(READ_TILE, [node_key(level, first), node_key(level, last)])
        hashes = [bytes(row[0]) for row in cursor.fetchall()]
    return b"".join(hashes) if len(hashes) == tile.width else None
