"""The static files' storage in production: whitenoise's compressed manifest storage, with
each file's address worked out once per process.

``{% static %}`` asks the storage for the hashed name on every use: a manifest look-up behind a
URL split, an unquote and a path join, about 0.1 ms each, four times on a register page. The
manifest does not change while a process runs (``collectstatic``, then a restart), so the
answer for a name is kept. A name the manifest lacks still raises each time: only answers are
kept.
"""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """``CompressedManifestStaticFilesStorage`` whose ``url()`` is worked out once per name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[tuple[str, bool], str] = {}

    def url(self, name, force=False):
        key = (name, force)
        found = self._urls.get(key)
        if found is None:
            found = self._urls[key] = super().url(name, force)
        return found

    def post_process(self, *args, **kwargs):
        """Hash and compress as whitenoise does; then forget the addresses, which may have
        changed (``treatydesk init`` collects the files and goes on in the same process)."""
        self._urls.clear()
        yield from super().post_process(*args, **kwargs)
        self._urls.clear()
