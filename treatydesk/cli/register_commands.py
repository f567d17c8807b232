"""``import``, ``status`` and ``notice``: the register from the command line.

Handlers import what they use inside themselves, after ``setup()`` (see ``cli/__init__``).
"""

import datetime as dt
import json
import sys
from pathlib import Path

from .django_setup import require_register_database, setup
from .errors import CommandError, UsageError

TREATY_HELP = "treaty code: CCM, APMBC, ATT or TPNW"
AS_OF_HELP = ("the day to show (default: today): from the treaty's adoption to five years "
              "from today, as the website takes it")


def add_parsers(sub) -> None:
    imp = sub.add_parser(
        "import", help="replace a treaty's register with the content of CSV files",
        description="Replace TREATY's facts with the rows of PARTICIPANTS.csv (and "
                    "WITHDRAWALS.csv). All or nothing: on any error nothing is changed and "
                    "every error is listed with its file, line and field. Without "
                    "--withdrawals the recorded withdrawals are kept (and listed), unless "
                    "--replace-withdrawals removes them (and lists them).",
    )
    imp.add_argument("treaty", metavar="TREATY", help=TREATY_HELP)
    imp.add_argument("participants", metavar="PARTICIPANTS.csv", type=Path)
    imp.add_argument("--withdrawals", metavar="WITHDRAWALS.csv", type=Path)
    imp.add_argument("--replace-withdrawals", action="store_true",
                     help="without --withdrawals: remove the recorded withdrawals")
    imp.add_argument("--format", choices=["csv", "untc"], default="csv",
                     help="csv: the project's participants/withdrawals files (default); "
                          "untc: a copy of the UN Treaty Collection's status table "
                          "(docs/untc-format.md), merged with the recorded facts")
    imp.add_argument("--taken-on", metavar="YYYY-MM-DD", type=parse_date,
                     help="untc: the day the copy was taken; later facts are kept")
    imp.add_argument("--dry-run", action="store_true",
                     help="print what would change (facts added, changed, removed); write "
                          "nothing")
    imp.set_defaults(handler=import_handler)

    release = sub.add_parser(
        "release", help="make a dated, immutable release of every register (open data)",
        description="Write every treaty's participants, events, counts and panel (CSV, JSON, "
                    "XLSX), a Frictionless datapackage.json, CITATION.cff, CSL-JSON and a "
                    "changelog against the previous release under $TREATYDESK_VAR/releases.",
    )
    release.add_argument("--if-changed", action="store_true",
                         help="only when a register changed since the latest release, and "
                              "at most one a day (what the scheduled job does)")
    release.set_defaults(handler=release_handler)

    status = sub.add_parser("status", help="every participant's status on a date")
    status.add_argument("treaty", metavar="TREATY", help=TREATY_HELP)
    status.add_argument("--as-of", metavar="YYYY-MM-DD", help=AS_OF_HELP)
    status.add_argument("--format", choices=["table", "csv", "json"], default="table")
    status.set_defaults(handler=status_handler)

    notice = sub.add_parser("notice", help="the notice for a state's latest instrument")
    notice.add_argument("treaty", metavar="TREATY", help=TREATY_HELP)
    notice.add_argument("state", metavar="STATE", help="UN name or ISO 3166 code")
    notice.add_argument("--lang", default="en", choices=["en", "fr", "es"])
    notice.add_argument("--as-of", metavar="YYYY-MM-DD", help=AS_OF_HELP)
    notice.set_defaults(handler=notice_handler)


def parse_date(value: str) -> dt.date:
    import argparse

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date in the form YYYY-MM-DD"
        ) from None


def as_of_day(value: str | None, treaty) -> dt.date:
    """Return the ``--as-of`` day (today when not given), or raise UsageError (exit status 2).

    The website's parser and bounds (records/status/asof.py): an ISO date from ``treaty``'s
    adoption to ``HORIZON_YEARS`` from today, so that no command does work that grows with
    the date asked for (a deadline list for 9999 counted every year up to it).
    """
    setup()
    from django.utils import translation

    from treatydesk.records.status.asof import BadAsOf, parse_as_of

    try:
        with translation.override("en"):  # the command speaks English, as its other messages
            return parse_as_of(value, earliest=treaty.adopted_on).date
    except BadAsOf as error:
        raise UsageError(f"--as-of: {error.message}") from None


