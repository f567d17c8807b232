"""News feed URLs, mounted under the language prefix before Wagtail's page URLs."""

from django.urls import path, re_path

from . import views
from .everything import everything_feed

urlpatterns = [
    path("feed.atom", everything_feed, {"format": "atom"}, name="everything_feed_atom"),
    path("feed.rss", everything_feed, {"format": "rss"}, name="everything_feed_rss"),
    re_path(r"^(?P<slug>[\w-]+)/(?:category/(?P<category>[\w-]+)/)?feed\.(?P<format>atom|rss)$",
            views.feed, name="news_feed"),
]
