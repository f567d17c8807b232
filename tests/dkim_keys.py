"""The test domain's DKIM keys: made once a session (RSA-2048 generation takes a noticeable
fraction of a second), copied into each test's own key store by the folders' fixtures."""

import pytest

from treatydesk.core.mailtrust.keys import KeyStore

DOMAIN = "ccm.example"
RSA_SELECTOR = "td2026r"
ED_SELECTOR = "td2026e"


@pytest.fixture(scope="session")
def dkim_template(tmp_path_factory):
    """A key store folder with one active RSA and one active Ed25519 key for DOMAIN."""
    root = tmp_path_factory.mktemp("dkim-template")
    store = KeyStore(root)
    store.generate(DOMAIN, RSA_SELECTOR, "rsa")
    store.generate(DOMAIN, ED_SELECTOR, "ed25519")
    return root
