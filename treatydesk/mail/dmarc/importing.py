"""Store DMARC aggregate reports from uploads, files and maildirs, each report once."""

from __future__ import annotations

import mailbox
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, transaction

from .models import Report, Row
from .parsing import MAX_INPUT_BYTES, ReportError, parse_reports


@dataclass
class Summary:
    imported: int = 0
    rows: int = 0
    duplicates: int = 0
    problems: list[str] = field(default_factory=list)


def store(report: dict, source: str) -> Report | None:
    """Save one parsed report with its rows; None if this report is already stored."""
    fields = {k: v for k, v in report.items() if k != "rows"}
    try:
        with transaction.atomic():
            saved = Report.objects.create(source=source[:500], **fields)
            Row.objects.bulk_create(Row(report=saved, **row) for row in report["rows"])
    except IntegrityError:
        return None
    return saved


def import_bytes(data: bytes, source: str, summary: Summary | None = None) -> Summary:
    """Import every report in one file's content (XML, gzip, zip or e-mail)."""
    summary = summary or Summary()
    try:
        reports = parse_reports(data)
    except ReportError as error:
        summary.problems.append(f"{source}: {error}")
        return summary
    for report in reports:
        saved = store(report, source)
        if saved is None:
            summary.duplicates += 1
        else:
            summary.imported += 1
            summary.rows += len(report["rows"])
    return summary


def _files(path: Path):
    if (path / "cur").is_dir() or (path / "new").is_dir():
        box = mailbox.Maildir(path, factory=None, create=False)
        for key in box.iterkeys():
            with box.get_file(key) as handle:
                yield f"{path}/{key}", handle.read(MAX_INPUT_BYTES + 1)
    elif path.is_dir():
        for child in sorted(path.iterdir()):
            if child.is_file():
                yield str(child), child.read_bytes()
    else:
        yield str(path), path.read_bytes()


def import_paths(paths) -> Summary:
    """Import the reports in files, folders and maildirs."""
    summary = Summary()
    for path in paths:
        try:
            for source, data in _files(Path(path)):
                import_bytes(data, source, summary)
        except OSError as error:
            summary.problems.append(f"{path}: {error.strerror or error}")
    return summary
