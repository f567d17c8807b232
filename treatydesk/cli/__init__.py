"""The ``treatydesk`` command: set up, serve, import and query the register.

Every sub-command works on the database named by ``DATABASE_URL`` (default: a SQLite file
under ``var/``). Handlers live in the modules beside this one, one concern each.

Why the handlers import inside their functions: Django's settings must be configured
(``django_setup.setup()``) before any model is imported, and each command loads only what it
needs, so that ``treatydesk --help`` or ``treatydesk mail verify`` starts in a fraction of a
second. This is the one place in the project where imports are lazy by design.
"""

import argparse
import sys

from treatydesk.core.clock import BadPinnedDate

from . import (
    deadlines_commands,
    log_commands,
    mail_commands,
    ops_commands,
    register_commands,
    site_commands,
    system_commands,
)
from .errors import CommandError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="treatydesk",
        description="Treaty Desk: the register and website of a treaty secretariat.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    site_commands.add_parsers(sub)
    system_commands.add_parsers(sub)
    register_commands.add_parsers(sub)
    deadlines_commands.add_parsers(sub)
    ops_commands.add_parsers(sub)
    mail_commands.add_parsers(sub)
    log_commands.add_parsers(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "manage":
        return site_commands.manage(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args) or 0
    except (CommandError, BadPinnedDate) as error:
        print(f"treatydesk {args.command}: {error}", file=sys.stderr)
        return getattr(error, "exit_status", 1)
    except KeyboardInterrupt:
        return 130
