"""Named snapshots of a database, taken once and put back in a moment (for the test suite).

Setting a site up (``treatydesk init``: migrations, registers, pages in three languages, images)
takes seconds; a test suite that needs it in a hundred tests sets it up once, takes a snapshot,
and puts the snapshot back before each test that needs it. How depends on the engine:

- SQLite: the snapshot is an in-memory copy made with SQLite's online backup API, and putting
  it back copies it over the live database (milliseconds, also for the shared in-memory
  database Django's test runner uses).
- PostgreSQL: the snapshot is a database of its own made with ``CREATE DATABASE … TEMPLATE``;
  putting it back drops the live database and makes it again from that template.

Neither may run inside a transaction: the backup API needs the database unlocked, and
PostgreSQL copies only a database nobody is connected to (the live connection is closed first
and opens again at the next query).

After the contents change under it, a process still holds what it read before: Django's
content-type cache, the caches (Wagtail keeps its sites' root paths there), and whatever the
caller keeps; ``restore`` clears Django's own, the caller the rest.
"""

from __future__ import annotations

import sqlite3

__all__ = ["Snapshots", "SqliteSnapshots", "PostgresSnapshots", "snapshots_for"]


class Snapshots:
    """Snapshots of the database behind one Django connection, by name."""

    def __init__(self, connection):
        self.connection = connection

    def take(self, name: str) -> None:
        """Keep the database's current contents as ``name`` (replacing an earlier one)."""
        raise NotImplementedError

    def restore(self, name: str) -> None:
        """Make the database hold exactly what it held when ``name`` was taken."""
        raise NotImplementedError

    def names(self) -> list[str]:
        raise NotImplementedError

    def discard(self) -> None:
        """Forget every snapshot (and free what they hold)."""
        raise NotImplementedError

    def _check_outside_transaction(self, action: str) -> None:
        if self.connection.in_atomic_block:
            raise RuntimeError(f"cannot {action} a snapshot inside a transaction")

    @staticmethod
    def clear_process_caches() -> None:
        """Forget what Django remembers of the database's rows in this process."""
        from django.contrib.contenttypes.models import ContentType
        from django.core.cache import caches

        ContentType.objects.clear_cache()
        for alias in caches:
            caches[alias].clear()


class SqliteSnapshots(Snapshots):
    def __init__(self, connection):
        super().__init__(connection)
        self._copies: dict[str, sqlite3.Connection] = {}

    def take(self, name: str) -> None:
        self._check_outside_transaction("take")
        self.connection.ensure_connection()
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        self.connection.connection.backup(copy)
        old = self._copies.pop(name, None)
        if old is not None:
            old.close()
        self._copies[name] = copy

    def restore(self, name: str) -> None:
        self._check_outside_transaction("restore")
        copy = self._copies[name]
        self.connection.ensure_connection()
        copy.backup(self.connection.connection)
        self.clear_process_caches()

    def names(self) -> list[str]:
        return sorted(self._copies)

    def discard(self) -> None:
        for copy in self._copies.values():
            copy.close()
        self._copies.clear()


class PostgresSnapshots(Snapshots):
    def __init__(self, connection):
        super().__init__(connection)
        self._names: set[str] = set()

    def _database(self) -> str:
        return self.connection.settings_dict["NAME"]

    def _snapshot_database(self, name: str) -> str:
        return f"{self._database()}__snapshot_{name}"

    def _run(self, *statements: str) -> None:
        # CREATE/DROP DATABASE cannot run in a transaction; Django's maintenance connection
        # (to the "postgres" database) is in autocommit mode.
        self.connection.close()
        with self.connection._nodb_cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    def take(self, name: str) -> None:
        self._check_outside_transaction("take")
        quote = self.connection.ops.quote_name
        target = quote(self._snapshot_database(name))
        self._run(f"DROP DATABASE IF EXISTS {target} WITH (FORCE)",
                  f"CREATE DATABASE {target} TEMPLATE {quote(self._database())}")
        self._names.add(name)

    def restore(self, name: str) -> None:
        self._check_outside_transaction("restore")
        if name not in self._names:
            raise KeyError(name)
        quote = self.connection.ops.quote_name
        live = quote(self._database())
        self._run(f"DROP DATABASE {live} WITH (FORCE)",
                  f"CREATE DATABASE {live} TEMPLATE {quote(self._snapshot_database(name))}")
        self.clear_process_caches()

    def names(self) -> list[str]:
        return sorted(self._names)

    def discard(self) -> None:
        quote = self.connection.ops.quote_name
        if self._names:
            self._run(*(f"DROP DATABASE IF EXISTS {quote(self._snapshot_database(name))} "
                        "WITH (FORCE)" for name in sorted(self._names)))
        self._names.clear()


def snapshots_for(connection) -> Snapshots:
    """Return the snapshot keeper for ``connection``'s engine (SQLite or PostgreSQL)."""
    vendor = connection.vendor
    if vendor == "sqlite":
        return SqliteSnapshots(connection)
    if vendor == "postgresql":
        return PostgresSnapshots(connection)
    raise ValueError(f"no database snapshots for {vendor}")
