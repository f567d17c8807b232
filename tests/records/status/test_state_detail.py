"""A page per state: its timeline, with the rule behind every computed date."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_url_name():
    assert reverse("state_detail", kwargs={"iso3": "IRQ"}) == "/en/states/IRQ/"


def test_iraq_timeline_with_rule_and_article(client, fresh_site):
    response = client.get("/en/states/IRQ/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Iraq</h1>" in html
    assert "State Party" in html
    assert "State no. 83" in html
    assert '<time datetime="2009-11-12">12 November 2009</time>' in html  # signature
    assert '<time datetime="2013-05-14">14 May 2013</time>' in html  # ratification
    assert '<time datetime="2013-11-01">1 November 2013</time>' in html  # entry into force
    assert "<strong>Art. 17(2)</strong>" in html
    assert "first day of the sixth month" in html
    assert "deposit 14 May 2013" in html
    assert ("As the 83rd State to ratify the Convention on Cluster Munitions, Iraq became a "
            "State Party on 1 November 2013.") in html
    assert "UNTC status table (2014 copy)" in html  # the source of each fact


def test_lower_case_code_redirects_to_upper(client, fresh_site):
    response = client.get("/en/states/irq/")
    assert response.status_code == 301
    assert response["Location"] == "/en/states/IRQ/"


@pytest.mark.parametrize("path", ["/en/states/XYZ/", "/en/states/IRAQ/"])
def test_unknown_state_is_404(client, fresh_site, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_withdrawn_state_shows_withdrawal_and_its_source(client, fresh_site):
    html = client.get("/en/states/LTU/").content.decode()
    assert "Withdrawn" in html
    assert "Withdrawal takes effect" in html
    assert '<time datetime="2025-03-06">6 March 2025</time>' in html
    assert "<strong>Art. 20</strong>" in html
    assert "withdrawal from the Convention on Cluster Munitions took effect on 6 March 2025" in html
    assert "genevapm.dfa.gov.ph" in html  # the source, labelled with its publisher
    assert "exact notification date not stated" not in html  # the internal note stays inside
    assert "see withdrawals.csv" not in html and "row kept for history" not in html
    assert "recorded from the sources cited" in html  # a news source is not the depositary
    assert "recorded by the depositary" not in html


def test_tied_ordinal_is_flagged(client, fresh_site):
    html = client.get("/en/states/NOR/").content.decode()
    assert "State no. 1 " in html
    assert "on the same day as" in html
    assert "the order of deposit that day is not recorded" in html


def test_french_state_page(client, fresh_site):
    response = client.get("/fr/states/IRQ/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Irak</h1>" in html
    assert '<time datetime="2013-11-01">1er novembre 2013</time>' in html
    assert '<dd lang="en">Iraq</dd>' in html  # the depositary's name is kept
    assert ("En tant que 83e État à ratifier la Convention sur les armes à sous-munitions, "
            "l’Irak est État partie depuis le 1er novembre 2013.") in html


def test_french_and_spanish_pages_carry_the_treaty_title_in_their_language(client, fresh_site):
    french = client.get("/fr/states/IRQ/").content.decode()
    assert "<title>Irak · Convention sur les armes à sous-munitions</title>" in french
    spanish = client.get("/es/states/IRQ/").content.decode()
    assert "<title>Irak · Convención sobre Municiones en Racimo</title>" in spanish


def test_an_undated_withdrawal_notification_gives_the_withdrawal_notice(
        client, settings, fresh_site):
    """Ukraine's notification has no UN date: no withdrawal status, but its page says it."""
    settings.TREATYDESK_TREATY = "APMBC"
    html = client.get("/en/states/UKR/?as_of=2026-03-01").content.decode()
    assert ("Ukraine has announced its withdrawal from the Anti-Personnel Mine Ban Convention; "
            "no date of notification is recorded") in html


def test_undated_known_party_and_no_intention(client, db, settings):
    from tests.conftest import shipped
    from treatydesk.records.facts.actions import ImportRegister

    ImportRegister("ATT", shipped("att", "participants.csv"), actor="test").execute()
    settings.TREATYDESK_TREATY = "ATT"
    html = client.get("/en/states/COL/").content.decode()
    assert "State Party (date of deposit not recorded)" in html
    assert "date of deposit not recorded" in html and "not known" in html
    usa = client.get("/en/states/USA/").content.decode()
    assert "Signatory that has notified it does not intend to become a party" in usa
    assert '<time datetime="2019-07-18">18 July 2019</time>' in usa


def test_succession_takes_the_depositary_date(client, fresh_site, settings):
    settings.TREATYDESK_TREATY = "APMBC"
    html = client.get("/en/states/SSD/").content.decode()
    assert '<time datetime="2011-07-09">9 July 2011</time>' in html
    assert "effective from the date of succession, as the depositary records it" in html
    assert "Art. 17(2)" not in html.split("Entry into force for the State")[1].split("</dd>")[0]
    french = client.get("/fr/states/SSD/").content.decode()
    assert "telle que le dépositaire l’enregistre" in french
