"""Entry-into-force rules: for the treaty (threshold) and for each state that joins.

Every result is a ComputedDate carrying the rule, the article and the arithmetic in words.
"""

from __future__ import annotations

from datetime import date

from .dates import format_date_en, ordinal_en
from .definitions import DelayRule, TreatyDefinition
from .facts import Fact, FactKind
from .records import ComputedDate


def rule_words(rule: DelayRule, label: str) -> str:
    """Return a rule in words: "first day of the sixth month after the date of deposit"."""
    if rule.method == "first_day_of_month":
        of = "month" if rule.counted_from == "month" else "date"
        return f"{rule.summary.rsplit(' after ', 1)[0]} after the {of} of {label}"
    return f"{rule.summary} {label}"


def treaty_entry_into_force(
    treaty: TreatyDefinition, deposit_dates: list[date]
) -> tuple[ComputedDate, date | None, list[str]]:
    """Return the treaty's entry into force, the threshold deposit date used, and warnings.

    `deposit_dates` are the sorted dates of each state's consent instrument.  The
    depositary's recorded date wins; the facts are checked against it.
    """
    eif = treaty.entry_into_force
    rule, threshold = eif.rule, eif.threshold
    nth = ordinal_en(threshold)
    words = rule_words(rule, f"the {nth} deposit")
    computed_deposit = deposit_dates[threshold - 1] if len(deposit_dates) >= threshold else None
    computed = rule.apply(computed_deposit) if computed_deposit else None
    warnings: list[str] = []
    if eif.recorded_date is None:
        if computed_deposit is None:
            basis = (
                f"{len(deposit_dates)} of the {threshold} instruments needed are recorded "
                f"({rule.article}); not yet in force"
            )
            return ComputedDate(None, words, rule.article, basis), None, warnings
        basis = rule.basis(computed_deposit, f"{nth} instrument deposited")
        return ComputedDate(computed, words, rule.article, basis), computed_deposit, warnings
    recorded = eif.recorded_date
    source = f" ({eif.recorded_source})" if eif.recorded_source else ""
    basis = f"recorded by the depositary{source}: {format_date_en(recorded)}"
    if computed_deposit is None:
        basis += (
            f"; the facts held contain {len(deposit_dates)} of the {threshold} instruments needed"
        )
        warnings.append(
            f"{treaty.code}: the facts held contain only {len(deposit_dates)} of the {threshold} "
            f"instruments needed for entry into force ({rule.article}); the recorded date "
            f"{format_date_en(recorded)} is used."
        )
    elif computed != recorded:
        basis += f"; the facts held imply {format_date_en(computed)}"
        warnings.append(
            f"{treaty.code}: the facts held imply entry into force on {format_date_en(computed)} "
            f"({nth} instrument deposited {format_date_en(computed_deposit)}, {rule.article}), "
            f"not the recorded {format_date_en(recorded)}; check the deposit dates."
        )
    else:
        basis += "; the facts held agree: " + rule.basis(
            computed_deposit, f"{nth} instrument deposited"
        )
    threshold_deposit = eif.recorded_threshold_deposit or computed_deposit
    if (
        eif.recorded_threshold_deposit
        and computed_deposit
        and computed_deposit != eif.recorded_threshold_deposit
    ):
        warnings.append(
            f"{treaty.code}: the {nth} instrument in the facts held was deposited on "
            f"{format_date_en(computed_deposit)}, not on the recorded "
            f"{format_date_en(eif.recorded_threshold_deposit)}."
        )
    return ComputedDate(recorded, words, rule.article, basis), threshold_deposit, warnings


