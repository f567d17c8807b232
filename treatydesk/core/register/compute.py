"""The register: statuses, ordinals and entry-into-force dates computed from facts.

Everything that does not depend on the as-of date is computed once per state when the
Register is built; a query on a date only picks each state's stage on that day.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date
from functools import cached_property
from typing import NamedTuple

from .. import clock
from .dates import format_date_en, ordinal_en
from .definitions import TreatyDefinition
from .facts import CONSENT_KINDS, Fact, FactKind
from .ordinals import Rank, rank_deposits
from .records import (
    ComputedDate,
    Counts,
    ParticipantRecord,
    Status,
    TimelineEvent,
    as_it_stood,
    record_flags,
)
from .rules import StateEntryIntoForce, treaty_entry_into_force
from .timeline import state_timeline
from .withdrawal import withdrawal_effective

__all__ = ["ComputedDate", "Counts", "ParticipantRecord", "Register", "Status", "TimelineEvent"]

# Stages are stored as flat tuples of (status number, date) pairs, furthest stage first:
# dates and small ints only, so the garbage collector stops scanning them after one pass.
STATUSES = tuple(Status)
_SIGNATORY, _DEPOSITED, _PARTY, _PENDING, _HELD, _WITHDRAWN = range(6)
_EARLIEST = date.min

# Where _classify() files each kind of fact: the earliest fact of each slot is kept.
_SIGNATURE, _INSTRUMENT, _PROVISIONAL, _NOTIFIED, _EFFECTIVE, _HELD_FACT = range(6)
_NO_INTENTION = 8  # after the count of consents (6) and the first state name (7)
_SLOT = {kind: _INSTRUMENT for kind in CONSENT_KINDS} | {
    FactKind.SIGNATURE: _SIGNATURE,
    FactKind.PROVISIONAL_APPLICATION: _PROVISIONAL,
    FactKind.WITHDRAWAL_NOTIFIED: _NOTIFIED,
    FactKind.WITHDRAWAL_EFFECTIVE: _EFFECTIVE,
    FactKind.WITHDRAWAL_HELD: _HELD_FACT,
    FactKind.NO_INTENTION: _NO_INTENTION,
}


class KeyDates(NamedTuple):
    """A state's dates as numbers only: see Register.key_dates()."""

    name: str
    deposited: date | None
    entry_into_force: date | None
    withdrawal_effective: date | None
    withdrawal_notified: date | None


