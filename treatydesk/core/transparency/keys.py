"""The log's signing keys, kept in a directory like the DKIM keys.

``<root>/<key ID>.pem`` holds an Ed25519 private key (mode 0600) and ``<key ID>.json`` its name
and life (created, retired). The newest key that is not retired signs; retired keys stay listed,
so that checkpoints they signed still verify after a rotation.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from .note import NoteSigner, NoteVerifier

__all__ = ["LogKey", "LogKeyStore"]


class LogKey:
    def __init__(self, signer: NoteSigner, created: str, retired: str | None):
        self.signer = signer
        self.created = created
        self.retired = retired

    @property
    def verifier(self) -> NoteVerifier:
        return self.signer.verifier


class LogKeyStore:
    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    def keys(self) -> list[LogKey]:
        """Return every key, the oldest first."""
        found = []
        for meta_path in sorted(self.root.glob("*.json")) if self.root.is_dir() else []:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            pem = meta_path.with_suffix(".pem").read_bytes()
            key = serialization.load_pem_private_key(pem, password=None)
            if not isinstance(key, ed25519.Ed25519PrivateKey):
                continue
            found.append(LogKey(NoteSigner(meta["name"], key), meta["created"],
                                meta.get("retired")))
        return sorted(found, key=lambda k: k.created)

    def active(self) -> LogKey | None:
        current = [k for k in self.keys() if k.retired is None]
        return current[-1] if current else None

    def verifiers(self) -> list[NoteVerifier]:
        """Return the public keys of every key, the signing one first."""
        keys = sorted(self.keys(), key=lambda k: (k.retired is not None, k.created))
        return [k.verifier for k in keys]

    def generate(self, name: str) -> LogKey:
        """Make a new key under ``name``; it signs from now on, and the others are retired."""
        now = datetime.now(UTC).isoformat(timespec="microseconds")
        previous = [k for k in self.keys() if k.retired is None]
        key = ed25519.Ed25519PrivateKey.generate()
        signer = NoteSigner(name, key)
        self.root.mkdir(parents=True, exist_ok=True)
        os.chmod(self.root, 0o700)
        stem = self.root / f"{signer.verifier.key_id:08x}"
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        fd = os.open(stem.with_suffix(".pem"), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(pem)
        self._write_meta(stem, {"name": name, "created": now, "retired": None})
        for old in previous:
            self._write_meta(self.root / f"{old.verifier.key_id:08x}",
                             {"name": old.signer.name, "created": old.created, "retired": now})
        return LogKey(signer, now, None)

    @staticmethod
    def _write_meta(stem: Path, meta: dict) -> None:
        partial = stem.with_suffix(".json.partial")
        partial.write_text(json.dumps(meta, indent=1), encoding="utf-8")
        os.replace(partial, stem.with_suffix(".json"))
