"""Fixtures of the pictures: fresh register cache, English, the home pages."""

from tests.common_fixtures import english, fresh_register_cache  # noqa: F401 (autouse, by name)
