"""Uploads through the admin: photos kept re-encoded with their renditions made at once."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.media.conftest import image_bytes
from treatydesk.media.renditions import RENDITION_SPECS

pytestmark = pytest.mark.django_db


def upload(client, name, data, content_type="image/png"):
    return client.post("/admin/images/add/", {
        "title": "Photo", "file": SimpleUploadedFile(name, data, content_type=content_type),
        "description": "A red rectangle", "caption": "", "credit": "Test", "collection": 1,
    })


def test_an_uploaded_photo_is_kept_re_encoded_without_what_was_appended(
        admin_client, django_capture_on_commit_callbacks):
    from treatydesk.media.models import CustomImage

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(admin_client, "photo.png", image_bytes() + b"PK\x03\x04<script>")
    assert response.status_code == 302
    image = CustomImage.objects.get(title="Photo")
    stored = image.file.read()
    assert b"<script>" not in stored and stored.startswith(b"\x89PNG")
    assert image.file_size == len(stored)
    assert (image.width, image.height) == (120, 80)


def test_the_renditions_the_templates_use_are_made_at_upload(
        admin_client, django_capture_on_commit_callbacks):
    from treatydesk.media.models import CustomImage

    with django_capture_on_commit_callbacks(execute=True):
        upload(admin_client, "photo.png", image_bytes(size=(1600, 1000)))
    image = CustomImage.objects.get(title="Photo")
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert made == set(RENDITION_SPECS)
    for rendition in image.renditions.all():
        assert rendition.file.storage.exists(rendition.file.name)


@pytest.mark.parametrize("name", ["drawing.svg", "drawing.png"])
def test_svg_is_refused_whatever_its_name(admin_client, name):
    from treatydesk.media.models import CustomImage

    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = upload(admin_client, name, svg, content_type="image/svg+xml")
    assert response.status_code == 200
    assert not CustomImage.objects.filter(title="Photo").exists()


def test_an_image_saved_without_the_form_is_re_encoded_as_well(media_root):
    import io

    from django.core.files.images import ImageFile

    from treatydesk.media.models import CustomImage

    image = CustomImage(title="Scripted", description="")
    image.file = ImageFile(io.BytesIO(image_bytes() + b"PK\x03\x04<script>"), name="s.png")
    image._set_image_file_metadata()
    image.save()
    image = CustomImage.objects.get(pk=image.pk)
    with image.file.open("rb") as stored_file:
        stored = stored_file.read()
    assert b"<script>" not in stored and stored.startswith(b"\x89PNG")
    assert image.file_size == len(stored)


def test_the_multiple_upload_path_around_the_form_is_re_encoded(admin_client, media_root):
    """A file whose title fails validation is kept aside, then made an image later."""
    import json

    from wagtail.models import UploadedFile

    from treatydesk.media.models import CustomImage

    response = admin_client.post("/admin/images/multiple/add/", {
        "title": "x" * 300, "collection": 1,
        "files[]": SimpleUploadedFile("photo.png", image_bytes() + b"PK\x03\x04<script>",
                                      content_type="image/png"),
    })
    data = json.loads(response.content)
    assert data["success"] and "uploaded_file_id" in data, data
    upload = UploadedFile.objects.get(pk=data["uploaded_file_id"])
    admin_client.post(
        f"/admin/images/multiple/create_from_uploaded_image/{upload.pk}/",
        {f"uploaded-image-{upload.pk}-title": "Photo from aside",
         f"uploaded-image-{upload.pk}-collection": 1,
         f"uploaded-image-{upload.pk}-description": "A red rectangle"})
    image = CustomImage.objects.get(title="Photo from aside")
    assert b"<script>" not in image.file.read()
