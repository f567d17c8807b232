"""Fixtures of the notices and mail tests: a site with its three languages and section pages
but no register, for tests that record facts on a register of their own; an editor.

A test that needs the site as ``treatydesk init`` leaves it asks for ``fresh_site``
(tests/database_states.py)."""

import csv
import datetime as dt
import io

import pytest
from PIL import Image

from tests.conftest import shipped


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


@pytest.fixture
def editor(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("editor", "editor@example.org",
                                                     "correct horse battery")


@pytest.fixture
def site(site_pages):
    """Locales, home pages and the newsroom's sections, no register: the ``site_pages``
    snapshot (tests/database_states.py)."""


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
