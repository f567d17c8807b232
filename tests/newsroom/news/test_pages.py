"""News pages: the list with its teasers, an article with its photo credit, categories, tags."""

import pytest

from treatydesk.newsroom.news.models import NewsPage


@pytest.mark.parametrize("lang,continue_reading", [("en", "Continue reading"),
                                                    ("fr", "Lire la suite"),
                                                    ("es", "Seguir leyendo")])
def test_the_news_list_shows_leads_and_continue_reading(client, fresh_site, lang,
                                                        continue_reading):
    response = client.get(f"/{lang}/news/")
    assert response.status_code == 200
    html = response.content.decode()
    page = NewsPage.objects.filter(locale__language_code=lang, slug="vanuatu-accedes").get()
    assert page.title in html and page.lead in html
    assert continue_reading in html
    assert f'href="/{lang}/news/feed.atom"' in html


def test_an_article_shows_its_photo_with_alt_text_caption_and_credit(client, fresh_site):
    html = client.get("/en/news/vanuatu-accedes/").content.decode()
    assert 'alt="Illustration in blues and sand tones' in html
    assert "<figcaption>An illustration for the accession" in html
    assert "Photo © Treaty Desk" in html
    assert 'property="og:image"' in html and 'rel="canonical"' in html
    french = client.get("/fr/news/vanuatu-accedes/").content.decode()
    assert 'alt="Illustration en bleus' in french and "Photo © Treaty Desk" in french


def test_a_category_lists_only_its_articles(client, fresh_site):
    html = client.get("/en/news/category/security-notices/").content.decode()
    assert "How to tell our e-mails from fakes" in html
    assert "Vanuatu joins the Convention" not in html
    assert client.get("/en/news/category/gossip/").status_code == 404


def test_a_tag_filters_the_list(client, fresh_site):
    html = client.get("/en/news/?tag=anniversary").content.decode()
    assert "Fifteen years of the Convention in force" in html
    assert "Vanuatu joins the Convention" not in html


def test_a_page_number_out_of_range_is_not_found(client, fresh_site):
    assert client.get("/en/news/?page=99").status_code == 404
    assert client.get("/en/news/?page=x").status_code == 404


def test_public_pages_open_no_session(client, fresh_site):
    response = client.get("/en/news/vanuatu-accedes/")
    assert "sessionid" not in response.cookies


def test_drafts_are_not_public(client, fresh_site):
    page = NewsPage.objects.get(locale__language_code="en", slug="vanuatu-accedes")
    page.unpublish()
    assert client.get("/en/news/vanuatu-accedes/").status_code == 404
    assert "Vanuatu joins" not in client.get("/en/news/").content.decode()


@pytest.mark.parametrize("lang,heading", [("en", "Latest news"), ("fr", "Dernières actualités"),
                                          ("es", "Últimas noticias")])
def test_the_home_page_shows_the_latest_news_of_its_language(client, fresh_site, lang, heading):
    html = client.get(f"/{lang}/").content.decode()
    assert heading in html
    latest = NewsPage.objects.filter(locale__language_code=lang).order_by("-date").first()
    assert latest.title in html and f'href="/{lang}/news/{latest.slug}/"' in html
