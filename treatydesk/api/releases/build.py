"""``treatydesk release``: every treaty's register as files, written once under a version.

Per treaty (``<code>/``): participants, events, counts and panel as CSV and JSON; for the
release: one XLSX workbook (participants, events, counts), ``datapackage.json``
(Frictionless), ``CITATION.cff``, ``citation.json`` (CSL-JSON), ``changelog.json`` (facts
added, changed and removed since the previous release, with their C.N.) and
``manifest.json`` (the register versions it was made from), and ``log/checkpoint`` and
``log/key``: the signed checkpoint of the register's log when it was made and the log's key
(``signedlog``). Rows come from
``treatydesk.api.resources``, the API's own functions.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import os
import secrets
import shutil
from pathlib import Path

from django.conf import settings
from openpyxl import Workbook

from treatydesk.core import clock, opendata
from treatydesk.core import register as core
from treatydesk.records.facts.export import participant_row
from treatydesk.records.facts.loading import current_register, register_versions
from treatydesk.records.status.summary import counts_dict

from .. import resources
from . import package, signedlog, store

TITLE = "Treaty Desk register: participation in {codes}"


@dataclasses.dataclass(frozen=True)
class Release:
    version: str
    path: Path
    changes: dict


def _csv(rows: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "; ".join(v) if isinstance(v, list) else ("" if v is None else v)
                         for k, v in row.items()})
    return out.getvalue()


def _write(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _month_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    days, year, month = [], start.year, start.month
    while True:
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        last = following - dt.timedelta(days=1)
        if last > end:
            return days + ([end] if not days or days[-1] != end else [])
        days.append(last)
        year, month = following.year, following.month


def treaty_tables(code: str, day: dt.date) -> dict[str, list[dict]]:
    """Return the four tables of one treaty as they stand on ``day``."""
    register = current_register(code)
    treaty = register.treaty
    participants = [participant_row(r) for r in register.participants(day)]
    counts = [counts_dict(register.counts(d))
              for d in _month_ends(treaty.adopted_on, day)]
    panel = resources.panel([code], treaty.adopted_on.year, day.year)
    return {"participants": participants, "events": resources.events(code),
            "counts": counts, "panel": panel}


def _previous_events(version: str | None, code: str) -> list[dict] | None:
    if version is None:
        return None
    path = store.release_file(version, f"{code.lower()}/events.json")
    return json.loads(path.read_text(encoding="utf-8")) if path else []


#: The tables in the workbook: the panel (200 States × every year, per treaty) stays in CSV and
#: JSON, where a spreadsheet opens it as well; writing it cell by cell would take most of a
#: release's time (bench/opendata.py).
WORKBOOK_TABLES = ("participants", "events", "counts")


def _workbook(folder: Path, name: str, tables: dict[str, dict[str, list[dict]]]) -> None:
    book = Workbook(write_only=True)
    for code, by_table in tables.items():
        for table in WORKBOOK_TABLES:
            rows = by_table[table]
            sheet = book.create_sheet(f"{code} {table}"[:31])
            columns = package.columns(table)
            sheet.append(columns)
            for row in rows:
                sheet.append(["; ".join(v) if isinstance(v, list) else v
                              for v in (row.get(c) for c in columns)])
    book.save(folder / name)


def make_release(day: dt.date | None = None) -> Release:
    """Write a new release of every treaty and return it."""
    day = day or clock.today()
    codes = core.treaty_codes()
    previous = store.latest()
    versions = register_versions()
    tables = {code: treaty_tables(code, day) for code in codes}
    base = store.root()
    base.mkdir(parents=True, exist_ok=True)
    work = base / f".tmp-{secrets.token_hex(6)}"
    work.mkdir()
    try:
        changes = {}
        for code, by_table in tables.items():
            for table, rows in by_table.items():
                _write(work, f"{code.lower()}/{table}.csv", _csv(rows, package.columns(table)))
                _write(work, f"{code.lower()}/{table}.json", _json(rows))
            before = _previous_events(previous, code)
            if before is not None:
                changes[code] = opendata.diff_rows(code, before, by_table["events"]).as_dict()
        log = signedlog.current_log()
        if log is not None:
            _write(work, signedlog.CHECKPOINT_FILE, log.note)
            _write(work, signedlog.KEY_FILE, log.key_text)
        return _publish(work, day, codes, previous, versions, tables, changes, log)
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)


def _publish(work, day, codes, previous, versions, tables, changes, log) -> Release:
    base = store.root()
    title = TITLE.format(codes=", ".join(codes))
    author = settings.WAGTAIL_SITE_NAME
    while True:
        version = store.next_version(day)
        url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/data/releases/{version}/"
        _write(work, "datapackage.json",
               _json(package.datapackage(version, day, codes, title, url, log)))
        _write(work, "CITATION.cff", package.citation_cff(version, day, title, author, url))
        _write(work, "citation.json", _json(package.csl_json(version, day, title, author, url)))
        _write(work, "changelog.json", _json({"version": version, "previous": previous,
                                              "treaties": changes}))
        _write(work, "manifest.json", _json({
            "version": version, "date": day.isoformat(), "treaties": codes,
            "register_versions": {c: str(versions.get(c, (0, None))[0]) for c in codes},
            "log": log.manifest() if log else None,
        }))
        _workbook(work, f"treatydesk-{version}.xlsx", tables)
        try:
            os.rename(work, base / version)
        except OSError:  # another release took this version meanwhile: take the next one
            if (base / version).exists():
                continue
            raise
        return Release(version, base / version, changes)


def make_release_if_changed(day: dt.date | None = None) -> Release | None:
    """The scheduled job: a release when a register changed since the latest, at most daily."""
    day = day or clock.today()
    latest = store.latest()
    if latest is not None:
        if latest.split(".")[0] == day.isoformat():
            return None
        manifest = json.loads((store.root() / latest / "manifest.json").read_text())
        versions = register_versions()
        current = {c: str(versions.get(c, (0, None))[0]) for c in core.treaty_codes()}
        if manifest.get("register_versions") == current:
            return None
    return make_release(day)
