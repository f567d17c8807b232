"""Notice feed URLs, mounted under the language prefix before the news feeds and the pages."""

from django.urls import path

from .feeds import notices_feed

urlpatterns = [
    path("notices/feed.atom", notices_feed, {"format": "atom"}, name="notices_feed_atom"),
    path("notices/feed.rss", notices_feed, {"format": "rss"}, name="notices_feed_rss"),
    path("notices/<slug:subject>/feed.atom", notices_feed, {"format": "atom"},
         name="notices_subject_feed_atom"),
    path("notices/<slug:subject>/feed.rss", notices_feed, {"format": "rss"},
         name="notices_subject_feed_rss"),
]
