"""The institution's pages of ``treatydesk init``: About, Presidency, the Implementation
Support Unit with its contact, the documents library; one per language, linked as
translations, from content/institution/."""

import pytest
from wagtail.models import Page

from tests.setup.conftest import edit
from treatydesk.setup.seed import ContentError, load_seed

SLUGS = ["about", "presidency", "implementation-support-unit", "documents"]


def test_the_institution_content_is_read_in_menu_order():
    assert [item.name for item in load_seed().institution] == SLUGS
    for item in load_seed().institution:
        assert set(item.words) == {"en", "fr", "es"}


def test_a_wrong_type_is_named(content):
    edit(content / "institution" / "about" / "en.md", "type: info", "type: leaflet")
    with pytest.raises(ContentError, match="about/en.md: field “type”: 'leaflet' is not one"):
        load_seed(content)


@pytest.mark.django_db
def test_pages_are_made_once_in_every_language(media_root):
    from treatydesk.newsroom.meetings.models import DocumentLibraryPage
    from treatydesk.setup.institution import ensure_institution_pages
    from treatydesk.setup.site import ensure_home_pages, ensure_locales
    from treatydesk.site.models import InfoPage

    ensure_locales()
    ensure_home_pages()
    assert ensure_institution_pages() == 12
    assert ensure_institution_pages() == 0
    assert InfoPage.objects.live().count() == 9
    assert DocumentLibraryPage.objects.live().count() == 3
    about = InfoPage.objects.get(slug="about", locale__language_code="en")
    french = about.get_translations().get(locale__language_code="fr").specific
    assert french.title == "La Convention"
    unit = InfoPage.objects.get(slug="implementation-support-unit", locale__language_code="es")
    assert "Contacto" in unit.body and "Ginebra" in unit.body
    assert Page.objects.filter(slug="documents").count() == 3
