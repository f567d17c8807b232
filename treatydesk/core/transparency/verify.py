"""Check a whole log from its public files: checkpoint signature, tiles, entries, proofs.

The verifier reads what any mirror can read (the checkpoint, the tiles, the entry bundles),
through a reader that fetches them over HTTP, from a directory or from the site's database.
It recomputes every hash, compares every tile, checks the checkpoint's root and signature,
checks that the log extends the last checkpoint it saw (a rollback or a fork otherwise) and
replays the entries into the register's facts. Findings are plain sentences; the first failure
names the entry or the tile it is about.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .checkpoint import Checkpoint, CheckpointError
from .entries import Replayed, ReplayError, replay
from .merkle import MemoryTree, consistency_proof, leaf_hash, verify_consistency
from .note import NoteError, NoteVerifier, open_note
from .tiles import TileError, parse_entry_bundle, split_hashes, tiles_for_size

__all__ = ["DirectoryReader", "HttpReader", "LogReader", "LogReport", "ReadError", "check_since",
           "verify_log"]


class ReadError(Exception):
    """A file of the log cannot be read."""


class LogReader(Protocol):
    def read(self, path: str) -> bytes:
        """Return the file at ``path`` under the log's prefix (``checkpoint``, ``tile/…``)."""
        ...


class DirectoryReader:
    def __init__(self, root: str | Path):
        self.root = Path(root)

    def read(self, path: str) -> bytes:
        try:
            return (self.root / path).read_bytes()
        except OSError as error:
            raise ReadError(f"{self.root / path}: {error.strerror or error}") from None


class HttpReader:
    def __init__(self, prefix: str, timeout: float = 20.0):
        if not prefix.startswith(("https://", "http://")):
            raise ValueError(f"{prefix!r} is not an http(s) URL")
        self.prefix = prefix.rstrip("/")
        self.timeout = timeout

    def read(self, path: str) -> bytes:
        url = f"{self.prefix}/{path}"
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked in __init__
            url, headers={"User-Agent": "treatydesk-log-verify"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                return response.read()
        except (urllib.error.URLError, OSError) as error:
            raise ReadError(f"{url}: {getattr(error, 'reason', error)}") from None


@dataclass
class LogReport:
    holds: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    checkpoint: Checkpoint | None = None
    note: str = ""
    entries: list[bytes] = field(default_factory=list)
    tree: MemoryTree | None = None
    replayed: Replayed | None = None

    @property
    def ok(self) -> bool:
        return not self.failures

    def fail(self, message: str) -> LogReport:
        self.failures.append(message)
        return self


def _read_entries(reader: LogReader, size: int, report: LogReport) -> list[bytes] | None:
    entries: list[bytes] = []
    for bundle in [t for t in tiles_for_size(size) if t.level is None]:
        try:
            entries += parse_entry_bundle(reader.read(bundle.path), bundle.width)
        except (ReadError, TileError) as error:
            report.fail(f"entry {bundle.first} and the next (in {bundle.path}): {error}")
            return None
    return entries


def _check_tiles(reader: LogReader, size: int, tree: MemoryTree, report: LogReport) -> None:
    for tile in [t for t in tiles_for_size(size) if t.level is not None]:
        try:
            served = split_hashes(reader.read(tile.path), tile.width)
        except (ReadError, TileError) as error:
            report.fail(f"{tile.path}: {error}")
            return
        expected = tree.levels[tile.tree_level][tile.first:tile.first + tile.width]
        for offset, (got, want) in enumerate(zip(served, expected, strict=True)):
            if got != want:
                span = 1 << tile.tree_level
                first = (tile.first + offset) * span
                what = (f"entry {first}" if tile.level == 0
                        else f"entries {first} to {min(first + span, size) - 1}")
                report.fail(f"{what}: {tile.path} holds a hash ({got.hex()[:16]}…) that is not "
                            f"the hash of the entries served ({want.hex()[:16]}…)")
                return
    report.holds.append("Every tile holds the hashes of the entries served.")


def check_since(since: Checkpoint, checkpoint: Checkpoint, tree: MemoryTree, report: LogReport,
                seen: str = "seen before") -> None:
    """Check that the log of ``checkpoint`` extends ``since``, a checkpoint ``seen`` earlier."""
    size = checkpoint.size
    if since.size > size:
        report.fail(
            f"rollback: the log now has {size} entries, but the checkpoint {seen} had "
            f"{since.size}; entries {size} to {since.size - 1} have gone (a restored older "
            f"backup, or a rewritten log)")
    elif since.size == size and since.root != checkpoint.root:
        report.fail(f"fork: two checkpoints of size {size} have different roots (this one and "
                    f"the one {seen})")
    elif since.size and tree.root(since.size) != since.root:
        first = since.size
        report.fail(f"the log is not an extension of the checkpoint of {first} entries {seen}: "
                    f"an entry below {first} was changed")
    else:
        proof = consistency_proof(tree, since.size, size)
        if not verify_consistency(since.size, size, since.root, checkpoint.root, proof):
            report.fail(f"the consistency proof from size {since.size} to {size} does not "
                        f"verify")
        else:
            report.holds.append(f"The log extends the checkpoint of {since.size} entries {seen} "
                                f"(consistency proof of {len(proof)} hashes).")


def verify_log(reader: LogReader, verifiers: list[NoteVerifier],
               since: list[tuple[str, Checkpoint]] = ()) -> LogReport:
    """Check the log behind ``reader``; see the module's docstring."""
    report = LogReport()
    try:
        note = reader.read("checkpoint").decode("utf-8")
        text, good = open_note(note, verifiers)
        checkpoint = Checkpoint.parse(text)
    except (ReadError, UnicodeDecodeError, NoteError, CheckpointError) as error:
        return report.fail(f"the checkpoint: {error}")
    origins = {v.name for v in good}
    if checkpoint.origin not in origins:
        return report.fail(f"the checkpoint's origin {checkpoint.origin!r} is not the name of "
                           f"the key that signed it")
    report.checkpoint, report.note = checkpoint, note
    report.holds.append(f"The checkpoint of {checkpoint.size} entries is signed by "
                        f"{', '.join(v.vkey for v in good)}.")
    entries = _read_entries(reader, checkpoint.size, report)
    if entries is None:
        return report
    tree = MemoryTree(leaf_hash(entry) for entry in entries)
    report.entries, report.tree = entries, tree
    _check_tiles(reader, checkpoint.size, tree, report)
    if tree.root() != checkpoint.root:
        report.fail(f"the root of the {checkpoint.size} entries served is not the checkpoint's")
    else:
        report.holds.append("The entries hash to the checkpoint's root.")
    for seen, earlier in since:
        check_since(earlier, checkpoint, tree, report, seen)
    try:
        report.replayed = replay(entries)
        report.holds.append(f"All {len(entries)} entries are canonical and replay in order.")
    except ReplayError as error:
        report.fail(str(error))
    return report

