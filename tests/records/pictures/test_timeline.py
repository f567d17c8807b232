"""A State's page shows its timeline as a picture: acts, computed dates and deadlines."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_iraqs_timeline_shows_signature_deposit_entry_into_force_and_deadlines(client, fresh_site):
    html = client.get("/en/states/IRQ/").content.decode()
    svg = html[html.index('<svg xmlns="http://www.w3.org/2000/svg"'):]
    svg = svg[:svg.index("</svg>")]
    rows = re.findall(r"<text [^>]*>([^<]*) — ([^<]*)</text>", svg)
    labels = [label for _day, label in rows]
    assert ("14 May 2013", "Ratification") in rows
    assert ("1 November 2013", "Entry into force for the State") in rows
    assert labels.index("Ratification") < labels.index("Entry into force for the State")
    assert any(label.endswith(" due") for label in labels)  # a deadline: reports, destruction
    assert "Timeline of Iraq under the treaty" in svg
