"""Fixtures several folders take by name in their conftest (``from tests.common_fixtures
import …``), written once here: a fresh register cache, English as the active language."""

import pytest


@pytest.fixture(autouse=True)
def fresh_register_cache():
    """Forget registers computed by earlier tests (their databases were rolled back)."""
    from treatydesk.records.facts.loading import clear_cache

    clear_cache()
    yield
    clear_cache()


@pytest.fixture(autouse=True)
def english():
    """Start each test in English: a request to /fr/ leaves French active in the thread."""
    from django.utils import translation

    with translation.override("en"):
        yield
