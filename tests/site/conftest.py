"""A whole site as ``treatydesk init`` makes it (pages, institution pages, CCM and APMBC
registers, recent notices published), committed once for this package's tests."""

import contextlib
import io

import pytest


def make_full_site():
    from tests.newsroom_fixtures import load_newsroom
    from treatydesk.setup.institution import ensure_institution_pages
    from treatydesk.setup.newsroom import publish_recent_notices
    from treatydesk.setup.site import ensure_site_address, load_default_register

    load_newsroom()
    ensure_site_address()
    ensure_institution_pages()
    for code in ("CCM", "APMBC"):
        load_default_register(code, io.StringIO())
    publish_recent_notices()


@contextlib.contextmanager
def committed(django_db_blocker, media_root):
    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings

    from treatydesk.records.facts.loading import clear_cache

    media = override_settings(MEDIA_ROOT=media_root)
    media.enable()
    with django_db_blocker.unblock():
        before = connection.creation.serialize_db_to_string()
        make_full_site()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0,
                         reset_sequences=False)
            connection.creation.deserialize_db_from_string(before)
        clear_cache()
        media.disable()


@pytest.fixture(scope="package")
def full_site_content(django_db_setup, django_db_blocker, tmp_path_factory):
    with committed(django_db_blocker, tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture
def full_site(full_site_content, db):
    """The whole default site (rolled back after each test)."""
    from django.utils import translation

    from treatydesk.records.facts.loading import clear_cache

    clear_cache()
    with translation.override("en"):
        yield
    clear_cache()
