"""Fixtures of the register log's tests: the fresh site's log, and a key store of one's own."""

import shutil

import pytest


@pytest.fixture
def signed_register(fresh_site):
    """The shipped registers as ``treatydesk init`` leaves them: every fact logged (over 512
    entries, so full tiles too), the key, one checkpoint, signed just now (the shared site was
    made earlier in the session); return that checkpoint."""
    import datetime as dt

    from treatydesk.records.log.models import SignedCheckpoint
    from treatydesk.records.log.signing import latest

    SignedCheckpoint.objects.update(at=dt.datetime.now(dt.UTC))
    return latest()


@pytest.fixture
def own_log_keys(tmp_path):
    """A copy of the process's log keys for a test that adds one (a rotation)."""
    from django.conf import settings
    from django.test import override_settings

    copy = tmp_path / "logkey"
    shutil.copytree(settings.TREATYDESK_LOG_KEY_DIR, copy)
    with override_settings(TREATYDESK_LOG_KEY_DIR=copy):
        yield copy
