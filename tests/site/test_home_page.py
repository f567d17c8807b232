"""The home page: today's counts and the latest instruments with their notices."""

import re

import pytest

from treatydesk.records.status.summary import home_summary

pytestmark = pytest.mark.django_db


def test_home_shows_counts_and_latest_instruments(client, fresh_site):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    counts = dict(re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", html))
    assert counts["States Parties"] == "112"
    assert counts["Signatories that have not yet ratified"] == "12"
    assert "Instruments deposited, awaiting entry into force" in counts
    deposits = re.findall(r'<ol class="deposits".*?</ol>', html, flags=re.S)[0]
    assert deposits.count("<li>") == 10
    assert ("As the 113th State to accede to the Convention on Cluster Munitions, Vanuatu "
            "became a State Party on 1 March 2026.") in deposits
    assert 'href="/en/states/VUT/"' in deposits
    assert 'href="/en/states-parties/"' in html
    assert 'href="/en/states-parties.csv"' in html
    assert 'href="/en/states-parties.json"' in html




def test_home_summary_on_a_past_day(fresh_site):
    import datetime as dt

    summary = home_summary(dt.date(2013, 6, 1), "en")
    latest = summary["latest_deposits"]
    assert [d.date for d in latest] == sorted((d.date for d in latest), reverse=True)
    assert latest[0].date <= dt.date(2013, 6, 1)
    iraq = next(d for d in latest if d.iso3 == "IRQ")
    assert iraq.ordinal == 83
    assert iraq.kind == "Ratification"
    assert iraq.notice == ("As the 83rd State to ratify the Convention on Cluster Munitions, "
                           "Iraq will become a State Party on 1 November 2013.")
    assert summary["counts"].deposited >= 1


def test_french_home_has_french_names_and_dates(client, fresh_site):
    response = client.get("/fr/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Soudan du Sud" in html
    assert "5 septembre 2025" in html


def test_home_pages_are_titled_with_the_treaty_title_of_their_language(fresh_site):
    from treatydesk.site.models import HomePage

    titles = {page.locale.language_code: page.title
              for page in HomePage.objects.select_related("locale")}
    assert titles == {"en": "Convention on Cluster Munitions",
                      "fr": "Convention sur les armes à sous-munitions",
                      "es": "Convención sobre Municiones en Racimo"}
