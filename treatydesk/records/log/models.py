"""The register's append-only log: entries, the Merkle tree's nodes and signed checkpoints.

Rows are only ever added (``records.log.append``); nothing updates or deletes them. The log's
head row is locked by every append, so entries get consecutive indexes even under concurrent
changes on PostgreSQL.
"""

from django.db import models


class LogHead(models.Model):
    """The one row saying how many entries the log has and its right edge (``Frontier``)."""

    size = models.PositiveBigIntegerField(default=0)
    frontier = models.BinaryField(default=b"")  # the edge's subtree hashes, 32 bytes each

    def __str__(self):
        return f"log of {self.size} entries"


class LogEntry(models.Model):
    """One change of the register as its canonical JSON (docs/transparency.md)."""

    index = models.PositiveBigIntegerField(primary_key=True)
    data = models.TextField()
    change = models.CharField(max_length=16)
    treaty = models.CharField(max_length=8)
    fact_id = models.BigIntegerField(db_index=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["index"]
        verbose_name_plural = "log entries"

    def __str__(self):
        return f"entry {self.index}: {self.change} {self.treaty} fact #{self.fact_id}"


def node_key(level: int, index: int) -> int:
    """Return the key of the node (level, index): ``level << 56 | index``, so that a tile (one
    level, consecutive indexes) is a range of keys and a proof one ``IN`` of keys."""
    return level << NODE_SHIFT | index


NODE_SHIFT = 56


class LogNode(models.Model):
    """The hash of a perfect subtree of the log's Merkle tree (level 0: an entry's leaf hash)."""

    key = models.BigIntegerField(primary_key=True)
    hash = models.BinaryField(max_length=32)

    def __str__(self):
        return f"node {self.key >> NODE_SHIFT}/{self.key & ((1 << NODE_SHIFT) - 1)}"


class SignedCheckpoint(models.Model):
    """A checkpoint the site signed: the tree size, its root and the signed note."""

    size = models.PositiveBigIntegerField(unique=True)
    root = models.CharField(max_length=64)
    note = models.TextField()
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-size"]

    def __str__(self):
        return f"checkpoint of {self.size} entries at {self.at:%Y-%m-%d %H:%M}"
