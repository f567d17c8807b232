"""The API's documented shapes (the OpenAPI document is generated from these)."""

from __future__ import annotations

from typing import Literal

from ninja import Schema

Lang = Literal["en", "fr", "es"]


class ProblemOut(Schema):
    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[dict]


class RuleOut(Schema):
    rule: str
    article: str
    basis: str


class ComputedDateOut(RuleOut):
    date: str | None


class ProvisionOut(Schema):
    article: str
    text: str
    paraphrase: str


class TreatySummary(Schema):
    code: str
    url: str
    title: str
    short_title: str
    name: str
    adopted_on: str | None
    entry_into_force_date: str | None


class TreatyDetail(TreatySummary):
    depositary: str
    untc_chapter: str
    entry_into_force: ComputedDateOut
    rules: dict[str, ProvisionOut | None]
    coverage: dict


class ParticipantOut(Schema):
    state: str
    iso3: str
    url: str
    signature_date: str | None
    instrument_date: str | None
    instrument_kind: str | None
    ordinal: int | None
    ordinal_tied_with: list[str]
    entry_into_force_date: str | None
    entry_into_force_rule: RuleOut | None
    provisional_application_date: str | None
    withdrawal_notified_date: str | None
    withdrawal_effective_date: str | None
    withdrawal_rule: RuleOut | None
    status: str
    flags: list[str]


class CountsOut(Schema):
    as_of: str
    states_parties: int
    parties: int
    signatories: int
    deposited: int
    withdrawal_pending: int
    withdrawal_held: int
    withdrawn: int
    total: int


class StatusOut(Schema):
    treaty: str
    as_of: str
    lang: str
    counts: CountsOut
    participants: list[ParticipantOut]


class LogEntryOut(Schema):
    index: int
    leaf_hash: str
    proof: str


class InclusionProofOut(Schema):
    index: int
    size: int
    entry: str
    leaf_hash: str
    proof: list[str]
    checkpoint: str | None


class EventOut(Schema):
    id: str
    treaty: str
    iso3: str
    state: str
    kind: str
    date: str | None
    sequence: int | None
    cn_reference: str
    sources: list[str]
    source_note: str
    log: LogEntryOut | None


class EventPage(Schema):
    count: int
    items: list[EventOut]
    next_cursor: str | None
    next: str | None


class CountsSeriesOut(Schema):
    treaty: str
    step: str
    items: list[CountsOut]


class PanelRow(Schema):
    treaty: str
    iso3: str
    state: str
    year: int
    status: str
    code: int
    instrument_kind: str
    signature_year: int | None
    deposit_year: int | None
    entry_into_force_year: int | None


class PanelPage(Schema):
    count: int
    codes: dict[str, str]
    items: list[PanelRow]
    next_cursor: str | None
    next: str | None


class StateTreatyOut(Schema):
    treaty: str
    participant: ParticipantOut | None
    obligations: list[dict]


class StateOut(Schema):
    iso3: str
    state: str
    as_of: str
    treaties: list[StateTreatyOut]


class ListPage(Schema):
    count: int
    items: list[dict]
    next_cursor: str | None
    next: str | None
