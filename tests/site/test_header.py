"""The header's title and menu, kept per page template and language: each page marks its own
menu entry, in its own language."""

import re

import pytest

pytestmark = pytest.mark.django_db

CURRENT = re.compile(r'<a href="([^"]*)" aria-current="page">([^<]*)</a>')


def test_each_page_marks_its_own_menu_entry_in_its_language(client, fresh_site):
    pages = {
        "/en/": ("/en/", "Home"),
        "/en/states-parties/": ("/en/states-parties/", "States Parties"),
        "/fr/states-parties/": ("/fr/states-parties/", "États parties"),
        "/en/states/IRQ/": ("/en/states-parties/", "States Parties"),
        "/en/news/": ("/en/news/", "News"),
        "/es/news/": ("/es/news/", "Noticias"),
        "/en/search/?q=Iraq": ("/en/search/", "Search"),
    }
    for _ in range(2):  # the second time from what was kept
        for path, marked in pages.items():
            html = client.get(path).content.decode()
            header = html.split("</header>")[0]
            assert CURRENT.findall(header) == [marked], path
    about = client.get("/en/about/").content.decode().split("</header>")[0]
    assert CURRENT.findall(about) == []
