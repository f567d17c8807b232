from datetime import date

import pytest

from treatydesk.core.register.dates import (
    add_days,
    add_months,
    add_years,
    first_day_of_month_after,
    format_date_en,
    ordinal_en,
)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 6, 27), 6, date(2025, 12, 27)),
        (date(2025, 7, 10), 6, date(2026, 1, 10)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),  # clamped to the end of February
        (date(2023, 8, 31), 6, date(2024, 2, 29)),  # leap year
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 3, 31), 1, date(2024, 4, 30)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 12, 15), 1, date(2025, 1, 15)),
        (date(2024, 5, 31), -3, date(2024, 2, 29)),
    ],
)
def test_add_months_clamps_to_month_end(start, months, expected):
    assert add_months(start, months) == expected


def test_add_years_moves_29_february_to_28():
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (date(2010, 2, 16), date(2010, 8, 1)),
        (date(2013, 5, 14), date(2013, 11, 1)),
        (date(2012, 7, 17), date(2013, 1, 1)),
        (date(2011, 9, 22), date(2012, 3, 1)),
        (date(2015, 7, 24), date(2016, 1, 1)),
        (date(2013, 5, 1), date(2013, 11, 1)),
        (date(2013, 5, 31), date(2013, 11, 1)),
    ],
)
def test_first_day_of_sixth_month_after(start, expected):
    assert first_day_of_month_after(start, 6) == expected


def test_ninety_days():
    assert add_days(date(2014, 9, 25), 90) == date(2014, 12, 24)
    assert add_days(date(2020, 10, 24), 90) == date(2021, 1, 22)


def test_format_date_en_has_no_leading_zero():
    assert format_date_en(date(2013, 11, 1)) == "1 November 2013"
    assert format_date_en(date(2025, 3, 6)) == "6 March 2025"


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (10, "10th"), (11, "11th"),
        (12, "12th"), (13, "13th"), (14, "14th"), (21, "21st"), (22, "22nd"), (23, "23rd"),
        (83, "83rd"), (100, "100th"), (101, "101st"), (102, "102nd"), (111, "111th"),
        (112, "112th"), (113, "113th"), (121, "121st"), (1011, "1011th"), (1001, "1001st"),
    ],
)  # fmt: skip
def test_ordinal_en(n, text):
    assert ordinal_en(n) == text
