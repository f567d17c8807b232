"""Atom and RSS feeds of the published notices in one language, all or of one subject.

``/<lang>/notices/feed.atom`` (and ``.rss``), ``/<lang>/notices/<subject>/feed.atom`` with
subject ``consent`` (instruments deposited) or ``withdrawal``. Every link is absolute on the
site's public address (``TREATYDESK_BASE_URL``), whatever host the request came to.
"""

import datetime as dt

from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from treatydesk.newsroom.feeds import PublicFeed
from treatydesk.security.headers.baseurl import absolute, base_url

from .models import NoticeIndexPage, NoticePage, NoticeSubject

FEED_LENGTH = 50


def published_notices(lang: str, subject: str | None = None):
    """Return the live, public notices in ``lang``, newest act first."""
    notices = (NoticePage.objects.live().public().filter(locale__language_code=lang)
               .select_related("source").order_by("-date", "-pk"))
    if subject:
        notices = notices.filter(source__subject=subject)
    return notices


def noon(day: dt.date) -> dt.datetime:
    """Return noon UTC on ``day``: a notice is dated by its act, which has no time."""
    return dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)


class NoticesFeed(PublicFeed):
    """The latest notices of one language (optionally of one subject)."""

    def get_object(self, request, lang, subject=None):
        self.lang, self.subject = lang, subject
        self.index = (NoticeIndexPage.objects.live().public()
                      .filter(locale__language_code=lang).first())
        if self.index is None:
            raise Http404(_("There are no notices in this language."))
        return self.index

    def title(self, index):
        if self.subject:
            return f"{index.title}: {NoticeSubject(self.subject).label}"
        return index.title

    def subtitle(self, index):
        return index.introduction or _("Notices of the Convention's register")

    description = subtitle

    def link(self, index):
        return absolute(index.url)

    def feed_url(self, index):
        name = "notices_feed_atom" if self.feed_type is Atom1Feed else "notices_feed_rss"
        kwargs = {"subject": self.subject} if self.subject else {}
        if kwargs:
            name = name.replace("notices_feed", "notices_subject_feed")
        return absolute(reverse(name, kwargs=kwargs))

    def items(self, index):
        return published_notices(self.lang, self.subject)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.text

    def item_link(self, item):
        return absolute(item.url)

    def item_guid(self, item):
        # One id per notice and language, kept when an editor changes the page's address.
        host = base_url().split("//", 1)[-1]
        return f"tag:{host},{item.date:%Y-%m-%d}:notice-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return noon(item.date)

    def item_updateddate(self, item):
        return item.last_published_at or noon(item.date)

    def item_categories(self, item):
        if item.source_id:
            return [str(NoticeSubject(item.source.subject).label)]
        return []


class AtomNoticesFeed(NoticesFeed):
    feed_type = Atom1Feed


class RssNoticesFeed(NoticesFeed):
    feed_type = Rss201rev2Feed


FEEDS = {"atom": AtomNoticesFeed, "rss": RssNoticesFeed}


@require_GET
def notices_feed(request, format, subject=None):
    if subject is not None and subject not in NoticeSubject.values:
        raise Http404(_("There is no such kind of notice."))
    return FEEDS[format]()(request, lang=get_language(), subject=subject)
