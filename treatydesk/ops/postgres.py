"""Copy a PostgreSQL database in and out with ``pg_dump`` and ``pg_restore``.

Why the PostgreSQL tools rather than a portable JSON dump (``dumpdata``): they copy every table,
sequence and index exactly, in one consistent snapshot, including Wagtail's page tree and the
search index, and ``pg_restore --single-transaction`` replaces the database all or nothing.
A JSON dump of a Wagtail site is slower, loses sequences and breaks on content types and tree
paths. The tools must be at least as new as the server; the machine's newest are used.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from .archive import ArchiveError


def _tool(name: str) -> str:
    """Return the path of PostgreSQL client ``name`` (pg_dump, pg_restore), newest first."""
    folders = sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                     key=lambda folder: _major(folder.parent.name), reverse=True)
    if os.environ.get("PG_BINDIR"):
        folders.insert(0, Path(os.environ["PG_BINDIR"]))
    for folder in folders:
        if (folder / name).exists():
            return str(folder / name)
    found = shutil.which(name)
    if not found:
        raise ArchiveError(f"{name} is not installed; install the PostgreSQL client tools "
                           "(Debian: postgresql-client) at least as new as the server")
    return found


def _environment(settings_dict: dict) -> dict:
    """Return the libpq environment naming the database, so no password is on a command line."""
    env = dict(os.environ)
    values = {
        "PGHOST": settings_dict.get("HOST"), "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"), "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
    }
    for name, value in values.items():
        if value:
            env[name] = str(value)
    return env


def _major(version_text: str) -> int:
    match = re.search(r"(\d+)(?:\.\d+)?", version_text)
    return int(match.group(1)) if match else 0


def _check_version(tool: str, connection) -> None:
    output = subprocess.run([tool, "--version"], check=True, capture_output=True,  # noqa: S603
                            text=True).stdout
    server = connection.pg_version // 10000
    if _major(output) < server:
        raise ArchiveError(f"{tool} is version {_major(output)} but the server is {server}: "
                           "install client tools at least as new as the server")


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise ArchiveError(f"{Path(command[0]).name} failed: {result.stderr.strip()[-2000:]}")


def dump(connection, target: Path) -> None:
    """Write ``pg_dump --format=custom`` of the database behind ``connection`` to ``target``."""
    connection.ensure_connection()
    tool = _tool("pg_dump")
    _check_version(tool, connection)
    _run([tool, "--format=custom", "--no-owner", "--no-privileges", "--file", str(target)],
         _environment(connection.settings_dict))


def load(source: Path, connection) -> None:
    """Replace the database's tables with those of the dump at ``source``, in one transaction."""
    connection.ensure_connection()
    tool = _tool("pg_restore")
    _check_version(tool, connection)
    env = _environment(connection.settings_dict)
    connection.close()
    _run([tool, "--clean", "--if-exists", "--single-transaction", "--exit-on-error",
          "--no-owner", "--no-privileges", "--dbname", env.get("PGDATABASE", ""), str(source)],
         env)
