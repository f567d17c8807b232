"""A published notice links the state's page and the deposited instrument in the library."""

import datetime as dt
import io

import pytest
from django.core.files.base import ContentFile
from pypdf import PdfWriter

from tests.newsroom.notices.test_drafting import notices_by_language, publish, record_iraq
from tests.newsroom_fixtures import ccm_before_iraq, site  # noqa: F401
from treatydesk.media.models import CustomDocument

CN = "C.N.300.2013.TREATIES-XXVI.6"


def instrument_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_a_published_notice_links_the_state_and_the_instrument(client, ccm_before_iraq):  # noqa: F811
    document = CustomDocument(title="Iraq: instrument of ratification", symbol=CN, language="en")
    document.file = ContentFile(instrument_pdf(), name="iraq-ratification.pdf")
    document.save()
    from treatydesk.records.facts.actions import RecordFact
    from treatydesk.records.facts.models import Fact

    fact = RecordFact(Fact(treaty="CCM", state="IRQ", state_name="Iraq", kind="ratification",
                           date=dt.date(2013, 5, 14), cn_reference=CN), actor="test").execute()
    notices = notices_by_language(fact)
    for page in notices.values():
        assert page.instrument == document
        publish(page)
    english = client.get(notices["en"].url).content.decode()
    assert "83rd" in english and "1 November 2013" in english
    assert 'href="/en/states/IRQ/"' in english
    assert ("The instrument of ratification deposited with the Secretary-General is "
            f'<a href="{document.url}"') in english
    french = client.get(notices["fr"].url).content.decode()
    assert "1er novembre 2013" in french and 'href="/fr/states/IRQ/"' in french
    spanish = client.get(notices["es"].url).content.decode()
    assert "83.º" in spanish and 'href="/es/states/IRQ/"' in spanish


@pytest.mark.django_db
def test_drafted_notices_are_not_public_until_published(client, ccm_before_iraq):  # noqa: F811
    notices = notices_by_language(record_iraq())
    assert client.get(notices["en"].url or "/en/notices/iraq-ratification-2013-05-14/"
                      ).status_code == 404
    assert "Iraq" not in client.get("/en/notices/").content.decode()


@pytest.mark.django_db
def test_notices_have_a_moderation_workflow(ccm_before_iraq):  # noqa: F811
    from treatydesk.setup.newsroom import NOTICE_WORKFLOW, ensure_notice_workflow

    ensure_notice_workflow()
    notices = notices_by_language(record_iraq())
    for page in notices.values():
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == NOTICE_WORKFLOW


@pytest.mark.django_db
def test_submitting_a_notice_for_moderation_is_refused_once_its_fact_is_gone(
        ccm_before_iraq):  # noqa: F811
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from treatydesk.records.facts.actions import DeleteFact
    from treatydesk.setup.newsroom import ensure_notice_workflow

    ensure_notice_workflow()
    fact = record_iraq()
    english = notices_by_language(fact)["en"]
    user = get_user_model().objects.create_user("writer", "w@example.org", "x" * 16)
    user.groups.add(Group.objects.get(name="Editors"))
    assert english.permissions_for_user(user).can_submit_for_moderation()
    DeleteFact(fact, actor="test").execute()
    english.refresh_from_db()
    assert not english.permissions_for_user(user).can_submit_for_moderation()
