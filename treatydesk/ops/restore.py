"""``treatydesk restore FILE``: put back the database and the files of a backup.

The order keeps a failed restore harmless: the files are unpacked beside their folders first
(MEDIA_ROOT, the DKIM key store), then the database is replaced all or nothing, and only then
are the folders swapped. The media folder is always replaced; the key store only when the
backup holds keys. Afterwards migrations newer than the backup are applied (a backup from an
older version is upgraded) and every cached page and register is dropped.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.db import connections

from treatydesk.ops.pagecache import store
from treatydesk.records.facts.loading import clear_cache

from . import archive
from .backup import ENGINES, counts, engine_of, folders


def unknown_migrations(manifest: dict) -> list[str]:
    """Return the backup's migrations this version of the code does not have."""
    from django.db.migrations.loader import MigrationLoader

    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [f"{app}.{name}" for app, name in manifest.get("migrations", [])
            if (app, name) not in known]


def restore(source: Path, using: str = "default") -> dict:
    """Replace the database and the folders with the backup at ``source``; return the counts."""
    connection = connections[using]
    engine = engine_of(connection)
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
        unpacked = {}
        try:
            for prefix, root in folders().items():
                root = root.resolve()
                root.parent.mkdir(parents=True, exist_ok=True)
                place = Path(tempfile.mkdtemp(prefix=f".{prefix}-restore-", dir=root.parent))
                unpacked[prefix] = (place, root)
                found = archive.extract_folder(tar, prefix, place)
                if not found and prefix != archive.MEDIA_PREFIX:
                    unpacked[prefix] = (place, None)  # no keys in the backup: keep ours
            module.load(copy, connection)
            for prefix, (place, root) in unpacked.items():
                if root is not None:
                    _swap(place / prefix, root)
        finally:
            for place, _root in unpacked.values():
                shutil.rmtree(place, ignore_errors=True)
    _after_restore(using)
    return counts()


def _swap(new: Path, root: Path) -> None:
    """Put ``new`` in place of ``root`` with two renames, then remove the old folder."""
    new.mkdir(parents=True, exist_ok=True)
    old = root.with_name(f".{root.name}-old-{secrets.token_hex(4)}")
    if root.exists():
        root.rename(old)
    new.rename(root)
    shutil.rmtree(old, ignore_errors=True)


def _after_restore(using: str) -> None:
    call_command("migrate", database=using, interactive=False, verbosity=0)
    clear_cache()
    store.invalidate()
