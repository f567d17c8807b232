"""``treatydesk log verify URL-or-DIRECTORY``: check another copy of the log, as a mirror would.

The keys to trust are given (``--key``), or read from the log's ``key`` file the first time and
remembered, so that a later change of key is reported rather than followed. The last checkpoint
verified is remembered per log (or given with ``--since``), so a rollback or a fork shows. For a
URL ending in ``/log``, the site's published status (``/en/states-parties.json``) is compared
with the register the log's entries give.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from treatydesk.core import register as core
from treatydesk.core.transparency import (
    DirectoryReader,
    HttpReader,
    LogReport,
    NoteError,
    NoteVerifier,
    ReadError,
    verify_log,
)
from treatydesk.records.facts.export import participant_detail

from .signing import read_checkpoints, state_dir, write_checkpoint_file


def _slug(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def _keys(reader, source: str, given: list[str], report: LogReport) -> list[NoteVerifier]:
    if given:
        return [NoteVerifier.from_vkey(k) for k in given]
    remembered = state_dir() / f"keys-{_slug(source)}"
    if remembered.exists():
        return [NoteVerifier.from_vkey(k) for k in remembered.read_text().split()]
    served = reader.read("key").decode("utf-8").split()
    keys = [NoteVerifier.from_vkey(k) for k in served]
    remembered.parent.mkdir(parents=True, exist_ok=True)
    remembered.write_text("".join(k + "\n" for k in served))
    report.holds.append(f"First check of this log: its keys, read from {source}/key, are "
                        "remembered; give --key to pin them yourself.")
    return keys


def _compare_published(source: str, report: LogReport) -> None:
    if not source.startswith(("http://", "https://")) or not source.rstrip("/").endswith("/log"):
        return
    url = source.rstrip("/").removesuffix("/log") + "/en/states-parties.json"
    try:
        published = json.loads(HttpReader(url.rsplit("/", 1)[0]).read(url.rsplit("/", 1)[1]))
    except (ReadError, ValueError) as error:
        report.holds.append(f"The published status was not compared ({error}).")
        return
    code = published.get("treaty")
    from_log = core.Register(core.load_treaty(code), report.replayed.core_facts(code))
    logged = {r.state: participant_detail(r) for r in from_log.participants()}
    served = {row["iso3"]: row for row in published.get("participants", [])}
    for state in sorted(set(logged) | set(served)):
        if logged.get(state) != served.get(state):
            name = (served.get(state) or logged.get(state))["state"]
            report.fail(f"the status {url} publishes for {name} is not the one the log's "
                        "entries give")
            return
    report.holds.append(f"The status {url} publishes is the one the log's entries give.")


def verify_source(source: str, since: Path | None = None, keys: list[str] = ()) -> LogReport:
    report = LogReport()
    remote = source.startswith(("http://", "https://"))
    if not remote and not Path(source).is_dir():
        return report.fail(f"{source} is neither a URL nor a directory")
    reader = HttpReader(source) if remote else DirectoryReader(source)
    try:
        verifiers = _keys(reader, source, list(keys), report)
    except (ReadError, NoteError) as error:
        return report.fail(f"the log's keys: {error}")
    remembered = state_dir() / f"verified-{_slug(source)}"
    earlier = read_checkpoints(([(f"in {since}", since)] if since else []) + [
        ("verified here before", remembered)])
    result = verify_log(reader, verifiers, earlier)
    result.holds[:0] = report.holds
    if result.replayed is not None and result.ok:
        _compare_published(source, result)
    if result.ok:
        write_checkpoint_file(remembered, result.note)
    return result
