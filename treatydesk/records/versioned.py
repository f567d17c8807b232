"""Computed values cached per treaty until the treaty's version token changes.

The register and the obligations are recomputed from their rows only after a change: each
keeps a version token per treaty (a row of a ``RegisterVersion``-like model), renewed inside
every changing transaction, and a process checks the token (one indexed query) before using
what it computed. Tokens are random rather than counted, so a database restored from a backup
or rolled back can never present a token that a process has cached other facts under.

Within one web request a token is read once: the page, its map and its chart each ask for the
register, and the first answer is kept until the request ends (a per-thread memo opened by
Django's ``request_started`` and closed by ``request_finished``). A request that renews a
token reads every token from the database from then on. Outside requests (the worker, the
scheduler, commands) every read queries.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from django.core.signals import request_finished, request_started
from django.db import connections, router

T = TypeVar("T")


class _RequestMemo(threading.local):
    """The tokens this thread's current request has read; ``tokens`` is None outside one."""

    tokens: dict | None = None


_memo = _RequestMemo()


def _open_memo(**_kwargs) -> None:
    _memo.tokens = {}


def _close_memo(**_kwargs) -> None:
    _memo.tokens = None


request_started.connect(_open_memo, dispatch_uid="treatydesk.versioned.open")
request_finished.connect(_close_memo, dispatch_uid="treatydesk.versioned.close")


def read_token(model, treaty: str) -> int:
    """Return ``treaty``'s current token in ``model`` (0 when it never changed)."""
    tokens = _memo.tokens
    if tokens is not None and (model, treaty) in tokens:
        return tokens[model, treaty]
    token = _query_token(model, treaty)
    if tokens is not None:
        tokens[model, treaty] = token
    return token


def _query_token(model, treaty: str) -> int:
    """Read the token with one prepared statement: the ORM's query building cost ten times the
    query itself, on every page."""
    connection = connections[router.db_for_read(model)]
    sql = _token_sql.get((model, connection.vendor))
    if sql is None:
        quote = connection.ops.quote_name
        sql = _token_sql[model, connection.vendor] = (
            f"SELECT {quote(model._meta.get_field('version').column)} "  # noqa: S608 — names from
            # the model's metadata, quoted; the treaty is a parameter
            f"FROM {quote(model._meta.db_table)} "
            f"WHERE {quote(model._meta.get_field('treaty').column)} = %s"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, [treaty])
        row = cursor.fetchone()
    return row[0] if row and row[0] else 0


_token_sql: dict = {}


def renew_token(model, treaty: str) -> None:
    """Give ``treaty`` a new random token in ``model``; call inside the changing transaction."""
    model.objects.update_or_create(treaty=treaty, defaults={"version": secrets.randbits(62)})
    _memo.tokens = None  # this request changed the facts: read tokens afresh until it ends


class VersionedCache(Generic[T]):
    """A value per treaty, rebuilt by ``build(treaty)`` only when ``version(treaty)`` changes.

    ``version`` returns anything hashable (a token, or a tuple of tokens and settings); the
    cache is per process and thread-safe.
    """

    def __init__(self, version: Callable[[str], Hashable], build: Callable[[str], T]):
        self.version = version
        self.build = build
        self._entries: dict[str, tuple[Hashable, T]] = {}
        self._lock = threading.Lock()

    def get(self, treaty: str) -> T:
        """Return the value for ``treaty``, rebuilding it if its version changed."""
        version = self.version(treaty)
        cached = self._entries.get(treaty)
        if cached and cached[0] == version:
            return cached[1]
        with self._lock:
            built = self.build(treaty)
            self._entries[treaty] = (version, built)
        return built

    def clear(self) -> None:
        """Forget every value (tests that swap databases, restores)."""
        self._entries.clear()
