"""Test settings: fast hashing, local memory mail, static files without a manifest."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import STORAGES, VAR_DIR
from .caches import caches_from_environment

DEBUG = False
SECRET_KEY = "test-only-secret-key-0000000000000000000000000000000000"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "treatydesk.mail.outgoing.sending.OutgoingBackend"  # → DkimLocmemBackend
# Mail (treatydesk/mail/mailings): signed, kept in mail.outbox; tasks run at once unless a test
# asks for the database backend (the worker test does).
TREATYDESK_MAIL_BACKEND = "treatydesk.mail.outgoing.backends.DkimLocmemBackend"
TREATYDESK_MAIL_BASE_URL = "https://www.ccm.example"
# The public address of the test client's requests, so that absolute links in pages name it.
WAGTAILADMIN_BASE_URL = "http://testserver"
DEFAULT_FROM_EMAIL = "Convention on Cluster Munitions <notices@ccm.example>"
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The register log's key and remembered checkpoints: the test process's own folders, never
# var/ (tests/conftest.py gives each test its own folder for the checkpoints).
TREATYDESK_LOG_KEY_DIR = Path(tempfile.mkdtemp(prefix="treatydesk-test-logkey-"))
TREATYDESK_LOG_STATE_DIR = Path(tempfile.mkdtemp(prefix="treatydesk-test-logstate-"))

# No page cache unless a test turns it on: pages kept by one test would answer the next.
CACHES = caches_from_environment({"TREATYDESK_PAGE_CACHE": "off"}, VAR_DIR)

# Tests serve static files from the apps' folders; nothing is collected.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
