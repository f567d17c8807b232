"""Keep the DKIM keys of each sending domain in a directory.

Layout: ``<root>/<domain>/<selector>.pem`` holds the private key (mode 0600) and
``<root>/<domain>/<selector>.json`` its algorithm and life: when it was created,
activated and retired. A key is *pending* until activated (its record is published
but nothing is signed with it yet), then *active* (every message is signed with it),
then *retired* (no longer signs, but is kept so that mail it signed still verifies
on the site's "Is this e-mail from us?" page).
"""

from __future__ import annotations

import base64
import json
import os
import re
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from functools import cached_property, lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

ALGORITHMS = ("rsa", "ed25519")
RSA_BITS = 2048

# RFC 6376 3.1: a selector is a sub-domain; we also use this for the domain because
# both end up in file names, where anything else could climb out of the directory.
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_NAME_RE = re.compile(rf"{_LABEL}(?:\.{_LABEL})*\Z")


class KeyStoreError(ValueError):
    """A key cannot be made, found or changed as asked."""


class KeyStatus(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    RETIRED = "retired"


def normalize_name(name: str, what: str = "domain") -> str:
    """Return ``name`` lower-cased, or raise KeyStoreError if it is not a DNS name."""
    cleaned = name.strip().rstrip(".").lower()
    if len(cleaned) > 253 or not _NAME_RE.match(cleaned):
        raise KeyStoreError(f"{what} {name!r} is not a valid DNS name")
    return cleaned


@dataclass(frozen=True)
class DkimKey:
    """One DKIM key pair of a domain, with its selector and state."""

    domain: str
    selector: str
    algorithm: str
    private_pem: bytes = field(repr=False)
    created: datetime
    activated: datetime | None = None
    retired: datetime | None = None

    @property
    def status(self) -> KeyStatus:
        if self.retired is not None:
            return KeyStatus.RETIRED
        if self.activated is not None:
            return KeyStatus.ACTIVE
        return KeyStatus.PENDING

    @property
    def signature_algorithm(self) -> str:
        """Return the ``a=`` value of signatures made with this key."""
        return "rsa-sha256" if self.algorithm == "rsa" else "ed25519-sha256"

    @property
    def record_name(self) -> str:
        """Return the DNS name of this key's public record."""
        return f"{self.selector}._domainkey.{self.domain}"

    @property
    def private_key(self) -> rsa.RSAPrivateKey | ed25519.Ed25519PrivateKey:
        """Return the parsed private key."""
        return _parse_private(self.private_pem)

    @cached_property
    def public_key_base64(self) -> str:
        """Return the ``p=`` value: DER SubjectPublicKeyInfo for RSA, raw 32 bytes for Ed25519."""
        public = self.private_key.public_key()
        if isinstance(public, ed25519.Ed25519PublicKey):
            raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        else:
            raw = public.public_bytes(
                serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
            )
        return base64.b64encode(raw).decode("ascii")

    @property
    def public_record(self) -> str:
        """Return the TXT value to publish at ``record_name`` (RFC 6376 3.6.1, RFC 8463)."""
        return f"v=DKIM1; k={self.algorithm}; p={self.public_key_base64}"


@lru_cache(maxsize=64)
def _parse_private(pem: bytes) -> rsa.RSAPrivateKey | ed25519.Ed25519PrivateKey:
    # Cached by content: checking an RSA key takes milliseconds, and signing asks
    # for the key of every message.
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, rsa.RSAPrivateKey | ed25519.Ed25519PrivateKey):
        raise KeyStoreError("unsupported private key type")
    return key


def _new_private_pem(algorithm: str) -> bytes:
    if algorithm == "rsa":
        key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)
    elif algorithm == "ed25519":
        key = ed25519.Ed25519PrivateKey.generate()
    else:
        raise KeyStoreError(f"algorithm must be one of {', '.join(ALGORITHMS)}, not {algorithm!r}")
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _write_private(path: Path, data: bytes) -> None:
    # O_EXCL: never overwrite a key, even if two commands race for the same selector.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        os.fchmod(handle.fileno(), 0o600)
        handle.write(data)


