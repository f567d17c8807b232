"""Fixtures shared by the Django-side tests: the shared fresh site, the shipped registers."""

import pytest

from tests.paths import TREATIES

DATA_DIR = TREATIES


def shipped(treaty_folder: str, name: str) -> tuple[str, str]:
    """Return (text, file name) of a CSV file shipped in treatydesk/core/treaties."""
    path = DATA_DIR / treaty_folder / name
    return path.read_text(encoding="utf-8"), f"{treaty_folder}/{name}"


# One shared site (``treatydesk init`` once per session) and the database state each test
# starts from: tests/database_states.py.
from tests.database_states import (  # noqa: E402, F401 (fixtures and a hook, by name)
    database_state,
    database_states,
    fresh_site,
    pytest_collection_modifyitems,
    pytest_terminal_summary,
    site_pages,
)


@pytest.fixture(autouse=True)
def register_log_state(tmp_path):
    """Keep the checkpoints the register log remembers (published, verified) in the test's own
    folder: a checkpoint one test published must not be taken for another test's. The log's
    key is the test process's own (settings/test.py), the one the fresh site's init used."""
    from django.test import override_settings

    with override_settings(TREATYDESK_LOG_STATE_DIR=tmp_path / "logstate"):
        yield
