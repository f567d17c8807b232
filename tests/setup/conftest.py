"""Fixtures of the set-up tests: media in a temporary folder, a copy of the content to break."""

import shutil

import pytest


@pytest.fixture
def media_root(settings, tmp_path):
    """Keep the illustrations and agendas init files under ``tmp_path``, not in var/."""
    from django.core.cache import caches

    caches["default"].clear()  # Wagtail's renditions of an earlier test's images
    settings.MEDIA_ROOT = tmp_path / "media"
    yield settings.MEDIA_ROOT
    caches["default"].clear()


@pytest.fixture
def content(tmp_path):
    """A copy of the shipped content folder, for a test to break."""
    from treatydesk.setup.seed import CONTENT_DIR

    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy)
    return copy


def edit(path, old: str, new: str) -> None:
    """Replace ``old`` (which must be there) by ``new`` in the file at ``path``."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
