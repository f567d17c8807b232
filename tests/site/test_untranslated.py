"""The admin's report of pages without a translation: an editor sees a new English-only page
with the languages it lacks and Wagtail's "Translate"; once translated it leaves the report."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/untranslated/"
TITLE = "A page written in English only"


def member_of(group_name):
    user = get_user_model().objects.create_user(group_name.lower().replace(" ", "-"),
                                                password="x" * 16)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def english_only_news():
    from treatydesk.newsroom.news.models import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.get(locale__language_code="en")
    page = NewsPage(title=TITLE, slug="english-only", date=dt.date(2026, 1, 5),
                    lead="Only in English.", category="presidency")
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def rows(html):
    return html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""


def test_a_fresh_site_has_every_page_in_every_language(client, fresh_site):
    client.force_login(member_of("Editors"))
    response = client.get(REPORT)
    assert response.status_code == 200
    assert "Every page has a translation in every language of the site." in response.text
    assert "data-untranslated-count" not in client.get("/admin/").text  # no panel for nothing


def test_an_editor_sees_the_english_only_page_and_translates_it(client, fresh_site):
    from wagtail.models import Locale

    page = english_only_news()
    client.force_login(member_of("Editors"))
    dashboard = client.get("/admin/").text
    assert "Pages without a translation" in dashboard  # in the Reports menu
    panel = dashboard.split("data-untranslated-count>", 1)[1].split("</p>", 1)[0]
    assert "1 page lacks a translation" in panel and f'href="{REPORT}"' in panel

    listed = rows(client.get(REPORT).text)
    assert TITLE in listed
    assert "Français, Español" in listed
    translate = f"/admin/translation/submit/page/{page.pk}/"
    assert f'href="{translate}"' in listed
    assert client.get(f"{REPORT}results/").status_code == 200  # the filters' partial answer

    assert client.get(translate).status_code == 200
    locales = Locale.objects.exclude(language_code="en").values_list("pk", flat=True)
    done = client.post(translate, {"locales": list(locales)})
    assert done.status_code == 302
    assert len(page.get_translations()) == 2
    assert TITLE not in rows(client.get(REPORT).text)


def test_a_page_translated_into_one_language_lacks_the_other(client, fresh_site):
    from wagtail.models import Locale

    page = english_only_news()
    page.copy_for_translation(Locale.objects.get(language_code="fr"))
    client.force_login(member_of("Editors"))
    listed = rows(client.get(REPORT).text)
    assert listed.count("data-missing") == 1  # one row for the page and its translations
    missing = listed.split("data-missing>", 1)[1].split("<", 1)[0]
    assert missing == "Español"


def test_the_export_names_the_missing_languages(client, fresh_site):
    english_only_news()
    client.force_login(member_of("Editors"))
    response = client.get(f"{REPORT}?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert "Missing in" in text and "Français, Español" in text


def test_those_who_keep_no_pages_neither_see_nor_open_it(client, fresh_site):
    client.force_login(member_of("Register keepers"))
    assert client.get(REPORT).status_code in (302, 403)
    assert "Pages without a translation" not in client.get("/admin/").text


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_the_report_speaks_french_and_spanish(lang):
    words = ["Pages without a translation", "Missing in", "Translation", "Translate",
             "Every page has a translation in every language of the site.",
             "A translator can translate it.", "See them and translate"]
    with translation.override(lang):
        assert all(translation.gettext(text) != text for text in words)
        one = "%(counter)s page lacks a translation in one of the site's languages."
        many = "%(counter)s pages lack a translation in one of the site's languages."
        assert translation.ngettext(one, many, 2) != many
