"""The ``?as_of=YYYY-MM-DD`` date of a register page: parsed, checked and explained.

Every ``as_of`` the site takes (the states-parties pages, the obligations pages and their
downloads, the reminders command) goes through ``parse_as_of``: a date before the treaty was
adopted, or more than ``HORIZON_YEARS`` years after today, is refused with a message saying
which dates are accepted.  The bound keeps the work of a page independent of the date asked
for: annual obligations are counted year by year up to the date, so an unbounded date
(``9999-12-31``) would let one request hold a worker for a minute (docs/security.md).
"""

import dataclasses
import datetime as dt
import re

from django.utils.translation import gettext as _

from treatydesk.core import clock

from .localize import long_date
from .summary import site_treaty

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)

HORIZON_YEARS = 5  # the furthest a reader may look ahead: today + 5 years


def latest_day(today: dt.date) -> dt.date:
    """Return the last day an ``as_of`` may name: ``HORIZON_YEARS`` after ``today``."""
    try:
        return today.replace(year=today.year + HORIZON_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year + HORIZON_YEARS, day=28)


class BadAsOf(ValueError):
    """The ``as_of`` value is not a date the register can be shown on; ``message`` says why."""

    def __init__(self, message: str, value: str):
        super().__init__(message)
        self.message = message
        self.value = value


@dataclasses.dataclass(frozen=True)
class AsOf:
    """The day a register page shows, and whether the reader chose it."""

    date: dt.date
    today: dt.date
    chosen: bool

    @property
    def is_today(self) -> bool:
        return self.date == self.today

    @property
    def in_future(self) -> bool:
        return self.date > self.today

    def before(self, day: dt.date) -> bool:
        return self.date < day

    @property
    def query(self) -> str:
        """Return the query string that keeps this date in links ("" for today)."""
        return f"as_of={self.date.isoformat()}" if self.chosen else ""


def parse_as_of(value: str | None, now: dt.date | None = None, *,
                earliest: dt.date | None = None) -> AsOf:
    """Return the day asked for by ``value`` (today when empty), or raise ``BadAsOf``.

    ``earliest`` is the first day accepted (the treaty's adoption; the site's treaty when not
    given); the last is ``latest_day(now)``.
    """
    now = now or clock.today()
    value = (value or "").strip()
    if not value:
        return AsOf(now, now, chosen=False)
    if not _ISO_DATE.fullmatch(value):
        raise BadAsOf(
            _("“%(value)s” is not a date. Write the date as YYYY-MM-DD, for example %(example)s.")
            % {"value": value[:40], "example": "2013-06-01"},
            value,
        )
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise BadAsOf(
            _("There is no such day as %(value)s: check the month and the day.") % {"value": value},
            value,
        ) from None
    if earliest is None:
        earliest = site_treaty().adopted_on
    latest = latest_day(now)
    if not earliest <= day <= latest:
        raise BadAsOf(
            _("%(value)s is outside the dates the register can show: give a day from "
              "%(earliest)s (the treaty's adoption) to %(latest)s (%(years)s years from today).")
            % {"value": value, "earliest": earliest.isoformat(), "latest": latest.isoformat(),
               "years": HORIZON_YEARS},
            value,
        )
    return AsOf(day, now, chosen=True)


def as_of_notice(as_of: AsOf, treaty) -> str:
    """Return a sentence explaining a date in the future (a projection), or ""."""
    if as_of.in_future:
        return _(
            "%(day)s is in the future. The table shows what the instruments deposited up to "
            "today imply for that day; instruments and withdrawals still to come may change it."
        ) % {"day": long_date(as_of.date)}
    return ""
