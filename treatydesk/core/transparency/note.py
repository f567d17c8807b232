"""C2SP signed notes (c2sp.org/signed-note) with Ed25519 keys (signature type 0x01).

A note is a text ending in a newline, a blank line, then lines ``— <key name> <base64(key ID
|| signature)>``. The key ID is the first four bytes of SHA-256(name || 0x0A || 0x01 ||
public key). A verifier key is written ``<name>+<key ID as 8 hex digits>+<base64(0x01 ||
public key)>`` (the ``vkey`` encoding of Go's sumdb/note, which the C2SP specs use).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

__all__ = ["NoteError", "NoteSigner", "NoteVerifier", "key_id", "open_note", "sign_note"]

ED25519 = 0x01
_DASH = "\u2014 "


class NoteError(ValueError):
    """The note or key is malformed, or no signature by a trusted key verifies."""


def _check_name(name: str) -> str:
    if not name or any(c.isspace() or c == "+" for c in name):
        raise NoteError(f"key name {name!r} must be non-empty, without spaces or '+'")
    return name


def key_id(name: str, public_key: bytes) -> int:
    """Return the uint32 key ID of an Ed25519 key named ``name``."""
    digest = hashlib.sha256(name.encode() + b"\n" + bytes([ED25519]) + public_key).digest()
    return int.from_bytes(digest[:4], "big")


def _raw_public(key: ed25519.Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass(frozen=True)
class NoteVerifier:
    """A trusted Ed25519 public key under its name."""

    name: str
    public_key: bytes

    @property
    def key_id(self) -> int:
        return key_id(self.name, self.public_key)

    @property
    def vkey(self) -> str:
        encoded = base64.b64encode(bytes([ED25519]) + self.public_key).decode()
        return f"{self.name}+{self.key_id:08x}+{encoded}"

    @classmethod
    def from_vkey(cls, vkey: str) -> NoteVerifier:
        """Parse ``name+hash+base64(0x01 || key)``, checking the hash against the key."""
        name, sep1, rest = vkey.strip().partition("+")
        hex_id, sep2, encoded = rest.partition("+")
        if not (sep1 and sep2):
            raise NoteError(f"{vkey!r} is not a verifier key (name+hash+key)")
        _check_name(name)
        try:
            raw = base64.b64decode(encoded, validate=True)
            wanted = int(hex_id, 16)
        except (binascii.Error, ValueError):
            raise NoteError(f"{vkey!r}: the hash or the key is not hex / base64") from None
        if len(hex_id) != 8 or len(raw) != 33 or raw[0] != ED25519:
            raise NoteError(f"{vkey!r} is not an Ed25519 verifier key")
        verifier = cls(name, raw[1:])
        if verifier.key_id != wanted:
            raise NoteError(f"{vkey!r}: the key hash {hex_id} does not match the key")
        return verifier

    def verify(self, text: bytes, signature: bytes) -> bool:
        try:
            ed25519.Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, text)
        except (InvalidSignature, ValueError):
            return False
        return True


class NoteSigner:
    """An Ed25519 private key that signs notes under ``name``."""

    def __init__(self, name: str, private_key: ed25519.Ed25519PrivateKey):
        self.name = _check_name(name)
        self._key = private_key
        self.verifier = NoteVerifier(name, _raw_public(private_key.public_key()))

    @classmethod
    def from_skey(cls, skey: str) -> NoteSigner:
        """Parse the ``PRIVATE+KEY+name+hash+base64(0x01 || seed)`` encoding of Go's note."""
        prefix = "PRIVATE+KEY+"
        if not skey.startswith(prefix):
            raise NoteError("a signer key starts with PRIVATE+KEY+")
        name, _, rest = skey[len(prefix):].partition("+")
        _hash, _, encoded = rest.partition("+")
        raw = base64.b64decode(encoded)
        if len(raw) != 33 or raw[0] != ED25519:
            raise NoteError("not an Ed25519 signer key")
        return cls(name, ed25519.Ed25519PrivateKey.from_private_bytes(raw[1:]))

    def sign(self, text: bytes) -> str:
        """Return the signature line for ``text`` (without its newline)."""
        blob = self.verifier.key_id.to_bytes(4, "big") + self._key.sign(text)
        return f"{_DASH}{self.name} {base64.b64encode(blob).decode()}"


def sign_note(text: str, signers: list[NoteSigner]) -> str:
    """Return ``text`` signed by each of ``signers`` as a signed note."""
    if not text.endswith("\n"):
        raise NoteError("a note's text ends with a newline")
    if any(ord(c) < 0x20 and c != "\n" for c in text):
        raise NoteError("a note holds no control characters but newlines")
    data = text.encode("utf-8")
    return text + "\n" + "".join(signer.sign(data) + "\n" for signer in signers)


def open_note(note: str, verifiers: list[NoteVerifier]) -> tuple[str, list[NoteVerifier]]:
    """Return the note's text and the trusted keys whose signatures verify.

    Signatures by unknown keys are ignored; a signature by a known key that does not verify
    rejects the note, and so does a note with no verified signature.
    """
    if any(ord(c) < 0x20 and c != "\n" for c in note):
        raise NoteError("the note holds control characters")
    text, sep, signatures = note.rpartition("\n\n")
    if not sep or not signatures.endswith("\n"):
        raise NoteError("the note has no signature block after a blank line")
    text += "\n"
    data = text.encode("utf-8")
    known = {(v.name, v.key_id): v for v in verifiers}
    good = []
    for line in signatures[:-1].split("\n"):
        if not line.startswith(_DASH):
            raise NoteError(f"malformed signature line {line!r}")
        name, _, encoded = line[len(_DASH):].partition(" ")
        try:
            blob = base64.b64decode(encoded, validate=True)
        except binascii.Error:
            raise NoteError(f"signature of {name} is not base64") from None
        if len(blob) < 5:
            raise NoteError(f"signature of {name} is too short")
        verifier = known.get((name, int.from_bytes(blob[:4], "big")))
        if verifier is None:
            continue
        if not verifier.verify(data, blob[4:]):
            raise NoteError(f"the signature by {verifier.vkey} does not verify")
        good.append(verifier)
    if not good:
        raise NoteError("no signature by a trusted key")
    return text, good
