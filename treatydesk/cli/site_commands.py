"""``init``, ``serve`` and ``manage``: set the site up and run it.

Handlers import what they use inside themselves, after ``setup()`` (see ``cli/__init__``).
"""

import os
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

    serve = sub.add_parser("serve", help="serve the site with gunicorn (DEBUG off)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--workers", type=int, default=2)
    serve.set_defaults(handler=serve_handler)

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


def serve_handler(args) -> int:
    setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    command = [
        gunicorn, "treatydesk.wsgi:application",
        "--bind", f"{args.host}:{args.port}",
        "--workers", str(args.workers),
        "--access-logfile", "-",
        "--forwarded-allow-ips", "127.0.0.1",
    ]
    print(f"Serving Treaty Desk on http://{args.host}:{args.port}/ (Ctrl-C to stop)", flush=True)
    os.execv(gunicorn, command)  # noqa: S606 - replaces this process with the app server
    return 0
