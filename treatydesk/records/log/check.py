"""``treatydesk log verify`` on this installation: its database against its own log.

The log is read through the same files a mirror reads (``DatabaseReader`` answers the paths of
the HTTP API from the tables), so the check is the public verifier's, plus what only the site
can see: that every fact row is the one its latest entry says, that the published status is the
one the log's entries give, and that the log extends the checkpoints published and verified
before (kept in files outside the database, which a restored backup does not roll back).
"""

from __future__ import annotations

from pathlib import Path

from treatydesk.core import register as core
from treatydesk.core.transparency import (
    CheckpointError,
    LogReport,
    ReplayError,
    TileError,
    parse_tile_path,
    replay,
    verify_log,
)
from treatydesk.core.transparency.entries import FACT_FIELDS
from treatydesk.core.transparency.verify import ReadError
from treatydesk.records.facts.export import participant_detail
from treatydesk.records.facts.loading import current_register
from treatydesk.records.facts.models import Fact

from . import store
from .models import LogEntry
from .signing import (
    keystore,
    latest,
    published_path,
    read_checkpoint_file,
    state_dir,
    write_checkpoint_file,
)


class DatabaseReader:
    """The log's public files, read from the database (for the verifier)."""

    def __init__(self):
        self.signed = latest()

    def read(self, path: str) -> bytes:
        if self.signed is None:
            raise ReadError("the log has no signed checkpoint")
        if path == "checkpoint":
            return self.signed.note.encode("utf-8")
        try:
            wanted = parse_tile_path(path.removeprefix("tile/"))
        except TileError as error:
            raise ReadError(str(error)) from None
        data = store.tile_bytes(wanted, self.signed.size)
        if data is None:
            raise ReadError(f"{path}: the database lacks rows of this tile")
        return data


def verified_path() -> Path:
    return state_dir() / "verified"


def _earlier(since: Path | None) -> list:
    found = []
    places = [("published by this site last", published_path()),
              ("last verified here", verified_path())]
    if since is not None:
        places.insert(0, (f"in {since}", since))
    for label, path in places:
        try:
            checkpoint = read_checkpoint_file(path)
        except CheckpointError:
            continue
        if checkpoint is not None:
            found.append((label, checkpoint))
    return found


def _describe(values: dict) -> str:
    return (f"{values.get('treaty')} {values.get('state_name') or values.get('state')} "
            f"{values.get('kind')} {values.get('date') or 'undated'}")


def _compare_rows(report: LogReport) -> None:
    replayed = report.replayed
    logged = {pk: values for facts in replayed.facts.values() for pk, values in facts.items()}
    rows = {row.pk: row.as_snapshot() for row in Fact.objects.order_by("pk")}  # drafts: unlogged
    for pk in sorted(set(logged) | set(rows)):
        if pk not in logged:
            report.fail(f"fact #{pk} ({_describe(rows[pk])}) is in the database but no log "
                        "entry records it: it was added outside Treaty Desk")
            return
        entry = replayed.last_entry[pk]
        if pk not in rows:
            report.fail(f"entry {entry} records fact #{pk} ({_describe(logged[pk])}), which is "
                        "missing from the database: it was deleted outside Treaty Desk")
            return
        changed = [name for name in FACT_FIELDS if logged[pk][name] != rows[pk].get(name)]
        if changed:
            name = changed[0]
            report.fail(f"entry {entry} says fact #{pk} ({_describe(logged[pk])}) has {name} "
                        f"{logged[pk][name]!r}, but the database row has {rows[pk].get(name)!r}: "
                        "the row was changed outside Treaty Desk")
            return
    report.holds.append(f"The {len(rows)} fact rows are those the log's entries give.")


def _compare_status(report: LogReport) -> None:
    replayed = report.replayed
    treaties = sorted(set(replayed.facts) | set(Fact.objects.values_list("treaty", flat=True)))
    for code in treaties:
        from_log = core.Register(core.load_treaty(code), replayed.core_facts(code))
        logged = {r.state: participant_detail(r) for r in from_log.participants()}
        published = {r.state: participant_detail(r) for r in current_register(code).participants()}
        for state in sorted(set(logged) | set(published)):
            if logged.get(state) != published.get(state):
                name = (published.get(state) or logged.get(state))["state"]
                report.fail(f"the status published for {name} ({code}) is not the one the log's "
                            "entries give")
                return
    report.holds.append("The published status of "
                        + (", ".join(treaties) or "no treaty")
                        + " is the one the log's entries give.")


def verify_installation(since: Path | None = None, remember: bool = True) -> LogReport:
    """Check the database against its log; on success remember the checkpoint verified."""
    verifiers = keystore().verifiers()
    if not verifiers:
        return LogReport().fail("the log has no signing key: run `treatydesk init`")
    reader = DatabaseReader()
    if reader.signed is None:
        return LogReport().fail("the log has no signed checkpoint: run `treatydesk log sign`")
    report = verify_log(reader, verifiers, _earlier(since))
    if report.replayed is not None:
        waiting = [row.data.encode("utf-8") for row in
                   LogEntry.objects.filter(index__gte=report.checkpoint.size).order_by("index")]
        if waiting:
            try:
                replay(waiting, report.replayed, len(report.entries))
            except ReplayError as error:
                return report.fail(str(error))
            report.holds.append(f"{len(waiting)} newer entries wait for the next checkpoint "
                                "(at most a minute).")
        _compare_rows(report)
        if report.ok:
            _compare_status(report)
    if report.ok and remember:
        write_checkpoint_file(verified_path(), reader.signed.note)
    return report
