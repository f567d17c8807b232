"""Fixtures of the site's own pages (the home page model, the site-wide endpoints)."""

import pytest


@pytest.fixture(autouse=True)
def english():
    """Start each test in English: a request to /fr/ leaves French active in the thread."""
    from django.utils import translation

    with translation.override("en"):
        yield
