"""``treatydesk restore FILE``: put back the database and the media files of a backup.

The order keeps a failed restore harmless: the media files are unpacked beside MEDIA_ROOT
first, then the database is replaced all or nothing, and only then are the media folders
swapped. Afterwards migrations newer than the backup are applied (a backup from an older
version is upgraded) and every cached page and register is dropped.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections

from . import archive
from .backup import ENGINES, counts, engine_of


def unknown_migrations(manifest: dict) -> list[str]:
    """Return the backup's migrations this version of the code does not have."""
    from django.db.migrations.loader import MigrationLoader

    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [f"{app}.{name}" for app, name in manifest.get("migrations", [])
            if (app, name) not in known]


def restore(source: Path, using: str = "default") -> dict:
    """Replace the database and MEDIA_ROOT with the backup at ``source``; return the counts."""
    connection = connections[using]
    engine = engine_of(connection)
    media_root = Path(settings.MEDIA_ROOT).resolve()
    with archive.opening(Path(source)) as tar, \
            tempfile.TemporaryDirectory(prefix="treatydesk-restore-") as folder:
        manifest = archive.read_manifest(tar)
        if manifest.get("engine") != engine:
            raise archive.ArchiveError(
                f"this backup is of a {manifest.get('engine')} database and DATABASE_URL names "
                f"a {engine} one; restore it into the same kind of database")
        newer = unknown_migrations(manifest)
        if newer:
            raise archive.ArchiveError(
                "this backup comes from a newer version of Treaty Desk (migrations "
                + ", ".join(newer[:5]) + "); upgrade first, then restore")
        database_name, module = ENGINES[engine]
        copy = archive.extract_member(tar, database_name, Path(folder))
        media_root.parent.mkdir(parents=True, exist_ok=True)
        unpacked = Path(tempfile.mkdtemp(prefix=".media-restore-", dir=media_root.parent))
        try:
            archive.extract_media(tar, unpacked)
            module.load(copy, connection)
            _swap(unpacked / archive.MEDIA_PREFIX, media_root)
        finally:
            shutil.rmtree(unpacked, ignore_errors=True)
    _after_restore(using)
    return counts()


def _swap(new: Path, media_root: Path) -> None:
    """Put ``new`` in place of ``media_root`` with two renames, then remove the old folder."""
    new.mkdir(parents=True, exist_ok=True)
    old = media_root.with_name(f".media-old-{secrets.token_hex(4)}")
    if media_root.exists():
        media_root.rename(old)
    new.rename(media_root)
    shutil.rmtree(old, ignore_errors=True)


def _after_restore(using: str) -> None:
    from django.core.management import call_command

    from treatydesk.pagecache import store
    from treatydesk.registry.loading import clear_cache

    call_command("migrate", database=using, interactive=False, verbosity=0)
    clear_cache()
    store.invalidate()
