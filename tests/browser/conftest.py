"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server."""

import os
from pathlib import Path

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread

from tests.paths import ROOT


class SerialWSGIServer(WSGIServer):
    """A live server that answers one request at a time, closing each connection.

    On SQLite the test database lives in memory and every live-server thread shares the test's
    one connection; two admin requests at once (the live preview posts and reloads together)
    then fail with "database table is locked". Serving requests in turn avoids that.
    """

    def __init__(self, *args, connections_override=None, **kwargs):
        # LiveServerThread.run() has already installed the shared connections in this thread.
        super().__init__(*args, **kwargs)


LiveServerThread.server_class = SerialWSGIServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def browser(django_db_setup, django_db_blocker):
    """Return Debian's chromium, launched through Playwright's sync API.

    That API keeps an asyncio loop running in this thread, after which Django keeps its
    database connections per context rather than per thread and would open new ones, without
    the serialized copy of the test database that ``serialized_rollback`` restores from. The
    connections made before the browser starts are handed back to Django once it runs.
    """
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with django_db_blocker.unblock():
        before = {alias: connections[alias] for alias in connections}
    # Playwright's sync API runs an event loop in this thread; Django's async-safety check
    # would otherwise refuse the queries the tests make between browser steps. Only while the
    # browser runs, so that no other test (or process it starts) inherits the setting.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            for alias, connection in before.items():
                connections[alias] = connection
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def site_content(browser, live_server, fresh_site):
    """The live server's address, on the site as ``treatydesk init`` leaves it (the shared
    fresh site: tests/database_states.py), with an editor to sign in as.

    The tests commit (the live server answers from the test's own connection, outside its
    transaction), so each is flushed afterwards and the next test gets the snapshot back: a
    copy over the in-memory database, in milliseconds.
    """
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("editor", "editor@example.org",
                                              "correct horse battery staple")
    return live_server.url
