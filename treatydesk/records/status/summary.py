"""The register's figures for the public pages: the site's treaty, its counts, latest deposits."""

import dataclasses
import datetime as dt

from django.conf import settings

from treatydesk.core import clock, wording
from treatydesk.core import register as core
from treatydesk.core.register.definitions import definition_data
from treatydesk.records.facts.loading import current_register

from .localize import country_name, kind_label, long_date, page_language

LATEST_INSTRUMENTS = 10


def site_treaty() -> core.TreatyDefinition:
    """Return the definition of the treaty this site is about (settings.TREATYDESK_TREATY)."""
    return core.load_treaty(settings.TREATYDESK_TREATY)


def site_register() -> core.Register:
    """Return the computed register of the site's treaty (cached until its facts change)."""
    return current_register(settings.TREATYDESK_TREATY)


def data_coverage_note(treaty: core.TreatyDefinition, lang: str) -> dict:
    """Return what the register's participation data covers, from the treaty's definition
    (``[data_coverage]``): {"partial": bool, "text": the note in ``lang`` or English}."""
    table = definition_data(treaty.code).get("data_coverage") or {}
    texts = table.get("texts") or {}
    text = (texts.get(lang) or {}).get("text") if lang != "en" else None
    return {"partial": bool(table.get("partial", False)),
            "text": text or (table.get("text", "") if lang == "en" else ""),
            "lang": lang}


def counts_dict(counts: core.Counts) -> dict:
    """Return the counts as JSON-ready data, with the number of States Parties in law."""
    return {
        "as_of": counts.as_of.isoformat(),
        "states_parties": counts.bound,
        "parties": counts.parties,
        "signatories": counts.signatories,
        "deposited": counts.deposited,
        "withdrawal_pending": counts.withdrawal_pending,
        "withdrawal_held": counts.withdrawal_held,
        "withdrawn": counts.withdrawn,
        "total": counts.total,
    }


@dataclasses.dataclass(frozen=True)
class Deposit:
    """One deposited instrument as the home page lists it."""

    iso3: str
    name: str
    kind: str
    date: dt.date
    date_text: str
    ordinal: int | None
    notice: str
    notice_lang: str


def notice_for(treaty, record, lang: str, day: dt.date, about: str | None = None):
    """Return the notice sentence for ``record`` in ``lang`` and the language it is written in.

    The sentences come from ``treatydesk.core.wording`` (the wording the published notices
    use, in English, French and Spanish), worded as on ``day``. ``about`` picks the consent
    or withdrawal notice (default: ``wording.subject_of(record)``). A signatory without
    instrument has no notice: ("", lang). Other page languages get the English sentence,
    marked as such.
    """
    about = about or wording.subject_of(record)
    if about is None:
        return "", lang
    written_in = lang if lang in wording.LANGUAGES else "en"
    return wording.notice_text(treaty, record, written_in, today=day, about=about), written_in


def latest_deposits(register, day: dt.date, lang: str, limit: int = LATEST_INSTRUMENTS):
    """Return the ``limit`` most recent consent instruments deposited on or before ``day``."""
    deposited = [
        record for record in register.participants(day)
        if record.instrument is not None and record.instrument.date is not None
    ]
    deposited.sort(key=lambda r: (r.instrument.date, r.ordinal or 0), reverse=True)
    deposits = []
    for record in deposited[:limit]:
        notice, notice_lang = notice_for(
            register.treaty, record, lang, day, about=wording.SUBJECT_CONSENT
        )
        deposits.append(Deposit(
            iso3=record.state,
            name=country_name(record.state, lang, record.state_name),
            kind=kind_label(record.instrument.kind),
            date=record.instrument.date,
            date_text=long_date(record.instrument.date, lang),
            ordinal=record.ordinal,
            notice=notice,
            notice_lang=notice_lang,
        ))
    return deposits


def home_summary(day: dt.date | None = None, lang: str | None = None) -> dict:
    """Return the home page's context: today's counts and the latest deposited instruments."""
    day = day or clock.today()
    lang = page_language(lang)
    register = site_register()
    return {
        "register_day": day,
        "counts": register.counts(day),
        "latest_deposits": latest_deposits(register, day, lang),
        "treaty_entry_into_force": register.treaty_entry_into_force,
    }
