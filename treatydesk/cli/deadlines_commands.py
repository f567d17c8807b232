"""``deadlines``: every State Party's deadlines under a treaty, with status and basis.

Handlers import what they use inside themselves, after ``setup()`` (see ``cli/__init__``).
"""

import datetime as dt
import json
import sys
from pathlib import Path

from .django_setup import setup
from .errors import CommandError
from .register_commands import AS_OF_HELP, TREATY_HELP, _os_user, _read, _treaty, as_of_day


def add_parsers(sub) -> None:
    deadlines = sub.add_parser(
        "deadlines", help="every State Party's deadlines, with status and the rule behind each",
        description="List the deadlines of TREATY's States Parties (reports, declarations, "
                    "stockpile destruction, clearance) with their status on a day. CSV columns: "
                    "state,iso3,obligation,article,due_date,status,met_date,basis. A deadline "
                    "moved by an extension decision stays listed, with status 'extended', "
                    "before the new one.",
    )
    deadlines.add_argument("treaty", metavar="TREATY", help=TREATY_HELP)
    deadlines.add_argument("--state", metavar="STATE", help="only this state (UN name or ISO code)")
    deadlines.add_argument("--as-of", metavar="YYYY-MM-DD",
                           help="statuses on this day; " + AS_OF_HELP)
    deadlines.add_argument("--format", choices=["csv", "json", "ics"], default="csv")
    deadlines.set_defaults(handler=deadlines_handler)
    records = sub.add_parser(
        "obligations-import", help="add report records and declarations from a CSV file",
        description="Add the rows of FILE.csv (columns state,record,obligation,date,period_end,"
                    "document,source and optionally reason; record is report, not-applicable, "
                    "applies or completion; reason is for not-applicable, which takes no "
                    "document) "
                    "to TREATY's obligation records. All or nothing: on any error nothing is "
                    "stored and every error is listed with its line.",
    )
    records.add_argument("treaty", metavar="TREATY", help=TREATY_HELP)
    records.add_argument("file", metavar="FILE.csv", type=Path)
    records.set_defaults(handler=obligations_import_handler)


def obligations_import_handler(args) -> int:
    treaty = _treaty(args.treaty)
    text = _read(args.file)
    setup()
    from treatydesk.records.obligations.actions import ObligationRejected
    from treatydesk.records.obligations.importing import ImportObligationFacts

    try:
        summary = ImportObligationFacts(treaty.code, text, str(args.file),
                                        actor=f"cli:{_os_user()}").execute()
    except ObligationRejected as rejected:
        for message in rejected.messages:
            print(message, file=sys.stderr)
        raise CommandError(f"{len(rejected.messages)} error(s); nothing was imported") from None
    print(f"{summary.treaty}: imported {summary.rows} obligation records for "
          f"{summary.states} states.")
    return 0


def deadlines_handler(args) -> int:
    treaty = _treaty(args.treaty)
    from treatydesk.core import register as core

    iso3 = None
    if args.state:
        try:
            iso3 = core.resolve_state(args.state).iso3
        except core.UnknownState:
            raise CommandError(
                f"unknown state {args.state!r}: give its UN name or ISO code") from None
    as_of = as_of_day(args.as_of, treaty)
    from treatydesk.core import obligations as duties
    from treatydesk.records.obligations import conf
    from treatydesk.records.obligations.loading import current_obligations

    obligations = current_obligations(treaty.code)
    if iso3 is not None:
        if iso3 not in obligations.register.states:
            raise CommandError(f"{iso3} has no fact in the {treaty.code} register")
        deadlines = obligations.deadlines(iso3, as_of)
    else:
        deadlines = obligations.all_deadlines(as_of)
    for warning in obligations.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.format == "json":
        coverage = obligations.rules.coverage
        json.dump([duties.deadline_detail(d, coverage) for d in deadlines], sys.stdout, indent=2,
                  ensure_ascii=False)
        sys.stdout.write("\n")
    elif args.format == "ics":
        name = f"{treaty.code} deadlines" + (f": {iso3}" if iso3 else "")
        body = duties.deadlines_ics(
            deadlines, treaty=treaty.code, name=name, domain=conf.calendar_domain(),
            stamp=dt.datetime.now(dt.UTC).replace(microsecond=0),
            coverage=obligations.rules.coverage,
        )
        sys.stdout.write(body.decode("utf-8"))
    else:
        sys.stdout.write(duties.deadlines_csv(deadlines, obligations.rules.coverage))
    return 0
