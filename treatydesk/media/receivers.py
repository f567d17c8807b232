"""A safety net under the upload form: a new image saved any other way is re-encoded too.

Wagtail's multiple upload keeps a file whose other fields failed validation as an
``UploadedFile`` and later copies it into the image without the form's ``clean_file``; scripts
and data loading create images directly. Before a new image is saved, its file is re-encoded
here unless the form already did it.
"""

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models.signals import pre_save
from wagtail.images import get_image_model

from .images import DEFAULT_MAX_PIXELS, reencode


def _reencode_new_image(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is not None or not instance.file:
        return
    field_file = instance.file
    pending = getattr(field_file, "file", None) if not field_file._committed else None
    if getattr(pending, "reencoded", False):
        return
    field_file.open("rb")
    try:
        field_file.seek(0)
        data = field_file.read()
    finally:
        field_file.seek(0)
    limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None) or DEFAULT_MAX_PIXELS
    clean = reencode(data, max_pixels=limit)
    if clean == data:
        return
    name = field_file.name.rsplit("/", 1)[-1]
    if field_file._committed:
        # Already written to storage (the multiple upload's path): replace it.
        field_file.storage.delete(field_file.name)
    replacement = ContentFile(clean, name=name)
    replacement.reencoded = True
    instance.file = replacement
    instance._set_image_file_metadata()


def connect() -> None:
    pre_save.connect(_reencode_new_image, sender=get_image_model(),
                     dispatch_uid="uploads-reencode-new-images")
