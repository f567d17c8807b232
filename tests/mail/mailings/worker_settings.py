"""Settings of the worker process that the crash test starts and kills.

The test settings, with tasks read from the database (the alias the test enqueues on) and
mail sent through the DKIM-signing SMTP backend to the test's loopback server.
"""

import os

from treatydesk.settings.test import *  # noqa: F403

TREATYDESK_MAIL_TASK_BACKEND = "database"
TREATYDESK_MAIL_BACKEND = "treatydesk.mail.outgoing.backends.DkimSmtpBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["EMAIL_PORT"])
EMAIL_USE_TLS = False
EMAIL_TIMEOUT = 30
