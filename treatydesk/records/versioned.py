"""Computed values cached per treaty until the treaty's version token changes.

The register and the obligations are recomputed from their rows only after a change: each
keeps a version token per treaty (a row of a ``RegisterVersion``-like model), renewed inside
every changing transaction, and a process checks the token (one indexed query) before using
what it computed. Tokens are random rather than counted, so a database restored from a backup
or rolled back can never present a token that a process has cached other facts under.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


def read_token(model, treaty: str) -> int:
    """Return ``treaty``'s current token in ``model`` (0 when it never changed)."""
    token = model.objects.filter(treaty=treaty).values_list("version", flat=True).first()
    return token or 0


def renew_token(model, treaty: str) -> None:
    """Give ``treaty`` a new random token in ``model``; call inside the changing transaction."""
    model.objects.update_or_create(treaty=treaty, defaults={"version": secrets.randbits(62)})


class VersionedCache(Generic[T]):
    """A value per treaty, rebuilt by ``build(treaty)`` only when ``version(treaty)`` changes.

    ``version`` returns anything hashable (a token, or a tuple of tokens and settings); the
    cache is per process and thread-safe.
    """

    def __init__(self, version: Callable[[str], Hashable], build: Callable[[str], T]):
        self.version = version
        self.build = build
        self._entries: dict[str, tuple[Hashable, T]] = {}
        self._lock = threading.Lock()

    def get(self, treaty: str) -> T:
        """Return the value for ``treaty``, rebuilding it if its version changed."""
        version = self.version(treaty)
        cached = self._entries.get(treaty)
        if cached and cached[0] == version:
            return cached[1]
        with self._lock:
            built = self.build(treaty)
            self._entries[treaty] = (version, built)
        return built

    def clear(self) -> None:
        """Forget every value (tests that swap databases, restores)."""
        self._entries.clear()
