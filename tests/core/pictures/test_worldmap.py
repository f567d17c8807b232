"""The world map: every State that may join a treaty is on it; titles and colours are right."""

import re

from treatydesk.core import pictures
from treatydesk.core.pictures.worldmap import Geometry, MapText, world_map

LEGEND = {key: f"<{key}>" for key in pictures.MAP_KEYS}


def label(code: str, key: str) -> str:
    return f"{code} & co: {LEGEND[key]}"


def test_every_state_that_may_join_a_treaty_is_drawn():
    assert set(pictures.m49_regions()) - pictures.world().drawn == set()


def test_geometry_is_projected_and_compact():
    geometry = pictures.world()
    assert geometry.projection == "Equal Earth"
    assert geometry.source["package"].startswith("world-atlas@")
    assert 1.9 < geometry.width / geometry.height < 2.5  # Antarctica left out
    for x, y in geometry.dots.values():
        assert 0 <= x <= geometry.width and 0 <= y <= geometry.height


def test_each_shape_and_dot_has_its_status_colour_and_escaped_title():
    geometry = Geometry(width=100, height=50, states={"IRQ": "M1 1l2 0 0 2z", "FRA": "M5 5l1 1z"},
                        others={"GRL": "M9 9l1 0 0 1z"}, dots={"VAT": (3, 4)})
    svg = world_map({"IRQ": "party", "VAT": "withdrawn"}, label,
                    MapText("T & t", "D", LEGEND, "fr"), geometry=geometry, legend=False,
                    id_prefix="x")
    assert '<path d="M1 1l2 0 0 2z" fill="#0072B2" data-state="IRQ" data-status="party">' \
        '<title>IRQ &amp; co: &lt;party&gt;</title></path>' in svg
    assert 'data-state="FRA" data-status="none"' in svg
    assert re.search(r'<circle [^>]*fill="url\(#x-hatch\)" data-state="VAT" '
                     r'data-status="withdrawn"', svg)
    assert '<pattern id="x-hatch"' in svg
    assert 'data-state="GRL" data-status="other"' in svg
    assert '<title id="x-t">T &amp; t</title>' in svg and 'lang="fr"' in svg
    assert "&lt;not" not in svg and "<text" not in svg  # no legend asked for


def test_the_legend_names_every_key_when_asked():
    svg = world_map({}, label, MapText("T", "D", LEGEND), legend=True)
    for key in pictures.MAP_KEYS:
        assert "<text x=" in svg and f"&lt;{key}&gt;</text>" in svg
