"""Pick the settings module from ``TREATYDESK_ENV``."""

import os

MODULES = {
    "dev": "treatydesk.settings.dev",
    "development": "treatydesk.settings.dev",
    "test": "treatydesk.settings.test",
    "production": "treatydesk.settings.production",
}


def configure_settings_module(default_env: str = "dev") -> str:
    """Set ``DJANGO_SETTINGS_MODULE`` from ``TREATYDESK_ENV`` unless it is already set."""
    if "DJANGO_SETTINGS_MODULE" not in os.environ:
        env = os.environ.get("TREATYDESK_ENV", default_env).strip().lower()
        if env not in MODULES:
            raise SystemExit(
                f"TREATYDESK_ENV={env!r} is not one of: {', '.join(sorted(set(MODULES)))}"
            )
        os.environ["DJANGO_SETTINGS_MODULE"] = MODULES[env]
    return os.environ["DJANGO_SETTINGS_MODULE"]
