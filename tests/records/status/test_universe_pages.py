"""A page for every State, joined or not, and the States Parties list's search and filters."""

import re

import pytest

from treatydesk.core import register as core
from treatydesk.records.facts.loading import current_register
from treatydesk.records.status.states import held_treaties
from treatydesk.records.status.summary import site_register

pytestmark = pytest.mark.django_db


def names_listed(html: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="/\w+/states/(\w{3})/">', html)


@pytest.mark.parametrize("iso3", ["USA", "BRA", "RUS", "CHN", "IND"])
def test_a_state_that_has_not_joined_has_its_page(client, fresh_site, iso3):
    response = client.get(f"/en/states/{iso3}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{core.country_name(iso3)}</h1>" in html
    assert "Not a signatory" in html
    assert "Standing in every treaty this site follows" in html
    assert "Convention on Cluster Munitions" in html


def test_every_state_of_the_universe_answers(client, fresh_site):
    # The participants' pages are tested elsewhere; here every other code of the universe.
    joined = {r.state for r in site_register().participants()}
    outside = [iso3 for iso3 in core.universe() if iso3 not in joined]
    assert len(outside) > 60
    for iso3 in outside:
        assert client.get(f"/en/states/{iso3}/").status_code == 200, iso3


def test_standing_names_every_treaty_held(client, fresh_site):
    html = client.get("/en/states/USA/").content.decode()
    standing = html.split('id="standing-heading"', 1)[1].split("</table>", 1)[0]
    assert "Convention on Cluster Munitions" in standing
    assert "Anti-Personnel Mines" in standing
    # One row per treaty held, "Not a signatory" wherever the register has no USA record.
    held = held_treaties()
    assert len(held) >= 2 and standing.count("<tr><th scope=\"row\">") == len(held)
    outside = [code for code in held if current_register(code).participant("USA") is None]
    assert standing.count("Not a signatory") == len(outside) >= 2
    # A State Party's own page has the table too, with its status in each treaty.
    iraq = client.get("/en/states/IRQ/").content.decode()
    table = iraq.split('id="standing-heading"', 1)[1].split("</table>", 1)[0]
    assert "State Party" in table


def test_outside_page_in_french_and_spanish(client, fresh_site):
    fr = client.get("/fr/states/USA/").content.decode()
    assert "<h1>États-Unis</h1>" in fr
    es = client.get("/es/states/USA/").content.decode()
    assert "<h1>Estados Unidos</h1>" in es


def test_unknown_code_is_still_404(client, fresh_site):
    assert client.get("/en/states/XYZ/").status_code == 404


def test_status_none_lists_the_states_outside(client, fresh_site):
    html = client.get("/en/states-parties/?status=none").content.decode()
    listed = names_listed(html)
    assert {"USA", "RUS", "CHN", "BRA"} <= set(listed)
    assert "IRQ" not in listed
    joined = {r.state for r in site_register().participants()}
    assert set(listed) == set(core.universe()) - joined


def test_filters_by_region_group_and_status(client, fresh_site):
    americas = names_listed(client.get("/en/states-parties/?region=019").content.decode())
    assert "CHL" in americas and "FRA" not in americas
    eastern = names_listed(client.get(
        "/en/states-parties/?group=eastern-european&status=withdrawn").content.decode())
    assert eastern == ["LTU"]


def test_search_ignores_case_and_accents_and_takes_codes(client, fresh_site):
    assert names_listed(client.get("/en/states-parties/?q=cote").content.decode()) == ["CIV"]
    assert names_listed(client.get("/en/states-parties/?q=irq").content.decode()) == ["IRQ"]
    html = client.get("/en/states-parties/?q=nowhere").content.decode()
    assert "No State matches these filters." in html


def test_unknown_filter_values_are_ignored(client, fresh_site):
    plain = names_listed(client.get("/en/states-parties/").content.decode())
    odd = names_listed(client.get(
        "/en/states-parties/?status=bogus&region=999&group=x").content.decode())
    assert odd == plain


def test_form_works_without_javascript_and_sorting_keeps_filters(client, fresh_site):
    html = client.get("/en/states-parties/?region=150&sort=-eif").content.decode()
    assert '<form class="filter-form" method="get" action="/en/states-parties/"' in html
    assert '<option value="150" selected>Europe</option>' in html
    # The column headings sort the filtered list: their links keep the filters.
    assert 'href="?region=150&amp;sort=eif"' in html


def test_the_kept_options_follow_the_choice_and_the_language(client, fresh_site):
    """Each filter's options are rendered once per language and choice: none may leak."""
    for _ in range(2):
        europe = client.get("/en/states-parties/?region=150").content.decode()
        plain = client.get("/en/states-parties/").content.decode()
        french = client.get("/fr/states-parties/?region=150").content.decode()
        assert '<option value="150" selected>Europe</option>' in europe
        assert "selected>" not in plain
        assert 'value="150" selected>' in french
        assert ">Océanie<" in french and ">Oceania<" not in french
        assert ">Oceania<" in europe and ">Signatory<" in europe
