"""What the test database holds when a test starts: migrated and empty, or a fresh site.

``fresh_site`` is the one fixture for a test that needs a site: the database as
``treatydesk init`` leaves it (both default registers, home pages and newsroom in three
languages, the security notice, roles, the administrator), with the images and documents init
files copied into the test's own MEDIA_ROOT. Init runs once per test session; its database is
kept as a snapshot (treatydesk/testing/snapshots.py) and put back before a test that asks for
it. Every other database test starts from the migrated, empty database, as pytest-django's own
fixtures promise.

Between tests the database is rolled back, so it still holds the state the last test started
from; a snapshot is put back only when the next test wants another state, or after a
transactional test (which commits, and is flushed afterwards). The hook at the bottom makes
``database_state`` the first fixture of every test, so that the contents are in place before
pytest-django opens the test's transaction.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

MIGRATED = "migrated"
#: Set by scripts/run_tests.py in the PostgreSQL stream: leave out the tests that use no test
#: database; they do the same on either engine and run in the SQLite stream.
DATABASE_TESTS_ONLY = "TREATYDESK_DATABASE_TESTS_ONLY"
SESSION_STATES: DatabaseStates | None = None
SITE = "site"
#: Locales, the home page in each language and the newsroom's section pages, no register: the
#: start of tests that record facts on a register of their own (``site_pages``).
PAGES = "pages"
#: The fixtures that ask for a state other than the migrated, empty database.
STATE_FIXTURES = {"fresh_site": SITE, "site_pages": PAGES}
DB_FIXTURES = {"fresh_site", "site_pages", "_django_db_helper", "db", "transactional_db",
               "django_db_reset_sequences",
               "django_db_serialized_rollback", "live_server"}
TRANSACTIONAL_FIXTURES = {"transactional_db", "django_db_reset_sequences",
                          "django_db_serialized_rollback", "live_server"}


@dataclass
class FreshSite:
    """What ``treatydesk init`` left: its output (the one-time password is in it) and files."""

    init_output: str
    media_root: Path


class DatabaseStates:
    """The snapshots of the session's test database and the state it holds now."""

    def __init__(self, snapshots):
        self.snapshots = snapshots
        self.current: str | None = MIGRATED
        self.site: FreshSite | None = None
        self.restores: dict[str, list[float]] = {}
        self.built: set[str] = set()

    def put(self, state: str) -> None:
        if self.current != state:
            started = time.perf_counter()
            self.snapshots.restore(state)
            forget_computed_values()
            self.current = state
            self.restores.setdefault(state, []).append(time.perf_counter() - started)

    def summary(self) -> str:
        parts = [f"{len(times)} × {state} ({sum(times):.1f} s)"
                 for state, times in sorted(self.restores.items())]
        return "snapshots put back: " + (", ".join(parts) if parts else "none")


def forget_computed_values() -> None:
    """Forget what this process computed from rows that are no longer there."""
    from treatydesk.ops.pagecache import store
    from treatydesk.records.facts.loading import clear_cache as clear_register
    from treatydesk.records.obligations.loading import clear_cache as clear_obligations

    clear_register()
    clear_obligations()
    store.local.clear()


def make_site(states: DatabaseStates, media_root: Path) -> FreshSite:
    """Run ``treatydesk init`` (in this process) on the migrated database; keep it as SITE."""
    from django.test import override_settings

    from tests.commands import treatydesk

    states.put(MIGRATED)
    with override_settings(MEDIA_ROOT=media_root):
        result = treatydesk("init")
    assert result.code == 0, result.stderr
    states.snapshots.take(SITE)
    states.current = SITE
    return FreshSite(init_output=result.stdout, media_root=media_root)


def make_pages(states: DatabaseStates) -> None:
    """Make the locales, home pages and newsroom sections on the migrated database; keep them
    as PAGES."""
    from treatydesk.setup.newsroom import ensure_sections
    from treatydesk.setup.site import ensure_home_pages, ensure_locales

    states.put(MIGRATED)
    ensure_locales()
    ensure_home_pages()
    ensure_sections()
    states.snapshots.take(PAGES)
    states.current = PAGES
    states.built.add(PAGES)


@pytest.fixture(scope="session")
def database_states(django_db_setup, django_db_blocker):
    from django.db import connection

    from treatydesk.testing.snapshots import snapshots_for

    with django_db_blocker.unblock():
        name = str(connection.settings_dict["NAME"])
        # Snapshots are put back over this database: never over one that is not the test run's.
        if not (name.startswith("test_") or "memorydb" in name or "/test_" in name):
            raise RuntimeError(f"refusing to take snapshots of {name}: not a test database")
        snapshots = snapshots_for(connection)
        snapshots.take(MIGRATED)
    states = DatabaseStates(snapshots)
    global SESSION_STATES
    SESSION_STATES = states
    yield states
    with django_db_blocker.unblock(), contextlib.suppress(Exception):
        snapshots.discard()


