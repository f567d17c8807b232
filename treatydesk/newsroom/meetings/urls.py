"""Meeting feeds and calendars, mounted under the language prefix before the pages."""

from django.urls import path

from . import feeds

urlpatterns = [
    path("meetings/feed.atom", feeds.meetings_feed, {"format": "atom"},
         name="meetings_feed_atom"),
    path("meetings/feed.rss", feeds.meetings_feed, {"format": "rss"}, name="meetings_feed_rss"),
    path("meetings/calendar.ics", feeds.meetings_calendar, name="meetings_calendar"),
    path("meetings/<slug:slug>/calendar.ics", feeds.meeting_calendar, name="meeting_calendar"),
]
