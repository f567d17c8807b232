"""The states-parties table: one row per participant in the page's language, and its sorting.

Rows are built in one pass over the register's records (no query per row); sorting happens on
the built rows, so the server-side ``?sort=`` and the column header links agree.
"""

import dataclasses
import datetime as dt
import unicodedata
import weakref

from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from treatydesk.core import register as core
from treatydesk.records.fragments import render_many

from .localize import country_name, kind_label, long_date, status_label

# Life-cycle order of the register's statuses, used to sort the status column.
STATUS_ORDER = ("signatory", "deposited", "party", "withdrawal_pending", "withdrawal_held",
                "withdrawn")


@dataclasses.dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = False


COLUMNS = (
    Column("state", _("State")),
    Column("signature", _("Signature")),
    Column("instrument", _("Instrument deposited")),
    Column("ordinal", _("Order of deposit"), numeric=True),
    Column("eif", _("Entry into force")),
    Column("status", _("Status")),
)
SORT_KEYS = frozenset(column.key for column in COLUMNS)
DEFAULT_SORT = "state"


@dataclasses.dataclass(frozen=True)
class Row:
    iso3: str
    name: str
    sort_name: str
    url: str
    signature_date: dt.date | None
    signature_text: str
    instrument_date: dt.date | None
    instrument_text: str
    instrument_kind: str
    ordinal: int | None
    ordinal_tied: bool
    eif_date: dt.date | None
    eif_text: str
    status: str
    status_text: str
    flags: tuple[str, ...]
    region: str = ""
    group: str = ""

    def value(self, key: str):
        """Return the value sorted on for column ``key`` (None sorts last either way)."""
        return {
            "state": self.sort_name,
            "signature": self.signature_date,
            "instrument": self.instrument_date,
            "ordinal": self.ordinal,
            "eif": self.eif_date,
            "status": STATUS_ORDER.index(self.status) if self.status in STATUS_ORDER else None,
        }[key]


def collation_key(name: str) -> str:
    """Return a key sorting names as a reader expects: accents and case ignored ("Égypte")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def build_rows(records, lang: str, kept: dict | None = None) -> list[Row]:
    """Return the table rows of ``records`` in language ``lang``.

    ``kept``: rows already built, by (active language, ``lang``, record), to reuse and add
    to: a record is a value, and the same record gives the same row whatever the day.
    """
    rows = []
    active = get_language()
    for record in records:
        if kept is not None:
            row = kept.get((active, lang, record))
            if row is not None:
                rows.append(row)
                continue
        signature = record.signature.date if record.signature else None
        instrument = record.instrument.date if record.instrument else None
        eif = record.entry_into_force.date if record.entry_into_force else None
        name = country_name(record.state, lang, record.state_name)
        known = core.universe_state(record.state)
        rows.append(Row(
            iso3=record.state,
            name=name,
            sort_name=collation_key(name),
            url=reverse("state_detail", kwargs={"iso3": record.state}),
            signature_date=signature,
            signature_text=long_date(signature, lang),
            instrument_date=instrument,
            instrument_text=long_date(instrument, lang),
            instrument_kind=kind_label(record.instrument.kind) if record.instrument else "",
            ordinal=record.ordinal,
            ordinal_tied=bool(record.ordinal_tied_with),
            eif_date=eif,
            eif_text=long_date(eif, lang),
            status=str(record.status),
            status_text=status_label(record.status),
            flags=tuple(record.flags),
            region=known.m49_region if known else "",
            group=known.regional_group if known else "",
        ))
        if kept is not None:
            if len(kept) >= ROWS_KEPT_PER_REGISTER:
                kept.clear()
            kept[active, lang, record] = rows[-1]
    return rows


# Rows already built, per register object: a register stands for one version of the facts
# (registry.loading builds a new one when they change), so rows kept with it are never stale.
# The sorted tables of the stretches asked for (each a list of shared rows), and each record's
# row: a stretch no one asked for yet reuses the rows of the records it shares with others.
_rows_by_register: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_row_of_record: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
ROW_SETS_PER_REGISTER = 2048
ROWS_KEPT_PER_REGISTER = 8192


def table_rows(register, day: dt.date, lang: str, key: str, descending: bool) -> list[Row]:
    """Return the sorted rows of ``register`` on ``day`` in ``lang``, built once per version."""
    built = _rows_by_register.setdefault(register, {})
    # Every day of a stretch without change has the rows of the day it began (core's
    # Register.last_change), so a reader's random day is one of a few hundred row sets.
    wanted = (register.last_change(day), lang, key, descending)
    rows = built.get(wanted)
    if rows is None:
        if len(built) >= ROW_SETS_PER_REGISTER:
            built.clear()
        kept = _row_of_record.setdefault(register, {})
        rows = sort_rows(build_rows(register.participants(day), lang, kept), key, descending)
        built[wanted] = rows
    return rows


ROW_TEMPLATE = "status/includes/states_row.html"


def rows_html(rows: list[Row]) -> SafeString:
    """Return the table body's ``<tr>`` elements for ``rows`` in the active language.

    A row is a frozen value, so the same State at the same stage renders the same HTML on
    every day it stood so, and a page on a new day renders only the rows it has not seen.
    """
    return render_many(ROW_TEMPLATE, ((row, lambda row=row: {"row": row}) for row in rows),
                       joiner="    ")


def parse_sort(value: str | None) -> tuple[str, bool]:
    """Return (column key, descending) for ``?sort=`` ("-eif" is descending); unknown → default."""
    value = (value or "").strip()
    descending = value.startswith("-")
    key = value.lstrip("-")
    if key not in SORT_KEYS:
        return DEFAULT_SORT, False
    return key, descending


def sort_rows(rows: list[Row], key: str, descending: bool = False) -> list[Row]:
    """Return ``rows`` ordered by column ``key``; rows without a value come last, by name."""
    by_name = sorted(rows, key=lambda row: (row.sort_name, row.iso3))
    known = [row for row in by_name if row.value(key) is not None]
    unknown = [row for row in by_name if row.value(key) is None]
    known.sort(key=lambda row: row.value(key), reverse=descending)
    return known + unknown


def header_links(key: str, descending: bool, as_of_query: str) -> list[dict]:
    """Return each column with its sort link and its ``aria-sort`` state."""
    headers = []
    for column in COLUMNS:
        active = column.key == key
        # A click on the sorted column reverses it; any other column sorts ascending first.
        target = f"-{column.key}" if active and not descending else column.key
        query = f"sort={target}"
        if as_of_query:
            query = f"{as_of_query}&{query}"
        headers.append({
            "key": column.key,
            "label": column.label,
            "numeric": column.numeric,
            "href": f"?{query}",
            "aria_sort": ("descending" if descending else "ascending") if active else "",
        })
    return headers
