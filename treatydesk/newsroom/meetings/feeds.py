"""Meetings as a feed (Atom, RSS) and as iCalendar: every meeting, or one.

``/<lang>/meetings/feed.atom``, ``/<lang>/meetings/calendar.ics`` and
``/<lang>/meetings/<slug>/calendar.ics``. A meeting is an all-day event from its first to its
last day (``DTEND`` is the day after, as RFC 5545 has it); its UID is the same in every
language (the pages' translation key), so a calendar that subscribes in two languages shows
the meeting once. Links are absolute on ``TREATYDESK_BASE_URL``.
"""

import datetime as dt

import icalendar
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from treatydesk.newsroom.feeds import PublicFeed
from treatydesk.security.headers.baseurl import absolute, base_url

from .models import MeetingIndexPage, MeetingPage

FEED_LENGTH = 50


def published_meetings(lang: str):
    """Return the live, public meetings in ``lang``, latest first."""
    return (MeetingPage.objects.live().public().filter(locale__language_code=lang)
            .order_by("-start_date", "-pk"))


def _index_or_404(lang: str) -> MeetingIndexPage:
    index = MeetingIndexPage.objects.live().public().filter(locale__language_code=lang).first()
    if index is None:
        raise Http404(_("There are no meetings in this language."))
    return index


class MeetingsFeed(PublicFeed):
    def get_object(self, request, lang):
        self.lang = lang
        return _index_or_404(lang)

    def title(self, index):
        return index.title

    def subtitle(self, index):
        return index.introduction or index.title

    description = subtitle

    def link(self, index):
        return absolute(index.url)

    def feed_url(self, index):
        name = "meetings_feed_atom" if self.feed_type is Atom1Feed else "meetings_feed_rss"
        return absolute(reverse(name))

    def items(self, index):
        return published_meetings(self.lang)[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.title} ({item.place})"

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute(item.url)

    def item_guid(self, item):
        return f"tag:{_host()},{item.start_date:%Y-%m-%d}:meeting-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at or dt.datetime.combine(item.start_date, dt.time(12),
                                                              tzinfo=dt.UTC)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)


class AtomMeetingsFeed(MeetingsFeed):
    feed_type = Atom1Feed


class RssMeetingsFeed(MeetingsFeed):
    feed_type = Rss201rev2Feed


FEEDS = {"atom": AtomMeetingsFeed, "rss": RssMeetingsFeed}


def _host() -> str:
    return base_url().split("//", 1)[-1].split("/", 1)[0]


@require_GET
def meetings_feed(request, format):
    return FEEDS[format]()(request, lang=get_language())


def meeting_event(meeting: MeetingPage) -> icalendar.Event:
    """Return the all-day calendar event of ``meeting``."""
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.translation_key}@{_host()}")
    event.add("dtstamp", meeting.last_published_at or timezone.now())
    event.add("dtstart", meeting.start_date)
    event.add("dtend", meeting.end_date + dt.timedelta(days=1))
    event.add("summary", meeting.title)
    event.add("location", ", ".join(part for part in (meeting.venue, meeting.place) if part))
    event.add("description", meeting.summary)
    event.add("url", absolute(meeting.url))
    return event


def calendar_of(meetings, name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Treaty Desk//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting))
    return calendar.to_ical()


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def meetings_calendar(request):
    """Every published meeting in the page's language, as one iCalendar file."""
    lang = get_language()
    index = _index_or_404(lang)
    return _ics_response(calendar_of(published_meetings(lang), index.title), "meetings.ics")


@require_GET
def meeting_calendar(request, slug):
    """One meeting as an iCalendar file."""
    meeting = published_meetings(get_language()).filter(slug=slug).first()
    if meeting is None:
        raise Http404(_("There is no such meeting."))
    return _ics_response(calendar_of([meeting], meeting.title), f"{slug}.ics")
