"""The API's and the releases' data, built from the register core and the records' rows.

One function per resource, returning JSON-ready data; the API's operations and ``treatydesk
release`` both call these (no second implementation of any figure: the counts, statuses and
dates are the core's, the rows the downloads' ``participant_detail``).
"""

from __future__ import annotations

import datetime as dt

from treatydesk.core import opendata
from treatydesk.core import register as core
from treatydesk.records.facts.export import participant_detail
from treatydesk.records.facts.loading import current_register
from treatydesk.records.facts.models import Fact
from treatydesk.records.log import proofs
from treatydesk.records.status.localize import country_name
from treatydesk.records.status.summary import counts_dict

API_ROOT = "/api/v1"
RULES = ("signature", "consent", "entry_into_force", "later_states", "reservations",
         "provisional_application", "withdrawal")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _blank_to_none(value):
    return None if value == "" else value


def treaty_summary(treaty: core.TreatyDefinition, lang: str = "en") -> dict:
    titles = treaty.titles(lang)
    eif = current_register(treaty.code).treaty_entry_into_force
    return {
        "code": treaty.code,
        "url": f"{API_ROOT}/treaties/{treaty.code}",
        "title": titles.title,
        "short_title": titles.short_title,
        "name": titles.name,
        "adopted_on": _iso(treaty.adopted_on),
        "entry_into_force_date": _iso(eif.date),
    }


def _provision(obj) -> dict | None:
    if obj is None:
        return None
    rule = getattr(obj, "rule", None)
    article = getattr(obj, "article", "") or getattr(rule, "article", "")
    text = getattr(obj, "text", "") or getattr(rule, "text", "")
    paraphrase = getattr(obj, "paraphrase", getattr(rule, "paraphrase", True))
    summary = getattr(rule, "summary", "")
    text = text or summary
    return {"article": article or "", "text": text or "", "paraphrase": "paraphrase"
            if paraphrase else "text of the article"}


def treaty_detail(treaty: core.TreatyDefinition, lang: str = "en") -> dict:
    """The definition, its rules with their articles, its entry into force and coverage."""
    register = current_register(treaty.code)
    eif = register.treaty_entry_into_force
    undated = sum(1 for fact in register.facts if fact.date is None)
    return {
        **treaty_summary(treaty, lang),
        "depositary": treaty.depositary,
        "untc_chapter": treaty.untc_chapter,
        "entry_into_force": {"date": _iso(eif.date), "rule": eif.rule, "article": eif.article,
                             "basis": eif.basis},
        "rules": {name: _provision(getattr(treaty, name, None)) for name in RULES},
        "coverage": {
            "facts": len(register.facts),
            "states": len(register.states),
            "undated_facts": undated,
            "notes": register.warnings,
        },
    }


def participant(record: core.ParticipantRecord, lang: str = "en") -> dict:
    """One participant's status row: the download's fields, names in ``lang``, null for none."""
    row = {key: _blank_to_none(value) for key, value in participant_detail(record).items()}
    row["state"] = country_name(record.state, lang, record.state_name)
    row["url"] = f"{API_ROOT}/states/{record.state}"
    pa = record.provisional_application
    row["provisional_application_date"] = _iso(pa.date if pa else None)
    notified = record.withdrawal_notified
    row["withdrawal_notified_date"] = _iso(notified.date if notified else None)
    return row


def status(code: str, as_of: dt.date, lang: str = "en") -> dict:
    """Every participant's status on ``as_of``, with the counts that day."""
    register = current_register(code)
    return {
        "treaty": register.treaty.code,
        "as_of": as_of.isoformat(),
        "lang": lang,
        "counts": counts_dict(register.counts(as_of)),
        "participants": [participant(r, lang) for r in register.participants(as_of)],
    }


def events(code: str, **filters) -> list[dict]:
    """Every recorded fact of the treaty (``opendata.event_rows``), filtered, each with its
    entry in the register's signed log (``log``: index, leaf hash, proof address; null for a
    fact the log does not hold)."""
    register = current_register(code)
    rows = opendata.event_rows(register.treaty.code, register.facts, **filters)
    entries = log_entries(register.treaty.code, register.facts)
    for row in rows:
        entry = entries.get(row["id"])
        row["log"] = entry.as_dict() if entry else None
    return rows


def log_entries(code: str, facts) -> dict[str, proofs.EntryRef]:
    """Return the latest log entry of each fact of ``facts`` (the register's, in the order of
    their rows), by the fact's stable id."""
    pks = list(Fact.objects.filter(treaty=code).order_by("pk").values_list("pk", flat=True))
    if len(pks) != len(facts):  # the register changed meanwhile: the next request has it
        return {}
    entries = proofs.latest_entries(pks)
    return {fact_id: entries[pk] for fact_id, pk in zip(opendata.fact_ids(code, facts), pks,
                                                        strict=True) if pk in entries}


def counts(code: str, start: dt.date, end: dt.date, step: str) -> list[dict]:
    register = current_register(code)
    return [counts_dict(c) for c in opendata.counts_series(register, start, end, step)]


def panel(codes: list[str], first_year: int, last_year: int, lang: str = "en") -> list[dict]:
    """The country-year panel of ``codes`` for every State of the site's universe."""
    registers = [current_register(code) for code in codes]
    participants = {state for register in registers for state in register.states}
    states = opendata.universe(participants)
    rows = opendata.panel_rows(registers, states, first_year, last_year)
    names = {iso3: country_name(iso3, lang) for iso3 in states}
    for row in rows:
        row["state"] = names[row["iso3"]]
    return rows


def panel_key(row: dict) -> tuple:
    return (row["treaty"], row["iso3"], row["year"])
