"""Recording an instrument drafts its notices in English, French and Spanish."""

import datetime as dt

import pytest

from tests.newsroom_fixtures import ccm_before_iraq, site  # noqa: F401
from treatydesk.newsroom.notices.models import NoticePage
from treatydesk.records.facts.actions import DeleteFact, RecordFact
from treatydesk.records.facts.models import Fact


def record_iraq(date=dt.date(2013, 5, 14)) -> Fact:
    fact = Fact.objects.filter(treaty="CCM", state="IRQ", kind="ratification").first()
    fact = fact or Fact(treaty="CCM", state="IRQ", state_name="Iraq", kind="ratification")
    fact.date = date
    return RecordFact(fact, actor="test").execute()


def notices_by_language(fact):
    pages = NoticePage.objects.filter(source__fact=fact).select_related("locale")
    return {page.locale.language_code: page for page in pages}


@pytest.mark.django_db
def test_recording_iraq_drafts_three_notices(ccm_before_iraq):  # noqa: F811
    fact = record_iraq()
    notices = notices_by_language(fact)
    assert set(notices) == {"en", "fr", "es"}
    assert "83rd" in notices["en"].text and "1 November 2013" in notices["en"].text
    assert "83e" in notices["fr"].text and "1er novembre 2013" in notices["fr"].text
    assert "83.º" in notices["es"].text and "1 de noviembre de 2013" in notices["es"].text
    assert notices["en"].text == (
        "As the 83rd State to ratify the Convention on Cluster Munitions, Iraq will become a "
        "State Party on 1 November 2013.")
    # Drafts, linked to each other as translations, none published.
    assert not any(page.live for page in notices.values())
    assert len({page.translation_key for page in notices.values()}) == 1


def publish(page, user=None):
    page = NoticePage.objects.get(pk=page.pk)
    return page.get_latest_revision().publish(user=user)


@pytest.mark.django_db
def test_correcting_the_fact_redrafts_an_unpublished_notice(ccm_before_iraq):  # noqa: F811
    fact = record_iraq()
    record_iraq(dt.date(2013, 6, 3))
    notices = notices_by_language(fact)
    assert "1 December 2013" in notices["en"].get_latest_revision_as_object().text
    assert "1er décembre 2013" in notices["fr"].get_latest_revision_as_object().text
    assert not notices["en"].needs_review
    assert notices["en"].date == dt.date(2013, 6, 3)


@pytest.mark.django_db
def test_correcting_the_fact_flags_a_published_notice(ccm_before_iraq):  # noqa: F811
    fact = record_iraq()
    for page in notices_by_language(fact).values():
        publish(page)
    record_iraq(dt.date(2013, 6, 3))
    notices = notices_by_language(fact)
    english = notices["en"]
    assert english.live and english.needs_review
    assert "2013-05-14 → 2013-06-03" in english.review_reason
    # The live text stays as published until an editor reviews the new draft.
    assert "1 November 2013" in english.text
    assert "1 December 2013" in english.get_latest_revision_as_object().text
    publish(english)
    english.refresh_from_db()
    assert not english.needs_review and "1 December 2013" in english.text


@pytest.mark.django_db
def test_a_notice_cannot_be_published_once_its_fact_is_deleted(ccm_before_iraq):  # noqa: F811
    from django.contrib.auth import get_user_model
    from wagtail.actions.publish_page_revision import PublishPagePermissionError

    from treatydesk.newsroom.notices.models import NoticeFactDeleted

    fact = record_iraq()
    notices = notices_by_language(fact)
    DeleteFact(fact, actor="test").execute()
    english = NoticePage.objects.get(pk=notices["en"].pk)
    assert english.fact_is_deleted and english.needs_review
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "x" * 12)
    assert not english.permissions_for_user(editor).can_publish()
    with pytest.raises(PublishPagePermissionError):
        publish(english, user=editor)
    # Without a user (the scheduled-publishing job) the model refuses to go live.
    with pytest.raises(NoticeFactDeleted):
        publish(english)
    assert not NoticePage.objects.get(pk=english.pk).live


@pytest.mark.django_db
def test_an_earlier_deposit_recorded_late_flags_the_notices_after_it(ccm_before_iraq):  # noqa: F811
    iraq = record_iraq()
    for page in notices_by_language(iraq).values():
        publish(page)
    # A deposit of 2 May 2013 recorded afterwards makes Iraq the 84th State.
    late = Fact.objects.filter(treaty="CCM", kind="signature").exclude(
        state__in=Fact.objects.filter(treaty="CCM", kind__in=["ratification", "accession",
                                                               "acceptance", "approval"])
        .values("state")).exclude(state="IRQ").order_by("state").first()
    RecordFact(Fact(treaty="CCM", state=late.state, state_name=late.state_name,
                    kind="ratification", date=dt.date(2013, 5, 2)), actor="test").execute()
    english = notices_by_language(iraq)["en"]
    assert english.needs_review
    assert "84th" in english.get_latest_revision_as_object().text


@pytest.mark.django_db
def test_an_import_reattaches_notices_to_the_new_facts(ccm_before_iraq):  # noqa: F811
    from tests.conftest import shipped
    from treatydesk.records.facts.actions import ImportRegister

    iraq = record_iraq()
    pages = notices_by_language(iraq)
    ImportRegister("CCM", shipped("ccm", "participants.csv"), shipped("ccm", "withdrawals.csv"),
                   actor="test").execute()
    english = NoticePage.objects.get(pk=pages["en"].pk)
    assert not english.fact_is_deleted
    assert english.source.fact.state == "IRQ"


@pytest.mark.django_db
def test_a_signature_drafts_no_notice(ccm_before_iraq):  # noqa: F811
    count = NoticePage.objects.count()
    RecordFact(Fact(treaty="CCM", state="USA", state_name="United States of America",
                    kind="signature", date=dt.date(2009, 5, 20)), actor="test").execute()
    assert NoticePage.objects.count() == count
