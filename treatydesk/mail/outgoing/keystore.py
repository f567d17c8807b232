"""The DKIM key store of this site: one instance per process, under ``TREATYDESK_DKIM_DIR``."""

from email.utils import parseaddr
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from treatydesk.core.mailtrust import KeyStore


@lru_cache(maxsize=4)
def _store(root: str) -> KeyStore:
    return KeyStore(root)


def get_keystore() -> KeyStore:
    """Return the process's key store (a new one only if the setting changes, as in tests)."""
    return _store(str(Path(settings.TREATYDESK_DKIM_DIR)))


def sending_domain() -> str:
    """Return the domain of ``DEFAULT_FROM_EMAIL``, the one our mail is signed for."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address.rpartition("@")[2].lower()
