"""The states-parties page: every participant on a day, sortable, with counts."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from treatydesk.core import clock
from treatydesk.records.status import asof

pytestmark = pytest.mark.django_db


def row_of(html: str, state: str) -> str:
    """Return the table row whose header cell names ``state``."""
    for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S):
        if re.search(rf'<th scope="row"><a [^>]*>{re.escape(state)}</a></th>', row):
            return row
    raise AssertionError(f"no row for {state}")


def row_names(html: str) -> list[str]:
    return re.findall(r'<th scope="row"><a [^>]*>([^<]+)</a></th>', html)


def test_url_name():
    assert reverse("states_parties") == "/en/states-parties/"


def test_iraq_row_shows_its_ordinal_and_entry_into_force(client, fresh_site):
    response = client.get("/en/states-parties/")
    assert response.status_code == 200
    row = row_of(response.content.decode(), "Iraq")
    assert '<td class="num">83' in row
    assert "1 November 2013" in row
    assert '<time datetime="2013-11-01">' in row
    assert "14 May 2013" in row
    assert "Ratification" in row
    assert "State Party" in row


def test_every_participant_is_listed(client, fresh_site):
    html = client.get("/en/states-parties/?as_of=2026-11-28").content.decode()
    assert len(row_names(html)) == 125


def test_counts_above_the_table(client, fresh_site):
    html = client.get("/en/states-parties/?as_of=2026-11-28").content.decode()
    counts = dict(re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", html))
    assert counts["States Parties"] == "112"
    assert counts["Signatories that have not yet ratified"] == "12"
    assert counts["Withdrawn"] == "1"
    assert html.index('class="counts"') < html.index("<table")


def test_as_of_shows_iraq_deposited_and_awaiting(client, fresh_site):
    response = client.get("/en/states-parties/?as_of=2013-06-01")
    assert response.status_code == 200
    row = row_of(response.content.decode(), "Iraq")
    assert "Deposited, awaiting entry into force" in row
    assert "1 November 2013" in row


def test_as_of_leaves_out_later_participants(client, fresh_site):
    html = client.get("/en/states-parties/?as_of=2009-01-01").content.decode()
    names = row_names(html)
    assert "Norway" in names  # signed and ratified on 3 December 2008
    assert "Iraq" not in names  # signed on 12 November 2009
    assert "Andorra" not in names  # acceded on 9 April 2013


def test_as_of_keeps_in_form_and_download_links(client, fresh_site):
    html = client.get("/en/states-parties/?as_of=2013-06-01").content.decode()
    assert 'value="2013-06-01"' in html
    assert 'href="/en/states-parties.csv?as_of=2013-06-01"' in html
    assert 'href="/en/states-parties.json?as_of=2013-06-01"' in html


@pytest.mark.parametrize(
    "value", ["yesterday", "2013-13-01", "2013-02-30", "01/06/2013", "2013-6-1"]
)
def test_bad_as_of_is_a_400_with_a_message(client, fresh_site, value):
    response = client.get("/en/states-parties/", {"as_of": value})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error" role="alert"' in html
    assert "YYYY-MM-DD" in html or "no such day" in html
    assert "Traceback" not in html


@pytest.mark.parametrize("path", ["/en/states-parties/", "/en/states-parties.csv",
                                  "/en/states-parties.json"])
@pytest.mark.parametrize("day", ["2000-01-01", "2008-05-29", "9999-12-31", "4000-01-01"])
def test_date_outside_the_treatys_life_is_a_400_naming_the_dates(client, fresh_site, path,
                                                                 day):
    response = client.get(path, {"as_of": day})
    assert response.status_code == 400
    assert "from 2008-05-30 (the treaty" in response.content.decode()


def test_adoption_day_and_the_horizon_are_shown(client, fresh_site):
    assert client.get("/en/states-parties/?as_of=2008-05-30").status_code == 200
    last = asof.latest_day(clock.today())
    assert client.get(f"/en/states-parties/?as_of={last.isoformat()}").status_code == 200
    after = last + dt.timedelta(days=1)
    assert client.get(f"/en/states-parties/?as_of={after.isoformat()}").status_code == 400


def test_date_in_the_future_is_a_projection_with_a_warning(client, fresh_site):
    future = clock.today() + dt.timedelta(days=400)
    response = client.get(f"/en/states-parties/?as_of={future.isoformat()}")
    assert response.status_code == 200
    assert "is in the future" in response.content.decode()


def test_sort_by_ordinal(client, fresh_site):
    html = client.get("/en/states-parties/?sort=ordinal&as_of=2026-11-28").content.decode()
    ordinals = [int(n) for n in re.findall(r'<td class="num">(\d+)', html)]
    assert ordinals == sorted(ordinals)
    assert ordinals[0] == 1
    assert 'aria-sort="ascending"' in html
    assert html.count("aria-sort=") == 1
    # Signatories without an instrument have no ordinal and come last.
    names = row_names(html)
    assert names[-1] != "Iraq"


def eif_dates(html: str) -> list[str]:
    """Return the entry-into-force cell of each row, in table order ("" when empty)."""
    dates = []
    for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)[1:]:
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        found = re.search(r'datetime="([\d-]+)"', cells[3])
        dates.append(found.group(1) if found else "")
    return dates


def test_sort_by_entry_into_force_descending(client, fresh_site):
    html = client.get("/en/states-parties/?sort=-eif&as_of=2026-11-28").content.decode()
    assert ('<th scope="col" aria-sort="descending">'
            '<a href="?as_of=2026-11-28&amp;sort=eif">Entry into force') in html
    dates = eif_dates(html)
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    assert dated[0] == "2026-03-01"  # Vanuatu
    # Signatories, with no entry into force, come after every dated row.
    assert dates == dated + [""] * (len(dates) - len(dated))


def test_sort_by_state_descending_and_unknown_sort_falls_back(client, fresh_site):
    names = row_names(client.get("/en/states-parties/?sort=-state").content.decode())
    assert names[0] == "Zambia"
    names = row_names(client.get("/en/states-parties/?sort=nonsense").content.decode())
    assert names[0] == "Afghanistan"


def test_header_links_toggle_and_keep_as_of(client, fresh_site):
    html = client.get("/en/states-parties/?as_of=2013-06-01&sort=ordinal").content.decode()
    assert 'href="?as_of=2013-06-01&amp;sort=-ordinal"' in html
    assert 'href="?as_of=2013-06-01&amp;sort=eif"' in html


def test_french_page_has_french_names_and_dates(client, fresh_site):
    response = client.get("/fr/states-parties/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    row = row_of(html, "Irak")
    assert "1er novembre 2013" in row
    assert "Saint-Siège" in row_names(html)


def test_spanish_page_sorts_names_in_spanish(client, fresh_site):
    names = row_names(client.get("/es/states-parties/").content.decode())
    assert names[0] == "Afganistán"
    assert names.index("Irak") < names.index("Irlanda")


def test_past_day_shows_no_later_instrument(client, fresh_site):
    html = client.get("/en/states-parties/?as_of=2013-06-01").content.decode()
    row = row_of(html, "Nigeria")
    assert "Signatory" in row
    assert "2023" not in row


def test_site_of_another_treaty(client, settings, fresh_site):
    settings.TREATYDESK_TREATY = "APMBC"
    response = client.get("/en/states-parties/?as_of=2026-11-28")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Anti-Personnel Mines" in html
    response = client.get("/en/states-parties.csv?as_of=2026-11-28")
    assert 'filename="apmbc-states-parties-2026-11-28.csv"' in response["Content-Disposition"]
    csv_rows = response.content.decode().splitlines()[1:]
    assert len(row_names(html)) == len(csv_rows) > 160
