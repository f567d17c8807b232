"""Value objects the register returns: statuses, computed dates, participant records, counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from .facts import Fact


class Status(StrEnum):
    """Where a state stands under a treaty on a given day, in life-cycle order."""

    SIGNATORY = "signatory"
    DEPOSITED = "deposited"
    PARTY = "party"
    WITHDRAWAL_PENDING = "withdrawal_pending"
    WITHDRAWAL_HELD = "withdrawal_held"
    WITHDRAWN = "withdrawn"

    @property
    def is_bound(self) -> bool:
        """Return True while the treaty binds the state (pending or held withdrawal too)."""
        return self in (Status.PARTY, Status.WITHDRAWAL_PENDING, Status.WITHDRAWAL_HELD)


#: Life-cycle rank: a state's status on a day is the highest-ranked stage it has reached.
STATUS_RANK = {status: rank for rank, status in enumerate(Status)}


class ComputedDate(NamedTuple):
    """A date the register derived, with the rule, the article and the arithmetic in words.

    `date` is None when the rule cannot be applied (deposit date unknown, treaty not yet in
    force, withdrawal held); `basis` then says why.  An immutable NamedTuple: a register
    creates one per state, and a tuple is built several times faster than a frozen dataclass.
    """

    date: date | None
    rule: str
    article: str
    basis: str
    #: What the explanation is, for wording it in another language (docs/register-api.md):
    #: "later-states", "treaty", "succession-recorded", "succession-unrecorded",
    #: "deposit-unknown", "not-in-force", "withdrawal-recorded", "withdrawal-computed", … .
    key: str = ""
    #: The day the rule counts from (deposit, notification, entry into force), if any.
    start: date | None = None


class ParticipantRecord(NamedTuple):
    """One state's position under a treaty; `status` is for the as-of date it was asked for.

    An immutable NamedTuple (use `._replace()` and `._asdict()`), for the speed reason given
    on ComputedDate; records are shared between queries.
    """

    state: str
    state_name: str
    signature: Fact | None
    instrument: Fact | None
    ordinal: int | None
    ordinal_tied_with: tuple[str, ...]
    entry_into_force: ComputedDate | None
    status: Status
    withdrawal_notified: Fact | None
    withdrawal_effective: ComputedDate | None
    flags: tuple[str, ...]
    provisional_application: Fact | None = None
    withdrawal_held: Fact | None = None
    ordinal_tied_with_names: tuple[str, ...] = ()
    #: A signatory's notification that it does not intend to become a party.
    no_intention: Fact | None = None


@dataclass(frozen=True, slots=True)
class Counts:
    """How many states stand in each status on `as_of`; the six figures sum to `total`."""

    as_of: date
    parties: int = 0
    signatories: int = 0
    deposited: int = 0
    withdrawal_pending: int = 0
    withdrawal_held: int = 0
    withdrawn: int = 0

    @property
    def total(self) -> int:
        return (
            self.parties
            + self.signatories
            + self.deposited
            + self.withdrawal_pending
            + self.withdrawal_held
            + self.withdrawn
        )

    @property
    def bound(self) -> int:
        """Return the number of States Parties in law (party, or withdrawal not yet effective)."""
        return self.parties + self.withdrawal_pending + self.withdrawal_held


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One dated step in a state's history under a treaty, recorded (`fact`) or computed."""

    date: date | None
    kind: str
    description: str
    article: str = ""
    fact: Fact | None = None
    computed: ComputedDate | None = None
