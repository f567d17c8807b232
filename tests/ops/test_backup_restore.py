"""The backup drill: back up, wipe the database and the media, restore, and find every fact,
page, photo and document back. ``make test`` runs it on SQLite and again on PostgreSQL."""

import hashlib
import shutil

import pytest
from django.db import connection

from treatydesk.cli import main

# Committed data, so that pg_dump and the restore see it.
pytestmark = pytest.mark.django_db(transaction=True)


def files_under(root) -> dict:
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


def snapshot(media_root) -> dict:
    """Return everything a restore must bring back, as plain data."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision

    from treatydesk.records.facts.models import AuditEntry, Fact, RegisterVersion

    files = files_under(media_root)
    return {
        "dkim": files_under(settings.TREATYDESK_DKIM_DIR),
        "facts": [(fact.pk, fact.as_snapshot()) for fact in Fact.objects.order_by("pk")],
        "versions": sorted(RegisterVersion.objects.values_list("treaty", "version")),
        "audit": AuditEntry.objects.count(),
        "pages": list(Page.objects.order_by("path").values_list(
            "pk", "path", "title", "slug", "live", "locale__language_code",
            "content_type__model", "url_path")),
        "revisions": Revision.objects.count(),
        "images": list(get_image_model().objects.order_by("pk").values_list(
            "pk", "title", "file", "credit", "file_hash")),
        "renditions": sorted(get_image_model().get_rendition_model().objects.values_list(
            "image_id", "filter_spec", "file")),
        "documents": list(get_document_model().objects.order_by("pk").values_list(
            "pk", "title", "file", "symbol", "language")),
        "users": list(get_user_model().objects.order_by("pk").values_list("username",
                                                                          "password")),
        "files": files,
    }


def wipe(media_root) -> None:
    """Drop every table, remove every media file and the keys, as a lost disk would."""
    from django.conf import settings

    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in tables:
                # IF EXISTS: dropping a full-text index drops its shadow tables with it.
                cursor.execute(f'DROP TABLE IF EXISTS "{table}"')
        else:
            for table in tables:
                cursor.execute(f'DROP TABLE IF EXISTS "{table}" CASCADE')
    shutil.rmtree(media_root)
    shutil.rmtree(settings.TREATYDESK_DKIM_DIR)


def page_statuses(client) -> dict:
    from wagtail.models import Page

    return {page.get_url(): client.get(page.get_url()).status_code
            for page in Page.objects.live().public().filter(depth__gt=1).specific()}


def test_backup_wipe_restore_brings_everything_back(site_content, media_root, tmp_path, client,
                                                    capsys):
    from django.conf import settings

    from treatydesk.records.facts.models import Fact

    keys = settings.TREATYDESK_DKIM_DIR
    keys.mkdir(parents=True)
    (keys / "td2026r.key").write_bytes(b"-----BEGIN PRIVATE KEY-----\nnot a real key\n")
    (keys / "td2026r.key").chmod(0o600)
    before = snapshot(media_root)
    pages = page_statuses(client)
    assert len(before["facts"]) > 500 and before["documents"]
    assert "original_images/drill-photo.png" in before["files"]
    assert "documents/drill-document.pdf" in before["files"]
    assert sum(name.startswith("images/") for name in before["files"]) >= 5, (
        "the photo's renditions are made when it is saved")

    archive = tmp_path / "backups" / "site.tar.gz"
    assert main(["backup", str(archive)]) == 0
    assert archive.exists() and not list(archive.parent.glob("*.partial"))
    assert "Backed up the" in capsys.readouterr().out

    wipe(media_root)
    assert "registry_fact" not in connection.introspection.table_names()
    assert not media_root.exists()

    assert main(["restore", "--yes", str(archive)]) == 0
    assert snapshot(media_root) == before
    assert (keys / "td2026r.key").stat().st_mode & 0o077 == 0, "keys stay private"
    assert archive.stat().st_mode & 0o077 == 0, "the archive is readable by its owner only"
    assert Fact.objects.filter(treaty="CCM").count() > 200

    # The restored site serves its pages and photos.
    assert client.get("/en/states-parties/").status_code == 200
    assert page_statuses(client) == pages
    assert pages["/en/"] == 200
    rendition = next(name for name in before["files"] if name.startswith("images/"))
    assert client.get(f"/media/{rendition}").status_code == 200


def test_a_backup_of_one_kind_of_database_is_refused_by_the_other(media_root, tmp_path):
    import json
    import tarfile

    from treatydesk.ops.archive import ArchiveError
    from treatydesk.ops.restore import restore

    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    archive = tmp_path / "other.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        payload = json.dumps({"format": 1, "engine": other, "migrations": []}).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(payload)
        import io

        tar.addfile(info, io.BytesIO(payload))
    with pytest.raises(ArchiveError, match="same kind of database"):
        restore(archive)


def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(site_content, tmp_path,
                                                                    capsys):
    from treatydesk.records.facts.models import Fact

    facts = Fact.objects.count()
    bogus = tmp_path / "not-a-backup.tar.gz"
    bogus.write_bytes(b"this is not an archive")
    assert main(["restore", "--yes", str(bogus)]) == 1
    assert "nothing was changed" in capsys.readouterr().err
    assert Fact.objects.count() == facts
