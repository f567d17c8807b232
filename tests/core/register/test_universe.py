"""The States' universe: UN members, observers, Cook Islands and Niue, with region and group."""

from collections import Counter

import pytest

from treatydesk.core import register as core


def test_every_un_member_observer_and_depositary_listed_state_is_there():
    states = core.universe()
    statuses = Counter(state.un_status for state in states.values())
    assert statuses == {"member": 193, "observer": 2, "other": 2}
    assert {code for code, s in states.items() if s.un_status == "observer"} == {"VAT", "PSE"}
    assert {code for code, s in states.items() if s.un_status == "other"} == {"COK", "NIU"}


def test_regional_groups_have_the_un_sizes():
    members = [s for s in core.universe().values() if s.un_status == "member"]
    groups = Counter(state.regional_group for state in members)
    assert groups["african"] == 54
    assert groups["eastern-european"] == 23
    assert groups["latin-american-caribbean"] == 33
    # 28 members and the United States, counted in the group for elections.
    assert groups["western-european-other"] == 29
    assert sum(groups.values()) == 193 and "" not in groups


def test_m49_regions_of_known_states():
    expected = {"USA": "019", "BRA": "019", "RUS": "150", "CHN": "142", "AUS": "009",
                "CYP": "142", "TUR": "142", "GEO": "142", "NZL": "009", "ZAF": "002",
                "VAT": "150", "NIU": "009"}
    for iso3, region in expected.items():
        assert core.universe_state(iso3).m49_region == region, iso3
    assert Counter(s.m49_region for s in core.universe().values()) == {
        "002": 54, "019": 35, "142": 48, "150": 44, "009": 16}


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_every_state_has_a_name_in_each_language(lang):
    for iso3 in core.universe():
        assert core.country_name(iso3, lang), iso3


def test_lookup_ignores_case_and_answers_none_for_codes_outside():
    assert core.universe_state("usa").iso3 == "USA"
    assert core.universe_state("XKX") is None
    assert core.universe_state("") is None


@pytest.mark.parametrize(("row", "problem"), [
    ("US,member,019,western-european-other", "line 2: iso3 'US' is not a three-letter code"),
    ("USA,friend,019,", "line 2: un_status 'friend'"),
    ("USA,member,021,", "line 2: m49_region '021' is not an M49 region code"),
    ("USA,member,019,weog", "line 2: regional_group 'weog' is not a UN group"),
])
def test_a_wrong_row_is_named_by_line_and_field(row, problem):
    with pytest.raises(core.UniverseError, match=problem):
        core.parse_universe(f"iso3,un_status,m49_region,regional_group\n{row}\n")


def test_a_state_listed_twice_is_refused():
    text = "iso3,un_status,m49_region,regional_group\nUSA,member,019,\nusa,member,019,\n"
    with pytest.raises(core.UniverseError, match="line 3: USA is listed twice"):
        core.parse_universe(text)