class Register:
    """The participation register of one treaty, computed from its facts."""

    def __init__(
        self, treaty: TreatyDefinition, facts: Iterable[Fact], *, today: date | None = None
    ):
        self.treaty = treaty
        self.facts: tuple[Fact, ...] = tuple(facts)
        self.today = today or clock.today()
        self._warnings: list[str] = []
        classified = _classify(self.facts)
        self.names = {state: first[7] or state for state, first in classified.items()}
        self._dated = [
            instrument
            for first in classified.values()
            if (instrument := first[_INSTRUMENT]) is not None and instrument.date is not None
        ]
        self.treaty_entry_into_force, threshold_deposit, eif_warnings = treaty_entry_into_force(
            treaty, sorted(fact.date for fact in self._dated)
        )
        self.threshold_deposit: date | None = threshold_deposit
        self._warnings.extend(eif_warnings)
        self._entry_into_force = StateEntryIntoForce(
            treaty, self.treaty_entry_into_force, threshold_deposit
        )
        self._classified = classified
        self._withdrawals: dict[str, ComputedDate | None] = {}
        self._stages: dict[str, tuple] = {
            state: self._stages_of(state, first) for state, first in classified.items()
        }
        # Ordinals, the order by name and records are built on first request and then shared;
        # statuses need only the stages.
        self._records: dict[str, ParticipantRecord] = {}
        self._variants: dict[tuple[str, int], ParticipantRecord] = {}
        self._tallies: dict[date, list[int]] = {}  # counts() per stretch (last_change day)

    # -- computed on first use -------------------------------------------------------------

    @cached_property
    def ranks(self) -> dict[str, Rank]:
        """Return each depositing state's place: ISO3 → Rank(ordinal, tied_with)."""
        ranks, self._unbroken_ties = rank_deposits(self._dated)
        return ranks

    @property
    def warnings(self) -> list[str]:
        """Return what the keeper should check: entry into force, unbroken ties, stray facts."""
        return self._warnings + self._tie_warnings

    @cached_property
    def _tie_warnings(self) -> list[str]:
        ranks = self.ranks
        return [self._tie_warning(group, ranks) for group in self._unbroken_ties]

    @cached_property
    def _order(self) -> list[str]:
        return sorted(self._stages, key=lambda state: (self.names[state].casefold(), state))

    # -- queries ---------------------------------------------------------------------------

    def participants(self, as_of: date | None = None) -> list[ParticipantRecord]:
        """Return one record per state with a fact on or before `as_of`, sorted by name.

        Each record is the state's as it stood on `as_of`: acts recorded after that day (a
        later instrument, a later withdrawal notice) are not on it. Dates computed from acts
        already done (an entry into force still to come) are.
        """
        as_of = as_of or self.today
        records, stages = [], self._stages
        for state in self._order:
            stage = _stage_on(stages[state], as_of)
            if stage is not None:
                records.append(as_it_stood(self._record(state, stage), as_of))
        return records

    def participant(self, iso3: str, as_of: date | None = None) -> ParticipantRecord | None:
        """Return the record of one state on `as_of`, or None if it had no fact by then."""
        state = iso3.upper()
        as_of = as_of or self.today
        stages = self._stages.get(state)
        stage = None if stages is None else _stage_on(stages, as_of)
        return None if stage is None else as_it_stood(self._record(state, stage), as_of)

    def status(self, iso3: str, as_of: date | None = None) -> Status | None:
        """Return the status of one state on `as_of`, or None if it had no fact by then."""
        record = self.participant(iso3, as_of)
        return None if record is None else record.status

    def statuses(self, as_of: date | None = None) -> dict[str, Status]:
        """Return ISO3 → status on `as_of` of every state with a fact by then, sorted by name.

        The same statuses as ``status()`` gives state by state, from the stages alone: no
        record is built, so a day no one asked for yet costs one pass over the states.
        """
        as_of = as_of or self.today
        found, stages = {}, self._stages
        for state in self._order:
            stage = _stage_on(stages[state], as_of)
            if stage is not None:
                found[state] = STATUSES[stage]
        return found

    def last_change(self, as_of: date | None = None) -> date:
        """Return the last day on or before `as_of` on which the register changed.

        ``participants()``, ``statuses()`` and ``counts()`` (but for its day) answer the same
        on `as_of` as on that day: what they give on a day depends only on which of the
        states' dates (stages, deposits, withdrawal notices and effects) came by then. So a
        page on any day can reuse what was built for the day its stretch began. Before
        anything happened it is ``date.min``.
        """
        as_of = as_of or self.today
        days = self._change_days
        i = bisect_right(days, as_of)
        return days[i - 1] if i else date.min

    @cached_property
    def _change_days(self) -> tuple[date, ...]:
        """The days of every state's stages, sorted. ``as_it_stood`` compares the day asked
        about with a deposit and a withdrawal's notice and effect, each a stage's day too."""
        return tuple(sorted({day for stages in self._stages.values() for day in stages[1::2]}))

    def counts(self, as_of: date | None = None) -> Counts:
        """Return how many states stand in each status on `as_of` (tallied once a stretch)."""
        as_of = as_of or self.today
        begun = self.last_change(as_of)
        tally = self._tallies.get(begun)
        if tally is None:
            tally = [0] * len(STATUSES)
            for stages in self._stages.values():
                stage = _stage_on(stages, begun)
                if stage is not None:
                    tally[stage] += 1
            self._tallies[begun] = tally
        return Counts(
            as_of,
            *(tally[_PARTY], tally[_SIGNATORY], tally[_DEPOSITED]),
            *(tally[_PENDING], tally[_HELD], tally[_WITHDRAWN]),
        )

    def timeline(self, iso3: str) -> list[TimelineEvent]:
        """Return a state's recorded and computed events, in date order (undated last)."""
        state = iso3.upper()
        if state not in self._stages:
            return []
        record = self._records.get(state) or self._make_record(state)
        facts = [fact for fact in self.facts if fact.state == state]
        return state_timeline(facts, record.entry_into_force, record.withdrawal_effective)

    def key_dates(self, iso3: str) -> KeyDates | None:
        """Return a state's deposit, entry-into-force and withdrawal dates, without the words.

        The same dates as ``participant(iso3, date.max)`` gives, for callers (the obligations
        engine) that need only the dates of every state and not their explanations.
        """
        state = iso3.upper()
        first = self._classified.get(state)
        if first is None or state not in self._stages or not self._stages[state]:
            return None
        instrument, notified = first[_INSTRUMENT], first[3]
        eif = None
        if instrument is not None and instrument.date is not None:
            eif = self._entry_into_force.date_of(instrument)
        withdrawal = self._withdrawals.get(state)
        return KeyDates(
            self.names[state],
            instrument.date if instrument is not None else None,
            eif,
            withdrawal.date if withdrawal is not None else None,
            notified.date if notified is not None else None,
        )

    @property
    def states(self) -> list[str]:
        """Return the ISO3 codes of every state with a fact, sorted by state name."""
        return list(self._order)

    # -- building --------------------------------------------------------------------------

    def _record(self, state: str, stage: int) -> ParticipantRecord:
        """Return the state's record with the status of `stage` (records are shared)."""
        record = self._records.get(state)
        if record is None:
            record = self._records[state] = self._make_record(state)
        status = STATUSES[stage]
        if record.status is status:
            return record
        variant = self._variants.get((state, stage))
        if variant is None:
            variant = self._variants[state, stage] = record._replace(status=status)
        return variant

    def _stages_of(self, state: str, first: list) -> tuple:
        """Return (stage, date, stage, date …), furthest stage first, for _stage_on()."""
        signature, instrument, _, notified, effective_fact, held, _, _, _ = first
        signed = None if signature is None else signature.date or _EARLIEST
        party_from = None
        if instrument is not None:
            if instrument.date is None:
                party_from = self.treaty_entry_into_force.date
            else:
                party_from = self._entry_into_force.date_of(instrument)
            if notified is None and effective_fact is None and held is None:
                # The common case, without a withdrawal: built directly.
                deposited = instrument.date or _EARLIEST
                stages = () if signed is None else (_SIGNATORY, signed)
                stages = (_DEPOSITED, deposited) + stages
                return stages if party_from is None else (_PARTY, party_from) + stages
        elif notified is None and effective_fact is None and held is None and signed is not None:
            return (_SIGNATORY, signed)
        stages: list = []  # date, stage, date, stage … in life-cycle order; reversed below
        if signed is not None:
            stages += (signed, _SIGNATORY)
        if instrument is not None:
            stages += (instrument.date or _EARLIEST, _DEPOSITED)
            if party_from is not None:
                stages += (party_from, _PARTY)
        self._withdrawals[state] = self._withdrawal(stages, notified, effective_fact, held)
        if not stages:
            self._warnings.append(
                f"{self.names[state]}: facts recorded but neither a signature nor an instrument; "
                "the state is left out of the list of participants."
            )
        stages.reverse()
        return tuple(stages)

    def _make_record(self, state: str) -> ParticipantRecord:
        signature, instrument, provisional, notified, effective_fact, held, consents, _, no = (
            self._classified[state]
        )
        rank = self.ranks.get(state)
        ordinal, tied = rank if rank is not None else (None, ())
        eif = None if instrument is None else self._entry_into_force(instrument)
        flags: tuple[str, ...] = ()
        if (
            consents > 1
            or tied
            or notified is not None
            or held is not None
            or (instrument is not None and (
                instrument.date is None or instrument.kind is FactKind.CONSENT))
        ):
            flags = record_flags(instrument, consents, tied, notified, effective_fact, held)
        stages = self._stages[state]
        return ParticipantRecord(
            state,
            self.names[state],
            signature,
            instrument,
            ordinal,
            tied,
            eif,
            STATUSES[stages[0] if stages else _SIGNATORY],
            notified,
            self._withdrawals.get(state),
            flags,
            provisional,
            held,
            tuple([self.names[other] for other in tied]) if tied else (),
            no,
        )

    def _withdrawal(self, stages: list, notified, effective_fact, held) -> ComputedDate | None:
        """Add the withdrawal stages; return when the withdrawal takes effect."""
        withdrawal = withdrawal_effective(self.treaty, notified, effective_fact, held)
        if notified is not None and notified.date is not None:
            stages.append(notified.date)
            stages.append(_PENDING)
        if held is not None:
            held_from = _held_from(self.treaty, notified, held)
            if held_from is not None:
                stages.append(held_from)
                stages.append(_HELD)
        if withdrawal is not None and withdrawal.date is not None:
            stages.append(withdrawal.date)
            stages.append(_WITHDRAWN)
        return withdrawal

    def _tie_warning(self, group: list[Fact], ranks: dict[str, Rank]) -> str:
        names = sorted(self.names[fact.state] for fact in group)
        place = ordinal_en(ranks[group[0].state].ordinal)
        return (
            f"{_join(names)} deposited instruments on the same day "
            f"({format_date_en(group[0].date)}); the order of deposit is not recorded, so each "
            f"is shown as the {place} State. Record the order of deposit (sequence or C.N. "
            "reference) to separate them."
        )


def _stage_on(stages: tuple, as_of: date) -> int | None:
    """Return the furthest stage reached on `as_of` (stages are furthest first), or None."""
    for i in range(1, len(stages), 2):
        if stages[i] <= as_of:
            return stages[i - 1]
    return None


def _classify(facts: tuple[Fact, ...]) -> dict[str, list]:
    """Return, per state, the earliest fact of each slot (dated before undated), then the
    number of consent instruments, then the first state name given — in one pass."""
    classified: dict[str, list] = {}
    for fact in facts:
        first = classified.get(fact.state)
        if first is None:
            first = classified[fact.state] = [None, None, None, None, None, None, 0, "", None]
        slot = _SLOT[fact.kind]
        if slot == _INSTRUMENT:
            first[6] += 1
        best = first[slot]
        if best is None or (fact.date is not None and (best.date is None or fact.date < best.date)):
            first[slot] = fact
        if not first[7]:
            first[7] = fact.state_name
    return classified


def _held_from(treaty: TreatyDefinition, notified: Fact | None, held: Fact) -> date | None:
    """Return the day a held withdrawal is shown as held: when it would otherwise take effect."""
    if notified is not None and notified.date is not None:
        return treaty.withdrawal.rule.apply(notified.date)
    return held.date


def _join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
