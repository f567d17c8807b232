"""The page cache's file backend: Django's format, written faster, still bounded."""

from django.core.cache.backends.filebased import FileBasedCache

from treatydesk.ops.pagecache import filecache
from treatydesk.ops.pagecache.filecache import PageFileCache


def test_what_it_writes_django_reads_and_it_reads_what_django_wrote(tmp_path):
    ours = PageFileCache(str(tmp_path), {})
    django = FileBasedCache(str(tmp_path), {})
    page = ("generation", "200 OK", (("Content-Type", "text/html"),), b"<p>" * 40_000)
    ours.set("page", page, 60)
    assert django.get("page") == page
    django.set("other", page, 60)
    assert ours.get("other") == page


def test_the_entries_are_counted_once_every_few_writes_and_stay_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(filecache, "CULL_EVERY", 5)
    cache = PageFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10, "CULL_FREQUENCY": 2}})
    listings = []
    listing = cache._list_cache_files
    monkeypatch.setattr(cache, "_list_cache_files", lambda: listings.append(1) or listing())
    for n in range(60):
        cache.set(f"page-{n}", b"x" * 100, 60)
        assert len(listing()) <= 10 + 5
    assert len(listings) == 60 // 5  # Django's backend lists the directory on every write


def test_the_directory_is_made_once_and_again_when_it_is_gone(tmp_path, monkeypatch):
    import shutil

    folder = tmp_path / "pages"
    made = []
    original = FileBasedCache._createdir
    monkeypatch.setattr(FileBasedCache, "_createdir", lambda self: made.append(1) or original(self))
    cache = PageFileCache(str(folder), {})
    for n in range(5):
        cache.set(f"page-{n}", b"x", 60)
    assert len(made) == 1  # Django's backend makes sure of it on every write
    shutil.rmtree(folder)
    cache.set("after", b"y", 60)
    assert cache.get("after") == b"y"
    assert len(made) == 2
