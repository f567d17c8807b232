"""Site search over pages and documents, the sitemap, and per-page share metadata."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit


def test_search_finds_pages_in_the_readers_language(client, fresh_site):
    html = client.get("/en/search/", {"q": "Lusaka"}).content.decode()
    assert "/en/meetings/fourth-meeting-of-states-parties/" in html
    french = client.get("/fr/search/", {"q": "Lusaka"}).content.decode()
    assert "/fr/meetings/fourth-meeting-of-states-parties/" in french
    assert "/en/meetings/" not in french


def test_search_finds_documents_by_symbol_and_title(client, fresh_site):
    html = client.get("/en/search/", {"q": "agenda"}).content.decode()
    assert "CCM/MSP/2013/1" in html


def test_search_without_a_query_shows_the_form(client, fresh_site):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert 'role="search"' in response.content.decode()
    assert "noindex" in response.content.decode()


def test_the_sitemap_lists_pages_in_every_language(client, fresh_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    paths = {urlsplit(loc.text).path for loc in root.findall("s:url/s:loc", namespace)}
    for lang in ("en", "fr", "es"):
        assert f"/{lang}/news/vanuatu-accedes/" in paths
        assert f"/{lang}/meetings/first-review-conference/" in paths
        assert f"/{lang}/states-parties/" in paths


def test_robots_txt_keeps_crawlers_out_of_the_admin(client, fresh_site):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_each_article_has_a_title_description_and_share_image(client, fresh_site):
    html = client.get("/en/news/fifteen-years-in-force/").content.decode()
    assert "<title>Fifteen years of the Convention in force" in html
    assert '<meta name="description" content="On 1 August 2025' in html
    assert '<meta property="og:image" content="http' in html
    assert 'hreflang="fr"' in html
