"""The States Parties list's search box and filters (status, M49 region, UN regional group).

Filters are plain GET parameters (``q``, ``status``, ``region``, ``group``), so the form works
without JavaScript and every filtered list has its own address. Status ``none`` lists the
States of the universe that have not signed or joined the treaty on the day shown.
"""

import dataclasses
from urllib.parse import urlencode

from django.urls import reverse

from treatydesk.core import register as core

from .localize import country_name
from .states import NOT_A_SIGNATORY, NOT_A_SIGNATORY_LABEL
from .table import STATUS_ORDER, Row, collation_key, sort_rows

MAX_QUERY = 100


@dataclasses.dataclass(frozen=True)
class Filters:
    q: str = ""
    status: str = ""
    region: str = ""
    group: str = ""

    @property
    def active(self) -> bool:
        return bool(self.q or self.status or self.region or self.group)

    def query(self) -> str:
        """Return the filters as a query string (empty values left out)."""
        return urlencode({k: v for k, v in dataclasses.asdict(self).items() if v})


def parse_filters(params) -> Filters:
    """Return the filters asked for; an unknown status, region or group is ignored."""
    status = (params.get("status") or "").strip()
    region = (params.get("region") or "").strip()
    group = (params.get("group") or "").strip()
    return Filters(
        q=" ".join((params.get("q") or "").split())[:MAX_QUERY],
        status=status if status in (*STATUS_ORDER, NOT_A_SIGNATORY) else "",
        region=region if region in core.M49_REGIONS else "",
        group=group if group in core.REGIONAL_GROUPS else "",
    )


def outside_rows(participants: list[Row], lang: str) -> list[Row]:
    """Return a row for every State of the universe that is not among ``participants``."""
    inside = {row.iso3 for row in participants}
    rows = []
    for state in core.universe().values():
        if state.iso3 in inside:
            continue
        name = country_name(state.iso3, lang)
        rows.append(Row(
            iso3=state.iso3, name=name, sort_name=collation_key(name),
            url=reverse("state_detail", kwargs={"iso3": state.iso3}),
            signature_date=None, signature_text="", instrument_date=None, instrument_text="",
            instrument_kind="", ordinal=None, ordinal_tied=False, eif_date=None, eif_text="",
            status=NOT_A_SIGNATORY, status_text=str(NOT_A_SIGNATORY_LABEL), flags=(),
            region=state.m49_region, group=state.regional_group,
        ))
    return rows


def matches(row: Row, filters: Filters) -> bool:
    """Return True when ``row`` passes every filter (the search ignores case and accents)."""
    if filters.status and row.status != filters.status:
        return False
    if filters.region and row.region != filters.region:
        return False
    if filters.group and row.group != filters.group:
        return False
    if filters.q:
        wanted = collation_key(filters.q)
        return wanted in row.sort_name or wanted == row.iso3.casefold()
    return True


def filtered_rows(rows: list[Row], filters: Filters, lang: str, key: str,
                  descending: bool) -> list[Row]:
    """Return the rows the filters keep; status ``none`` lists the States not in ``rows``."""
    if filters.status == NOT_A_SIGNATORY:
        rows = sort_rows(outside_rows(rows, lang), key, descending)
    return [row for row in rows if matches(row, filters)]
