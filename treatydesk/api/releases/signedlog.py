"""A release's place in the register's signed log: the checkpoint current when it was made.

Each release carries ``log/checkpoint`` (the signed checkpoint, a C2SP signed note) and
``log/key`` (the log's verifier keys in the signed-note ``vkey`` encoding, the signing key
first), so that whoever holds a release can check, with the key published in it, that its
facts are in the log the site signs (docs/transparency.md, docs/opendata.md). When the log has
grown since the last checkpoint, one is signed first, so that the release's facts are covered.
"""

from __future__ import annotations

import dataclasses
import logging

from treatydesk.records.log import store
from treatydesk.records.log.signing import LogStateError, keystore, latest, sign_checkpoint

logger = logging.getLogger(__name__)

CHECKPOINT_FILE = "log/checkpoint"
KEY_FILE = "log/key"


@dataclasses.dataclass(frozen=True)
class ReleaseLog:
    note: str
    size: int
    root: str
    vkeys: tuple[str, ...]

    @property
    def key_text(self) -> str:
        return "".join(vkey + "\n" for vkey in self.vkeys)

    def manifest(self) -> dict:
        return {"checkpoint": CHECKPOINT_FILE, "key": KEY_FILE, "size": self.size,
                "root": self.root, "vkey": self.vkeys[0]}


def current_log() -> ReleaseLog | None:
    """Return the signed checkpoint covering the log now (signing one if it lags), or None when
    the log has no key or no checkpoint (an installation ``init`` has not set up)."""
    signed = latest()
    if signed is None or signed.size < store.size():
        try:
            signed = sign_checkpoint() or latest()
        except LogStateError as error:
            logger.error("register log: the release keeps the last checkpoint: %s", error)
            signed = latest()
    vkeys = tuple(v.vkey for v in keystore().verifiers())
    if signed is None or not vkeys:
        return None
    return ReleaseLog(signed.note, signed.size, signed.root, vkeys)
