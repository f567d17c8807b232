"""What ``treatydesk init`` publishes is what the content files say, once, in every language."""

import io

import pytest
from django.apps import apps
from django.conf import settings
from wagtail.models import Page

from tests.setup.conftest import edit
from treatydesk.mail.verification.models import SecurityNoticePage
from treatydesk.media.models import CustomDocument, CustomImage
from treatydesk.newsroom.meetings.models import MeetingPage
from treatydesk.newsroom.news.models import NewsPage
from treatydesk.setup import seed as seed_module
from treatydesk.setup.newsroom import SECTION_PAGES
from treatydesk.setup.seed import ContentError, load_seed
from treatydesk.setup.site import initialise_site
from treatydesk.site.models import HomePage

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def newsroom(fresh_site):
    """The site as init makes it, and the content files it was made from."""
    return load_seed()


def by_language(pages) -> dict:
    return {page.locale.language_code: page for page in pages.select_related("locale")}


def linked(pages: dict) -> bool:
    return len({page.translation_key for page in pages.values()}) == 1


def test_the_sections_are_the_files(newsroom):
    for slug, model in SECTION_PAGES.items():
        pages = by_language(model.objects.filter(slug=slug))
        assert sorted(pages) == sorted(LANGUAGES) and linked(pages)
        for code, page in pages.items():
            text = newsroom.sections[slug].text(code)
            assert (page.title, page.introduction) == (text["title"], text["introduction"])
            assert page.live


def test_the_news_are_the_files(newsroom):
    assert NewsPage.objects.count() == len(newsroom.news) * len(LANGUAGES)
    for item in newsroom.news:
        pages = by_language(NewsPage.objects.filter(slug=item.name))
        assert sorted(pages) == sorted(LANGUAGES) and linked(pages)
        for code, page in pages.items():
            text = item.text(code)
            assert (page.title, page.lead, page.body) == (text["title"], text["lead"],
                                                          text["body"])
            assert (page.date, page.category) == (item.facts["date"], item.facts["category"])
            assert sorted(tag.name for tag in page.tags.all()) == sorted(item.facts["tags"])
            assert (page.alt_text, page.caption) == (text.get("alt", ""), text.get("caption", ""))
            assert page.live
    assert CustomImage.objects.count() == sum("image" in item.facts for item in newsroom.news)
    vanuatu = NewsPage.objects.get(slug="vanuatu-accedes", locale__language_code="fr")
    assert vanuatu.title == "Le Vanuatu rejoint la Convention"
    assert vanuatu.hero_image.credit == "Treaty Desk"


def test_the_meetings_and_their_agendas_are_the_files(newsroom):
    assert MeetingPage.objects.count() == len(newsroom.meetings) * len(LANGUAGES)
    for item in newsroom.meetings:
        pages = by_language(MeetingPage.objects.filter(slug=item.name))
        assert sorted(pages) == sorted(LANGUAGES) and linked(pages)
        symbol = f"{item.facts['symbol']}/1"
        for code, page in pages.items():
            text = item.text(code)
            assert (page.title, page.place, page.presidency, page.summary) == (
                text["title"], text["place"], text["presidency"], text["summary"])
            assert (page.kind, page.start_date, page.end_date) == (
                item.facts["kind"], item.facts["start"], item.facts["end"])
            assert [(d.symbol, d.title) for d in page.documents.all()] == [
                (symbol, newsroom.agenda.text(code)["title"])]
        agendas = CustomDocument.objects.filter(symbol=symbol)
        assert sorted(agendas.values_list("language", flat=True)) == sorted(newsroom.agenda.words)


def test_the_security_notice_is_the_files(newsroom):
    notice = newsroom.security_notice
    pages = by_language(SecurityNoticePage.objects.filter(slug=notice.facts["slug"]))
    assert sorted(pages) == sorted(LANGUAGES) and linked(pages)
    for code, page in pages.items():
        text = notice.text(code)
        assert (page.title, page.summary, page.body) == (text["title"], text["summary"],
                                                         text["body"])
        assert (page.date, page.forged_subject) == (notice.facts["date"],
                                                    notice.facts["forged_subject"])


def row_counts() -> dict:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_init_twice_creates_nothing_more(fresh_site):
    first = row_counts()
    assert first["news.NewsPage"] and first["registry.Fact"] and first["notices.NoticePage"]
    again = io.StringIO()
    initialise_site(again)
    assert row_counts() == first
    assert again.getvalue() == ("Roles: Editors, Moderators, Register keepers, Translators, "
                                "Administrators.\nTreaty Desk is ready.\n")


def test_a_wrong_file_stops_init_before_it_changes_anything(db, content, monkeypatch):
    edit(content / "meetings" / "first-review-conference" / "en.md", "kind: review-conference",
         "kind: conference")
    monkeypatch.setattr(seed_module, "CONTENT_DIR", content)
    before = Page.objects.count()
    with pytest.raises(ContentError, match=r"first-review-conference/en\.md: field “kind”"):
        initialise_site(io.StringIO())
    assert Page.objects.count() == before and not HomePage.objects.exists()


def test_the_command_says_which_file_is_wrong_without_a_traceback(db, content, monkeypatch,
                                                                   capsys):
    from treatydesk.cli import main

    edit(content / "meetings" / "first-review-conference" / "en.md", "kind: review-conference",
         "kind: conference")
    monkeypatch.setattr(seed_module, "CONTENT_DIR", content)
    assert main(["init"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("treatydesk init: ")
    assert "first-review-conference/en.md: field “kind”" in err and "nothing was set up" in err
    assert "Traceback" not in err
