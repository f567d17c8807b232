"""Fixtures of the public status pages (the site itself: ``fresh_site``)."""

from tests.common_fixtures import english, fresh_register_cache  # noqa: F401 (autouse, by name)
