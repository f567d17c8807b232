"""Withdrawal: notified → pending → (held, armed conflict) → withdrawn.

A recorded effective date always wins.  Otherwise the date is the notification date plus
the treaty's period; a recorded hold (a state engaged in armed conflict, asserted by a fact
with a source) suspends it until someone records the date the withdrawal takes effect.
"""

from __future__ import annotations

from .citations import from_depositary
from .dates import format_date_en
from .definitions import TreatyDefinition
from .facts import Fact
from .records import ComputedDate


def withdrawal_effective(
    treaty: TreatyDefinition, notified: Fact | None, effective: Fact | None, held: Fact | None
) -> ComputedDate | None:
    """Return when a state's withdrawal takes effect, or None when none was notified."""
    rule = treaty.withdrawal.rule
    article = rule.article
    if effective is not None:
        depositary = from_depositary(effective.source, effective.cn_reference)
        recorded = "recorded by the depositary" if depositary else "recorded from the sources cited"
        key = "withdrawal-depositary" if depositary else "withdrawal-sourced"
        if effective.date is None:
            return ComputedDate(
                None,
                recorded,
                article,
                "recorded as effective, but no source gives the date",
                "withdrawal-undated",
            )
        basis = f"effective date {recorded}: {format_date_en(effective.date)}"
        if notified is not None and notified.date is not None:
            computed = rule.apply(notified.date)
            if computed != effective.date:
                basis += f"; notification received {format_date_en(notified.date)} + {rule.summary}"
                basis += f" would give {format_date_en(computed)}"
        return ComputedDate(effective.date, recorded, article, basis, key,
                            notified.date if notified is not None else None)
    if notified is None and held is None:
        return None
    words = f"{rule.summary} the Depositary receives the notification"
    if notified is None or notified.date is None:
        return ComputedDate(
            None,
            words,
            article,
            "notification date unknown: no source gives it, so no effective date is computed",
            "withdrawal-notification-unknown",
        )
    if held is not None:
        held_on = f" (recorded {format_date_en(held.date)})" if held.date else ""
        basis = (
            f"notification received {format_date_en(notified.date)}; {rule.summary} → "
            f"{format_date_en(rule.apply(notified.date))}, but held{held_on}: under {article} the "
            "withdrawal does not take effect before the armed conflict ends; record the date "
            "it takes effect"
        )
        return ComputedDate(None, words, article, basis, "withdrawal-held", notified.date)
    return ComputedDate(
        rule.apply(notified.date),
        words,
        article,
        rule.basis(notified.date, "notification received"),
        "withdrawal-computed",
        notified.date,
    )
