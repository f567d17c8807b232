"""Build the core ``Register`` from stored facts, cached until the treaty's register changes."""

from __future__ import annotations

import secrets
import threading

from treatydesk.core import register as core

from .models import Fact, RegisterVersion

_cache: dict[str, tuple[int, core.Register]] = {}
_lock = threading.Lock()


def to_core(row: Fact) -> core.Fact:
    """Return the core fact for a stored row."""
    return core.Fact(
        state=row.state,
        kind=core.FactKind(row.kind),
        date=row.date,
        cn_reference=row.cn_reference,
        source=row.source,
        note=row.note,
        sequence=row.sequence,
        state_name=row.state_name,
    )


def stored_facts(treaty: str) -> list[core.Fact]:
    """Return every stored fact of ``treaty`` as core facts."""
    rows = Fact.objects.filter(treaty=treaty).order_by("pk")
    return [to_core(row) for row in rows]


def register_version(treaty: str) -> int:
    """Return the current version token of ``treaty``'s register (0 when never changed)."""
    row = RegisterVersion.objects.filter(treaty=treaty).values_list("version", flat=True).first()
    return row or 0


def bump_version(treaty: str) -> None:
    """Mark ``treaty``'s register as changed; call inside the changing transaction.

    The new version is random rather than incremented, so a database restored from a backup
    or rolled back can never present an old number that a process has cached other facts under.
    """
    RegisterVersion.objects.update_or_create(
        treaty=treaty, defaults={"version": secrets.randbits(62)}
    )


def current_register(treaty: str) -> core.Register:
    """Return the computed register of ``treaty``, rebuilt only when its facts changed.

    One indexed query per call checks the version; the facts are read and the register is
    recomputed only after a change, so public pages stay fast with the full register.
    """
    treaty = treaty.upper()
    version = register_version(treaty)
    cached = _cache.get(treaty)
    if cached and cached[0] == version:
        return cached[1]
    with _lock:
        built = core.Register(core.load_treaty(treaty), stored_facts(treaty))
        _cache[treaty] = (version, built)
    return built


def clear_cache() -> None:
    """Forget every cached register (tests that swap databases use this)."""
    _cache.clear()
