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


@pytest.fixture(autouse=True)
def register_log_files(settings, tmp_path):
    """Keep the register log's key and its remembered checkpoints in the test's own folder:
    a checkpoint one test published must not be taken for another test's."""
    settings.TREATYDESK_LOG_KEY_DIR = tmp_path / "logkey"
    settings.TREATYDESK_LOG_STATE_DIR = tmp_path / "logstate"
