"""Signed checkpoints: at most one a minute, with the log key kept beside the DKIM keys.

``sign_checkpoint_if_due()`` is what the scheduler (and each committed change) calls: it signs
when the log has grown and the last checkpoint is at least a minute old. Every signed
checkpoint is also written outside the database (``TREATYDESK_LOG_STATE_DIR/published``), so
that a database restored from an older backup cannot hide what was published: the site then
refuses to sign a checkpoint that does not extend it, and the verifier reports the rollback.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction

from treatydesk.core.transparency import (
    Checkpoint,
    CheckpointError,
    LogKeyStore,
    open_note,
    root_hash,
    sign_note,
)

from . import store
from .models import LogHead, SignedCheckpoint

logger = logging.getLogger(__name__)

INTERVAL = dt.timedelta(minutes=1)


class LogStateError(Exception):
    """Signing would publish a checkpoint that contradicts one already published."""


def origin() -> str:
    """Return the log's origin line (and key name): the site's host and ``/log``."""
    configured = getattr(settings, "TREATYDESK_LOG_ORIGIN", "")
    if configured:
        return configured
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc or "localhost"
    return f"{host}/log"


def keystore() -> LogKeyStore:
    return LogKeyStore(Path(settings.TREATYDESK_LOG_KEY_DIR))


def ensure_key(out=None):
    """Return the signing key, making one if there is none (``treatydesk init``)."""
    store_ = keystore()
    key = store_.active()
    if key is None:
        key = store_.generate(origin())
        if out is not None:
            out.write(f"Made the register log's signing key: {key.verifier.vkey}\n")
    return key


def state_dir() -> Path:
    return Path(settings.TREATYDESK_LOG_STATE_DIR)


def published_path() -> Path:
    return state_dir() / "published"


def read_checkpoint_file(path: Path) -> Checkpoint | None:
    """Return the checkpoint a file holds (a signed note or a bare body), None if no file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    body = text.split("\n\n", 1)[0] + "\n" if "\n\n" in text else text
    return Checkpoint.parse(body)


def read_checkpoints(places: list[tuple[str, Path]]) -> list[tuple[str, Checkpoint]]:
    """Return (label, checkpoint) for each (label, file) of `places` that holds one; a missing
    or unreadable file is passed over."""
    found = []
    for label, path in places:
        try:
            checkpoint = read_checkpoint_file(path)
        except CheckpointError:
            continue
        if checkpoint is not None:
            found.append((label, checkpoint))
    return found


def write_checkpoint_file(path: Path, note: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(note, encoding="utf-8")
    os.replace(partial, path)


def latest() -> SignedCheckpoint | None:
    return SignedCheckpoint.objects.order_by("-size").first()


def _check_published(size: int, tree: store.DatabaseTree) -> None:
    try:
        published = read_checkpoint_file(published_path())
    except CheckpointError:
        published = None
    if published is None:
        return
    if published.size > size:
        raise LogStateError(
            f"the log has {size} entries but a checkpoint of {published.size} was published: "
            "the database was restored from an older backup; run `treatydesk log verify`")
    if root_hash(tree, published.size) != published.root:
        raise LogStateError(f"the log's first {published.size} entries are not those of the "
                            "checkpoint published; run `treatydesk log verify`")


def sign_checkpoint(now: dt.datetime | None = None) -> SignedCheckpoint | None:
    """Sign a checkpoint of the log as it is, unless one of that size exists; return it."""
    key = keystore().active()
    if key is None:
        return None
    now = now or dt.datetime.now(dt.UTC)
    with transaction.atomic():
        head = LogHead.objects.select_for_update().filter(pk=1).first()
        size = head.size if head else 0
        if SignedCheckpoint.objects.filter(size=size).exists():
            return None
        tree = store.DatabaseTree()
        _check_published(size, tree)
        root = root_hash(tree, size)
        note = sign_note(Checkpoint(origin(), size, root).body(), [key.signer])
        signed = SignedCheckpoint.objects.create(size=size, root=root.hex(), note=note, at=now)
        write_checkpoint_file(published_path(), note)
    return signed


def sign_checkpoint_if_due(now: dt.datetime | None = None) -> SignedCheckpoint | None:
    """Sign when the log grew and the last checkpoint is a minute old (the scheduler's job)."""
    now = now or dt.datetime.now(dt.UTC)
    last = latest()
    if last is not None and (last.size == store.size() or now - last.at < INTERVAL):
        return None
    try:
        return sign_checkpoint(now)
    except LogStateError as error:
        logger.error("register log: not signing: %s", error)
        return None


def verified_note(note: str) -> Checkpoint:
    """Return the checkpoint of a note signed by one of this site's keys (raise otherwise)."""
    text, _ = open_note(note, keystore().verifiers())
    return Checkpoint.parse(text)

