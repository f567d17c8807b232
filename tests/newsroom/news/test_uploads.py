"""Uploads: a file that is not an image, an oversized one and a PDF with JavaScript are refused."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from pypdf import PdfWriter
from pypdf.actions import JavaScript

from tests.newsroom_fixtures import png_bytes


def pdf(javascript: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    if javascript:
        writer.add_open_action(JavaScript(javascript))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def admin_client(client, fresh_site):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("editor", "e@example.org", "x" * 16)
    client.force_login(user)
    return client


def upload_image(client, name, data, content_type="image/png"):
    return client.post("/admin/images/add/", {
        "title": "Photo", "file": SimpleUploadedFile(name, data, content_type=content_type),
        "description": "A photo", "caption": "", "credit": "J. Doe", "collection": 1,
    })


def upload_document(client, name, data, content_type="application/pdf"):
    return client.post("/admin/documents/add/", {
        "title": "Instrument", "file": SimpleUploadedFile(name, data, content_type=content_type),
        "symbol": "", "language": "en", "collection": 1,
    })


def test_an_image_with_its_credit_is_accepted(admin_client):
    from treatydesk.media.models import CustomImage

    response = upload_image(admin_client, "photo.png", png_bytes())
    assert response.status_code == 302
    image = CustomImage.objects.get(credit="J. Doe")
    assert image.credit == "J. Doe" and image.default_alt_text == "A photo"


def test_a_file_that_is_not_an_image_is_refused(admin_client):
    response = upload_image(admin_client, "photo.png", b"MZ\x90\x00 not an image at all")
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000)
def test_an_oversized_image_is_refused(admin_client):
    response = upload_image(admin_client, "photo.png", png_bytes((400, 400)) + b"\0" * 2000)
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()


def test_a_clean_pdf_is_accepted(admin_client):
    from treatydesk.media.models import CustomDocument

    before = CustomDocument.objects.count()
    response = upload_document(admin_client, "instrument.pdf", pdf())
    assert response.status_code == 302
    assert CustomDocument.objects.count() == before + 1


def test_a_pdf_with_javascript_is_refused_with_a_clear_message(admin_client):
    from treatydesk.media.models import CustomDocument

    before = CustomDocument.objects.count()
    response = upload_document(admin_client, "instrument.pdf", pdf("app.alert('hi')"))
    assert response.status_code == 200
    assert "This PDF contains JavaScript" in response.content.decode()
    assert CustomDocument.objects.count() == before


@override_settings(TREATYDESK_DOCUMENT_MAX_UPLOAD_SIZE=100)
def test_an_oversized_document_is_refused(admin_client):
    response = upload_document(admin_client, "instrument.pdf", pdf())
    assert response.status_code == 200
    assert "documents may be at most 100" in response.content.decode()


def test_a_file_named_pdf_that_is_not_one_is_refused(admin_client):
    response = upload_document(admin_client, "instrument.pdf", b"<html>hello</html>")
    assert response.status_code == 200
    assert "is not a PDF document" in response.content.decode()


def test_a_document_symbol_is_checked(admin_client):
    response = admin_client.post("/admin/documents/add/", {
        "title": "Agenda", "file": SimpleUploadedFile("a.pdf", pdf(), "application/pdf"),
        "symbol": "not a symbol", "language": "en", "collection": 1,
    })
    assert "is not a document symbol" in response.content.decode()
