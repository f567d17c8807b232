"""Where cached pages are kept: one entry per URL, stamped with the cache's generation.

Invalidating renews the generation (a random token kept in the same cache) instead of deleting
entries: one write however many pages are cached, and the same on every backend the app servers
share. An entry stamped with another generation is a miss and is overwritten by the next render.

Each process also remembers the entries it has read, up to ``LOCAL_BYTES``, so that a hit costs
one read of the small generation entry instead of reading and unpickling the whole page.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections import OrderedDict
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache

ALIAS = "pages"
GENERATION_KEY = "generation"
DEFAULT_SECONDS = 300
LOCAL_BYTES = 32 * 1024 * 1024
DOORKEEPER_KEYS = 100_000  # 64-character keys: about 15 MB at most


class Entry(NamedTuple):
    """A cached response: enough to answer the request again byte for byte."""

    generation: str
    status: str
    headers: tuple[tuple[str, str], ...]
    content: bytes


class _LocalEntries:
    """The entries this process has read lately, least recently used dropped first."""

    def __init__(self, limit: int):
        self.limit = limit
        self.size = 0
        self.entries: OrderedDict[str, Entry] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str, generation: str) -> Entry | None:
        entry = self.entries.get(key)
        if entry is None or entry.generation != generation:
            return None
        return entry

    def put(self, key: str, entry: Entry) -> None:
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old.content)
            self.entries[key] = entry
            self.size += len(entry.content)
            while self.size > self.limit and self.entries:
                _key, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped.content)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0


local = _LocalEntries(LOCAL_BYTES)


class _Doorkeeper:
    """The keys of pages with a query string this process saw once lately (an admission filter,
    as in TinyLFU's "doorkeeper"): such a page is kept only when it is asked for again.

    Pages without a query are a few hundred and kept at once. With a query (``?as_of=`` any
    day since 2008, a sort, a filter, a search) they are without end, and most are asked for
    once: writing each costs as much as rendering it (measured: a quarter of a random day's
    time went to the write, docs/performance.md) and pushes pages that are read out of a full
    cache."""

    def __init__(self, limit: int):
        self.limit = limit
        self.seen: OrderedDict[str, None] = OrderedDict()
        self.lock = threading.Lock()

    def admit(self, key: str) -> bool:
        """Return whether ``key`` was seen before; remember it either way."""
        with self.lock:
            if key in self.seen:
                self.seen.move_to_end(key)
                return True
            self.seen[key] = None
            if len(self.seen) > self.limit:
                self.seen.popitem(last=False)
            return False

    def clear(self) -> None:
        with self.lock:
            self.seen.clear()


doorkeeper = _Doorkeeper(DOORKEEPER_KEYS)


def page_cache():
    return caches[ALIAS]


def enabled() -> bool:
    """Return whether pages are kept at all (``TREATYDESK_PAGE_CACHE=off`` keeps none)."""
    return not isinstance(page_cache(), DummyCache)


def seconds() -> int:
    """Return how long a page is kept (``TREATYDESK_PAGE_CACHE_SECONDS``, default 300)."""
    return int(getattr(settings, "TREATYDESK_PAGE_CACHE_SECONDS", DEFAULT_SECONDS))


def page_key(scheme: str, host: str, path: str) -> str:
    """Return the cache key of a page: its scheme, host and full path with the query string."""
    text = f"{scheme}\n{host}\n{path}".encode("utf-8", "surrogateescape")
    return "page:" + hashlib.sha256(text).hexdigest()


def current_generation() -> str:
    """Return the cache's generation, starting one if there is none."""
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # add() keeps a generation another process set meanwhile.
        cache.add(GENERATION_KEY, secrets.token_hex(8), None)
        generation = cache.get(GENERATION_KEY)
    return generation


def lookup(key: str) -> tuple[Entry | None, str]:
    """Return the entry under ``key`` if it is of the current generation, and the generation."""
    generation = current_generation()
    entry = local.get(key, generation)
    if entry is not None:
        return entry, generation
    stored = page_cache().get(key)
    if stored is not None and stored[0] == generation:
        entry = Entry(*stored)
        local.put(key, entry)
        return entry, generation
    return None, generation


def store(key: str, entry: Entry) -> None:
    page_cache().set(key, tuple(entry), seconds())
    local.put(key, entry)


def invalidate() -> None:
    """Make every cached page stale, in every process: renew the generation."""
    page_cache().set(GENERATION_KEY, secrets.token_hex(8), None)
    local.clear()
