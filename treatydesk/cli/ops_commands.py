"""``backup``, ``restore`` and ``bake``: keep the site's data safe and publish it as files.

Handlers import what they use inside themselves, after ``setup()`` (see ``cli/__init__``).
"""

from pathlib import Path

from .django_setup import setup
from .errors import CommandError, reported


def add_parsers(sub) -> None:
    backup = sub.add_parser(
        "backup", help="write the database and the media files to one archive",
        description="Write a consistent copy of the database (SQLite: online backup API; "
                    "PostgreSQL: pg_dump) and every file under MEDIA_ROOT to FILE, a .tar.gz "
                    "archive. Safe while the site is serving. See docs/deploy.md.",
    )
    backup.add_argument("file", metavar="FILE", type=Path)
    backup.set_defaults(handler=backup_handler)

    restore = sub.add_parser(
        "restore", help="replace the database and the media files with a backup's",
        description="Replace the database named by DATABASE_URL and MEDIA_ROOT with the "
                    "content of FILE, written by `treatydesk backup` from the same kind of "
                    "database. The database is replaced all or nothing; migrations newer than "
                    "the backup are applied afterwards and every cached page is dropped.",
    )
    restore.add_argument("file", metavar="FILE", type=Path)
    restore.add_argument("--yes", action="store_true",
                         help="do not ask for confirmation (asked only on a terminal)")
    restore.set_defaults(handler=restore_handler)

    bake = sub.add_parser(
        "bake", help="write the public site as static files for a CDN or object store",
        description="Render every public page in every language, the feeds, the CSV and JSON "
                    "downloads, the state pages, the static files and the image renditions "
                    "into OUTDIR, laid out so that any static web server or CDN can serve it.",
    )
    bake.add_argument("outdir", metavar="OUTDIR", type=Path)
    bake.add_argument("--base-url", default=None,
                      help="the public address the files will be served from, used in feeds "
                           "and links (default: TREATYDESK_BASE_URL)")
    bake.set_defaults(handler=bake_handler)


def backup_handler(args) -> int:
    setup()
    from treatydesk.ops.archive import ArchiveError
    from treatydesk.ops.backup import backup

    with reported(ArchiveError):
        manifest = backup(args.file)
    counts = manifest["counts"]
    print(f"Backed up the {manifest['engine']} database ({counts['facts']} facts, "
          f"{counts['pages']} pages, {counts['images']} images, {counts['documents']} "
          f"documents) and {manifest['media_files']} media files to {args.file}.")
    return 0


def restore_handler(args) -> int:
    import sys

    if not args.yes and sys.stdin.isatty():
        answer = input(f"Replace the database and the media files with {args.file}? "
                       "Type yes: ")
        if answer.strip().lower() != "yes":
            raise CommandError("not confirmed; nothing was changed")
    setup()
    from treatydesk.ops.archive import ArchiveError
    from treatydesk.ops.restore import restore

    try:
        counts = restore(args.file)
    except ArchiveError as error:
        raise CommandError(f"{error}; nothing was changed") from None
    print(f"Restored {args.file}: {counts['facts']} facts, {counts['pages']} pages, "
          f"{counts['images']} images, {counts['documents']} documents.")
    return 0


def bake_handler(args) -> int:
    setup()
    from treatydesk.ops.bake import BakeError, bake

    with reported(BakeError):
        report = bake(args.outdir, base_url=args.base_url)
    print(f"Baked {report.pages} pages and {report.files} files ({report.bytes // 1024} KiB) "
          f"into {args.outdir}.")
    return 0
