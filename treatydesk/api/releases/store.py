"""Where releases live (``$TREATYDESK_VAR/releases/<version>/``) and what they are called.

A version is the day it was made, ``YYYY-MM-DD``, or ``YYYY-MM-DD.N`` (N = 2, 3, …) for the
second and later releases of one day. A release directory is written under a temporary name
and renamed into place when complete, and never written again.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from django.conf import settings

VERSION_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\.(\d+))?$")
LATEST = "latest"


def root() -> Path:
    return Path(settings.VAR_DIR) / "releases"


def _order(version: str) -> tuple:
    day, n = VERSION_RE.match(version).groups()
    return (day, int(n or 1))


def versions() -> list[str]:
    """Return the versions released, oldest first."""
    base = root()
    if not base.is_dir():
        return []
    found = [p.name for p in base.iterdir() if p.is_dir() and VERSION_RE.match(p.name)]
    return sorted(found, key=_order)


def latest() -> str | None:
    found = versions()
    return found[-1] if found else None


def next_version(day: dt.date) -> str:
    """Return the version a release made on ``day`` gets."""
    same_day = [v for v in versions() if v.split(".")[0] == day.isoformat()]
    if not same_day:
        return day.isoformat()
    return f"{day.isoformat()}.{max(_order(v)[1] for v in same_day) + 1}"


def release_dir(version: str) -> Path | None:
    """Return the directory of ``version`` (``latest`` resolved), or None when there is none."""
    if version == LATEST:
        version = latest() or ""
    if not VERSION_RE.match(version):
        return None
    path = root() / version
    return path if path.is_dir() else None


def release_file(version: str, name: str) -> Path | None:
    """Return the file ``name`` of a release, refusing any path outside it."""
    folder = release_dir(version)
    if folder is None:
        return None
    path = (folder / name).resolve()
    if folder.resolve() not in path.parents or not path.is_file():
        return None
    return path
