"""Which entry a fact comes from, and an entry's inclusion proof: one answer for every reader.

``/log/proof/inclusion``, the API (``/api/v1/log/inclusion`` and each fact's ``log``), the
releases and the notice pages and e-mails all name a fact's log entry the same way: its index
and its leaf hash (RFC 9162: SHA-256(0x00 || entry), standard base64), with the address of its
inclusion proof against the latest signed checkpoint.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Max

from treatydesk.core.transparency import inclusion_proof, leaf_hash

from . import store
from .models import LogEntry, node_key
from .signing import latest

PROOF_PATH = "/log/proof/inclusion"
API_PROOF_PATH = "/api/v1/log/inclusion"


def b64(value: bytes) -> str:
    return base64.b64encode(value).decode()


@dataclass(frozen=True)
class EntryRef:
    """A log entry as the public pages name it."""

    index: int
    leaf_hash: bytes

    @property
    def leaf_hash_b64(self) -> str:
        return b64(self.leaf_hash)

    @property
    def proof_path(self) -> str:
        return f"{PROOF_PATH}?index={self.index}"

    def as_dict(self, proof_root: str = API_PROOF_PATH) -> dict:
        return {"index": self.index, "leaf_hash": self.leaf_hash_b64,
                "proof": f"{proof_root}?index={self.index}"}


CHUNK = 500  # values in one statement: well under every database's limit of parameters


def _chunks(values: list) -> Iterable[list]:
    for start in range(0, len(values), CHUNK):
        yield values[start:start + CHUNK]


def _leaf_hashes(indexes: list[int]) -> dict[int, bytes]:
    """Return the leaf hash of each entry (the level-0 nodes: no entry is re-hashed)."""
    found: dict[int, bytes] = {}
    with connection.cursor() as cursor:
        for keys in _chunks(indexes):
            marks = ", ".join(["%s"] * len(keys))
            cursor.execute(f"{store.READ_NODES}({marks})", [node_key(0, i) for i in keys])
            found.update({key: bytes(value) for key, value in cursor.fetchall()})
    return found


def latest_entries(fact_ids: Iterable[int]) -> dict[int, EntryRef]:
    """Return, for each fact id the log holds, the latest entry about it (two queries)."""
    wanted = sorted(set(fact_ids))
    if not wanted:
        return {}
    last: dict[int, int] = {}
    for chunk in _chunks(wanted):
        rows = (LogEntry.objects.filter(fact_id__in=chunk)
                .values("fact_id").annotate(last=Max("index")).values_list("fact_id", "last"))
        last.update(rows)
    hashes = _leaf_hashes(sorted(last.values()))
    return {fact: EntryRef(index, hashes[index]) for fact, index in last.items()
            if index in hashes}


def entries_about(indexes: Iterable[int]) -> dict[int, tuple[int, EntryRef]]:
    """Return, for each index the log holds, the fact it is about and the entry (two queries)."""
    wanted = sorted(set(indexes))
    if not wanted:
        return {}
    facts: dict[int, int] = {}
    for chunk in _chunks(wanted):
        facts.update(LogEntry.objects.filter(index__in=chunk)
                     .values_list("index", "fact_id"))
    hashes = _leaf_hashes(sorted(facts))
    return {index: (fact, EntryRef(index, hashes[index])) for index, fact in facts.items()
            if index in hashes}


def latest_entry(fact_id: int | None) -> EntryRef | None:
    """Return the latest entry about one fact, or None."""
    if fact_id is None:
        return None
    return latest_entries([fact_id]).get(fact_id)


class ProofRequestError(ValueError):
    """A proof that cannot be given; ``status`` is 400 (a bad request) or 404 (no such entry)."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def inclusion(index: int | None = None, fact: int | None = None,
              size: int | None = None) -> dict:
    """Return the inclusion proof of entry ``index`` (or of the latest entry about ``fact``) in
    the tree of ``size`` entries (default: the latest checkpoint's) as JSON-ready data:
    ``index``, ``size``, ``entry``, ``leaf_hash``, ``proof`` and, for the latest checkpoint's
    tree, ``checkpoint`` (the signed note)."""
    signed = latest()
    if signed is None:
        raise ProofRequestError("the log has no signed checkpoint yet", 404)
    size = signed.size if size is None else size
    if size > signed.size:
        raise ProofRequestError(f"size={size} is beyond the latest checkpoint "
                                f"({signed.size} entries)")
    if index is None and fact is not None:
        entry = LogEntry.objects.filter(fact_id=fact, index__lt=size).order_by("-index").first()
        if entry is None:
            raise ProofRequestError(f"no entry of the first {size} is about fact {fact}", 404)
        index = entry.index
    if index is None:
        raise ProofRequestError("give index=N or fact=ID")
    if index >= size:
        waiting = size == signed.size and index < store.size()
        raise ProofRequestError(
            f"entry {index} is not in a tree of {size} entries"
            + (" yet: it waits for the next checkpoint (at most a minute)" if waiting else ""),
            404)
    data = LogEntry.objects.values_list("data", flat=True).get(index=index)
    proof = inclusion_proof(store.DatabaseTree(), index, size)
    return {"index": index, "size": size, "entry": data,
            "leaf_hash": b64(leaf_hash(data.encode("utf-8"))),
            "proof": [b64(h) for h in proof],
            "checkpoint": signed.note if size == signed.size else None}
