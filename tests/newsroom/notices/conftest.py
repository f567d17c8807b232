import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Keep the files tests upload out of the working copy's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
