"""Feeds and calendars: notices (per language and subject), meetings, everything; they parse
with feedparser and icalendar and hold the published items, with absolute links."""

import feedparser
import icalendar
import pytest

from treatydesk.newsroom.meetings.models import MeetingPage
from treatydesk.newsroom.notices.models import NoticePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_notices_feed_holds_the_published_notices(client, fresh_site, lang):
    response = client.get(f"/{lang}/notices/feed.atom")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    published = NoticePage.objects.live().filter(locale__language_code=lang)
    assert published.exists()
    links = {entry.link for entry in feed.entries}
    assert links == {f"http://testserver{page.url}" for page in published[:50]}
    assert feed.feed.language == lang if "language" in feed.feed else True


def test_notices_feed_per_subject_and_rss(client, fresh_site):
    consent = feedparser.parse(client.get("/en/notices/consent/feed.rss").content)
    withdrawal = feedparser.parse(client.get("/en/notices/withdrawal/feed.atom").content)
    assert consent.entries and withdrawal.entries
    assert not {e.link for e in consent.entries} & {e.link for e in withdrawal.entries}
    assert all("withdraw" in e.summary.lower() for e in withdrawal.entries)
    assert client.get("/en/notices/treaty/feed.atom").status_code == 404


def test_meetings_calendar_holds_every_meeting(client, fresh_site):
    response = client.get("/en/meetings/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    meetings = MeetingPage.objects.live().filter(locale__language_code="en")
    assert {str(e["SUMMARY"]) for e in events} == {m.title for m in meetings}
    meeting = meetings.order_by("start_date").first()
    event = next(e for e in events if str(e["SUMMARY"]) == meeting.title)
    assert event.decoded("DTSTART") == meeting.start_date
    assert (event.decoded("DTEND") - meeting.end_date).days == 1  # DTEND is exclusive
    assert str(event["URL"]) == f"http://testserver{meeting.url}"


def test_one_meeting_calendar_and_same_uid_in_every_language(client, fresh_site):
    meeting = MeetingPage.objects.live().filter(locale__language_code="en").first()
    en = icalendar.Calendar.from_ical(
        client.get(f"/en/meetings/{meeting.slug}/calendar.ics").content).walk("VEVENT")
    fr = icalendar.Calendar.from_ical(
        client.get(f"/fr/meetings/{meeting.slug}/calendar.ics").content).walk("VEVENT")
    assert len(en) == len(fr) == 1
    assert en[0]["UID"] == fr[0]["UID"]
    assert client.get("/en/meetings/no-such-meeting/calendar.ics").status_code == 404


def test_meetings_feed_and_everything_feed(client, fresh_site):
    meetings = feedparser.parse(client.get("/en/meetings/feed.atom").content)
    assert len(meetings.entries) == MeetingPage.objects.live().filter(
        locale__language_code="en").count()
    everything = feedparser.parse(client.get("/en/feed.atom").content)
    kinds = {tag.term for entry in everything.entries for tag in entry.get("tags", [])}
    assert {"News", "Notices"} <= kinds
    dates = [entry.published_parsed for entry in everything.entries]
    assert dates == sorted(dates, reverse=True)
    assert all(entry.link.startswith("http://testserver/en/") for entry in everything.entries)
