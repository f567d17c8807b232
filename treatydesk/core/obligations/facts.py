"""Obligation facts: what a state submitted or declared, and what the States Parties decided.

Facts are recorded, never computed.  An extension is two events (the request, then the
decision answering it); the deadline it moves is never overwritten: the register shows the
original and each later one (extensions.py).  `ref` is the identity the storage layer gives a
fact (a database key), used to link a decision to its request and a problem to its row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .rules import ObligationKind


class Access(StrEnum):
    """Whether a received document may be published."""

    PUBLIC = "public"
    RESTRICTED = "restricted"


@dataclass(frozen=True, slots=True)
class ReportReceived:
    """A report or declaration received from a state (initial, annual, declaration).

    An annual report names the period it covers; its last day picks the year (and so the
    deadline) it answers.
    """

    state: str
    obligation: ObligationKind
    received_on: date
    period_start: date | None = None
    period_end: date | None = None
    access: Access = Access.PUBLIC
    document: str = ""
    source: str = ""
    ref: str = ""

    @property
    def day(self) -> date:
        return self.received_on

    @property
    def covers_year(self) -> int | None:
        return self.period_end.year if self.period_end is not None else None


@dataclass(frozen=True, slots=True)
class _Declaration:
    """What a state's declaration about one obligation has first: who, which, and when."""

    state: str
    obligation: ObligationKind
    declared_on: date

    @property
    def day(self) -> date:
        return self.declared_on


@dataclass(frozen=True, slots=True)
class NotApplicable(_Declaration):
    """The state declared the obligation does not apply to it (e.g. no stockpiles held).

    `instance` names which deadline when a kind has several: "" for the one counted from entry
    into force, else the ISO date active hostilities ended (CCM Art. 4(1)(b)).
    """

    reason: str = ""
    source: str = ""
    instance: str = ""
    ref: str = ""


@dataclass(frozen=True, slots=True)
class ObligationApplies(_Declaration):
    """The state declared, or a recorded fact shows, that an obligation applies to it: it holds
    stockpiles, it has contaminated areas.  Stockpile destruction and clearance apply only where
    such a fact (or an extension request, or a completion) is recorded; otherwise their status
    is "not known", never overdue.
    """

    source: str = ""
    document: str = ""
    instance: str = ""
    ref: str = ""


@dataclass(frozen=True, slots=True)
class CompletionDeclared(_Declaration):
    """The state declared the obligation fulfilled on `declared_on` (stockpiles destroyed, …)."""

    document: str = ""
    source: str = ""
    instance: str = ""
    ref: str = ""


@dataclass(frozen=True, slots=True)
class ExtensionRequest:
    """A state asked for more time: when, for how many months, in which document."""

    state: str
    obligation: ObligationKind
    requested_on: date
    period_months: int | None = None
    document: str = ""
    source: str = ""
    instance: str = ""
    ref: str = ""

    @property
    def day(self) -> date:
        return self.requested_on


@dataclass(frozen=True, slots=True)
class ExtensionDecision:
    """The States Parties' decision on a request: when, at which meeting, the new deadline.

    `request_ref` is the `ref` of the ExtensionRequest it answers; a decision without one is
    refused by validation and ignored by the register.
    """

    request_ref: str
    decided_on: date
    new_deadline: date
    meeting: str = ""
    document_symbol: str = ""
    source: str = ""
    ref: str = ""

    @property
    def day(self) -> date:
        return self.decided_on


@dataclass(frozen=True, slots=True)
class HostilitiesEnded:
    """An asserted fact: active hostilities on the state's territory ended on `ended_on`.

    Never inferred: someone records it with its source.  Under CCM Art. 4(1)(b) it starts a
    further clearance deadline.
    """

    state: str
    ended_on: date
    source: str
    description: str = ""
    ref: str = ""

    @property
    def day(self) -> date:
        return self.ended_on


ObligationFact = (
    ReportReceived
    | NotApplicable
    | ObligationApplies
    | CompletionDeclared
    | ExtensionRequest
    | ExtensionDecision
    | HostilitiesEnded
)
