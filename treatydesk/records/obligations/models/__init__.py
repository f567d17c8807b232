"""Stored obligation facts, contact points and reminders sent (re-exported from submodules)."""

from .contacts import ContactPoint, ReminderSent
from .facts import (
    Access,
    ApplicabilityDeclaration,
    CompletionDeclaration,
    ExtensionDecision,
    ExtensionRequest,
    HostilitiesEnded,
    NotApplicableDeclaration,
    ObligationKind,
    Report,
)
from .version import ObligationsVersion

FACT_MODELS = (
    Report,
    NotApplicableDeclaration,
    ApplicabilityDeclaration,
    CompletionDeclaration,
    ExtensionRequest,
    ExtensionDecision,
    HostilitiesEnded,
)

__all__ = [
    "FACT_MODELS",
    "Access",
    "ApplicabilityDeclaration",
    "CompletionDeclaration",
    "ContactPoint",
    "ExtensionDecision",
    "ExtensionRequest",
    "HostilitiesEnded",
    "NotApplicableDeclaration",
    "ObligationKind",
    "ObligationsVersion",
    "ReminderSent",
    "Report",
]