def _stamp(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _unstamp(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class KeyStore:
    """The DKIM keys of every domain, kept as files under one directory."""

    #: Signing asks for the keys of every message; reading the files each time would
    #: cost more than the signature. Changes made through this store show at once;
    #: changes by another process (a command run by an operator) within this delay.
    #: A second of delay is harmless: a just-retired key still verifies.
    refresh_seconds: float = 1.0

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self._cache: dict[str, tuple[float, tuple[DkimKey, ...]]] = {}

    def generate(
        self,
        domain: str,
        selector: str,
        algorithm: str = "rsa",
        *,
        active: bool = True,
        now: datetime | None = None,
    ) -> DkimKey:
        """Make a key for ``domain`` under ``selector``; active at once unless ``active=False``.

        Rotation makes the new key with ``active=False``, publishes its record, and
        activates it only once DNS serves it.
        """
        domain = normalize_name(domain)
        selector = normalize_name(selector, "selector")
        if self.get(domain, selector) is not None:
            raise KeyStoreError(f"{domain} already has a key with selector {selector!r}")
        now = now or datetime.now(UTC)
        key = DkimKey(
            domain=domain,
            selector=selector,
            algorithm=algorithm,
            private_pem=_new_private_pem(algorithm),
            created=now,
            activated=now if active else None,
        )
        directory = self.root / domain
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.root.chmod(0o700)
        directory.chmod(0o700)
        try:
            _write_private(directory / f"{selector}.pem", key.private_pem)
        except FileExistsError:
            raise KeyStoreError(f"{domain} already has a key with selector {selector!r}") from None
        self._save(key)
        return key

    def domains(self) -> list[str]:
        """Return the domains that have keys."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and _NAME_RE.match(p.name))

    def keys(self, domain: str) -> tuple[DkimKey, ...]:
        """Return every key of ``domain``, oldest first."""
        domain = normalize_name(domain)
        cached = self._cache.get(domain)
        if cached is not None and time.monotonic() - cached[0] < self.refresh_seconds:
            return cached[1]
        directory = self.root / domain
        if not directory.is_dir():
            return ()
        keys = []
        for meta in directory.glob("*.json"):
            try:
                keys.append(self._load(directory, meta))
            except FileNotFoundError:
                continue  # removed by another process while we listed the directory
        result = tuple(sorted(keys, key=lambda k: (k.created, k.selector)))
        self._cache[domain] = (time.monotonic(), result)
        return result

    def active(self, domain: str) -> tuple[DkimKey, ...]:
        """Return the keys that sign mail from ``domain`` now."""
        return tuple(k for k in self.keys(domain) if k.status is KeyStatus.ACTIVE)

    def pending(self, domain: str) -> tuple[DkimKey, ...]:
        """Return the keys made for rotation but not yet signing."""
        return tuple(k for k in self.keys(domain) if k.status is KeyStatus.PENDING)

    def retired(self, domain: str) -> tuple[DkimKey, ...]:
        """Return the keys kept only so that old mail still verifies."""
        return tuple(k for k in self.keys(domain) if k.status is KeyStatus.RETIRED)

    def get(self, domain: str, selector: str) -> DkimKey | None:
        """Return the key of ``domain`` with ``selector``, in any state, or None."""
        try:
            domain = normalize_name(domain)
            selector = normalize_name(selector, "selector")
        except KeyStoreError:
            return None
        return next((k for k in self.keys(domain) if k.selector == selector), None)

    def activate(self, domain: str, selector: str, *, now: datetime | None = None) -> DkimKey:
        """Start signing with a pending key."""
        key = self._require(domain, selector)
        if key.status is not KeyStatus.PENDING:
            raise KeyStoreError(f"{key.record_name} is {key.status}, not pending")
        return self._save(replace(key, activated=now or datetime.now(UTC)))

    def retire(self, domain: str, selector: str, *, now: datetime | None = None) -> DkimKey:
        """Stop signing with a key but keep it, so that mail it signed still verifies."""
        key = self._require(domain, selector)
        if key.status is KeyStatus.RETIRED:
            return key
        return self._save(replace(key, retired=now or datetime.now(UTC)))

    def remove(self, domain: str, selector: str) -> None:
        """Delete a retired key for good; mail it signed will no longer verify here."""
        key = self._require(domain, selector)
        if key.status is not KeyStatus.RETIRED:
            raise KeyStoreError(f"retire {key.record_name} before removing it")
        directory = self.root / key.domain
        (directory / f"{key.selector}.json").unlink()
        (directory / f"{key.selector}.pem").unlink()
        self._cache.pop(key.domain, None)

    def _require(self, domain: str, selector: str) -> DkimKey:
        key = self.get(domain, selector)
        if key is None:
            raise KeyStoreError(f"no key {selector!r} for {domain!r}")
        return key

    def _save(self, key: DkimKey) -> DkimKey:
        directory = self.root / key.domain
        meta = {
            "algorithm": key.algorithm,
            "created": _stamp(key.created),
            "activated": _stamp(key.activated),
            "retired": _stamp(key.retired),
        }
        temporary = directory / f".{key.selector}.json.tmp"
        temporary.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        # Replace in one step: a reader never sees half a file.
        os.replace(temporary, directory / f"{key.selector}.json")
        self._cache.pop(key.domain, None)
        return key

    @staticmethod
    def _load(directory: Path, meta_path: Path) -> DkimKey:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        selector = meta_path.stem
        return DkimKey(
            domain=directory.name,
            selector=selector,
            algorithm=meta["algorithm"],
            private_pem=(directory / f"{selector}.pem").read_bytes(),
            created=_unstamp(meta["created"]) or datetime.min.replace(tzinfo=UTC),
            activated=_unstamp(meta.get("activated")),
            retired=_unstamp(meta.get("retired")),
        )
