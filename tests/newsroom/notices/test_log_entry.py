"""A notice page and its e-mail name the register log entry they come from, and nothing else
of it: the entry's index, its leaf hash and its proof, never the fact's internal note."""

import base64
import hashlib

import pytest

from tests.newsroom.notices.test_drafting import notices_by_language, publish
from tests.newsroom_fixtures import ccm_before_iraq, site  # noqa: F401
from treatydesk.mail.mailings.compose import page_content

pytestmark = pytest.mark.django_db

NOTE = "Keeper's remark: the mission phoned about the instrument"


def record_iraq_with_a_note():
    import datetime as dt

    from treatydesk.records.facts.actions import RecordFact
    from treatydesk.records.facts.models import Fact

    return RecordFact(Fact(treaty="CCM", state="IRQ", state_name="Iraq", kind="ratification",
                           date=dt.date(2013, 5, 14), note=NOTE), actor="test").execute()


def test_the_notice_page_names_its_entry_and_its_proof(client, ccm_before_iraq):  # noqa: F811
    from treatydesk.records.log.models import LogEntry

    fact = record_iraq_with_a_note()
    entry = LogEntry.objects.filter(fact_id=fact.pk).latest("index")
    leaf = base64.b64encode(hashlib.sha256(b"\x00" + entry.data.encode()).digest()).decode()
    notices = notices_by_language(fact)
    for page in notices.values():
        publish(page)
    english = client.get(notices["en"].url).content.decode()
    assert f"From entry {entry.index} of the register" in english
    assert f"<code>{leaf}</code>" in english
    assert f'href="/log/proof/inclusion?index={entry.index}"' in english
    assert NOTE not in english and NOTE not in entry.data
    french = client.get(notices["fr"].url).content.decode()
    assert f"Tiré de l’entrée {entry.index}" in french and "preuve d’inclusion" in french
    spanish = client.get(notices["es"].url).content.decode()
    assert f"Procede de la entrada {entry.index}" in spanish


def test_the_notice_mail_names_its_entry(ccm_before_iraq):  # noqa: F811
    from treatydesk.records.log.models import LogEntry

    fact = record_iraq_with_a_note()
    entry = LogEntry.objects.filter(fact_id=fact.pk).latest("index")
    notices = notices_by_language(fact)
    _subject, text, _url = page_content(notices["en"])
    assert (f"This notice comes from entry {entry.index} of the register's signed log"
            in text)
    assert f"/log/proof/inclusion?index={entry.index}" in text and NOTE not in text
    _subject, french, _url = page_content(notices["fr"])
    assert f"Cet avis est tiré de l’entrée {entry.index}" in french


def test_a_notice_whose_fact_is_deleted_names_no_entry(ccm_before_iraq):  # noqa: F811
    from treatydesk.records.facts.actions import DeleteFact

    fact = record_iraq_with_a_note()
    page = notices_by_language(fact)["en"]
    DeleteFact(fact, actor="test", reason="recorded in error").execute()
    page.refresh_from_db()
    assert page.log_entry() is None and page.mail_trailer() == ""


def correct_the_date(fact, day):
    from treatydesk.records.facts.actions import RecordFact

    fact.date = day
    return RecordFact(fact, actor="test", reason="the depositary's corrigendum").execute()


def test_a_live_notice_names_the_entry_it_was_published_from_until_republished(
        client, ccm_before_iraq):  # noqa: F811
    import datetime as dt

    from treatydesk.records.log.models import LogEntry

    fact = record_iraq_with_a_note()
    published_from = LogEntry.objects.filter(fact_id=fact.pk).latest("index")
    for page in notices_by_language(fact).values():
        publish(page)
    correct_the_date(fact, dt.date(2013, 6, 3))  # appends an entry; the live notice is flagged
    corrected = LogEntry.objects.filter(fact_id=fact.pk).latest("index")
    assert corrected.index > published_from.index
    english = notices_by_language(fact)["en"]
    assert english.live and english.needs_review and "1 November 2013" in english.text

    page = client.get(english.url).content.decode()
    assert f"From entry {published_from.index} of the register" in page
    assert f"index={corrected.index}" not in page
    _subject, text, _url = page_content(english)
    assert f"comes from entry {published_from.index} of the register" in text
    items = client.get("/api/v1/notices?state=IRQ").json()["items"]
    assert {item["log"]["index"] for item in items} == {published_from.index}

    publish(english)  # reviewed and republished from the corrected fact
    english.refresh_from_db()
    assert "1 December 2013" in english.text
    assert english.log_entry().index == corrected.index
    assert f"From entry {corrected.index} of" in client.get(english.url).content.decode()


def test_an_unpublished_notice_names_the_latest_entry_about_its_fact(ccm_before_iraq):  # noqa: F811
    import datetime as dt

    from treatydesk.records.log.models import LogEntry

    fact = record_iraq_with_a_note()
    correct_the_date(fact, dt.date(2013, 6, 3))
    english = notices_by_language(fact)["en"]
    assert not english.live and english.log_index is None
    assert english.log_entry().index == LogEntry.objects.filter(fact_id=fact.pk).latest(
        "index").index


def test_after_an_import_replaced_its_fact_a_notice_names_the_new_facts_entry(
        ccm_before_iraq):  # noqa: F811
    from tests.conftest import shipped
    from treatydesk.newsroom.notices.models import NoticePage
    from treatydesk.records.facts.actions import ImportRegister
    from treatydesk.records.log.models import LogEntry

    fact = record_iraq_with_a_note()
    english = notices_by_language(fact)["en"]
    publish(english)
    ImportRegister("CCM", shipped("ccm", "participants.csv"), shipped("ccm", "withdrawals.csv"),
                   actor="test").execute()
    english = NoticePage.objects.get(pk=english.pk)
    assert english.source.fact_id != fact.pk  # the import's own fact now
    imported = LogEntry.objects.filter(fact_id=english.source.fact_id).latest("index")
    assert english.log_entry().index == imported.index
