"""The metadata of a release: the Frictionless Data Package, CITATION.cff and CSL-JSON."""

from __future__ import annotations

import datetime as dt

from treatydesk.core import opendata
from treatydesk.records.facts.export import CSV_FIELDS

from . import signedlog

#: Frictionless field types of each table's columns (every column is listed, in order).
TABLES = {
    "participants": {
        "fields": [(name, {"ordinal": "integer", "signature_date": "date",
                           "instrument_date": "date",
                           "entry_into_force_date": "date"}.get(name, "string"))
                   for name in CSV_FIELDS],
        "primary_key": ["iso3"],
        "description": "Every participant's status on the day of the release",
    },
    "events": {
        "fields": [(name, {"date": "date", "sequence": "integer"}.get(name, "string"))
                   for name in opendata.EVENT_FIELDS],
        "primary_key": ["id"],
        "description": "Every recorded fact with its depositary notification (C.N.) and "
                       "sources (separated by '; ')",
    },
    "counts": {
        "fields": [("as_of", "date")] + [(name, "integer") for name in (
            "states_parties", "parties", "signatories", "deposited", "withdrawal_pending",
            "withdrawal_held", "withdrawn", "total")],
        "primary_key": ["as_of"],
        "description": "Counts on the last day of each month since adoption",
    },
    "panel": {
        "fields": [(name, {"year": "integer", "code": "integer", "signature_year": "integer",
                           "deposit_year": "integer",
                           "entry_into_force_year": "integer"}.get(name, "string"))
                   for name in ("treaty", "iso3", "state", "year", "status", "code",
                                "instrument_kind", "signature_year", "deposit_year",
                                "entry_into_force_year")],
        "primary_key": ["iso3", "year"],
        "description": "Country-year panel, status on 31 December; code: " + "; ".join(
            f"{code} = {meaning}" for code, meaning in opendata.CODE_MEANINGS.items()),
    },
}


def columns(table: str) -> list[str]:
    return [name for name, _ in TABLES[table]["fields"]]


def _log_resources(log) -> list[dict]:
    """The release's signed checkpoint and the log's key: plain text, not tables."""
    return [{
        "name": "register-log-checkpoint",
        "path": signedlog.CHECKPOINT_FILE,
        "profile": "data-resource",
        "format": "txt",
        "mediatype": "text/plain",
        "encoding": "utf-8",
        "description": f"The signed checkpoint of the register's log when this release was "
                       f"made ({log.size} entries; a C2SP signed note, docs/transparency.md)",
    }, {
        "name": "register-log-key",
        "path": signedlog.KEY_FILE,
        "profile": "data-resource",
        "format": "txt",
        "mediatype": "text/plain",
        "encoding": "utf-8",
        "description": "The register log's verifier keys (signed-note vkey encoding), the "
                       "signing key first: the checkpoint verifies with it",
    }]


def datapackage(version: str, day: dt.date, codes: list[str], title: str, url: str,
                log=None) -> dict:
    """The Data Package: every table as a tabular resource, and the signed log's checkpoint
    and key as text (hence the profile ``data-package``, which allows both)."""
    resources = []
    for code in codes:
        for table, spec in TABLES.items():
            resources.append({
                "name": f"{code.lower()}-{table}",
                "path": f"{code.lower()}/{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": f"{code}: {spec['description']}",
                "schema": {
                    "fields": [{"name": name, "type": kind} for name, kind in spec["fields"]],
                    "primaryKey": spec["primary_key"],
                    "missingValues": [""],
                },
            })
    if log is not None:
        resources += _log_resources(log)
    return {
        "profile": "data-package",
        "name": "treatydesk-register",
        "title": title,
        "version": version,
        "created": f"{day.isoformat()}T00:00:00Z",
        "homepage": url,
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": resources,
    }


def citation_cff(version: str, day: dt.date, title: str, author: str, url: str) -> str:
    return (
        "cff-version: 1.2.0\n"
        "message: If you use these data, please cite them as below.\n"
        "type: dataset\n"
        f'title: "{title}"\n'
        f'version: "{version}"\n'
        f"date-released: {day.isoformat()}\n"
        "authors:\n"
        f'  - name: "{author}"\n'
        f'url: "{url}"\n'
        "license: CC-BY-4.0\n"
    )


def csl_json(version: str, day: dt.date, title: str, author: str, url: str) -> list[dict]:
    return [{
        "id": f"treatydesk-register-{version}",
        "type": "dataset",
        "title": title,
        "version": version,
        "author": [{"literal": author}],
        "issued": {"date-parts": [[day.year, day.month, day.day]]},
        "URL": url,
    }]
