"""``treatydesk log …``: the register's signed log: verify, sign, export, rotate the key.

Handlers import what they use inside themselves, after ``setup()`` (see ``cli/__init__``).
"""

import sys
from pathlib import Path

from .django_setup import require_register_database, setup
from .errors import CommandError, reported


def add_parsers(sub) -> None:
    log = sub.add_parser(
        "log", help="the register's signed log: verify, sign, export, rotate the key",
        description="Every change of the register is an entry of an append-only log, hashed "
                    "in a Merkle tree (RFC 9162) whose checkpoints the site signs. See "
                    "docs/transparency.md.")
    commands = log.add_subparsers(dest="log_command", metavar="LOG_COMMAND", required=True)

    verify = commands.add_parser(
        "verify", help="check the log and the register it gives (exit 0 or 1)",
        description="Without SOURCE: this installation's database against its own log. With "
                    "a URL (https://site/log) or a DIRECTORY (from `log export`): that copy, "
                    "as a mirror would check it. Checks every signature, tile and entry, that "
                    "the log extends the last checkpoint seen, and that the register the "
                    "entries give is the one published; names the first entry that fails.")
    verify.add_argument("source", nargs="?", metavar="URL-or-DIRECTORY")
    verify.add_argument("--since", type=Path, metavar="CHECKPOINT",
                        help="a file holding a checkpoint seen before; the log must extend it")
    verify.add_argument("--key", action="append", default=[], metavar="VKEY",
                        help="trust this verifier key (name+hash+key); may be repeated")
    verify.set_defaults(handler=verify_handler)

    sign = commands.add_parser("sign", help="sign a checkpoint of the log now")
    sign.set_defaults(handler=sign_handler)

    export = commands.add_parser(
        "export", help="write the log as static files (checkpoint, key, tiles) to DIRECTORY")
    export.add_argument("directory", type=Path, metavar="DIRECTORY")
    export.set_defaults(handler=export_handler)

    rotate = commands.add_parser(
        "rotate-key", help="sign with a new key from now on; the old one stays listed")
    rotate.set_defaults(handler=rotate_handler)


def print_report(report, out=None) -> int:
    out = out or sys.stdout
    for line in report.holds:
        out.write(f"  ok    {line}\n")
    if report.ok:
        out.write("The register log verifies: every check holds.\n")
        return 0
    out.write(f"FAILED  {report.failures[0]}\n")
    for line in report.failures[1:]:
        out.write(f"  also  {line}\n")
    return 1


def verify_handler(args) -> int:
    if args.source:
        setup()
        from treatydesk.records.log.remote import verify_source

        return print_report(verify_source(args.source, args.since, args.key))
    require_register_database()
    from treatydesk.records.log.check import verify_installation

    if args.since is not None and not args.since.is_file():
        raise CommandError(f"--since {args.since}: no such file")
    return print_report(verify_installation(args.since))


def sign_handler(args) -> int:
    require_register_database()
    from treatydesk.records.log.signing import LogStateError, latest, sign_checkpoint

    with reported(LogStateError):
        signed = sign_checkpoint()
    signed = signed or latest()
    if signed is None:
        raise CommandError("the log has no signing key: run `treatydesk init`")
    sys.stdout.write(signed.note)
    return 0


def export_handler(args) -> int:
    require_register_database()
    from treatydesk.records.log.export import export_log

    with reported(LookupError):
        count = export_log(args.directory)
    sys.stdout.write(f"Wrote {count} files of the log to {args.directory}.\n")
    return 0


def rotate_handler(args) -> int:
    require_register_database()
    from treatydesk.records.log.signing import keystore, origin, sign_checkpoint

    key = keystore().generate(origin())
    sys.stdout.write(f"New signing key: {key.verifier.vkey}\n"
                     "The old key stays listed at /log/key so older checkpoints verify.\n")
    sign_checkpoint()
    return 0
