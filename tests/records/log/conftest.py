"""Fixtures of the register log's tests: the shipped CCM register, logged and signed."""

import pytest


@pytest.fixture
def signed_register(ccm_register):
    """The CCM register as ``init`` leaves it: every fact logged, a key, one checkpoint."""
    from treatydesk.records.log.backfill import initialise_log
    from treatydesk.records.log.signing import latest

    import io

    initialise_log(io.StringIO())
    return latest()
