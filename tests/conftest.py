"""Fixtures shared by the Django-side tests."""


import pytest

from tests.paths import TREATIES

DATA_DIR = TREATIES


def shipped(treaty_folder: str, name: str) -> tuple[str, str]:
    """Return (text, file name) of a CSV file shipped in treatydesk/core/treaties."""
    path = DATA_DIR / treaty_folder / name
    return path.read_text(encoding="utf-8"), f"{treaty_folder}/{name}"


@pytest.fixture
def ccm_register(db):
    """The real CCM register (shipped data) loaded through the importer."""
    from treatydesk.records.facts.actions import ImportRegister

    return ImportRegister(
        "CCM", shipped("ccm", "participants.csv"), shipped("ccm", "withdrawals.csv"),
        actor="test",
    ).execute()


@pytest.fixture
def apmbc_register(db):
    from treatydesk.records.facts.actions import ImportRegister

    return ImportRegister(
        "APMBC", shipped("apmbc", "participants.csv"), shipped("apmbc", "withdrawals.csv"),
        actor="test",
    ).execute()


# One shared site (``treatydesk init`` once per session) and the database state each test
# starts from: tests/database_states.py.
from tests.database_states import (  # noqa: E402, F401
    database_state,
    database_states,
    fresh_site,
    pytest_collection_modifyitems,
)