class StateEntryIntoForce:
    """Return the date the treaty enters into force for the state that deposited an instrument.

    Built once per register; results are shared by states that deposited on the same day.
    """

    def __init__(
        self, treaty: TreatyDefinition, treaty_eif: ComputedDate, threshold_deposit: date | None
    ):
        self.treaty, self.treaty_eif, self.threshold_deposit = treaty, treaty_eif, threshold_deposit
        self.rule = treaty.later_states.rule
        self.words = rule_words(self.rule, "deposit")
        self._cache: dict[date | None, ComputedDate] = {}
        if treaty_eif.date is None:
            self.before = ""
        elif treaty.later_states.after_entry_into_force:
            self.before = (
                f"before the treaty's entry into force ({format_date_en(treaty_eif.date)})"
            )
        elif threshold_deposit is not None:
            nth = ordinal_en(treaty.entry_into_force.threshold)
            self.before = f"on or before the {nth} deposit ({format_date_en(threshold_deposit)})"
        else:
            self.before = "before the treaty's entry into force"

        self._dates: dict[date, date | None] = {}

    def __call__(self, instrument: Fact) -> ComputedDate:
        if instrument.kind is FactKind.SUCCESSION:
            return succession_entry_into_force(instrument)
        deposit = instrument.date
        computed = self._cache.get(deposit)
        if computed is None:
            computed = self._cache[deposit] = self._compute(deposit)
        return computed

    def date_of(self, instrument: Fact) -> date | None:
        """Return the date only for `instrument`: a succession's is the one recorded."""
        if instrument.kind is FactKind.SUCCESSION:
            return instrument.effective_date
        return self.date_for(instrument.date)

    def date_for(self, deposit: date | None) -> date | None:
        """Return only the date (what a status needs), without building the explanation."""
        if deposit is None or self.treaty_eif.date is None:
            return None
        result = self._dates.get(deposit)
        if result is None:
            later = _later_rule_applies(
                self.treaty, deposit, self.treaty_eif.date, self.threshold_deposit
            )
            result = self.rule.apply(deposit) if later else self.treaty_eif.date
            self._dates[deposit] = result
        return result

    def _compute(self, deposit: date | None) -> ComputedDate:
        rule, treaty_eif = self.rule, self.treaty_eif
        if deposit is None:
            return ComputedDate(
                None,
                self.words,
                rule.article,
                "deposit date unknown: no source gives it, so no entry-into-force date is computed",
                "deposit-unknown",
            )
        if treaty_eif.date is None:
            return ComputedDate(
                None,
                treaty_eif.rule,
                treaty_eif.article,
                f"deposit {format_date_en(deposit)}; not yet in force: {treaty_eif.basis}",
                "not-in-force", deposit,
            )
        if _later_rule_applies(self.treaty, deposit, treaty_eif.date, self.threshold_deposit):
            result = rule.apply(deposit)
            basis = (
                f"deposit {format_date_en(deposit)}; {rule.summary} → {format_date_en(result)} "
                f"({rule.article})"
            )
            return ComputedDate(result, self.words, rule.article, basis, "later-states", deposit)
        basis = (
            f"deposit {format_date_en(deposit)}, {self.before}: in force for the State when the "
            f"treaty entered into force → {format_date_en(treaty_eif.date)} ({treaty_eif.article})"
        )
        return ComputedDate(
            treaty_eif.date, "entry into force of the treaty", treaty_eif.article, basis,
            "treaty", deposit,
        )


SUCCESSION_RULE = "effective from the date of succession, as the depositary records it"


def succession_entry_into_force(instrument: Fact) -> ComputedDate:
    """Return the date a successor State is bound from: the depositary's, never computed.

    The entry-into-force articles (e.g. CCM and APMBC Art. 17(2)) speak of ratification,
    acceptance, approval or accession; none covers succession, so the register follows the
    depositary's record (docs/decisions.md).
    """
    effective = instrument.effective_date
    if effective is None:
        return ComputedDate(
            None, SUCCESSION_RULE, "",
            "the treaty does not say when a succession takes effect and the register follows "
            "the depositary's record; no date of succession is recorded",
            "succession-unrecorded", instrument.date,
        )
    notified = (f"notification of succession {format_date_en(instrument.date)}; "
                if instrument.date else "")
    basis = (f"{notified}effective from the date of succession, "
             f"{format_date_en(effective)}, as the depositary records it")
    return ComputedDate(effective, SUCCESSION_RULE, "", basis, "succession-recorded",
                        instrument.date)


def state_entry_into_force(
    treaty: TreatyDefinition,
    instrument: Fact,
    treaty_eif: ComputedDate,
    threshold_deposit: date | None,
) -> ComputedDate:
    """Return the date the treaty enters into force for the state that deposited `instrument`."""
    return StateEntryIntoForce(treaty, treaty_eif, threshold_deposit)(instrument)


def _later_rule_applies(
    treaty: TreatyDefinition, deposit: date, treaty_eif: date, threshold_deposit: date | None
) -> bool:
    """Return True when the rule for later states, not the treaty's date, governs `deposit`."""
    if treaty.later_states.after_entry_into_force:
        # A deposit on the day of entry into force is made while the treaty is in force.
        return deposit >= treaty_eif
    if threshold_deposit is not None:
        return deposit > threshold_deposit
    # No threshold date known (recorded date only, incomplete facts): a deposit whose own
    # period would end on or before the treaty's date is taken to be covered by it.
    return treaty.later_states.rule.apply(deposit) > treaty_eif
