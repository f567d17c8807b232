"""Fixtures of the site's own pages (the home page model, the site-wide endpoints)."""

from tests.common_fixtures import english  # noqa: F401 (autouse, by name)