def uses_database(item) -> bool:
    return bool(item.get_closest_marker("django_db")) or bool(DB_FIXTURES & set(item.fixturenames))


def is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("serialized_rollback")
                   or marker.kwargs.get("reset_sequences")):
        return True
    return bool(TRANSACTIONAL_FIXTURES & set(item.fixturenames))


@pytest.fixture(autouse=True)
def database_state(request, tmp_path_factory):
    """Put the contents the test starts from in place, before its transaction opens."""
    item = request.node
    if not uses_database(item):
        yield
        return
    states = request.getfixturevalue("database_states")
    blocker = request.getfixturevalue("django_db_blocker")
    wanted = wanted_state(item)
    with blocker.unblock():
        if wanted == SITE and states.site is None:
            states.site = make_site(states, tmp_path_factory.mktemp("fresh-site-media"))
        elif wanted == PAGES and PAGES not in states.built:
            make_pages(states)
        states.put(wanted)
    yield
    if is_transactional(item):
        states.current = None  # committed, then flushed: neither snapshot


@pytest.fixture
def fresh_site(request, database_state, database_states, tmp_path) -> FreshSite:
    """The site as ``treatydesk init`` leaves it, its files under the test's own MEDIA_ROOT.

    The test runs in a transaction rolled back afterwards (``db``), or, marked
    ``django_db(transaction=True)``, commits and is flushed afterwards. MEDIA_ROOT is set with
    a context of its own, not pytest-django's ``settings`` fixture: that one undoes its changes
    only at its own teardown, which would bring back the settings of a fixture set up and torn
    down in between (such as the production settings of tests/security/headers/).
    """
    from django.test import override_settings

    request.getfixturevalue("transactional_db" if is_transactional(request.node) else "db")
    site = database_states.site
    media = tmp_path / "media"
    shutil.copytree(site.media_root, media, dirs_exist_ok=True)
    with override_settings(MEDIA_ROOT=media):
        yield FreshSite(init_output=site.init_output, media_root=media)


@pytest.fixture
def site_pages(request, database_state) -> None:
    """Locales, the home page in each language and the newsroom's sections, but no register
    (the ``PAGES`` snapshot). The test runs in a transaction rolled back afterwards, or,
    marked ``django_db(transaction=True)``, commits and is flushed afterwards."""
    request.getfixturevalue("transactional_db" if is_transactional(request.node) else "db")


def pytest_collection_modifyitems(config, items) -> None:
    """Make ``database_state`` the first fixture set up (before pytest-django's); in the
    PostgreSQL stream, leave out the tests that use no test database."""
    if os.environ.get(DATABASE_TESTS_ONLY) == "1":
        kept = [item for item in items if uses_database(item) or item.get_closest_marker(
            "postgres")]
        kept_ids = {id(item) for item in kept}
        left_out = [item for item in items if id(item) not in kept_ids]
        if left_out:
            config.hook.pytest_deselected(items=left_out)
            items[:] = kept
    order_modules_by_state(items)
    for item in items:
        if uses_database(item) and not item.get_closest_marker("django_db"):
            # pytest-django sets up the test database only for tests it sees need one; our
            # fixtures ask for ``db`` when they run, so say it here.
            item.add_marker(pytest.mark.django_db(transaction=is_transactional(item)))
        names = item.fixturenames
        if "database_state" in names:
            names.remove("database_state")
            names.insert(0, "database_state")


def wanted_state(item) -> str | None:
    """The database state ``item`` starts from, or None when it uses no database."""
    if not uses_database(item):
        return None
    return next((state for name, state in STATE_FIXTURES.items() if name in item.fixturenames),
                MIGRATED)


#: Modules run in this order of the state their first database test wants.
STATE_ORDER = {None: 0, MIGRATED: 1, PAGES: 2, SITE: 3}


def order_modules_by_state(items) -> None:
    """Run the modules whose tests start from one state together (each module whole, in its
    own order), so that the database is put back to another snapshot as seldom as possible:
    on PostgreSQL each time costs a DROP and a CREATE DATABASE."""
    modules: dict[str, list] = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::", 1)[0], []).append(item)

    def rank(module_items) -> int:
        states = [wanted_state(item) for item in module_items]
        first = next((state for state in states if state is not None), None)
        return STATE_ORDER[first]

    ordered = sorted(modules.values(), key=rank)  # stable: collection order within a rank
    items[:] = [item for module_items in ordered for item in module_items]


def pytest_terminal_summary(terminalreporter) -> None:
    """Say how often the database was put back to a snapshot, and how long that took."""
    if SESSION_STATES is not None:
        terminalreporter.write_line(SESSION_STATES.summary())
