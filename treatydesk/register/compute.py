"""The register: statuses, ordinals and entry-into-force dates computed from facts.

Everything that does not depend on the as-of date is computed once per state when the
Register is built; a query on a date only picks each state's stage on that day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from .dates import format_date_en, ordinal_suffix_en
from .definitions import TreatyDefinition
from .facts import CONSENT_KINDS, Fact, FactKind
from .ordinals import rank_deposits
from .records import (
    STATUS_RANK,
    ComputedDate,
    Counts,
    ParticipantRecord,
    Status,
    TimelineEvent,
)
from .rules import state_entry_into_force, treaty_entry_into_force
from .withdrawal import withdrawal_effective

__all__ = [
    "ComputedDate",
    "Counts",
    "ParticipantRecord",
    "Register",
    "Status",
    "TimelineEvent",
]

FLAG_DEPOSIT_DATE_UNKNOWN = "deposit date unknown"
FLAG_DEPOSIT_ORDER_UNKNOWN = "deposit order unknown"
FLAG_SECOND_INSTRUMENT = "more than one consent instrument recorded"
FLAG_WITHDRAWAL_DATE_UNKNOWN = "withdrawal notification date unknown"
FLAG_WITHDRAWAL_HELD = "withdrawal held (armed conflict)"


class _State:
    """What the register knows about one state, computed once."""

    __slots__ = ("base", "by_status", "first_seen", "stages", "events")

    def __init__(self, base: ParticipantRecord, stages: list[tuple[date, Status]]):
        self.base = base
        self.by_status: dict[Status, ParticipantRecord] = {base.status: base}
        # Highest stage first, so status_on() returns the furthest stage reached.
        self.stages = sorted(stages, key=lambda stage: STATUS_RANK[stage[1]], reverse=True)
        self.first_seen = min((day for day, _ in stages), default=None)

    def status_on(self, as_of: date) -> Status | None:
        for day, status in self.stages:
            if day <= as_of:
                return status
        return None

    def record(self, status: Status) -> ParticipantRecord:
        record = self.by_status.get(status)
        if record is None:
            record = self.by_status[status] = replace(self.base, status=status)
        return record


class Register:
    """The participation register of one treaty, computed from its facts."""

    def __init__(
        self, treaty: TreatyDefinition, facts: Iterable[Fact], *, today: date | None = None
    ):
        self.treaty = treaty
        self.facts: tuple[Fact, ...] = tuple(facts)
        self.today = today or date.today()
        self.warnings: list[str] = []
        by_state: dict[str, list[Fact]] = {}
        for fact in self.facts:
            by_state.setdefault(fact.state, []).append(fact)
        instruments = {state: _first(facts, CONSENT_KINDS) for state, facts in by_state.items()}
        dated = [fact for fact in instruments.values() if fact is not None and fact.date]
        self.ranks, unbroken = rank_deposits(dated)
        self.names = {state: _name(state, facts) for state, facts in by_state.items()}
        self.treaty_entry_into_force, threshold_deposit, eif_warnings = treaty_entry_into_force(
            treaty, sorted(fact.date for fact in dated)
        )
        self.threshold_deposit: date | None = threshold_deposit
        self.warnings.extend(eif_warnings)
        for group in unbroken:
            self.warnings.append(self._tie_warning(group))
        self._states = {
            state: self._summarise(state, facts, instruments[state])
            for state, facts in by_state.items()
        }
        self._order = sorted(self._states, key=lambda state: (self.names[state].casefold(), state))

    # -- queries ---------------------------------------------------------------------------

    def participants(self, as_of: date | None = None) -> list[ParticipantRecord]:
        """Return one record per state with a fact on or before `as_of`, sorted by name."""
        as_of = as_of or self.today
        records = []
        for state in self._order:
            summary = self._states[state]
            status = summary.status_on(as_of)
            if status is not None:
                records.append(summary.record(status))
        return records

    def participant(self, iso3: str, as_of: date | None = None) -> ParticipantRecord | None:
        """Return the record of one state on `as_of`, or None if it had no fact by then."""
        summary = self._states.get(iso3.upper())
        if summary is None:
            return None
        status = summary.status_on(as_of or self.today)
        return None if status is None else summary.record(status)

    def status(self, iso3: str, as_of: date | None = None) -> Status | None:
        """Return the status of one state on `as_of`, or None if it had no fact by then."""
        record = self.participant(iso3, as_of)
        return None if record is None else record.status

    def counts(self, as_of: date | None = None) -> Counts:
        """Return how many states stand in each status on `as_of`."""
        as_of = as_of or self.today
        tally = dict.fromkeys(Status, 0)
        for summary in self._states.values():
            status = summary.status_on(as_of)
            if status is not None:
                tally[status] += 1
        return Counts(
            as_of=as_of,
            parties=tally[Status.PARTY],
            signatories=tally[Status.SIGNATORY],
            deposited=tally[Status.DEPOSITED],
            withdrawal_pending=tally[Status.WITHDRAWAL_PENDING],
            withdrawal_held=tally[Status.WITHDRAWAL_HELD],
            withdrawn=tally[Status.WITHDRAWN],
        )

    def timeline(self, iso3: str) -> list[TimelineEvent]:
        """Return a state's recorded and computed events, in date order (undated last)."""
        summary = self._states.get(iso3.upper())
        if summary is None:
            return []
        return sorted(
            summary.events, key=lambda event: (event.date is None, event.date or date.min)
        )

    @property
    def states(self) -> list[str]:
        """Return the ISO3 codes of every state with a fact, sorted by state name."""
        return list(self._order)

    # -- building --------------------------------------------------------------------------

    def _summarise(self, state: str, facts: list[Fact], instrument: Fact | None) -> _State:
        treaty = self.treaty
        signature = _first(facts, {FactKind.SIGNATURE})
        notified = _first(facts, {FactKind.WITHDRAWAL_NOTIFIED})
        effective_fact = _first(facts, {FactKind.WITHDRAWAL_EFFECTIVE})
        held = _first(facts, {FactKind.WITHDRAWAL_HELD})
        provisional = _first(facts, {FactKind.PROVISIONAL_APPLICATION})
        rank = self.ranks.get(state)
        flags: list[str] = []
        stages: list[tuple[date, Status]] = []
        if signature is not None:
            stages.append((signature.date or date.min, Status.SIGNATORY))
        eif = None
        if instrument is not None:
            eif = state_entry_into_force(
                treaty, instrument, self.treaty_entry_into_force, self.threshold_deposit
            )
            stages.append((instrument.date or date.min, Status.DEPOSITED))
            party_from = eif.date
            if instrument.date is None:
                flags.append(FLAG_DEPOSIT_DATE_UNKNOWN)
                party_from = self.treaty_entry_into_force.date
            if party_from is not None:
                stages.append((party_from, Status.PARTY))
            if sum(1 for fact in facts if fact.kind in CONSENT_KINDS) > 1:
                flags.append(FLAG_SECOND_INSTRUMENT)
        if rank is not None and rank.tied_with:
            flags.append(FLAG_DEPOSIT_ORDER_UNKNOWN)
        withdrawal = withdrawal_effective(treaty, notified, effective_fact, held)
        if notified is not None:
            if notified.date is None:
                flags.append(FLAG_WITHDRAWAL_DATE_UNKNOWN)
            else:
                stages.append((notified.date, Status.WITHDRAWAL_PENDING))
        if held is not None:
            if effective_fact is None:
                flags.append(FLAG_WITHDRAWAL_HELD)
            held_from = _held_from(treaty, notified, held)
            if held_from is not None:
                stages.append((held_from, Status.WITHDRAWAL_HELD))
        if withdrawal is not None and withdrawal.date is not None:
            stages.append((withdrawal.date, Status.WITHDRAWN))
        if not stages:
            self.warnings.append(
                f"{self.names[state]}: facts recorded but neither a signature nor an instrument; "
                "the state is left out of the list of participants."
            )
        tied = rank.tied_with if rank else ()
        base = ParticipantRecord(
            state=state,
            state_name=self.names[state],
            signature=signature,
            instrument=instrument,
            ordinal=rank.ordinal if rank else None,
            ordinal_tied_with=tied,
            entry_into_force=eif,
            status=max(
                (status for _, status in stages), key=STATUS_RANK.get, default=Status.SIGNATORY
            ),
            withdrawal_notified=notified,
            withdrawal_effective=withdrawal,
            flags=tuple(flags),
            provisional_application=provisional,
            withdrawal_held=held,
            ordinal_tied_with_names=tuple(self.names[other] for other in tied),
        )
        summary = _State(base, stages)
        summary.events = _events(facts, eif, withdrawal)
        return summary

    def _tie_warning(self, group: list[Fact]) -> str:
        names = sorted(self.names[fact.state] for fact in group)
        place = ordinal_suffix_en(self.ranks[group[0].state].ordinal)
        return (
            f"{_join(names)} deposited instruments on the same day "
            f"({format_date_en(group[0].date)}); the order of deposit is not recorded, so each "
            f"is shown as the {place} State. Record the order of deposit (sequence or C.N. "
            "reference) to separate them."
        )


