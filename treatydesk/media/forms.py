"""Wagtail's image upload form, re-encoding every new photo (``WAGTAILIMAGES_IMAGE_FORM_BASE``)."""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from wagtail.images.forms import BaseImageForm

from .images import DEFAULT_MAX_PIXELS, reencode


class SafeImageForm(BaseImageForm):
    """The image form of the admin (single and multiple upload, and "replace file")."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload  # the file already kept, unchanged
        upload.seek(0)
        data = upload.read()
        limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None) or DEFAULT_MAX_PIXELS
        clean = reencode(data, max_pixels=limit)
        safe = SimpleUploadedFile(upload.name, clean, content_type=upload.content_type)
        safe.reencoded = True  # tells the model's safety net (receivers.py) not to do it again
        # Wagtail's field attached the decoded image; the views read it back.
        if hasattr(upload, "image"):
            safe.image = upload.image
        return safe
