"""The world map: the page, the SVG and the PNG of a treaty on any date."""

import datetime as dt
import re
from dataclasses import replace

import pytest
from django.utils import translation

from treatydesk.core import clock, pictures
from treatydesk.core import register as core
from treatydesk.records.facts.loading import current_register
from treatydesk.records.pictures import drawing

pytestmark = pytest.mark.django_db

TITLE = re.compile(r'data-state="([A-Z]{3})" data-status="([a-z_]+)"[^>]*><title>([^<]*)</title>')


def shapes(svg: str) -> dict[str, list[tuple[str, str]]]:
    """Return ISO3 → [(status, title)] for every shape and dot of a map."""
    found: dict[str, list] = {}
    for code, status, title in TITLE.findall(svg):
        found.setdefault(code, []).append((status, title))
    return found


def test_iraq_awaits_entry_into_force_the_day_before_and_is_a_party_on_the_day(
        client, fresh_site):
    before = client.get("/en/map.svg?treaty=CCM&as_of=2013-10-31")
    after = client.get("/en/map.svg?treaty=CCM&as_of=2013-11-01")
    assert before.status_code == after.status_code == 200
    assert before["Content-Type"].startswith("image/svg+xml")
    assert shapes(before.content.decode())["IRQ"] == [
        ("deposited", "Iraq: Deposited, awaiting entry into force")]
    assert shapes(after.content.decode())["IRQ"] == [("party", "Iraq: State Party")]


@pytest.mark.parametrize("day", ["2009-06-30", "2013-11-01", "2026-01-01"])
def test_every_state_of_the_register_is_on_the_map_with_its_name_and_status(
        client, fresh_site, day):
    register = current_register("CCM")
    svg = client.get(f"/en/map.svg?as_of={day}").content.decode()
    drawn = shapes(svg)
    words = {"party": "State Party", "signatory": "Signatory", "withdrawn": "Withdrawn",
             "deposited": "Deposited, awaiting entry into force"}
    as_of = clock.today().fromisoformat(day)
    for record in register.participants(as_of):
        assert record.state in drawn, record.state_name
        for status, title in drawn[record.state]:
            assert status == record.status.value
            assert title == f"{record.state_name}: {words[record.status.value]}"
    joined = {r.state for r in register.participants(as_of)}
    for code, entries in drawn.items():
        if code not in joined:
            assert {status for status, _title in entries} <= {"none", "other"}, code


@pytest.mark.parametrize("lang, iraq, usa", [
    ("fr", "Irak : État partie", "États-Unis : Non lié"),
    ("es", "Irak: Estado parte", "Estados Unidos: No adherido"),
])
def test_the_map_speaks_the_page_language(client, fresh_site, lang, iraq, usa):
    svg = client.get(f"/{lang}/map.svg?as_of=2013-11-01").content.decode()
    assert shapes(svg)["IRQ"] == [("party", iraq)]
    assert shapes(svg)["USA"] == [("none", usa)]
    assert f'lang="{lang}"' in svg


def test_the_page_has_the_map_the_legend_the_year_links_and_the_table(client, fresh_site):
    response = client.get("/en/map/?as_of=2013-11-01")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html and 'data-state="IRQ" data-status="party"' in html
    assert "Withdrawn" in html and "Not joined" in html
    assert 'href="/en/map/?as_of=2010-12-31"' in html
    assert re.search(r'<th scope="row"><a href="/en/states/IRQ/">Iraq</a></th><td>State Party',
                     html)
    assert "<script" not in html.replace('<script src="/static/pictures/map-slider.js" defer>',
                                         "")


def test_other_treaties_held_have_their_map(client, fresh_site):
    svg = client.get("/en/map.svg?treaty=apmbc&as_of=2000-01-01").content.decode()
    register = current_register("APMBC")
    parties = {r.state for r in register.participants(clock.today().fromisoformat("2000-01-01"))
               if r.status is core.Status.PARTY}
    drawn = shapes(svg)
    assert parties and all(drawn[code][0][0] == "party" for code in parties)


@pytest.mark.parametrize("query, words", [
    ("treaty=XYZ", "No register of “XYZ”"),
    ("as_of=2013-02-30", "no such day"),
    ("as_of=soon", "is not a date"),
])
def test_bad_parameters_are_a_clear_400(client, fresh_site, query, words):
    for url in (f"/en/map.svg?{query}", f"/en/map.png?{query}", f"/en/map/?{query}"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert words in response.content.decode()


def test_the_png_is_a_png_of_the_map(client, fresh_site):
    response = client.get("/en/map.png?as_of=2013-11-01")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    data = response.content
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width == 1200 and 450 < height < 700


def test_the_pictures_are_public_and_cacheable(client, fresh_site):
    for url in ("/en/map/", "/en/map.svg", "/en/charts/"):
        response = client.get(url)
        assert "public" in response["Cache-Control"], url
        assert "Set-Cookie" not in response, url


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_names_kept_for_the_map_are_those_it_would_look_up(lang):
    facts, _ = core.load_shipped_facts("CCM")
    register = core.Register(core.load_treaty("CCM"), facts)
    geo = pictures.world()
    codes = {*geo.others, *geo.states, *geo.dots}
    kept = drawing.area_names(register, lang)
    assert kept == {code: drawing.area_name(code, lang, register) for code in codes}
    # A register of other facts (a State renamed by the depositary) has its own names.
    renamed = core.Register(core.load_treaty("CCM"), [
        replace(fact, state_name="Republic of Iraq") if fact.state == "IRQ" else fact
        for fact in facts])
    if lang == "en":
        assert drawing.area_names(renamed, lang)["IRQ"] == "Republic of Iraq" != kept["IRQ"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_map_drawn_from_kept_shapes_is_the_map_drawn_afresh(fresh_site, lang):
    """Days of one stretch share the shapes: each map must still be its own day's, title too."""
    register = current_register("CCM")
    days = [dt.date(2013, 10, 30), dt.date(2013, 10, 31), dt.date(2013, 11, 1),
            dt.date(2013, 11, 2)]
    assert register.last_change(days[0]) == register.last_change(days[1])  # one stretch
    with translation.override(lang):
        for day in days + days[::-1]:
            kept = drawing.map_svg("CCM", day, legend=False, id_prefix="t")
            drawing._shapes_kept.clear()
            fresh = drawing.map_svg("CCM", day, legend=False, id_prefix="t")
            assert kept == fresh, day
            assert drawing.long_date(day, lang) in kept
    with translation.override(lang):
        before = drawing.map_svg("CCM", days[1], legend=False)
        after = drawing.map_svg("CCM", days[2], legend=False)
    assert shapes(before)["IRQ"][0][0] == "deposited"
    assert shapes(after)["IRQ"][0][0] == "party"


def test_the_kept_legend_and_year_links_are_each_language_s(client, fresh_site):
    english = client.get("/en/states-parties/").content.decode()
    french = client.get("/fr/states-parties/").content.decode()
    assert 'href="/en/map/?as_of=2009-12-31"' in english
    assert 'href="/fr/map/?as_of=2009-12-31"' in french
    assert "State Party</li>" in english
    assert "État partie</li>" in french
