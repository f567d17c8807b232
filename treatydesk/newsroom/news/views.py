"""The news feeds: ``/<lang>/news/feed.atom`` and ``…/category/<category>/feed.rss``.

Wagtail serves pages only at paths ending in "/", so the feeds, whose names end in
".atom" and ".rss", are plain Django views that find the news index of the page's language.
"""

from django.http import Http404
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from .feeds import AtomNewsFeed, RssNewsFeed
from .models import NewsIndexPage

FEEDS = {"atom": AtomNewsFeed, "rss": RssNewsFeed}


@require_GET
def feed(request, slug, format, category=None):
    index = (NewsIndexPage.objects.live().public()
             .filter(slug=slug, locale__language_code=get_language()).first())
    if index is None:
        raise Http404("There is no news index here.")
    chosen = index.category_or_404(category) if category else None
    return FEEDS[format]()(request, index=index, category=chosen)
