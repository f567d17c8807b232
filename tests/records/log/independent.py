"""An implementation of the checks written from the texts alone, not from the project's code:
RFC 9162 section 2.1.3.2 (verifying an inclusion proof), c2sp.org/signed-note (Ed25519 note
signatures, key IDs, the vkey encoding) and c2sp.org/tlog-checkpoint (the body's three lines).
The tests use it to check what the site serves."""

import base64
import hashlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def rfc9162_verify_inclusion(leaf: bytes, leaf_index: int, tree_size: int, path: list,
                             root: bytes) -> bool:
    # 1. If leaf_index is greater than or equal to tree_size, then stop and fail.
    if leaf_index >= tree_size:
        return False
    # 2. Set fn to leaf_index and sn to tree_size - 1.  3. Set r to hash.
    fn, sn, r = leaf_index, tree_size - 1, sha256(b"\x00" + leaf)
    # 4. For each value p in the inclusion_path array:
    for p in path:
        if sn == 0:  # a. If sn is 0, then stop the iteration and fail the proof verification.
            return False
        if fn % 2 == 1 or fn == sn:  # b.
            r = sha256(b"\x01" + p + r)
            if fn % 2 == 0:
                while not (fn % 2 == 1 or fn == 0):
                    fn, sn = fn // 2, sn // 2
        else:
            r = sha256(b"\x01" + r + p)
        fn, sn = fn // 2, sn // 2  # c.
    # 5. Compare sn to 0. Compare r against the root_hash.
    return sn == 0 and r == root


def open_checkpoint(note: str, vkey: str) -> tuple[str, int, bytes]:
    """Return (origin, size, root) of a checkpoint signed by ``vkey``; raise if it is not."""
    name, key_hash, encoded = vkey.split("+", 2)
    raw = base64.b64decode(encoded)
    assert raw[0] == 1 and len(raw) == 33, "an Ed25519 vkey"
    public = raw[1:]
    key_id = sha256(name.encode() + b"\n" + b"\x01" + public)[:4]
    assert key_id.hex() == key_hash, "the vkey's hash is the key ID"
    text, _, signatures = note.rpartition("\n\n")
    text += "\n"
    for line in signatures.splitlines():
        dash, signer, blob = line.split(" ")
        blob = base64.b64decode(blob)
        if dash == "\u2014" and signer == name and blob[:4] == key_id:
            Ed25519PublicKey.from_public_bytes(public).verify(blob[4:], text.encode())
            origin, size, root = text.splitlines()[:3]
            return origin, int(size), base64.b64decode(root)
    raise AssertionError("no signature by the key")
