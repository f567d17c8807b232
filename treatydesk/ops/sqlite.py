"""Copy a SQLite database in and out with SQLite's online backup API.

The copy is consistent even while the site serves readers and editors write: SQLite copies the
pages under a read lock, as of one moment. Restoring copies the pages back into the open
database in one step, so other connections see either the old or the restored database.
"""

import sqlite3
from pathlib import Path


def dump(connection, target: Path) -> None:
    """Write a copy of the database behind Django ``connection`` to ``target``."""
    connection.ensure_connection()
    destination = sqlite3.connect(str(target))
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()


def load(source: Path, connection) -> None:
    """Replace the database behind Django ``connection`` with the copy at ``source``."""
    connection.ensure_connection()
    origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        origin.backup(connection.connection)
    finally:
        origin.close()
    # Django caches nothing about the schema, but the connection may hold statement caches.
    connection.close()
