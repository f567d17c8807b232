"""Build the core ``Register`` from stored facts, cached until the treaty's register changes.

Only published facts are read (``Fact.objects``): a draft is in no register a reader sees.
``register_for`` gives the register a draft would make, for the notices drafted from it.
"""

from __future__ import annotations

from treatydesk.core import register as core
from treatydesk.records.versioned import VersionedCache, read_token, renew_token

from .models import Fact, RegisterVersion


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
        public_note=row.public_note,
        effective_date=row.effective_date,
    )


def stored_facts(treaty: str) -> list[core.Fact]:
    """Return every published fact of ``treaty`` as core facts."""
    rows = Fact.objects.filter(treaty=treaty).order_by("pk")
    return [to_core(row) for row in rows]


def register_version(treaty: str) -> int:
    """Return the current version token of ``treaty``'s register (0 when never changed)."""
    return read_token(RegisterVersion, treaty)


def register_versions() -> dict[str, tuple]:
    """Return every treaty's (version token, time it was renewed) in one query."""
    rows = RegisterVersion.objects.values_list("treaty", "version", "changed_at")
    return {treaty: (version, changed_at) for treaty, version, changed_at in rows}


def bump_version(treaty: str) -> None:
    """Mark ``treaty``'s register as changed; call inside the changing transaction."""
    renew_token(RegisterVersion, treaty)


def _build(treaty: str) -> core.Register:
    return core.Register(core.load_treaty(treaty), stored_facts(treaty))


_registers: VersionedCache[core.Register] = VersionedCache(register_version, _build)


def current_register(treaty: str) -> core.Register:
    """Return the computed register of ``treaty``, rebuilt only when its facts changed.

    One indexed query per call checks the version; the facts are read and the register is
    recomputed only after a change, so public pages stay fast with the full register.
    """
    return _registers.get(treaty.upper())


def register_for(fact: Fact) -> core.Register:
    """Return the register ``fact`` belongs to: the current one, or for a draft the register as
    it would be once the draft is published (computed each time, never cached)."""
    if not fact.is_draft:
        return current_register(fact.treaty)
    facts = [to_core(row) for row in Fact.objects.filter(treaty=fact.treaty).order_by("pk")]
    return core.Register(core.load_treaty(fact.treaty), [*facts, to_core(fact)])


def clear_cache() -> None:
    """Forget every cached register (tests that swap databases use this)."""
    _registers.clear()
