"""The filters of the obligations list and its downloads: obligation, status, year, state, day."""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.utils.http import urlencode
from django.utils.translation import gettext as _

from treatydesk.core import obligations as core
from treatydesk.core import register as core_register
from treatydesk.records.status.asof import AsOf, BadAsOf, parse_as_of


class BadFilter(ValueError):
    """A filter value the list cannot use; ``message`` says what to give instead."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclasses.dataclass(frozen=True)
class Filters:
    as_of: AsOf
    obligation: str = ""
    status: str = ""
    year: int | None = None
    state: str = ""

    def keep(self, deadline: core.Deadline) -> bool:
        """Return True when ``deadline`` passes every filter given."""
        return (
            (not self.obligation or deadline.obligation == self.obligation)
            and (not self.status or deadline.status == self.status)
            and (self.year is None or deadline.due.date.year == self.year)
            and (not self.state or deadline.state == self.state)
        )

    @property
    def query(self) -> str:
        """Return the query string that keeps these filters in links ("" when none)."""
        values = {"obligation": self.obligation, "status": self.status,
                  "year": self.year or "", "state": self.state}
        if self.as_of.chosen:
            values["as_of"] = self.as_of.date.isoformat()
        return urlencode({k: v for k, v in values.items() if v})

    @property
    def any(self) -> bool:
        return bool(self.obligation or self.status or self.year or self.state)


def parse_filters(params, kinds: tuple, now: dt.date | None = None) -> Filters:
    """Return the filters asked for in ``params``, or raise BadFilter saying what is wrong."""
    try:
        as_of = parse_as_of(params.get("as_of"), now)
    except BadAsOf as error:
        raise BadFilter(error.message) from None
    obligation = params.get("obligation", "").strip()
    if obligation and obligation not in kinds:
        raise BadFilter(_("“%(value)s” is not an obligation of this treaty; choose one of "
                          "%(choices)s.") % {"value": obligation[:40],
                                             "choices": ", ".join(kinds)})
    status = params.get("status", "").strip()
    statuses = [str(s) for s in core.DeadlineStatus]
    if status and status not in statuses:
        raise BadFilter(_("“%(value)s” is not a deadline status; choose one of %(choices)s.")
                        % {"value": status[:40], "choices": ", ".join(statuses)})
    year_text = params.get("year", "").strip()
    year = None
    if year_text:
        # ASCII digits only: str.isdigit() also accepts "²²²²", which int() refuses.
        if not (year_text.isascii() and year_text.isdigit() and len(year_text) == 4):
            raise BadFilter(_("“%(value)s” is not a year: write it with four digits, for "
                              "example 2014.") % {"value": year_text[:40]})
        year = int(year_text)
    state = params.get("state", "").strip()
    if state:
        try:
            state = core_register.resolve_state(state).iso3
        except core_register.UnknownState:
            raise BadFilter(_("“%(value)s” is not a state the register knows: give its UN name "
                              "or ISO 3166 code.") % {"value": state[:40]}) from None
    return Filters(as_of, obligation, status, year, state)
