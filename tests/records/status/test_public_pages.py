"""What every public page shares: cacheable and sessionless, accessible layout, languages."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

REGISTER_PAGES = [
    "/en/states-parties/",
    "/en/states-parties/?as_of=2013-06-01&sort=-eif",
    "/en/states-parties.csv",
    "/en/states-parties.json",
    "/en/states/IRQ/",
    "/fr/states-parties/",
    "/es/states/LTU/",
]


@pytest.mark.parametrize("path", REGISTER_PAGES)
def test_register_pages_are_cacheable(client, fresh_site, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.parametrize("path", [*REGISTER_PAGES, "/en/", "/fr/"])
def test_public_pages_never_touch_the_session(client, fresh_site,
                                              django_user_model, path):
    # Even for a signed-in editor: a page that read the session would add "Vary: Cookie".
    client.force_login(django_user_model.objects.create_user("editor", password="x" * 16))
    response = client.get(path)
    assert response.status_code == 200
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_home_sets_no_cookie(client, fresh_site):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


def test_states_parties_page_reads_no_row_per_state(client, fresh_site):
    client.get("/en/states-parties/")  # computes and caches the register
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/states-parties/?sort=ordinal")
    assert response.status_code == 200
    # One query checks the register's version; the rows come from the cached register.
    assert len(queries.captured_queries) == 1


def test_layout_is_accessible(client, fresh_site):
    html = client.get("/en/states-parties/").content.decode()
    assert '<html lang="en"' in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<nav aria-label="Main">' in html
    assert '<a href="/en/states-parties/" aria-current="page">States Parties</a>' in html
    # The wide table scrolls in a labelled, focusable box and has a caption.
    assert ('class="table-scroll" role="region" aria-labelledby="participants-caption" '
            'tabindex="0"') in html
    assert '<caption id="participants-caption">' in html
    assert html.count('<th scope="col"') == 6
    assert html.count('<th scope="row">') == 125  # withdrawn Lithuania stays listed
    assert '<label for="as-of">' in html


def test_no_request_to_a_third_party(client, fresh_site):
    html = client.get("/en/states-parties/").content.decode()
    for tag in re.findall(r"<(?:link|script|img|iframe|source)\b[^>]*>", html):
        for url in re.findall(r'(?:src|href)="([^"]+)"', tag):
            if "alternate" in tag:
                continue  # hreflang alternates name this site's own pages
            assert url.startswith("/"), tag


def test_language_switcher_and_alternates(client, fresh_site):
    html = client.get("/en/states-parties/?as_of=2013-06-01").content.decode()
    assert ('<a href="/fr/states-parties/?as_of=2013-06-01" hreflang="fr" lang="fr">'
            'Français</a>') in html
    assert ('<a href="/es/states-parties/?as_of=2013-06-01" hreflang="es" lang="es">'
            'Español</a>') in html
    assert 'hreflang="en" lang="en" aria-current="true">English</a>' in html
    assert ('<link rel="alternate" hreflang="fr" '
            'href="http://testserver/fr/states-parties/?as_of=2013-06-01">') in html


def test_stylesheet_is_local_and_has_focus_styles():
    from django.contrib.staticfiles import finders

    path = finders.find("treatydesk/site.css")
    assert path
    css = open(path, encoding="utf-8").read()
    assert ":focus-visible" in css
    assert "@import" not in css and "url(" not in css  # no fonts or images from elsewhere


def test_not_found_page_keeps_the_language_links(client, fresh_site):
    response = client.get("/fr/nowhere/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert '<a href="/en/nowhere/" hreflang="en" lang="en">English</a>' in html
