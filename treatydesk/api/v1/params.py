"""Checks of the API's parameters shared by its operations (each failure a 400 problem)."""

import datetime as dt

from ninja import Query

from treatydesk.core import clock
from treatydesk.core import register as core

from ..problems import Problem

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2199, 12, 31)


def treaty(code: str) -> core.TreatyDefinition:
    """Return the treaty ``code`` names, or raise a 404 problem listing the codes."""
    try:
        return core.load_treaty(code)
    except core.UnknownTreaty:
        raise Problem(f"no treaty {code!r}: the codes are {', '.join(core.treaty_codes())}",
                      status=404, param="code") from None


#: A date parameter: ``YYYY-MM-DD`` and nothing else (no timestamps, no times).
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


def date_param(description: str = "", alias: str | None = None):
    """Return the ``Query`` of an optional date parameter (checked by ``day``)."""
    return Query(None, alias=alias, pattern=ISO_DATE, description=description or "YYYY-MM-DD",
                 format="date")


def day(value: str | None, param: str, default: dt.date | None = None) -> dt.date:
    """Return the day ``value`` names (today when None and no default), or raise a problem."""
    if value:
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            raise Problem(f"{param}: there is no such day as {value}", param=param) from None
    value = value or default or clock.today()
    if not EARLIEST <= value <= LATEST:
        raise Problem(f"{param} must lie between {EARLIEST} and {LATEST}", param=param)
    return value


def state(iso3: str) -> core.Country:
    try:
        return core.resolve_state(iso3)
    except core.UnknownState:
        raise Problem(f"no State with the code {iso3!r}: give an ISO 3166 alpha-3 code",
                      status=404, param="iso3") from None
