"""The production static storage: the manifest's addresses, each worked out once."""

import pytest
from whitenoise.storage import CompressedManifestStaticFilesStorage

from treatydesk.ops.staticfiles import StaticFilesStorage


@pytest.fixture
def collected(tmp_path, settings):
    source = tmp_path / "source"
    source.mkdir()
    (source / "site.css").write_text("body { color: #222; }\n")
    settings.STATICFILES_DIRS = [str(source)]
    settings.STATIC_ROOT = str(tmp_path / "root")
    settings.STATIC_URL = "/static/"
    return tmp_path / "root"


def collect(storage):
    from django.contrib.staticfiles.finders import FileSystemFinder

    finder = FileSystemFinder()
    found = {}
    for path, source_storage in finder.list([]):
        with source_storage.open(path) as handle:
            storage.save(path, handle)
        found[path] = (source_storage, path)
    list(storage.post_process(found))


def test_the_address_is_whitenoises_and_is_worked_out_once(collected, monkeypatch):
    ours = StaticFilesStorage(location=str(collected))
    collect(ours)
    theirs = CompressedManifestStaticFilesStorage(location=str(collected))
    expected = theirs.url("site.css")
    assert expected.startswith("/static/site.") and expected != "/static/site.css"
    asked = []
    original = CompressedManifestStaticFilesStorage.url
    monkeypatch.setattr(CompressedManifestStaticFilesStorage, "url",
                        lambda self, *a, **k: asked.append(a) or original(self, *a, **k))
    assert [ours.url("site.css") for _ in range(3)] == [expected] * 3
    assert len(asked) == 1


def test_a_name_the_manifest_lacks_still_fails_each_time(collected):
    ours = StaticFilesStorage(location=str(collected))
    collect(ours)
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            ours.url("no-such-file.css")
