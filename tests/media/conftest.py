import io

import pytest
from PIL import Image


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads under ``tmp_path``; Wagtail's remembered renditions forgotten before and after."""
    from django.core.cache import caches

    caches["default"].clear()
    settings.MEDIA_ROOT = tmp_path / "media"
    yield settings.MEDIA_ROOT
    caches["default"].clear()


@pytest.fixture
def admin_client(client, db, media_root):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("uploader", "u@example.org", "x" * 16)
    client.force_login(user)
    return client


def image_bytes(format_name="PNG", size=(120, 80), colour=(200, 30, 40), **options) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format_name, **options)
    return buffer.getvalue()
