"""Check facts against a treaty's rules; messages name the state, the date and the article.

Errors are facts the treaty does not allow or that contradict each other; warnings are
things the register keeper should check (undated facts, deposits whose order is unknown).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .compute import Register
from .countries import UnknownState, resolve_state
from .dates import format_date_en as fmt
from .definitions import TreatyDefinition
from .facts import CONSENT_KINDS, Fact, FactKind
from .problems import Problem, Severity

WORDS = {
    FactKind.SIGNATURE: "signature",
    FactKind.PROVISIONAL_APPLICATION: "declaration of provisional application",
    FactKind.WITHDRAWAL_NOTIFIED: "withdrawal notification",
    FactKind.WITHDRAWAL_EFFECTIVE: "withdrawal taking effect",
    FactKind.WITHDRAWAL_HELD: "withdrawal hold (armed conflict)",
}


def validate(treaty: TreatyDefinition, facts: Sequence[Fact], today: date) -> list[Problem]:
    """Return the problems in `facts` under `treaty`'s rules, errors and warnings."""
    return _Checker(treaty, list(facts), today).run()


class _Checker:
    def __init__(self, treaty: TreatyDefinition, facts: list[Fact], today: date):
        self.treaty, self.facts, self.today = treaty, facts, today
        self.problems: list[Problem] = []
        self.register = Register(treaty, facts, today=today)
        self.eif = self.register.treaty_entry_into_force.date
        self.by_state: dict[str, list[int]] = {}
        for index, fact in enumerate(facts):
            self.by_state.setdefault(fact.state, []).append(index)
        self.names = {state: self._name(state, indexes) for state, indexes in self.by_state.items()}

    def run(self) -> list[Problem]:
        seen: dict[tuple, int] = {}
        for index, fact in enumerate(self.facts):
            key = (fact.state, fact.kind, fact.date)
            if key in seen:
                self.add(index, f"{self.what(fact)} is recorded twice (also fact {seen[key] + 1}).")
                continue
            seen[key] = index
            self.check_dates(index, fact)
        for state, indexes in self.by_state.items():
            self.check_state(state, indexes)
        self.check_ties()
        return self.problems

    # -- helpers ---------------------------------------------------------------------------

    def add(self, index: int | None, message: str, *, field: str = "", warning: bool = False):
        fact = self.facts[index] if index is not None else None
        self.problems.append(
            Problem(
                message=message,
                state=fact.state if fact else "",
                kind=str(fact.kind) if fact else "",
                field=field,
                severity=Severity.WARNING if warning else Severity.ERROR,
                index=index,
            )
        )

    def _name(self, state: str, indexes: list[int]) -> str:
        for index in indexes:
            if self.facts[index].state_name:
                return self.facts[index].state_name
        try:
            return resolve_state(state).un_name
        except UnknownState:
            return state

    def what(self, fact: Fact) -> str:
        """Return "Iraq: ratification of 14 May 2013" for messages."""
        word = WORDS.get(fact.kind, str(fact.kind))
        when = f" of {fmt(fact.date)}" if fact.date else " (no date)"
        return f"{self.names[fact.state]}: {word}{when}"

    def first(self, indexes: list[int], kinds) -> int | None:
        dated = [i for i in indexes if self.facts[i].kind in kinds and self.facts[i].date]
        undated = [i for i in indexes if self.facts[i].kind in kinds and not self.facts[i].date]
        if dated:
            return min(dated, key=lambda i: self.facts[i].date)
        return undated[0] if undated else None

    # -- checks ----------------------------------------------------------------------------

    def check_dates(self, index: int, fact: Fact) -> None:
        treaty, name = self.treaty, self.treaty.short_title
        try:
            resolve_state(fact.state)
        except UnknownState:
            self.add(
                index,
                f"{self.what(fact)}: {fact.state!r} is not an ISO 3166 code the register knows.",
                field="state",
                warning=True,
            )
        if fact.date is None:
            self.add(
                index,
                f"{self.what(fact)}: no date is recorded; the fact is kept and flagged "
                "until a source gives the date.",
                field="date",
                warning=True,
            )
            return
        if fact.date < treaty.adopted_on:
            self.add(
                index,
                f"{self.what(fact)} is before the {name} was adopted ({fmt(treaty.adopted_on)}).",
                field="date",
            )
        if fact.date > self.today and fact.kind != FactKind.WITHDRAWAL_EFFECTIVE:
            self.add(index, f"{self.what(fact)} is after today ({fmt(self.today)}).", field="date")
        if fact.kind == FactKind.SIGNATURE:
            self.check_signature(index, fact)
        if (
            fact.kind == FactKind.ACCESSION
            and self.treaty.consent.accession_only_after_entry_into_force
        ):
            if self.eif is not None and fact.date < self.eif:
                self.add(
                    index,
                    f"{self.what(fact)} is before the {name} entered into force "
                    f"({fmt(self.eif)}); under {treaty.consent.article} it is open "
                    "for accession only after entry into force.",
                    field="kind",
                )

    def check_signature(self, index: int, fact: Fact) -> None:
        rule = self.treaty.signature
        if fact.date < rule.opened_on:
            self.add(
                index,
                f"{self.what(fact)} is before the {self.treaty.short_title} opened for "
                f"signature on {fmt(rule.opened_on)} ({rule.article}).",
                field="date",
            )
        if rule.closes_at_entry_into_force and self.eif is not None and fact.date >= self.eif:
            self.add(
                index,
                f"{self.what(fact)} is after signature closed: under {rule.article} the "
                f"{self.treaty.short_title} was open for signature until its entry into "
                f"force on {fmt(self.eif)}; a State that did not sign accedes.",
                field="date",
            )

    def check_state(self, state: str, indexes: list[int]) -> None:
        facts, consent = self.facts, self.treaty.consent
        signature = self.first(indexes, {FactKind.SIGNATURE})
        signed = facts[signature] if signature is not None else None
        instruments = sorted(
            (i for i in indexes if facts[i].kind in CONSENT_KINDS),
            key=lambda i: (facts[i].date is None, facts[i].date or date.min),
        )
        for position, index in enumerate(instruments):
            fact = facts[index]
            if position > 0:
                self.add(
                    index,
                    f"{self.what(fact)} is a second consent instrument: "
                    f"{self.what(facts[instruments[0]])} is already recorded.",
                    field="kind",
                )
                continue
            self.check_consent(index, fact, signed)
        instrument = facts[instruments[0]] if instruments else None
        if not consent.succession_allowed:
            for index in instruments:
                if facts[index].kind == FactKind.SUCCESSION:
                    self.add(
                        index,
                        f"{self.what(facts[index])}: the {self.treaty.short_title} "
                        "does not provide for succession.",
                        field="kind",
                    )
        self.check_provisional(indexes, signed, instrument)
        self.check_withdrawal(state, indexes, instrument)

    def check_consent(self, index: int, fact: Fact, signed: Fact | None) -> None:
        consent, title = self.treaty.consent, self.treaty.short_title
        if fact.kind in consent.signatory_kinds and signed is None:
            self.add(
                index,
                f"{self.what(fact)}, but no signature is recorded: under "
                f"{consent.article} only signatories ratify, accept or approve the "
                f"{title}; a State that did not sign accedes.",
                field="kind",
            )
        if (
            fact.kind == FactKind.ACCESSION
            and signed is not None
            and not consent.accession_by_signatories
        ):
            when = f" on {fmt(signed.date)}" if signed.date else ""
            self.add(
                index,
                f"{self.what(fact)} by a State that signed{when}: under "
                f"{consent.article} a signatory ratifies, accepts or approves; "
                "accession is for States that did not sign.",
                field="kind",
            )
        if signed is not None and signed.date and fact.date and fact.date < signed.date:
            self.add(
                index,
                f"{self.what(fact)} is before its signature of {fmt(signed.date)}.",
                field="date",
            )

    def check_provisional(self, indexes: list[int], signed, instrument) -> None:
        rule = self.treaty.provisional_application
        for index in indexes:
            fact = self.facts[index]
            if fact.kind != FactKind.PROVISIONAL_APPLICATION:
                continue
            if rule is None:
                self.add(
                    index,
                    f"{self.what(fact)}: the {self.treaty.short_title} has no "
                    "provisional-application article.",
                    field="kind",
                )
            elif signed is None and instrument is None:
                self.add(
                    index,
                    f"{self.what(fact)} by a State with no signature or instrument "
                    f"recorded ({rule.article}).",
                    field="kind",
                )

    def check_withdrawal(self, state: str, indexes: list[int], instrument: Fact | None) -> None:
        rule, facts = self.treaty.withdrawal, self.facts
        notified = self.first(indexes, {FactKind.WITHDRAWAL_NOTIFIED})
        effective = self.first(indexes, {FactKind.WITHDRAWAL_EFFECTIVE})
        for index in (notified, effective):
            if index is None or facts[index].date is None:
                continue
            fact = facts[index]
            if instrument is None or (instrument.date and instrument.date > fact.date):
                self.add(
                    index,
                    f"{self.what(fact)}, but the State was not a party then: no "
                    f"instrument deposited by that date ({rule.article} withdrawal is "
                    "for States Parties).",
                    field="kind",
                )
                return
            eif = self.register.participant(state, fact.date)
            if eif is not None and eif.entry_into_force and eif.entry_into_force.date:
                if eif.entry_into_force.date > fact.date:
                    self.add(
                        index,
                        f"{self.what(fact)}, before the {self.treaty.short_title} "
                        f"entered into force for the State on "
                        f"{fmt(eif.entry_into_force.date)} ({rule.article}).",
                        field="date",
                        warning=True,
                    )
        for index in indexes:
            if facts[index].kind == FactKind.WITHDRAWAL_HELD:
                self.check_held(index, notified)
        if notified is None or effective is None:
            return
        sent, took = facts[notified].date, facts[effective].date
        if not (sent and took):
            return
        earliest = rule.rule.apply(sent)
        if took < earliest:
            self.add(
                effective,
                f"{self.what(facts[effective])} is earlier than the "
                f"{rule.rule.summary} the Depositary received the notification "
                f"({fmt(earliest)}) that {rule.article} requires.",
                field="date",
            )
        elif took > earliest and not rule.later_date_in_notice:
            held = any(facts[i].kind == FactKind.WITHDRAWAL_HELD for i in indexes)
            if not held:
                self.add(
                    effective,
                    f"{self.what(facts[effective])} is later than the "
                    f"{rule.rule.summary} of {rule.article} ({fmt(earliest)}); "
                    "record the hold if an armed conflict delayed it.",
                    field="date",
                    warning=True,
                )

    def check_held(self, index: int, notified: int | None) -> None:
        rule = self.treaty.withdrawal
        fact = self.facts[index]
        if not rule.armed_conflict_hold:
            self.add(
                index,
                f"{self.what(fact)}: {rule.article} of the {self.treaty.short_title} "
                "has no armed-conflict clause, so a withdrawal cannot be held.",
                field="kind",
            )
        elif notified is None:
            self.add(index, f"{self.what(fact)} without a withdrawal notification.", field="kind")

    def check_ties(self) -> None:
        facts = self.facts
        index_of = {}
        for index, fact in enumerate(facts):
            if fact.kind in CONSENT_KINDS and fact.date:
                index_of.setdefault(fact.state, index)
        for state, rank in self.register.ranks.items():
            if not rank.tied_with:
                continue
            others = ", ".join(self.names[other] for other in rank.tied_with)
            index = index_of.get(state)
            self.add(
                index,
                f"{self.what(facts[index])}: deposited on the same day as {others} "
                "and the order of deposit is not recorded; record the sequence or "
                "the C.N. reference of each deposit.",
                field="sequence",
                warning=True,
            )
