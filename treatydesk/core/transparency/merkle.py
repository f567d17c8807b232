"""The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1, with SHA-256.

A leaf's hash is SHA-256(0x00 || entry), an interior node's SHA-256(0x01 || left || right);
the tree of n entries splits at the largest power of two below n. A *node* here is a perfect
subtree, named (level, index): the hash of entries [index·2^level, (index+1)·2^level). Every
hash a proof or a tile needs is a node or a fold of a few nodes, so a store that keeps the
nodes (in memory: ``MemoryTree``; the site: a database table) answers a proof with one lookup
of O(log n) nodes.

Proof generation follows RFC 9162 2.1.3.1 (PATH) and 2.1.4.1 (PROOF/SUBPROOF); verification
follows the algorithms of 2.1.3.2 and 2.1.4.2 step by step.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Protocol

__all__ = [
    "EMPTY_ROOT", "Frontier", "HashSource", "MemoryTree", "consistency_proof", "inclusion_proof",
    "leaf_hash", "node_hash", "range_nodes", "root_hash", "verify_consistency",
    "verify_inclusion",
]

EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(entry: bytes) -> bytes:
    """Return SHA-256(0x00 || entry), the hash of one log entry."""
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """Return SHA-256(0x01 || left || right), the hash of an interior node."""
    return hashlib.sha256(b"\x01" + left + right).digest()


class HashSource(Protocol):
    """Anything that returns the hashes of perfect subtrees by (level, index)."""

    def nodes(self, keys: Iterable[tuple[int, int]]) -> Mapping[tuple[int, int], bytes]: ...


def _split(n: int) -> int:
    """Return the largest power of two smaller than ``n`` (n ≥ 2)."""
    return 1 << ((n - 1).bit_length() - 1)


def range_nodes(start: int, end: int) -> list[tuple[int, int]]:
    """Return the perfect subtrees whose fold is MTH(D[start:end]), left to right.

    Valid for the ranges RFC 9162's recursion produces: ``start`` is a multiple of the largest
    power of two not above ``end - start``.
    """
    keys = []
    while start < end:
        size = 1 << ((end - start).bit_length() - 1)
        level = size.bit_length() - 1
        keys.append((level, start >> level))
        start += size
    return keys


def _fold(hashes: list[bytes]) -> bytes:
    result = hashes[-1]
    for left in reversed(hashes[:-1]):
        result = node_hash(left, result)
    return result


def _range_hashes(source: HashSource, ranges: list[tuple[int, int]]) -> list[bytes]:
    wanted = [range_nodes(a, b) for a, b in ranges]
    found = source.nodes({key for keys in wanted for key in keys})
    try:
        return [_fold([found[key] for key in keys]) for keys in wanted]
    except KeyError as missing:
        raise LookupError(f"the store has no node {missing.args[0]}") from None


def root_hash(source: HashSource, size: int) -> bytes:
    """Return MTH of the first ``size`` entries."""
    if size == 0:
        return EMPTY_ROOT
    return _range_hashes(source, [(0, size)])[0]


def _path_ranges(m: int, start: int, end: int) -> list[tuple[int, int]]:
    if end - start <= 1:
        return []
    k = _split(end - start)
    if m < k:
        return _path_ranges(m, start, start + k) + [(start + k, end)]
    return _path_ranges(m - k, start + k, end) + [(start, start + k)]


def inclusion_proof(source: HashSource, index: int, size: int) -> list[bytes]:
    """Return PATH(index, D[size]): the audit path of entry ``index`` in the tree of ``size``."""
    if not 0 <= index < size:
        raise ValueError(f"entry {index} is not in a tree of {size} entries")
    return _range_hashes(source, _path_ranges(index, 0, size))


def _subproof_ranges(m: int, start: int, end: int, whole: bool) -> list[tuple[int, int]]:
    n = end - start
    if m == n:
        return [] if whole else [(start, end)]
    k = _split(n)
    if m <= k:
        return _subproof_ranges(m, start, start + k, whole) + [(start + k, end)]
    return _subproof_ranges(m - k, start + k, end, False) + [(start, start + k)]


def consistency_proof(source: HashSource, first: int, second: int) -> list[bytes]:
    """Return PROOF(first, D[second]): that the tree of ``first`` is a prefix of ``second``'s."""
    if not 0 <= first <= second:
        raise ValueError(f"no consistency proof from size {first} to size {second}")
    if first == 0 or first == second:
        return []
    return _range_hashes(source, _subproof_ranges(first, 0, second, True))


def verify_inclusion(entry_hash: bytes, index: int, size: int, proof: list[bytes],
                     root: bytes) -> bool:
    """Return whether ``proof`` shows the leaf ``entry_hash`` at ``index`` under ``root``."""
    if not 0 <= index < size:
        return False
    fn, sn, r = index, size - 1, entry_hash
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(first: int, second: int, first_root: bytes, second_root: bytes,
                       proof: list[bytes]) -> bool:
    """Return whether ``proof`` shows the tree (first, first_root) is a prefix of (second, …)."""
    if first > second or first < 0:
        return False
    if first == second:
        return not proof and first_root == second_root
    if first == 0:
        return not proof
    if not proof:
        return False
    path = list(proof)
    if first & (first - 1) == 0:
        path.insert(0, first_root)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == first_root and sr == second_root and sn == 0


class Frontier:
    """The right edge of a tree: the perfect subtrees that cover its entries, largest first.

    Enough to append (each append returns the nodes it completes, to be stored) and to compute
    the root, without reading the rest of the tree.
    """

    def __init__(self, size: int = 0, hashes: list[bytes] | None = None):
        hashes = list(hashes or [])
        if len(hashes) != bin(size).count("1"):
            raise ValueError(f"a tree of {size} entries has {bin(size).count('1')} edge nodes, "
                             f"not {len(hashes)}")
        self.size = size
        self.hashes = hashes

    def append(self, entry_hash: bytes) -> list[tuple[int, int, bytes]]:
        """Add one leaf; return the completed nodes as (level, index, hash)."""
        index = self.size
        made = [(0, index, entry_hash)]
        current, level = entry_hash, 0
        while (index >> level) & 1:
            current = node_hash(self.hashes.pop(), current)
            level += 1
            made.append((level, index >> level, current))
        self.hashes.append(current)
        self.size += 1
        return made

    def root(self) -> bytes:
        return _fold(self.hashes) if self.hashes else EMPTY_ROOT


class MemoryTree:
    """A whole tree in memory: every node of every level (the verifier and the tests use it)."""

    def __init__(self, entry_hashes: Iterable[bytes] = ()):
        self.levels: list[list[bytes]] = [[]]
        for entry_hash in entry_hashes:
            self.append(entry_hash)

    @property
    def size(self) -> int:
        return len(self.levels[0])

    def append(self, entry_hash: bytes) -> None:
        self.levels[0].append(entry_hash)
        index, level = len(self.levels[0]) - 1, 0
        while index & 1:
            row = self.levels[level]
            if len(self.levels) == level + 1:
                self.levels.append([])
            self.levels[level + 1].append(node_hash(row[index - 1], row[index]))
            index >>= 1
            level += 1

    def nodes(self, keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], bytes]:
        found = {}
        for level, index in keys:
            if level < len(self.levels) and index < len(self.levels[level]):
                found[(level, index)] = self.levels[level][index]
        return found

    def root(self, size: int | None = None) -> bytes:
        return root_hash(self, self.size if size is None else size)
