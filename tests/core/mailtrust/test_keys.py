"""The key store: generation, file modes, life cycle, public records."""

from __future__ import annotations

import base64
import stat
from datetime import UTC, datetime

import dkim
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

from treatydesk.core.mailtrust.keys import KeyStatus, KeyStore, KeyStoreError

from .conftest import DOMAIN, ED_SELECTOR, RSA_SELECTOR


def test_rsa_key_is_2048_bits_and_its_record_holds_its_public_key(keystore):
    key = keystore.get(DOMAIN, RSA_SELECTOR)
    assert key.algorithm == "rsa"
    assert key.public_record.startswith("v=DKIM1; k=rsa; p=")
    der = base64.b64decode(key.public_record.split("p=", 1)[1])
    public = serialization.load_der_public_key(der)
    assert isinstance(public, rsa.RSAPublicKey)
    assert public.key_size == 2048
    assert public.public_numbers() == key.private_key.public_key().public_numbers()
    # dkimpy, the verifier receivers may run, reads the record as a 2048-bit key.
    _pk, keysize, ktag, _tlsrpt = dkim.evaluate_pk(key.record_name, key.public_record.encode())
    assert (keysize, ktag) == (2048, b"rsa")


def test_ed25519_record_holds_the_raw_32_byte_key(keystore):
    key = keystore.get(DOMAIN, ED_SELECTOR)
    assert key.public_record.startswith("v=DKIM1; k=ed25519; p=")
    raw = base64.b64decode(key.public_record.split("p=", 1)[1])
    assert len(raw) == 32
    assert isinstance(key.private_key, ed25519.Ed25519PrivateKey)
    assert raw == key.private_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    _pk, _size, ktag, _tlsrpt = dkim.evaluate_pk(key.record_name, key.public_record.encode())
    assert ktag == b"ed25519"


def test_private_keys_are_readable_by_owner_only(keystore):
    for key in keystore.keys(DOMAIN):
        path = keystore.root / DOMAIN / f"{key.selector}.pem"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((keystore.root / DOMAIN).stat().st_mode) == 0o700


def test_private_key_is_not_shown_in_repr(keystore):
    key = keystore.get(DOMAIN, RSA_SELECTOR)
    assert b"PRIVATE" in key.private_pem
    assert "PRIVATE" not in repr(key)


def test_generate_refuses_an_existing_selector(keystore):
    with pytest.raises(KeyStoreError):
        keystore.generate(DOMAIN, RSA_SELECTOR, "ed25519")


@pytest.mark.parametrize("selector", ["../etc", "a/b", "", "-x", "x_y", "a" * 64])
def test_generate_refuses_selectors_that_are_not_dns_labels(tmp_path, selector):
    with pytest.raises(KeyStoreError):
        KeyStore(tmp_path).generate(DOMAIN, selector, "ed25519")
    assert list(tmp_path.rglob("*.pem")) == []


def test_generate_refuses_unknown_algorithm(tmp_path):
    with pytest.raises(KeyStoreError):
        KeyStore(tmp_path).generate(DOMAIN, "s1", "dsa")


def test_names_are_stored_lower_case(tmp_path):
    key = KeyStore(tmp_path).generate("CCM.Example.", "Sel1", "ed25519")
    assert (key.domain, key.selector) == (DOMAIN, "sel1")
    assert KeyStore(tmp_path).get("ccm.EXAMPLE", "SEL1") == key


def test_life_cycle_pending_active_retired(tmp_path):
    store = KeyStore(tmp_path)
    old = store.generate(DOMAIN, "s2025", "ed25519", now=datetime(2025, 1, 1, tzinfo=UTC))
    new = store.generate(DOMAIN, "s2026", "ed25519", active=False)
    assert new.status is KeyStatus.PENDING
    assert [k.selector for k in store.active(DOMAIN)] == ["s2025"]
    assert [k.selector for k in store.pending(DOMAIN)] == ["s2026"]

    store.activate(DOMAIN, "s2026")
    store.retire(DOMAIN, "s2025")

    # A second store on the same directory (another process) sees the change.
    other = KeyStore(tmp_path)
    assert [k.selector for k in other.active(DOMAIN)] == ["s2026"]
    assert [k.selector for k in other.retired(DOMAIN)] == ["s2025"]
    retired = other.get(DOMAIN, "s2025")
    assert retired.private_pem == old.private_pem  # kept, so old mail still verifies
    assert retired.retired is not None


def test_activate_only_pending_keys(keystore):
    with pytest.raises(KeyStoreError):
        keystore.activate(DOMAIN, RSA_SELECTOR)


def test_remove_refuses_an_active_key_and_deletes_a_retired_one(keystore):
    with pytest.raises(KeyStoreError):
        keystore.remove(DOMAIN, ED_SELECTOR)
    keystore.retire(DOMAIN, ED_SELECTOR)
    keystore.remove(DOMAIN, ED_SELECTOR)
    assert keystore.get(DOMAIN, ED_SELECTOR) is None
    assert not (keystore.root / DOMAIN / f"{ED_SELECTOR}.pem").exists()


def test_domains_lists_only_domains_with_keys(keystore):
    assert keystore.domains() == [DOMAIN]
    assert KeyStore(keystore.root / "missing").domains() == []
    assert keystore.keys("other.example") == ()


def test_changes_by_another_process_show_after_the_refresh_delay(keystore):
    signer_side = KeyStore(keystore.root)
    assert len(signer_side.active(DOMAIN)) == 2  # read and cached
    KeyStore(keystore.root).retire(DOMAIN, ED_SELECTOR)  # an operator's command
    assert len(signer_side.active(DOMAIN)) == 2  # still cached: at most a second old
    signer_side.refresh_seconds = 0
    assert [k.selector for k in signer_side.active(DOMAIN)] == [RSA_SELECTOR]


def test_changes_through_the_same_store_show_at_once(keystore):
    assert len(keystore.active(DOMAIN)) == 2
    keystore.retire(DOMAIN, ED_SELECTOR)
    assert [k.selector for k in keystore.active(DOMAIN)] == [RSA_SELECTOR]
