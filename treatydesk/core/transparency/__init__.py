"""A register anyone can verify: the pieces of its append-only, signed log (plain Python).

RFC 8785 canonical JSON for the entries, the RFC 9162 Merkle tree and its proofs, C2SP signed
notes and checkpoints with Ed25519, C2SP tlog-tiles, the signing key store and a verifier that
reads a log from its public files. docs/transparency.md describes the log for third parties.
"""

from .canonical import CanonicalJsonError, canonical_json
from .checkpoint import Checkpoint, CheckpointError
from .entries import CHANGES, Replayed, ReplayError, fact_from_values, make_entry, replay
from .keys import LogKey, LogKeyStore
from .merkle import (
    EMPTY_ROOT,
    Frontier,
    HashSource,
    MemoryTree,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    node_hash,
    range_nodes,
    root_hash,
    verify_consistency,
    verify_inclusion,
)
from .note import NoteError, NoteSigner, NoteVerifier, key_id, open_note, sign_note
from .tiles import (
    TILE_HEIGHT,
    TILE_WIDTH,
    Tile,
    TileError,
    entry_bundle,
    parse_entry_bundle,
    parse_tile_path,
    split_hashes,
    tiles_for_size,
)
from .verify import (
    DirectoryReader,
    HttpReader,
    LogReader,
    LogReport,
    ReadError,
    check_since,
    verify_log,
)

__all__ = [
    "CHANGES", "EMPTY_ROOT", "TILE_HEIGHT", "TILE_WIDTH",
    "CanonicalJsonError", "Checkpoint", "CheckpointError", "DirectoryReader", "Frontier",
    "HashSource", "HttpReader", "LogKey", "LogKeyStore", "LogReader", "LogReport",
    "MemoryTree", "NoteError", "NoteSigner", "NoteVerifier", "ReadError", "ReplayError",
    "Replayed", "Tile", "TileError",
    "canonical_json", "check_since", "consistency_proof", "entry_bundle", "fact_from_values",
    "inclusion_proof", "key_id", "leaf_hash", "make_entry", "node_hash", "open_note",
    "parse_entry_bundle", "parse_tile_path", "range_nodes", "replay", "root_hash",
    "sign_note", "split_hashes", "tiles_for_size", "verify_consistency", "verify_inclusion",
    "verify_log",
]
