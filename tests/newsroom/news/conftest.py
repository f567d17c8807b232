"""The newsroom's default content, shared by this package's tests (tests/newsroom_fixtures.py)."""

from tests.newsroom_fixtures import editor, newsroom, newsroom_content  # noqa: F401