def _first(facts: list[Fact], kinds) -> Fact | None:
    """Return the earliest fact of `kinds` (dated before undated), or None."""
    best = None
    for fact in facts:
        if fact.kind in kinds and (
            best is None or (fact.date is not None and (best.date is None or fact.date < best.date))
        ):
            best = fact
    return best


def _name(state: str, facts: list[Fact]) -> str:
    for fact in facts:
        if fact.state_name:
            return fact.state_name
    return state


def _held_from(treaty: TreatyDefinition, notified: Fact | None, held: Fact) -> date | None:
    """Return the day a held withdrawal is shown as held: when it would otherwise take effect."""
    if notified is not None and notified.date is not None:
        return treaty.withdrawal.rule.apply(notified.date)
    return held.date


def _events(facts: list[Fact], eif: ComputedDate | None, withdrawal: ComputedDate | None):
    events = [
        TimelineEvent(date=fact.date, kind=str(fact.kind), description=_describe(fact), fact=fact)
        for fact in facts
        if fact.kind != FactKind.WITHDRAWAL_EFFECTIVE
    ]
    if eif is not None:
        events.append(
            TimelineEvent(
                eif.date,
                "entry_into_force",
                "entry into force for the State",
                eif.article,
                computed=eif,
            )
        )
    if withdrawal is not None:
        recorded = next((f for f in facts if f.kind == FactKind.WITHDRAWAL_EFFECTIVE), None)
        events.append(
            TimelineEvent(
                withdrawal.date,
                "withdrawal_effective",
                "withdrawal takes effect",
                withdrawal.article,
                fact=recorded,
                computed=withdrawal,
            )
        )
    return events


def _describe(fact: Fact) -> str:
    text = str(fact.kind).replace("_", " ")
    return text if fact.date else f"{text} (date unknown)"


def _join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
