"""Fixtures of the register log's tests: the shipped CCM register, logged and signed."""

import pytest


@pytest.fixture
def signed_register(ccm_register, apmbc_register):
    """The shipped registers as ``init`` leaves them: every fact logged (over 512 entries, so
    full tiles too), a key, one checkpoint."""
    import io

    from treatydesk.records.log.backfill import initialise_log
    from treatydesk.records.log.signing import latest

    initialise_log(io.StringIO())
    return latest()
