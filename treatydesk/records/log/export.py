"""``treatydesk log export DIRECTORY``: the log as static files any web server can serve.

The directory gets ``checkpoint``, ``key`` and every tile and entry bundle of the latest
checkpoint at its tlog-tiles path; files already there (full tiles never change) are kept.
"""

from __future__ import annotations

import os
from pathlib import Path

from treatydesk.core.transparency import tiles_for_size

from . import store
from .signing import keystore, latest


def export_log(root: Path) -> int:
    """Write the log under ``root``; return the number of files written."""
    signed = latest()
    if signed is None:
        raise LookupError("the log has no signed checkpoint yet")
    written = 0
    for tile in tiles_for_size(signed.size):
        path = root / tile.path
        if path.exists() and not tile.partial:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(store.tile_bytes(tile, signed.size))
        written += 1
    for name, text in (("key", "".join(v.vkey + "\n" for v in keystore().verifiers())),
                       ("checkpoint", signed.note)):
        partial = root / f".{name}.partial"
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, root / name)
        written += 1
    return written
