"""Meeting pages: dates, place, presidency and documents by UN symbol in their languages."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from treatydesk.core import clock
from treatydesk.media.models import CustomDocument, validate_symbol
from treatydesk.newsroom.meetings.models import MeetingDocument, MeetingIndexPage, MeetingPage


def test_a_meeting_page_shows_when_where_and_who(client, fresh_site):
    html = client.get("/en/meetings/fourth-meeting-of-states-parties/").content.decode()
    assert "Fourth Meeting of States Parties" in html
    assert "10 September 2013" in html and "13 September 2013" in html
    assert "Lusaka, Zambia" in html
    assert "Presidency" in html


def test_documents_are_listed_with_their_symbol_and_languages(client, fresh_site):
    html = client.get("/en/meetings/fourth-meeting-of-states-parties/").content.decode()
    assert "CCM/MSP/2013/1" in html
    for lang in ("en", "fr", "es"):
        assert f'hreflang="{lang}"' in html
    spanish = client.get("/es/meetings/fourth-meeting-of-states-parties/").content.decode()
    assert "Programa provisional" in spanish and "Francés" in spanish


def test_a_new_language_version_appears_without_editing_the_meeting(client, fresh_site):
    document = CustomDocument(title="Provisional agenda (Arabic)", symbol="CCM/MSP/2013/1",
                              language="ar")
    document.file = ContentFile(b"%PDF-1.4\n%%EOF\n", name="agenda-ar.pdf")
    document.save()
    html = client.get("/en/meetings/fourth-meeting-of-states-parties/").content.decode()
    assert 'hreflang="ar"' in html


def test_a_document_without_files_says_so(client, fresh_site):
    page = MeetingPage.objects.get(locale__language_code="en",
                                   slug="first-review-conference")
    page.documents.add(MeetingDocument(kind="report", symbol="CCM/CONF/2015/7",
                                       title="Final report"))
    page.save_revision().publish()
    html = client.get("/en/meetings/first-review-conference/").content.decode()
    assert "CCM/CONF/2015/7" in html and "Not yet available" in html


@pytest.mark.parametrize("symbol", ["CCM/MSP/2013/3", "CCM/MSP/2013/WP.1",
                                    "APLC/MSP.20/2022/1", "C.N.776.2008.TREATIES-2",
                                    "CCM/CONF/2015/7"])
def test_un_symbols_are_accepted(symbol):
    """Accepted as the UN writes it, and only so: lower case or a stray space is refused."""
    assert validate_symbol(symbol) is None
    for variant in (symbol.lower(), f"{symbol} ", f" {symbol}"):
        with pytest.raises(ValidationError) as error:
            validate_symbol(variant)
        assert error.value.code == "invalid_symbol"


@pytest.mark.parametrize("symbol", ["agenda", "CCM MSP 2013 3", "ccm/msp/2013/3", "/CCM/3"])
def test_other_text_is_not_a_symbol(symbol):
    with pytest.raises(ValidationError):
        validate_symbol(symbol)


def test_a_meeting_cannot_end_before_it_starts(fresh_site):
    page = MeetingPage(title="x", slug="x", start_date=dt.date(2026, 5, 5),
                       end_date=dt.date(2026, 5, 4), place="Geneva", summary="x")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "end_date" in error.value.message_dict


def test_the_index_separates_coming_and_past_meetings(client, fresh_site):
    index = MeetingIndexPage.objects.get(locale__language_code="en")
    soon = clock.today() + dt.timedelta(days=30)
    index.add_child(instance=MeetingPage(
        title="Intersessional meeting", slug="intersessional", kind="intersessional",
        start_date=soon, end_date=soon + dt.timedelta(days=1), place="Geneva, Switzerland",
        summary="Informal discussions between the Meetings of States Parties."))
    html = client.get("/en/meetings/").content.decode()
    coming, past = html.split('id="past-heading"')
    assert "Intersessional meeting" in coming
    assert "First Meeting of States Parties" in past
