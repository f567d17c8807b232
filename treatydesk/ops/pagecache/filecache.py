"""The page cache's file backend (``TREATYDESK_PAGE_CACHE=file``, the default): Django's
``FileBasedCache`` with the two costs of a write that grew with the page or with the cache cut.

- Django compresses each entry at zlib's default level (6): 4 ms for the 115 KB States Parties
  page, paid by every page rendered on a day no one asked for yet (``?as_of=``). Level 1 takes
  0.9 ms for a file 15 % larger; reading is the same (docs/performance.md).
- Django counts the entries (a listing of the whole directory) before every write, to cull
  when there are more than ``MAX_ENTRIES``: with thousands of pages that listing costs more
  than the render. It is done here once every ``CULL_EVERY`` writes of a process, so the cache
  may hold up to ``CULL_EVERY`` entries more per process between two counts.
- Django makes sure the directory exists (a ``stat`` or more) before every write. It is done
  here once, and again only when a write finds the directory gone.
"""

from __future__ import annotations

import itertools
import pickle
import zlib

from django.core.cache.backends.filebased import FileBasedCache

COMPRESS_LEVEL = 1
CULL_EVERY = 100

_writes = itertools.count()  # per process: next() is atomic under the GIL


class PageFileCache(FileBasedCache):
    """``FileBasedCache``, writing faster; what it writes Django's own backend reads."""

    def _write_content(self, file, timeout, value):
        expiry = self.get_backend_timeout(timeout)
        file.write(pickle.dumps(expiry, self.pickle_protocol))
        file.write(zlib.compress(pickle.dumps(value, self.pickle_protocol), COMPRESS_LEVEL))

    _dir_ready = False

    def _createdir(self):
        if not self._dir_ready:
            super()._createdir()
            self._dir_ready = True

    def set(self, key, value, timeout=None, version=None):
        try:
            super().set(key, value, timeout, version)
        except FileNotFoundError:  # the directory was removed since: make it, write again
            self._dir_ready = False
            super().set(key, value, timeout, version)

    def _cull(self):
        if next(_writes) % CULL_EVERY == 0:
            super()._cull()
