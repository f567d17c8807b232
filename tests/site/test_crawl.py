"""Crawl the default site in each language, as a reader clicking would.

Every page links the obligations, the subscription form, "Is this e-mail from us?" and the
data downloads (so each is one click away from any page, two from the home page), and no link
of the language switcher leads to a 404.
"""

import re
from collections import deque
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<a [^>]*href="([^"#]+)"')
SWITCHER = re.compile(r'<nav class="languages".*?</nav>', re.S)
# Each State's page has the same frame; a few stand for the 197.
SAMPLE_STATES = ("IRQ", "LTU", "USA")
FILES = (".csv", ".json", ".ics", ".atom", ".rss", ".pdf", ".xml")


def wanted(path: str) -> bool:
    parts = urlsplit(path)
    if parts.scheme or parts.netloc or parts.query:
        return False  # other sites; sorted, filtered or paged views of a page already seen
    if not re.match(r"^/(en|fr|es)/", parts.path) or parts.path.endswith(FILES):
        return False
    state = re.match(r"^/\w\w/states/(\w{3})/$", parts.path)
    return not state or state.group(1) in SAMPLE_STATES


def crawl(client, start: str, limit: int = 400) -> dict[str, str]:
    """Return the HTML of every page reached from ``start`` by following links."""
    seen, queue, pages = {start}, deque([start]), {}
    while queue and len(pages) < limit:
        path = queue.popleft()
        response = client.get(path, follow=True)
        assert response.status_code == 200, (path, response.status_code)
        if "text/html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        pages[path] = html
        for link in LINK.findall(html):
            link = link.replace("&amp;", "&")
            # The switcher's links lead to other languages: each language is crawled alone.
            if wanted(link) and link.startswith(start) and link not in seen:
                seen.add(link)
                queue.append(link)
    return pages


def test_crawling_every_language(client, fresh_site):
    """One crawl (it is the slow part), three findings."""
    crawled = {lang: crawl(client, f"/{lang}/") for lang in ("en", "fr", "es")}
    every_page_links_obligations_subscription_verification_and_data(crawled)
    institution_pages_are_reached(crawled)
    no_language_link_leads_to_a_404(client, crawled)


def every_page_links_obligations_subscription_verification_and_data(crawled):
    for lang, pages in crawled.items():
        assert len(pages) > 20, lang
        for path, html in pages.items():
            for target in (f"/{lang}/obligations/", f"/{lang}/subscribe/",
                           f"/{lang}/verify-email/", f"/{lang}/states-parties.csv",
                           f"/{lang}/states-parties.json"):
                assert f'href="{target}"' in html, (path, target)


def institution_pages_are_reached(crawled):
    for lang, pages in crawled.items():
        for slug in ("about", "presidency", "implementation-support-unit", "documents"):
            assert f"/{lang}/{slug}/" in pages, (lang, slug)


def no_language_link_leads_to_a_404(client, crawled):
    checked = set()
    for pages in crawled.values():
        for path, html in pages.items():
            switcher = SWITCHER.search(html)
            assert switcher, path
            for link in LINK.findall(switcher.group(0)):
                link = link.replace("&amp;", "&")
                if link in checked:
                    continue
                checked.add(link)
                response = client.get(link, follow=True)
                assert response.status_code == 200, (path, link)
    assert len(checked) > 60
