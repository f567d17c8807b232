"""Atom and RSS feeds of a news index: all articles, or one category, in the index's language.

Built on Django's syndication framework; the feed classes only say where the items come from
and how an article reads in a feed. The routes live on ``NewsIndexPage``.
"""

import datetime as dt

from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from treatydesk.newsroom.feeds import PublicFeed
from treatydesk.security.headers.baseurl import absolute

FEED_LENGTH = 30


class NewsFeed(PublicFeed):
    """The latest articles of one news index, optionally of one category."""

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index, category=None):
        self.index = index
        self.category = category
        self.language = index.locale.language_code
        site = index.get_site()
        self.site_name = site.site_name if site else ""
        return index

    def title(self, index):
        if self.category is not None:
            return _("%(news)s: %(category)s") % {"news": index.title,
                                                  "category": self.category.label}
        return index.title

    def subtitle(self, index):
        return index.introduction or _("News of the Convention")

    description = subtitle

    def link(self, index):
        url = index.get_url(self.request)
        if self.category is not None:
            url += f"category/{self.category.value}/"
        return absolute(url)

    def feed_url(self, index):
        suffix = "feed.atom" if self.feed_type is Atom1Feed else "feed.rss"
        return self.link(index) + suffix

    def items(self, index):
        return index.articles(self.category)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return absolute(item.get_url(self.request))

    def item_guid(self, item):
        # The page's id stays the same when an editor changes its slug, so a feed reader does
        # not show a renamed article as new.
        return f"tag:{self.request.get_host()},{item.first_published_at:%Y-%m-%d}:page-{item.pk}" \
            if item.first_published_at else item.full_url

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        # The article's date, at the time it was first published that day (or noon UTC).
        published = item.first_published_at
        if published and timezone.localdate(published) == item.date:
            return published
        return dt.datetime.combine(item.date, dt.time(12), tzinfo=dt.UTC)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [item.get_category_display(), *(tag.name for tag in item.tags.all())]

    def item_author_name(self, item):
        return self.site_name or None


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed


class RssNewsFeed(NewsFeed):
    feed_type = Rss201rev2Feed
