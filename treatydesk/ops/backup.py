"""``treatydesk backup FILE``: the database, the media files and the DKIM and log keys in one
archive."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from treatydesk.records.facts.models import Fact

from . import archive, postgres, sqlite

ENGINES = {"sqlite": ("database.sqlite3", sqlite), "postgresql": ("database.pgdump", postgres)}


def engine_of(connection) -> str:
    """Return ``sqlite`` or ``postgresql`` for a Django connection, or raise ArchiveError."""
    if connection.vendor not in ENGINES:
        raise archive.ArchiveError(f"backups of {connection.vendor} databases are not supported")
    return connection.vendor


def applied_migrations(connection) -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def counts() -> dict:
    """Return the row counts a restore must bring back, for the manifest and the report."""
    return {
        "facts": Fact.including_drafts.count(),  # drafts are rows a restore brings back too
        "pages": Page.objects.count(),
        "live_pages": Page.objects.live().count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "users": get_user_model().objects.count(),
    }


def folders() -> dict[str, Path]:
    """Return the folders a backup holds besides the database, by their name in the archive."""
    found = {archive.MEDIA_PREFIX: Path(settings.MEDIA_ROOT)}
    dkim = getattr(settings, "TREATYDESK_DKIM_DIR", None)
    if dkim:
        found[archive.DKIM_PREFIX] = Path(dkim)
    log_keys = getattr(settings, "TREATYDESK_LOG_KEY_DIR", None)
    if log_keys:
        found[archive.LOG_KEY_PREFIX] = Path(log_keys)
    return found


def backup(target: Path, using: str = "default") -> dict:
    """Write the database, MEDIA_ROOT and the DKIM keys to ``target``; return the manifest."""
    connection = connections[using]
    engine = engine_of(connection)
    database_name, module = ENGINES[engine]
    manifest = {
        "format": archive.FORMAT,
        "engine": engine,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "database": database_name,
        "migrations": applied_migrations(connection),
        "counts": counts(),
    }
    with tempfile.TemporaryDirectory(prefix="treatydesk-backup-") as folder, \
            archive.writing(target) as tar:
        copy = Path(folder) / database_name
        module.dump(connection, copy)
        tar.add(copy, arcname=database_name)
        manifest["files"] = {prefix: archive.add_folder(tar, root, prefix)
                             for prefix, root in folders().items()}
        manifest["media_files"] = manifest["files"][archive.MEDIA_PREFIX]
        archive.add_json(tar, archive.MANIFEST, manifest)
    return manifest
