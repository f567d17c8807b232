"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server."""

import os
from pathlib import Path

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread

# Playwright's sync API runs an event loop in this thread; Django's async-safety check would
# otherwise refuse the database queries the test makes between browser steps.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")



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
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def initial_database(django_db_setup, django_db_blocker):
    """Return the test database as migrations left it, serialized before the browser starts.

    Once Playwright's sync API runs, Django may hand this thread a fresh connection object
    without the serialized copy that ``serialized_rollback`` restores from; ``site_content``
    then restores from this one (Wagtail's root page, collection, groups and workflow).
    """
    from django.db import connection

    return getattr(connection, "_test_serialized_contents", None)


@pytest.fixture(scope="session")
def browser(initial_database):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site_content(live_server, django_db_serialized_rollback, initial_database):
    """The site as ``treatydesk init`` leaves it: CCM register, newsroom content, an editor."""
    import io

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Page

    from treatydesk.home.setup import ensure_home_pages, ensure_locales, load_default_register
    from treatydesk.newsroom.setup import initialise_newsroom
    from treatydesk.registry.loading import clear_cache

    clear_cache()
    if initial_database and not hasattr(connection, "_test_serialized_contents"):
        # Lets this test's teardown flush keep post-migrate data out, as serialized_rollback
        # expects, and the next test's set-up restore the database.
        connection._test_serialized_contents = initial_database
    if initial_database and not Page.objects.exists():
        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(initial_database)
    ensure_locales()
    ensure_home_pages()
    load_default_register("CCM", "ccm", io.StringIO())
    initialise_newsroom(io.StringIO())
    get_user_model().objects.create_superuser("editor", "editor@example.org",
                                              "correct horse battery staple")
    return live_server.url
