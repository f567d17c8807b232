"""Atom and RSS feeds of all news and of each category, in each language."""

import feedparser
import pytest

from treatydesk.newsroom.news.models import NewsCategory


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
@pytest.mark.parametrize("kind,mime", [("atom", "application/atom+xml"),
                                       ("rss", "application/rss+xml")])
def test_the_news_feeds_parse_and_list_the_articles(client, fresh_site, lang, kind, mime):
    response = client.get(f"/{lang}/news/feed.{kind}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(mime)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == ("atom10" if kind == "atom" else "rss20")
    assert feed.feed.get("language", lang).startswith(lang)
    assert len(feed.entries) == 5
    links = {entry.link for entry in feed.entries}
    assert f"http://testserver/{lang}/news/vanuatu-accedes/" in links
    assert all(entry.get("summary") for entry in feed.entries)


@pytest.mark.parametrize("category", [c.value for c in NewsCategory])
def test_each_category_has_its_feeds(client, fresh_site, category):
    for kind in ("atom", "rss"):
        response = client.get(f"/en/news/category/{category}/feed.{kind}")
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo
        for entry in feed.entries:
            assert str(NewsCategory(category).label) in [t.term for t in entry.tags]


def test_unknown_feeds_are_not_found(client, fresh_site):
    assert client.get("/en/news/category/gossip/feed.atom").status_code == 404
    assert client.get("/en/nowhere/feed.atom").status_code == 404  # no such news index


def test_the_feeds_are_cacheable(client, fresh_site):
    response = client.get("/en/news/feed.atom")
    assert "public" in response["Cache-Control"]
    assert "sessionid" not in response.cookies
