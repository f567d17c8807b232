"""Calendar arithmetic used by treaty rules: months, days and English date wording.

Month arithmetic clamps to the last day of the month (31 August + 6 months is 28 or
29 February): a treaty period never spills into the following month.
See docs/decisions.md ("Month-end arithmetic").
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

NUMBER_WORDS_EN = {
    1: "first",
    2: "second",
    3: "third",
    4: "fourth",
    5: "fifth",
    6: "sixth",
    7: "seventh",
    8: "eighth",
    9: "ninth",
    10: "tenth",
    11: "eleventh",
    12: "twelfth",
}


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def add_months(day: date, months: int) -> date:
    """Return the same day of the month `months` later, clamped to the month's last day."""
    year, month = _shift_month(day.year, day.month, months)
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def add_years(day: date, years: int) -> date:
    """Return the same day `years` later (29 February becomes 28 February)."""
    return add_months(day, 12 * years)


def first_day_of_month_after(day: date, months: int) -> date:
    """Return the first day of the `months`-th month after the month of `day`."""
    year, month = _shift_month(day.year, day.month, months)
    return date(year, month, 1)


def add_days(day: date, days: int) -> date:
    """Return the date `days` days after `day`."""
    return day + timedelta(days=days)


@lru_cache(maxsize=65536)
def format_date_en(day: date) -> str:
    """Return a date as the UN writes it in English: "1 November 2013"."""
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


CARDINALS_EN = "zero one two three four five six seven eight nine ten eleven twelve".split()


def cardinal_en(n: int) -> str:
    """Return "six" for 6 (words up to twelve), else the number in figures."""
    return CARDINALS_EN[n] if 0 <= n < len(CARDINALS_EN) else str(n)


def number_word_en(n: int) -> str:
    """Return "sixth" for 6 (ordinal words up to twelve), else the ordinal in figures."""
    if n in NUMBER_WORDS_EN:
        return NUMBER_WORDS_EN[n]
    return ordinal_en(n)


def ordinal_en(n: int) -> str:
    """Return 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st, 111th, 112th …"""
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
