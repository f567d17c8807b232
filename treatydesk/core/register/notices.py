"""Notices in English: "As the 83rd State to ratify …, Iraq will become a State Party on …"."""

from __future__ import annotations

from datetime import date

from .. import clock
from .dates import format_date_en, ordinal_suffix_en
from .definitions import TreatyDefinition
from .facts import FactKind
from .records import ParticipantRecord, Status

#: "As the Nth State to …" for each consent instrument.
INFINITIVES = {
    FactKind.RATIFICATION: "to ratify",
    FactKind.ACCEPTANCE: "to accept",
    FactKind.APPROVAL: "to approve",
    FactKind.ACCESSION: "to accede to",
    FactKind.SUCCESSION: "to succeed to",
}

#: "Lebanon has acceded to …" when no deposit date (and so no ordinal) is recorded.
PERFECTS = {
    FactKind.RATIFICATION: "has ratified",
    FactKind.ACCEPTANCE: "has accepted",
    FactKind.APPROVAL: "has approved",
    FactKind.ACCESSION: "has acceded to",
    FactKind.SUCCESSION: "has succeeded to",
}

WITHDRAWAL_STATUSES = (Status.WITHDRAWAL_PENDING, Status.WITHDRAWAL_HELD, Status.WITHDRAWN)


def ordinal_en(n: int) -> str:
    """Return the English ordinal in figures: 1st, 2nd, 3rd, 4th, 11th, 21st, 112th."""
    return ordinal_suffix_en(n)


def notice_text(
    treaty: TreatyDefinition,
    record: ParticipantRecord,
    lang: str = "en",
    *,
    today: date | None = None,
    about: str | None = None,
    as_of: date | None = None,
) -> str:
    """Return the public notice for a state's instrument, signature or withdrawal.

    `today` sets the tense ("became" for a date before it, default: the system date);
    `about` is "consent" or "withdrawal" to choose the notice, default by the record's status.
    `as_of` is accepted as another name for `today` (the date the record was computed for).
    """
    if lang.split("-")[0].lower() != "en":
        raise ValueError(f"notices are written in English only; {lang!r} is not available")
    today = today or as_of or clock.today()
    if about is None:
        about = "withdrawal" if record.status in WITHDRAWAL_STATUSES else "consent"
    if about == "withdrawal":
        return _withdrawal(treaty, record, today)
    if record.instrument is None:
        if record.signature is None:
            return f"{record.state_name} has no recorded signature or instrument."
        signed = record.signature.date
        when = f" on {format_date_en(signed)}" if signed else ""
        return f"{record.state_name} signed {treaty.notice_name}{when}."
    return _consent(treaty, record, today)


def _tense(day: date, today: date, past: str, present: str, future: str) -> str:
    if day < today:
        return past
    return present if day == today else future


def _consent(treaty: TreatyDefinition, record: ParticipantRecord, today: date) -> str:
    kind = record.instrument.kind
    name, eif = record.state_name, record.entry_into_force
    if record.ordinal is None:
        return (
            f"{name} {PERFECTS[kind]} {treaty.notice_name}; the date of deposit is not "
            "recorded, so no date of entry into force is given."
        )
    place = f"the {ordinal_en(record.ordinal)} State"
    tied = record.ordinal_tied_with_names or record.ordinal_tied_with
    if tied:
        place += f" (jointly with {_join(list(tied))}, which deposited on the same day)"
    opening = f"As {place} {INFINITIVES[kind]} {treaty.notice_name}, {name}"
    if eif is None or eif.date is None:
        article = eif.article if eif else treaty.entry_into_force.rule.article
        return f"{opening} will become a State Party when the treaty enters into force ({article})."
    verb = _tense(eif.date, today, "became", "becomes", "will become")
    return f"{opening} {verb} a State Party on {format_date_en(eif.date)}."


def _withdrawal(treaty: TreatyDefinition, record: ParticipantRecord, today: date) -> str:
    name, title = record.state_name, treaty.notice_name
    article = treaty.withdrawal.article
    effective = record.withdrawal_effective
    notified = record.withdrawal_notified
    if effective is not None and effective.date is not None:
        verb = _tense(effective.date, today, "took effect", "takes effect", "will take effect")
        text = f"{name}'s withdrawal from {title} {verb} on {format_date_en(effective.date)}"
        if notified is not None and notified.date is not None and effective.date >= today:
            text += (
                f", {treaty.withdrawal.rule.summary} the Depositary received the notification "
                f"on {format_date_en(notified.date)} ({article})"
            )
        return text + "."
    if record.status == Status.WITHDRAWAL_HELD or record.withdrawal_held is not None:
        on = f" on {format_date_en(notified.date)}" if notified and notified.date else ""
        return (
            f"{name} notified its withdrawal from {title}{on}; under {article} the withdrawal "
            f"does not take effect while {name} is engaged in an armed conflict."
        )
    return (
        f"{name} has announced its withdrawal from {title}; no date of notification is "
        f"recorded, so the date it takes effect under {article} is not known."
    )


def _join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
