"""Start Django once for the commands that need the database."""

import django

from treatydesk.settings.select import configure_settings_module

from .errors import CommandError

_ready = False


def setup() -> None:
    global _ready
    if not _ready:
        configure_settings_module()
        django.setup()
        _ready = True


def require_register_database() -> None:
    """Start Django and fail with a plain message when the database is not set up."""
    setup()
    from django.db import DatabaseError, connection

    try:
        tables = set(connection.introspection.table_names())
    except DatabaseError as error:
        raise CommandError(f"cannot open the database: {error}") from None
    if "registry_fact" not in tables:
        name = connection.settings_dict.get("NAME")
        raise CommandError(
            f"the database {name} is not set up yet: run `treatydesk init` first"
        )
