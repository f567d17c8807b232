"""Value objects the register returns: statuses, computed dates, participant records, counts;
and a record as it stood on an earlier day (``as_it_stood``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from .facts import Fact, FactKind


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


# The flags a record may carry: what needs a second look (worded for readers in the apps).
FLAG_DEPOSIT_DATE_UNKNOWN = "deposit date unknown"
FLAG_DEPOSIT_ORDER_UNKNOWN = "deposit order unknown"
FLAG_SECOND_INSTRUMENT = "more than one consent instrument recorded"
FLAG_WITHDRAWAL_DATE_UNKNOWN = "withdrawal notification date unknown"
FLAG_WITHDRAWAL_HELD = "withdrawal held (armed conflict)"
FLAG_KIND_UNKNOWN = "instrument kind not recorded"

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


# Flags about the consent instrument, dropped with it when it came after the day asked about.
_INSTRUMENT_FLAGS = frozenset({
    FLAG_DEPOSIT_DATE_UNKNOWN, FLAG_DEPOSIT_ORDER_UNKNOWN, FLAG_SECOND_INSTRUMENT,
    FLAG_KIND_UNKNOWN,
})


def _after(act: Fact | ComputedDate | None, day: date) -> bool:
    return act is not None and act.date is not None and act.date > day


def as_it_stood(record: ParticipantRecord, day: date) -> ParticipantRecord:
    """Return `record` without the acts that came after `day` (the record itself if none)."""
    changes = {}
    if _after(record.instrument, day):
        changes.update(
            instrument=None, ordinal=None, ordinal_tied_with=(), ordinal_tied_with_names=(),
            entry_into_force=None, provisional_application=None,
            flags=tuple(f for f in record.flags if f not in _INSTRUMENT_FLAGS),
        )
    if _after(record.withdrawal_notified, day) or (
        record.withdrawal_notified is None and _after(record.withdrawal_effective, day)
    ):
        changes.update(withdrawal_notified=None, withdrawal_effective=None, withdrawal_held=None)
    return record._replace(**changes) if changes else record


def record_flags(instrument, consents, tied, notified, effective_fact, held) -> tuple[str, ...]:
    """Return the flags of a state whose record needs a second look."""
    flags = []
    if instrument is not None and instrument.date is None:
        flags.append(FLAG_DEPOSIT_DATE_UNKNOWN)
    if instrument is not None and instrument.kind is FactKind.CONSENT:
        flags.append(FLAG_KIND_UNKNOWN)
    if consents > 1:
        flags.append(FLAG_SECOND_INSTRUMENT)
    if tied:
        flags.append(FLAG_DEPOSIT_ORDER_UNKNOWN)
    if notified is not None and notified.date is None:
        flags.append(FLAG_WITHDRAWAL_DATE_UNKNOWN)
    if held is not None and effective_fact is None:
        flags.append(FLAG_WITHDRAWAL_HELD)
    return tuple(flags)
