"""Every newsroom feed (treatydesk/newsroom/feeds.py) may be cached five minutes."""

import pytest


@pytest.mark.parametrize("path", ["/en/news/feed.atom", "/en/notices/feed.rss",
                                  "/en/meetings/feed.atom", "/en/feed.rss"])
def test_each_feed_may_be_kept_five_minutes(client, fresh_site, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
