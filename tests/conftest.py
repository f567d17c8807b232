"""Fixtures shared by the Django-side tests."""

from pathlib import Path

import pytest

DATA_DIR = Path(__file__).resolve().parent.parent / "treatydesk" / "data"


def shipped(treaty_folder: str, name: str) -> tuple[str, str]:
    """Return (text, file name) of a CSV file shipped in treatydesk/data."""
    path = DATA_DIR / treaty_folder / name
    return path.read_text(encoding="utf-8"), f"{treaty_folder}/{name}"


@pytest.fixture
def ccm_register(db):
    """The real CCM register (shipped data) loaded through the importer."""
    from treatydesk.registry.actions import ImportRegister

    return ImportRegister(
        "CCM", shipped("ccm", "participants.csv"), shipped("ccm", "withdrawals.csv"),
        actor="test",
    ).execute()


@pytest.fixture
def apmbc_register(db):
    from treatydesk.registry.actions import ImportRegister

    return ImportRegister(
        "APMBC", shipped("apmbc", "participants.csv"), shipped("apmbc", "withdrawals.csv"),
        actor="test",
    ).execute()
