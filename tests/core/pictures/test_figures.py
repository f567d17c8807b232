"""The pictures' numbers are the register's own counts."""

import datetime as dt

from treatydesk.core import pictures
from treatydesk.core import register as core

TODAY = dt.date(2026, 6, 1)


def ccm() -> core.Register:
    facts, _problems = core.load_shipped_facts("CCM")
    return core.Register(core.load_treaty("CCM"), facts, today=TODAY)


def test_cumulative_is_counts_at_each_year_end():
    register = ccm()
    rows = pictures.cumulative(register, TODAY)
    assert rows[0].year == 2008 and rows[-1].year == 2026
    assert rows[-1].day == TODAY
    for row in rows:
        assert row.day == pictures.year_end(row.year, TODAY)
        assert row.counts == register.counts(row.day)
        assert row.states_parties == row.counts.bound


def test_map_statuses_are_the_registers_statuses():
    register = ccm()
    day = dt.date(2013, 11, 1)
    statuses = pictures.map_statuses(register, day)
    assert statuses["IRQ"] == "party"
    assert pictures.map_statuses(register, day - dt.timedelta(days=1))["IRQ"] == "deposited"
    assert set(statuses) == {record.state for record in register.participants(day)}


def test_curves_take_each_anniversary_of_opening_for_signature():
    register = ccm()
    (curve,) = pictures.curves([(register, "CCM")], TODAY)
    assert curve.opened == dt.date(2008, 12, 3)
    assert curve.points[0] == (0, 0)
    assert curve.points[5] == (5, register.counts(dt.date(2013, 12, 3)).bound)
    assert len(curve.points) == 18  # 3 December 2008 … 3 December 2025


def test_regions_sum_to_the_states_parties():
    register = ccm()
    by_region = pictures.parties_by_region(register, pictures.m49_regions(), TODAY)
    assert set(by_region) == set(pictures.REGION_CODES)
    for i, row in enumerate(pictures.cumulative(register, TODAY)):
        assert sum(series[i][1] for series in by_region.values()) == row.states_parties
    assert by_region["002"][0][2] == 54  # the States of Africa


def test_region_names_in_three_languages():
    assert [pictures.region_name("142", lang) for lang in ("en", "fr", "es")] == [
        "Asia", "Asie", "Asia"]
