"""``init`` and ``manage``: set the site up and run Django's commands (``serve``: system_commands).

Handlers import what they use inside themselves, after ``setup()`` (see ``cli/__init__``).
"""

import sys

from .django_setup import setup
from .errors import CommandError


def add_parsers(sub) -> None:
    init = sub.add_parser(
        "init", help="create or update the database, load the default content, create the admin",
        description="Migrate the database, load the default register and pages, and create an "
                    "administrator with a one-time password (printed once). Safe to run again.",
    )
    init.add_argument("--no-input", action="store_true", help="(kept for scripts; init never asks)")
    init.set_defaults(handler=init_handler)

    sub.add_parser(
        "manage", help="run a Django management command (treatydesk manage help)", add_help=False
    )


def manage(argv: list[str]) -> int:
    from django.core.management import execute_from_command_line

    from treatydesk.settings.select import configure_settings_module

    configure_settings_module()
    execute_from_command_line(["treatydesk manage", *argv])
    return 0


def init_handler(args) -> int:
    setup()
    from treatydesk.setup.seed import ContentError
    from treatydesk.setup.site import initialise_site

    try:
        initialise_site(out=sys.stdout)
    except ContentError as error:
        raise CommandError(f"{error}; nothing was set up") from None
    return 0
