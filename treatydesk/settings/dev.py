"""Local settings, used by ``make run`` and the ``treatydesk`` command on a workstation.

DEBUG is off unless ``TREATYDESK_DEBUG=1``: ``make run`` serves the site as production would,
but on loopback only and without TLS. The secret key is generated once into ``var/``.
"""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR
from .secret import local_secret_key

DEBUG = os.environ.get("TREATYDESK_DEBUG", "0") == "1"
SECRET_KEY = os.environ.get("SECRET_KEY") or local_secret_key(VAR_DIR)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
# Django's own mail (password resets) takes the site's one path too: signed, to SMTP or outbox.
EMAIL_BACKEND = TREATYDESK_MAIL_BACKEND  # noqa: F405
