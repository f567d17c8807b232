"""The newsroom's editor (tests/newsroom_fixtures.py); the site is ``fresh_site``."""

from tests.newsroom_fixtures import editor  # noqa: F401
