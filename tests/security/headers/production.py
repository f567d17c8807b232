"""The production settings module, loaded as a deployment would load it, for the tests."""

import importlib
import os
import sys


def production_environment(tmp_path) -> dict:
    """Return the environment variables a production deployment sets (docs/deploy.md)."""
    # Nothing of the test run's own: its settings module, its database, the browser tests'
    # DJANGO_ALLOW_ASYNC_UNSAFE (which check --deploy rightly refuses).
    env = {name: value for name, value in os.environ.items()
           if name not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update({
        "TREATYDESK_ENV": "production",
        "SECRET_KEY": "k" * 20 + "-production-test-secret-key-1234567890-abcdefghij",
        "ALLOWED_HOSTS": "ccm.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "EMAIL_HOST": "smtp.ccm.example",
        "DEFAULT_FROM_EMAIL": "notices@ccm.example",
        "TREATYDESK_BASE_URL": "https://www.ccm.example",
        "TREATYDESK_VAR": str(tmp_path / "var"),
    })
    return env


# The settings whose production values decide what the Observatory grades.
GRADED = (
    "SECURE_PROXY_SSL_HEADER", "SECURE_SSL_REDIRECT", "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_REFERRER_POLICY", "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SESSION_COOKIE_SECURE", "SESSION_COOKIE_NAME", "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE", "CSRF_COOKIE_NAME", "X_FRAME_OPTIONS", "MIDDLEWARE",
)


def production_settings(monkeypatch, tmp_path) -> dict:
    """Import ``treatydesk.settings.production`` afresh and return its graded settings."""
    for name, value in production_environment(tmp_path).items():
        monkeypatch.setenv(name, value)
    sys.modules.pop("treatydesk.settings.production", None)
    try:
        module = importlib.import_module("treatydesk.settings.production")
    finally:
        sys.modules.pop("treatydesk.settings.production", None)
    return {name: getattr(module, name) for name in GRADED}
