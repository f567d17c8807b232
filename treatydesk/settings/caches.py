"""The ``CACHES`` setting, from ``TREATYDESK_PAGE_CACHE``: where the full-page cache keeps pages.

``file`` (default) keeps them under ``var/cache/pages``, shared by every worker of the app server
on one machine; ``database`` keeps them in a table of the site's database, shared by several app
servers behind a load balancer; ``locmem`` keeps them in each process (one worker only);
``redis://…`` uses Django's Redis backend (install ``redis`` first); ``off`` disables the cache.
"""

from pathlib import Path

PAGE_CACHE_ALIAS = "pages"
MAX_ENTRIES = 20_000


def page_cache_backend(choice: str, var_dir: Path) -> dict:
    """Return the cache settings of the ``pages`` alias for ``choice``."""
    choice = (choice or "file").strip()
    options = {"MAX_ENTRIES": MAX_ENTRIES}
    if choice == "file":
        # Django's file cache, faster to write (treatydesk/ops/pagecache/filecache.py).
        return {"BACKEND": "treatydesk.ops.pagecache.filecache.PageFileCache",
                "LOCATION": str(Path(var_dir) / "cache" / "pages"), "OPTIONS": options}
    if choice == "database":
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": "treatydesk_page_cache", "OPTIONS": options}
    if choice == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "treatydesk-pages", "OPTIONS": options}
    if choice == "off":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    if choice.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": choice}
    raise ValueError(
        f"TREATYDESK_PAGE_CACHE={choice!r}: choose file, database, locmem, off or a redis:// URL"
    )


def caches_from_environment(environ, var_dir: Path) -> dict:
    """Return ``CACHES``: a per-process default cache and the full-page cache."""
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        PAGE_CACHE_ALIAS: page_cache_backend(environ.get("TREATYDESK_PAGE_CACHE", "file"),
                                             var_dir),
    }
