"""Start Django once for the commands that need the database."""

import django

from treatydesk.settings.select import configure_settings_module

_ready = False


def setup() -> None:
    global _ready
    if not _ready:
        configure_settings_module()
        django.setup()
        _ready = True
