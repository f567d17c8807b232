"""Fixtures of the operations tests: the fresh site and files of the test's own, its media in a
temporary folder."""

import io

import pytest

from tests.common_fixtures import fresh_register_cache  # noqa: F401 (autouse, by name)


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


def add_drill_files() -> None:
    """Add a photo and a document of the test's own to the site, their files under the test's
    MEDIA_ROOT (besides the ones ``treatydesk init`` made, copied there by ``fresh_site``)."""
    from django.core.files.base import ContentFile
    from django.core.files.images import ImageFile

    from tests.newsroom_fixtures import png_bytes
    from treatydesk.media.models import CustomDocument, CustomImage
    from treatydesk.setup.sample_pdf import text_pdf

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
def site_content(fresh_site, media_root):
    """The site as ``treatydesk init`` leaves it, with a photo and a document of the test's."""
    add_drill_files()
    return fresh_site
