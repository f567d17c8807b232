"""Make the image sizes the templates use when a photo is uploaded, not in a reader's request.

``RENDITION_SPECS`` lists every ``{% image %}`` and ``{% srcset_image %}`` filter of the public
templates; ``tests/uploads/test_renditions.py`` fails when a template uses one not listed here.
The renditions are made once the upload's transaction commits, in the editor's request.
"""

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.images import get_image_model

RENDITION_SPECS = (
    "fill-320x200|format-webp",        # news lists
    "width-480|format-webp",           # article and meeting photos (srcset)
    "width-800|format-webp",
    "width-1200|format-webp",
    "fill-1200x630|format-jpeg",       # the photo shared on social media (og:image)
)


def make_renditions(image) -> list:
    """Return the renditions of ``image`` for every spec, making the missing ones."""
    return list(image.get_renditions(*RENDITION_SPECS).values())


def _on_image_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.file:
        return
    pk = instance.pk

    def make():
        image = sender.objects.filter(pk=pk).first()
        if image is not None:
            make_renditions(image)

    transaction.on_commit(make)


def connect() -> None:
    post_save.connect(_on_image_saved, sender=get_image_model(),
                      dispatch_uid="uploads-make-renditions")
