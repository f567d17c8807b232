"""Fixtures of the operations tests: a whole small site, with its media in a temporary folder."""

import io

import pytest

from tests.conftest import shipped


@pytest.fixture
def media_root(settings, tmp_path):
    """Keep uploads of the test under ``tmp_path``, never in the working copy's var/.

    Wagtail remembers renditions in the default cache; an earlier test's, whose files were in
    its own folder, must not be taken for this test's.
    """
    from django.core.cache import caches

    caches["default"].clear()
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TREATYDESK_DKIM_DIR = tmp_path / "dkim"
    yield settings.MEDIA_ROOT
    caches["default"].clear()


@pytest.fixture(autouse=True)
def fresh_register_cache():
    from treatydesk.records.facts.loading import clear_cache

    clear_cache()
    yield
    clear_cache()


def make_site_content() -> None:
    """Create what ``treatydesk init`` creates: registers, pages in three languages, and a photo
    and a document of the test's own, whose files are under the test's MEDIA_ROOT.

    (The newsroom's tests load the default news once per session; when they have, the default
    photos are already there and their files are elsewhere.)"""
    from django.core.files.base import ContentFile
    from django.core.files.images import ImageFile
    from wagtail.models import Collection

    from tests.newsroom_fixtures import make_site, png_bytes
    from treatydesk.media.models import CustomDocument, CustomImage
    from treatydesk.records.facts.actions import ImportRegister
    from treatydesk.setup.newsroom import create_default_meetings, create_default_news
    from treatydesk.setup.sample_pdf import text_pdf

    for code, folder in (("CCM", "ccm"), ("APMBC", "apmbc")):
        ImportRegister(code, shipped(folder, "participants.csv"),
                       shipped(folder, "withdrawals.csv"), actor="test").execute()
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")  # Wagtail's migration makes it; a flush removes it
    make_site()
    create_default_news()
    create_default_meetings()
    photo = CustomImage(title="Drill photo", description="A blue square", credit="Test")
    photo.file = ImageFile(io.BytesIO(png_bytes((900, 600))), name="drill-photo.png")
    photo._set_image_file_metadata()
    photo.save()
    document = CustomDocument(title="Drill document", symbol="CCM/MSP/2099/1", language="en")
    document.file = ContentFile(text_pdf("Drill", ["A document of the backup drill."]),
                                name="drill-document.pdf")
    document._set_document_file_metadata()
    document.save()


@pytest.fixture
def site_content(db, media_root):
    make_site_content()
