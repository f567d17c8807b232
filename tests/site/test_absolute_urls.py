"""Every absolute URL in pages, feeds, calendars and the sitemap starts with the public
address (TREATYDESK_BASE_URL), whatever host the request came to; none names this machine."""

import re

import pytest

pytestmark = pytest.mark.django_db

PUBLIC = "https://www.ccm.example"
ABSOLUTE = re.compile(r'(?:href|content|src)="(https?://[^"]+)"|<loc>([^<]+)</loc>'
                      r'|\bURL:(\S+)')


def absolute_urls(text: str) -> list[str]:
    return [next(g for g in match if g) for match in ABSOLUTE.findall(text)]


def test_no_absolute_url_names_this_machine(client, fresh_site, settings):
    from treatydesk.newsroom.meetings.models import MeetingPage
    from treatydesk.newsroom.news.models import NewsPage
    from treatydesk.setup.site import ensure_site_address

    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    ensure_site_address()
    article = NewsPage.objects.live().filter(locale__language_code="en").first()
    meeting = MeetingPage.objects.live().filter(locale__language_code="en").first()
    paths = ["/sitemap.xml", "/en/", "/fr/about/", article.url, meeting.url,
             "/en/news/feed.atom", "/en/notices/feed.atom", "/en/feed.rss",
             "/en/meetings/feed.atom", "/en/meetings/calendar.ics", "/en/states/USA/"]
    found = 0
    for path in paths:
        response = client.get(path, HTTP_HOST="localhost")
        assert response.status_code == 200, path
        for url in absolute_urls(response.content.decode()):
            if "sitemaps.org" in url or "w3.org" in url or "treaties.un.org" in url:
                continue
            found += 1
            assert url.startswith(PUBLIC), (path, url)
    assert found > 50