def _treaty(code: str):
    from treatydesk.core import register as core

    try:
        return core.load_treaty(code)
    except core.UnknownTreaty:
        raise CommandError(
            f"unknown treaty {code!r}; choose one of {', '.join(core.treaty_codes())}"
        ) from None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except UnicodeDecodeError as error:
        raise CommandError(f"{path}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise CommandError(f"{path}: cannot be read ({error.strerror})") from None


def import_handler(args) -> int:
    treaty = _treaty(args.treaty)
    if args.format == "untc":
        return _import_untc(args, treaty)
    participants = (_read(args.participants), str(args.participants))
    withdrawals = None
    if args.withdrawals:
        withdrawals = (_read(args.withdrawals), str(args.withdrawals))
    require_register_database()
    from treatydesk.records.facts.actions import ImportRegister, RegisterRejected

    action = ImportRegister(treaty.code, participants, withdrawals, actor=f"cli:{_os_user()}",
                            replace_withdrawals=args.replace_withdrawals)
    if args.dry_run:
        from treatydesk.core import opendata
        from treatydesk.records.facts.loading import stored_facts

        facts, errors, warnings = action.parse()
        changes = opendata.diff_facts(treaty.code, stored_facts(treaty.code), facts)
        return _report_plan(treaty.code, changes, errors, warnings)
    try:
        summary = action.execute()
    except RegisterRejected as rejected:
        for message in rejected.messages:
            print(message, file=sys.stderr)
        raise CommandError(
            f"{len(rejected.messages)} error(s); nothing was imported, the register is unchanged"
        ) from None
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for fact in summary.kept:
        print(f"kept (not in the files): {fact}")
    for fact in summary.removed:
        print(f"removed (--replace-withdrawals): {fact}")
    print(f"{summary.treaty}: imported {summary.facts} facts for {summary.states} states "
          f"(replacing {summary.replaced}"
          + (f"; {len(summary.kept)} withdrawal facts kept" if summary.kept else "")
          + (f"; {len(summary.removed)} withdrawal facts removed" if summary.removed else "")
          + ").")
    return 0


def _report_plan(code: str, changes, errors: list[str], warnings: list[str]) -> int:
    """Print the diff of a dry run (and its errors); nothing is written."""
    for line in changes.lines():
        print(line)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for error in errors:
        print(error, file=sys.stderr)
    print(f"{code}: {len(changes.added)} added, {len(changes.changed)} changed, "
          f"{len(changes.removed)} removed (dry run: nothing written)")
    if errors:
        raise CommandError(f"{len(errors)} error(s); the import would be refused")
    return 0


def _import_untc(args, treaty) -> int:
    text = _read(args.participants)
    require_register_database()
    from treatydesk.records.facts.actions import RegisterRejected
    from treatydesk.records.facts.untc_import import ImportUntcTable

    action = ImportUntcTable(treaty.code, (text, str(args.participants)),
                             taken_on=args.taken_on, actor=f"cli:{_os_user()}")
    plan = action.plan()
    if args.dry_run:
        return _report_plan(treaty.code, plan.changes, plan.errors, plan.warnings)
    try:
        action.execute(plan)
    except RegisterRejected as rejected:
        for message in rejected.messages:
            print(message, file=sys.stderr)
        raise CommandError(
            f"{len(rejected.messages)} error(s); nothing was imported, the register is unchanged"
        ) from None
    for warning in plan.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    changes = plan.changes
    print(f"{treaty.code}: {len(changes.added)} added, {len(changes.changed)} changed, "
          f"{len(changes.removed)} removed from {args.participants}.")
    return 0


def release_handler(args) -> int:
    require_register_database()
    from treatydesk.api.releases.build import make_release, make_release_if_changed

    release = make_release_if_changed() if args.if_changed else make_release()
    if release is None:
        print("no release: no register changed since the latest, or one was made today")
        return 0
    print(f"release {release.version} written to {release.path}")
    for code, changes in release.changes.items():
        print(f"  {code}: {len(changes['added'])} added, {len(changes['changed'])} changed, "
              f"{len(changes['removed'])} removed since the previous release")
    return 0


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def status_handler(args) -> int:
    treaty = _treaty(args.treaty)
    as_of = as_of_day(args.as_of, treaty)
    require_register_database()
    from treatydesk.records.facts.export import participant_detail, participant_row, rows_as_csv
    from treatydesk.records.facts.loading import current_register

    register = current_register(treaty.code)
    records = register.participants(as_of)
    if args.format == "csv":
        sys.stdout.write(rows_as_csv(records))
    elif args.format == "json":
        json.dump([participant_detail(r) for r in records], sys.stdout, indent=2,
                  ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        rows = [_readable(participant_row(r)) for r in records]
        _print_table(rows)
        counts = register.counts(as_of)
        print(f"\n{counts.parties} States Parties, {counts.signatories} signatories"
              f" (as of {as_of.isoformat()})")
    return 0


def _readable(row: dict) -> dict:
    """Say in the table what a blank means: a known party's date not recorded, a signatory
    that does not intend to become a party (the CSV and JSON keep blanks and columns)."""
    if row["instrument_kind"] and not row["instrument_date"]:
        row.update(instrument_date="not recorded", ordinal="not known",
                   entry_into_force_date=row["entry_into_force_date"] or "not known")
    if row.get("no_intention_notified"):
        row["status"] = f"signatory, not intending to be a party ({row['no_intention_notified']})"
    return row


def _print_table(rows: list[dict]) -> None:
    columns = ["state", "iso3", "signature_date", "instrument_date", "instrument_kind",
               "ordinal", "entry_into_force_date", "status"]
    widths = {c: max([len(c)] + [len(str(r[c])) for r in rows]) for c in columns}
    print("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        print("  ".join(str(row[c]).ljust(widths[c]) for c in columns))


def notice_handler(args) -> int:
    treaty = _treaty(args.treaty)
    from treatydesk.core import register as core
    from treatydesk.core import wording

    try:
        country = core.resolve_state(args.state)
    except core.UnknownState:
        raise CommandError(f"unknown state {args.state!r}: give its UN name or ISO code") from None
    as_of = as_of_day(args.as_of, treaty)
    require_register_database()
    from treatydesk.records.facts.loading import current_register

    register = current_register(treaty.code)
    record = register.participant(country.iso3, as_of)
    subject = None if record is None else wording.subject_of(record)
    if subject is None:
        raise CommandError(
            f"{country.un_name} has deposited no instrument with the {treaty.code} register"
        )
    print(wording.notice_text(treaty, record, args.lang, today=as_of, about=subject))
    return 0
