"""The ``?as_of=YYYY-MM-DD`` date of a register page: parsed, checked and explained."""

import dataclasses
import datetime as dt
import re

from django.utils.translation import gettext as _

from treatydesk.core import clock

from .localize import long_date

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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


def parse_as_of(value: str | None, now: dt.date | None = None) -> AsOf:
    """Return the day asked for by ``value`` (today when empty), or raise ``BadAsOf``."""
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
    return AsOf(day, now, chosen=True)


def as_of_notice(as_of: AsOf, treaty) -> str:
    """Return a sentence explaining a date outside the register's history, or ""."""
    if as_of.before(treaty.adopted_on):
        return _(
            "On %(day)s the treaty did not exist yet: it was adopted on %(adopted)s. No State "
            "had signed or joined it."
        ) % {"adopted": long_date(treaty.adopted_on), "day": long_date(as_of.date)}
    if as_of.in_future:
        return _(
            "%(day)s is in the future. The table shows what the instruments deposited up to "
            "today imply for that day; instruments and withdrawals still to come may change it."
        ) % {"day": long_date(as_of.date)}
    return ""
