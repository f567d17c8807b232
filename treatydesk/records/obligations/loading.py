"""Stored obligation facts as core facts, and the computed deadlines, cached per version.

The cache is keyed on the treaty's register version and obligations version (both random
tokens renewed on every change) and on the policy, so a change anywhere recomputes.
"""

from __future__ import annotations

from treatydesk.core import obligations as core
from treatydesk.records.facts.loading import current_register, register_version
from treatydesk.records.versioned import VersionedCache, read_token, renew_token

from . import conf
from .models import (
    ApplicabilityDeclaration,
    CompletionDeclaration,
    ExtensionDecision,
    ExtensionRequest,
    HostilitiesEnded,
    NotApplicableDeclaration,
    ObligationsVersion,
    Report,
)

STATE_MODELS = (Report, NotApplicableDeclaration, ApplicabilityDeclaration,
                CompletionDeclaration, ExtensionRequest, HostilitiesEnded)


def ref(row) -> str:
    """Return the identity of a stored fact in the core (model and primary key)."""
    return f"{row._meta.model_name}:{row.pk if row.pk else 'new'}"


def _instance(row) -> str:
    day = getattr(row, "after_hostilities_ended_on", None)
    return day.isoformat() if day else ""


def to_core(row):
    """Return the core fact for a stored row (of any obligation fact model)."""
    if isinstance(row, Report):
        return core.ReportReceived(
            row.state, core.ObligationKind(row.obligation), row.received_on, row.period_start,
            row.period_end, core.Access(row.access), row.document_symbol, row.source, ref(row),
        )
    if isinstance(row, NotApplicableDeclaration):
        return core.NotApplicable(row.state, core.ObligationKind(row.obligation),
                                  row.declared_on, row.reason, row.source, _instance(row),
                                  ref(row))
    if isinstance(row, ApplicabilityDeclaration):
        return core.ObligationApplies(row.state, core.ObligationKind(row.obligation),
                                      row.declared_on, row.source, row.document_symbol,
                                      _instance(row), ref(row))
    if isinstance(row, CompletionDeclaration):
        return core.CompletionDeclared(row.state, core.ObligationKind(row.obligation),
                                       row.declared_on, row.document_symbol, row.source,
                                       _instance(row), ref(row))
    if isinstance(row, ExtensionRequest):
        return core.ExtensionRequest(row.state, core.ObligationKind(row.obligation),
                                     row.requested_on, row.period_months, row.document_symbol,
                                     row.source, _instance(row), ref(row))
    if isinstance(row, ExtensionDecision):
        request_ref = f"extensionrequest:{row.request_id}" if row.request_id else ""
        return core.ExtensionDecision(request_ref, row.decided_on, row.new_deadline, row.meeting,
                                      row.document_symbol, row.source, ref(row))
    return core.HostilitiesEnded(row.state, row.ended_on, row.source, row.description, ref(row))


def stored_rows(treaty: str) -> list:
    """Return every stored obligation fact of ``treaty``, model by model, in key order."""
    rows: list = []
    for model in STATE_MODELS:
        rows.extend(model.objects.filter(treaty=treaty).order_by("pk"))
    rows.extend(ExtensionDecision.objects.filter(request__treaty=treaty)
                .select_related("request").order_by("pk"))
    return rows


def stored_facts(treaty: str) -> list:
    """Return every stored obligation fact of ``treaty`` as core facts."""
    return [to_core(row) for row in stored_rows(treaty)]


def obligations_version(treaty: str) -> int:
    """Return the current version token of ``treaty``'s obligation facts."""
    return read_token(ObligationsVersion, treaty)


def bump_version(treaty: str) -> None:
    """Mark ``treaty``'s obligation facts as changed (random, as the register's version is)."""
    if treaty:
        renew_token(ObligationsVersion, treaty)


def _version(treaty: str) -> tuple:
    return (register_version(treaty), obligations_version(treaty), conf.policy())


def _build(treaty: str) -> core.ObligationRegister:
    return core.ObligationRegister(current_register(treaty), stored_facts(treaty),
                                   policy=conf.policy())


_registers: VersionedCache[core.ObligationRegister] = VersionedCache(_version, _build)


def current_obligations(treaty: str) -> core.ObligationRegister:
    """Return the deadlines register of ``treaty``, rebuilt only after a change."""
    return _registers.get(treaty.upper())


def clear_cache() -> None:
    """Forget every cached deadlines register (tests that swap databases use this)."""
    _registers.clear()
