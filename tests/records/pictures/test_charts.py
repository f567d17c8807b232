"""The charts: their numbers are the register's counts, shown as a table and as CSV."""

import csv
import datetime as dt
import io
import re

import pytest

from treatydesk.core import clock, pictures
from treatydesk.records.facts.loading import current_register

pytestmark = pytest.mark.django_db


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_cumulative_chart_counts_are_the_registers_counts_every_year(client, fresh_site):
    register = current_register("CCM")
    today = clock.today()
    rows = csv_rows(client.get("/en/charts/cumulative.csv"))
    years = [int(row["Year"]) for row in rows]
    assert years == list(range(2008, today.year + 1))
    for row in rows:
        day = min(dt.date(int(row["Year"]), 12, 31), today)
        counts = register.counts(day)
        assert row["Counted on"] == day.isoformat()
        assert int(row["States Parties"]) == counts.bound
        assert int(row["Signatories"]) == counts.signatories
        assert int(row["Deposited, awaiting entry into force"]) == counts.deposited
        assert int(row["Withdrawn"]) == counts.withdrawn


def test_the_chart_table_on_the_page_has_the_csvs_numbers(client, fresh_site):
    html = client.get("/en/charts/").content.decode()
    rows = csv_rows(client.get("/en/charts/cumulative.csv"))
    table = html[html.index('id="chart-cumulative-caption"'):]
    table = table[:table.index("</table>")]
    cells = re.findall(r'<tr><th scope="row">(\d{4})</th>((?:<td class="num">[^<]*</td>)+)</tr>',
                       table)
    assert [year for year, _ in cells] == [row["Year"] for row in rows]
    for (_year, tds), row in zip(cells, rows, strict=True):
        values = re.findall(r'<td class="num">([^<]*)</td>', tds)
        assert values[1] == row["States Parties"]


def test_instruments_per_year_add_up_to_the_instruments_deposited(client, fresh_site):
    register = current_register("CCM")
    rows = csv_rows(client.get("/en/charts/instruments.csv"))
    total = sum(int(row["Total"]) for row in rows)
    dated = [r for r in register.participants(clock.today())
             if r.instrument is not None and r.instrument.date is not None]
    assert total == len(dated)
    by_kind = sum(int(row["Accession"]) for row in rows)
    assert by_kind == sum(1 for r in dated if r.instrument.kind.value == "accession")


def test_the_regions_add_up_to_the_states_parties(client, fresh_site):
    register = current_register("CCM")
    rows = csv_rows(client.get("/en/charts/regions.csv"))
    regions = pictures.m49_regions()
    assert all(state in regions for state in register.states)
    for row in rows:
        day = min(dt.date(int(row["Year"]), 12, 31), clock.today())
        assert sum(int(v) for k, v in row.items() if k != "Year") == register.counts(day).bound


def test_the_treaties_compared_start_at_opening_for_signature(client, fresh_site):
    rows = csv_rows(client.get("/en/charts/compared.csv"))
    assert rows[0]["Years since opening for signature"] == "0"
    header = list(rows[0])
    from treatydesk.records.facts.models import Fact

    held = set(Fact.objects.values_list("treaty", flat=True))
    assert len(header) == 1 + len(held)  # the years, then one column per treaty held
    apmbc = current_register("APMBC")
    opened = apmbc.treaty.signature.opened_on
    column = header[1]  # the older treaty first
    assert int(rows[3][column]) == apmbc.counts(opened.replace(year=opened.year + 3)).bound


def test_the_charts_page_shows_every_chart_with_a_sentence_and_is_translated(client, fresh_site):
    for lang, word in (("en", "States Parties by region"), ("fr", "États parties par région"),
                       ("es", "Estados Partes por región")):
        html = client.get(f"/{lang}/charts/").content.decode()
        assert html.count('<figure class="picture"><svg') == 4
        assert word in html
    assert "<script" not in html


def test_meetings_of_states_parties_are_marked_from_the_meetings_pages(client, fresh_site):
    svg = client.get("/en/charts/cumulative.svg").content.decode()
    assert "Entry into force: 1 August 2010" in svg
    assert "Fourth Meeting of States Parties: 10 September 2013" in svg
    # The meetings pages are the site treaty's: another treaty's chart marks its entry into
    # force only, and says so.
    html = client.get("/en/charts/?treaty=APMBC").content.decode()
    assert "only entry into force is marked" in html


def test_an_unknown_chart_is_404(client, fresh_site):
    assert client.get("/en/charts/pie.csv").status_code == 404


def test_the_cumulative_chart_equals_the_apis_counts_every_year(client, fresh_site):
    rows = csv_rows(client.get("/en/charts/cumulative.csv"))
    ended = [row for row in rows if row["Counted on"].endswith("-12-31")]
    first, last = ended[0]["Counted on"], ended[-1]["Counted on"]
    api = client.get(f"/api/v1/treaties/CCM/counts?from={first}&to={last}&step=year").json()
    items = api["items"]
    assert [item["as_of"] for item in items] == [row["Counted on"] for row in ended]
    for item, row in zip(items, ended, strict=True):
        assert item["states_parties"] == int(row["States Parties"])
        assert item["signatories"] == int(row["Signatories"])
        assert item["deposited"] == int(row["Deposited, awaiting entry into force"])
        assert item["withdrawn"] == int(row["Withdrawn"])
