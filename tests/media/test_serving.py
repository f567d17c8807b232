"""Uploads are served so that a browser never runs them: downloaded, not sniffed, sandboxed."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from tests.media.conftest import image_bytes

pytestmark = pytest.mark.django_db


def test_a_pdf_is_downloaded_never_shown_inline(client, media_root):
    from treatydesk.media.models import CustomDocument
    from treatydesk.setup.sample_pdf import text_pdf

    document = CustomDocument(title="Agenda", symbol="CCM/MSP/2099/1", language="en")
    document.file = ContentFile(text_pdf("Agenda", ["Item 1"]), name="agenda.pdf")
    document._set_document_file_metadata()
    document.save()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert "sandbox" in csp and "default-src 'none'" in csp
    assert "Set-Cookie" not in response.headers


def test_an_html_file_in_the_library_is_downloaded_as_well(client, media_root):
    from treatydesk.media.models import CustomDocument

    document = CustomDocument(title="Notes")
    document.file = ContentFile(b"<script>alert(document.domain)</script>", name="notes.txt")
    document._set_document_file_metadata()
    document.save()
    response = client.get(document.url)
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]


def test_renditions_are_served_sandboxed_and_not_sniffed(client, media_root):
    import io

    from treatydesk.media.models import CustomImage

    image = CustomImage(title="Photo", description="A red rectangle")
    image.file = ImageFile(io.BytesIO(image_bytes()), name="photo.png")
    image._set_image_file_metadata()
    image.save()
    rendition = image.get_rendition("width-480|format-webp")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "immutable" in response["Cache-Control"]


def test_original_uploads_are_not_served_at_all(client, media_root):
    assert client.get("/media/original_images/photo.png").status_code == 404
    assert client.get("/media/documents/agenda.pdf").status_code == 404
