"""Checks of the API's parameters shared by its operations (each failure a 400 problem)."""

import datetime as dt

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


def day(value: dt.date | None, param: str, default: dt.date | None = None) -> dt.date:
    """Return ``value`` (today when None and no default), checked to lie in the register's range."""
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
