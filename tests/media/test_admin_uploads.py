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


def marked_jpeg(size=(1600, 1000)) -> bytes:
    """A JPEG with an HTML comment, EXIF (GPS, rotated), XMP and an sRGB colour profile."""
    import io

    from PIL import Image, ImageCms

    image = Image.new("RGB", size, (200, 30, 40))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to show
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0)}  # GPS position
    exif[0x010F] = "CameraMaker<script>exif</script>"
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><script>xmp</script></x:xmpmeta>'
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    image.save(out, "JPEG", comment=b"<script>alert('com')</script>", exif=exif, xmp=xmp,
               icc_profile=icc)
    return out.getvalue()


def test_comments_exif_and_xmp_leave_the_original_and_every_rendition(
        admin_client, django_capture_on_commit_callbacks):
    import io

    from PIL import Image

    from treatydesk.media.models import CustomImage

    data = marked_jpeg()
    assert data.count(b"<script>") == 3 and b"\xff\xfe" in data  # the payloads are there
    with django_capture_on_commit_callbacks(execute=True):
        assert upload(admin_client, "photo.jpg", data, "image/jpeg").status_code == 302
    image = CustomImage.objects.get(title="Photo")
    files = [image.file] + [rendition.file for rendition in image.renditions.all()]
    assert len(files) == 1 + len(RENDITION_SPECS)
    for file in files:
        file.open("rb")
        stored = file.read()
        file.close()
        assert b"<script>" not in stored and b"xmpmeta" not in stored, file.name
        decoded = Image.open(io.BytesIO(stored))
        assert "comment" not in decoded.info and not decoded.getexif(), file.name
        if decoded.format == "JPEG" and file is image.file:
            assert decoded.info.get("icc_profile"), "the colour profile is kept"
    assert (image.width, image.height) == (1000, 1600)  # the rotation applied, not dropped
    social = image.renditions.get(filter_spec="fill-1200x630|format-jpeg")
    social.file.open("rb")
    assert Image.open(social.file).info.get("icc_profile"), "renditions keep the profile too"
