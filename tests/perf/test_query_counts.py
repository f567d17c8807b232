"""Query counts do not grow with the register: the same few queries for 10 States or 125."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import shipped

pytestmark = pytest.mark.django_db

# The most queries a page may make, whatever the size of the register (cold: after a change).
# The home page (18): Wagtail's site, locale and page lookups; the language switcher's
# translations of the page (issue 13); the register's version token, read once per request
# however many parts of the page ask for the register (records/versioned.py's memo; it was read
# three times, for the page, its map and its chart). A State's page (4) read the register's and
# the obligations' tokens eleven times before the memo.
MAX_QUERIES = {"/en/states-parties/": 2, "/en/": 18, "/fr/": 18, "/en/states/IRQ/": 4}


def import_register(states: int | None) -> None:
    """Load the CCM register, cut to its first ``states`` rows (None: all of it)."""
    from treatydesk.records.facts.actions import ImportRegister

    text, name = shipped("ccm", "participants.csv")
    if states is not None:
        lines = text.splitlines()
        kept = [lines[0]] + [line for line in lines[1:] if line.startswith("Iraq")]
        kept += [line for line in lines[1:] if not line.startswith("Iraq")][:states - 1]
        text = "\n".join(kept) + "\n"
    ImportRegister("CCM", (text, name), actor="test").execute()


def count_queries(client, path: str) -> tuple[int, int]:
    """Return the queries of ``path`` right after a change (cold) and on the next request."""
    from django.core.cache import caches

    from treatydesk.records.facts.loading import clear_cache

    clear_cache()
    caches["default"].clear()  # Wagtail's remembered sites and renditions: cold means cold
    with CaptureQueriesContext(connection) as cold:
        assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as warm:
        assert client.get(path).status_code == 200
    return len(cold), len(warm)


@pytest.fixture
def site(db):
    from treatydesk.setup.site import ensure_home_pages, ensure_locales

    ensure_locales()
    ensure_home_pages()


@pytest.mark.parametrize("path", sorted(MAX_QUERIES))
def test_query_count_does_not_grow_with_the_register(client, site, path,
                                                     django_assert_max_num_queries):
    from django.core.cache import caches

    from treatydesk.records.facts.loading import clear_cache

    import_register(10)
    small = count_queries(client, path)
    import_register(None)
    full = count_queries(client, path)
    assert full == small, f"{path}: (cold, warm) queries {small} with 10 States, {full} with all"
    clear_cache()
    caches["default"].clear()
    with django_assert_max_num_queries(MAX_QUERIES[path]):
        client.get(path)
