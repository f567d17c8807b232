"""The "everything" feed of one language: news, notices and meetings together, newest first.

``/<lang>/feed.atom`` and ``/<lang>/feed.rss``. Each item keeps the id it has in its own feed,
so a reader following both sees it once.
"""

import dataclasses
import datetime as dt

from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from treatydesk.newsroom.feeds import PublicFeed
from treatydesk.newsroom.meetings.feeds import published_meetings
from treatydesk.newsroom.notices.feeds import noon, published_notices
from treatydesk.security.headers.baseurl import absolute, base_url

from .models import NewsPage

FEED_LENGTH = 50


@dataclasses.dataclass(frozen=True)
class Entry:
    title: str
    link: str
    description: str
    published: dt.datetime
    updated: dt.datetime
    guid: str
    category: str


def entries(lang: str, limit: int = FEED_LENGTH) -> list[Entry]:
    """Return the newest ``limit`` news items, notices and meetings in ``lang``."""
    host = base_url().split("//", 1)[-1].split("/", 1)[0]
    found = []
    news = (NewsPage.objects.live().public().filter(locale__language_code=lang)
            .order_by("-date", "-pk")[:limit])
    for item in news:
        published = noon(item.date)
        found.append(Entry(item.title, absolute(item.url), item.lead, published,
                           item.last_published_at or published,
                           f"tag:{host},{item.date:%Y-%m-%d}:page-{item.pk}", _("News")))
    for item in published_notices(lang)[:limit]:
        published = noon(item.date)
        found.append(Entry(item.title, absolute(item.url), item.text, published,
                           item.last_published_at or published,
                           f"tag:{host},{item.date:%Y-%m-%d}:notice-{item.pk}", _("Notices")))
    for item in published_meetings(lang)[:limit]:
        published = item.first_published_at or noon(item.start_date)
        found.append(Entry(f"{item.title} ({item.place})", absolute(item.url), item.summary,
                           published, item.last_published_at or published,
                           f"tag:{host},{item.start_date:%Y-%m-%d}:meeting-{item.pk}",
                           _("Meetings")))
    found.sort(key=lambda entry: entry.published, reverse=True)
    return found[:limit]


class EverythingFeed(PublicFeed):
    def get_object(self, request, lang):
        self.lang = lang
        return lang

    def title(self, lang):
        return _("News, notices and meetings")

    def description(self, lang):
        return _("Everything the site publishes, newest first.")

    subtitle = description

    def link(self, lang):
        return absolute(f"/{lang}/")

    def feed_url(self, lang):
        name = "everything_feed_atom" if self.feed_type is Atom1Feed else "everything_feed_rss"
        return absolute(reverse(name))

    def items(self, lang):
        return entries(lang)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return item.link

    def item_guid(self, item):
        return item.guid

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published

    def item_updateddate(self, item):
        return item.updated

    def item_categories(self, item):
        return [item.category]


class AtomEverythingFeed(EverythingFeed):
    feed_type = Atom1Feed


class RssEverythingFeed(EverythingFeed):
    feed_type = Rss201rev2Feed


FEEDS = {"atom": AtomEverythingFeed, "rss": RssEverythingFeed}


@require_GET
def everything_feed(request, format):
    return FEEDS[format]()(request, lang=get_language())
