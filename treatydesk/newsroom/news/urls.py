"""News feed URLs, mounted under the language prefix before Wagtail's page URLs."""

from django.urls import re_path

from . import views

urlpatterns = [
    re_path(r"^(?P<slug>[\w-]+)/(?:category/(?P<category>[\w-]+)/)?feed\.(?P<format>atom|rss)$",
            views.feed, name="news_feed"),
]
