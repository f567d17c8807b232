"""Fixtures of the newsroom tests: a site with its three languages and section pages."""

import contextlib
import csv
import datetime as dt
import io

import pytest
from PIL import Image

from tests.conftest import shipped


def make_site():
    """Create locales, the home page in each language and the newsroom's index pages."""
    from treatydesk.setup.newsroom import ensure_sections
    from treatydesk.setup.site import ensure_home_pages, ensure_locales

    ensure_locales()
    ensure_home_pages()
    ensure_sections()


def ccm_before(day: dt.date) -> str:
    """Return the shipped CCM participants CSV without the instruments deposited from ``day``."""
    text, _name = shipped("ccm", "participants.csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        if row["instrument_date"] and row["instrument_date"] >= day.isoformat():
            row["instrument_date"] = row["instrument_kind"] = ""
        if row["signature_date"] or row["instrument_date"]:
            writer.writerow(row)
    return out.getvalue()


def load_newsroom():
    """Create the site and its default news and meetings (nothing when already there)."""
    from treatydesk.setup.newsroom import create_default_meetings, create_default_news

    make_site()
    create_default_news()
    create_default_meetings()


@contextlib.contextmanager
def committed_newsroom(django_db_blocker, media_root):
    """Create the newsroom content once, committed, and put the database back afterwards.

    Making the content takes seconds (each page is indexed and published), so a package of
    tests shares one copy, each test running in its own rolled-back transaction over it. On
    leaving, the database returns to the state it had before, so that tests elsewhere (and
    transactional ones, which restore a serialized copy) never meet this content.
    """
    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings

    media = override_settings(MEDIA_ROOT=media_root)
    media.enable()
    with django_db_blocker.unblock():
        before = connection.creation.serialize_db_to_string()
        load_newsroom()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0,
                         reset_sequences=False)
            connection.creation.deserialize_db_from_string(before)
        media.disable()


@pytest.fixture(scope="package")
def newsroom_content(django_db_setup, django_db_blocker, tmp_path_factory):
    """The default news and meetings, committed once for the package that imports this."""
    with committed_newsroom(django_db_blocker, tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture
def newsroom(newsroom_content, db):
    """The site with its sections and the default news and meetings (no register)."""


@pytest.fixture
def editor(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("editor", "editor@example.org",
                                                     "correct horse battery")


@pytest.fixture
def site(db):
    make_site()


@pytest.fixture
def ccm_before_iraq(site):
    """A CCM register holding the instruments deposited before 14 May 2013."""
    from treatydesk.records.facts.actions import ImportRegister

    ImportRegister("CCM", (ccm_before(dt.date(2013, 5, 14)), "ccm/participants.csv"),
                   actor="test").execute()


def png_bytes(size=(64, 48), colour=(30, 90, 140)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()
