"""The backup file: one tar archive holding a manifest, the database and the site's files.

    manifest.json        format, engine, date, migrations applied, row counts
    database.sqlite3     (SQLite) a consistent copy made with SQLite's online backup API
    database.pgdump      (PostgreSQL) ``pg_dump --format=custom``
    media/…              every file under MEDIA_ROOT: originals, renditions, documents
    dkim/…               the DKIM key store (TREATYDESK_DKIM_DIR), so that mail stays signed
    logkey/…             the register log's signing keys (TREATYDESK_LOG_KEY_DIR)

The archive holds password hashes, subscribers' addresses and private keys: it is written
readable by its owner only; keep it as carefully as the database.

The archive is written to a temporary name beside the target and renamed when complete, so an
interrupted backup never leaves a truncated file under the name asked for.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tarfile
import tempfile
from pathlib import Path

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media"
DKIM_PREFIX = "dkim"
LOG_KEY_PREFIX = "logkey"


class ArchiveError(Exception):
    """The file is not a Treaty Desk backup this version can read."""


@contextlib.contextmanager
def writing(path: Path):
    """Yield an open tar archive that becomes ``path`` only if the block completes."""
    path = Path(path).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(fd)
    try:
        with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
            yield tar
        os.chmod(partial, 0o600)
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)


def add_json(tar: tarfile.TarFile, name: str, data: dict) -> None:
    payload = json.dumps(data, indent=1, sort_keys=True).encode()
    info = tarfile.TarInfo(name)
    info.size = len(payload)
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(payload))


def add_folder(tar: tarfile.TarFile, root: Path, prefix: str) -> int:
    """Add every regular file under ``root`` as ``prefix/…``; return how many."""
    count = 0
    root = Path(root)
    if not root.is_dir():
        return 0
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            tar.add(path, arcname=f"{prefix}/{path.relative_to(root).as_posix()}",
                    recursive=False)
            count += 1
    return count


def read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        member = tar.getmember(MANIFEST)
    except KeyError:
        raise ArchiveError("this file has no manifest.json: it is not a Treaty Desk "
                           "backup") from None
    manifest = json.loads(tar.extractfile(member).read())
    if manifest.get("format") != FORMAT:
        raise ArchiveError(f"backup format {manifest.get('format')!r} is not {FORMAT}")
    return manifest


def opening(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, "r:*")
    except FileNotFoundError:
        raise ArchiveError(f"{path}: no such file") from None
    except tarfile.TarError as error:
        raise ArchiveError(f"{path}: not a backup archive ({error})") from None


def extract_member(tar: tarfile.TarFile, name: str, folder: Path) -> Path:
    """Extract one member into ``folder`` with the safe ("data") filter; return its path."""
    try:
        member = tar.getmember(name)
    except KeyError:
        raise ArchiveError(f"the backup has no {name}") from None
    tar.extractall(folder, members=[member], filter="data")
    return Path(folder) / name


def extract_folder(tar: tarfile.TarFile, prefix: str, folder: Path) -> int:
    """Extract the files under ``prefix/`` into ``folder`` (links, devices, ``..`` refused)."""
    members = [m for m in tar.getmembers() if m.name.startswith(prefix + "/") and m.isfile()]
    tar.extractall(folder, members=members, filter="data")
    return len(members)
