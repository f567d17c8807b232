"""A worker killed in the middle of a mailing, then restarted, mails everyone exactly once.

A real ``treatydesk manage mail_worker`` process (django-tasks-db's database worker) sends a
mailing to a loopback SMTP server that stalls on one message; the test kills the worker with
SIGKILL there, starts a new one, and counts what the server received, per recipient.

- Killed before the end of the message's DATA (here: while the server holds the RCPT
  command), the server never had the whole message: the new worker sends it, once.
- Killed after the end of DATA and before the server's answer, the server has the message:
  the delivery is ``uncertain`` and is not sent again. Nobody gets it twice.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.db import connection

from tests.paths import ROOT
from tests.ports import free_tcp_port
from treatydesk.mail.mailings.actions import MailPage
from treatydesk.mail.mailings.models import DeliveryState

from .conftest import Capture, make_subscriber

BIN = Path(sys.executable).parent / "treatydesk"
RECIPIENTS = 12
STALL_AT = 5  # the 5th message


class StallingCapture(Capture):
    """Keep messages like Capture, but hold the ``STALL_AT``-th one at ``stage``."""

    def __init__(self, stage: str) -> None:
        super().__init__()
        self.stage = stage
        self.seen = 0
        self.stalled = threading.Event()
        self.release = threading.Event()

    async def _stall(self):
        self.stalled.set()
        while not self.release.is_set():
            await asyncio.sleep(0.05)
        return "451 Try again later"

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        with self.lock:
            self.seen += 1
            stall = self.stage == "rcpt" and self.seen == STALL_AT and not self.release.is_set()
        if stall:
            return await self._stall()
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        reply = await super().handle_DATA(server, session, envelope)
        with self.lock:
            stall = self.stage == "data" and len(self.messages) == STALL_AT and \
                not self.release.is_set()
        if stall:
            return await self._stall()
        return reply


def database_for_worker(tmp_path) -> str:
    """Return a DATABASE_URL where a worker process sees what this test has written."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        # The test database lives in memory: hand the worker a copy in a file.
        path = tmp_path / "worker.sqlite3"
        with sqlite3.connect(path) as copy:
            connection.connection.backup(copy)
        return f"sqlite:///{path}"
    params = connection.settings_dict
    return (f"postgresql://{params['USER']}:{params['PASSWORD']}@{params['HOST']}:"
            f"{params['PORT']}/{params['NAME']}")


def delivery_states(url: str) -> dict[str, str]:
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
            return dict(db.execute("SELECT address, state FROM mailing_delivery"))
    from treatydesk.mail.mailings.models import Delivery

    return dict(Delivery.objects.values_list("address", "state"))


def start_worker(url, port, dkim_dir, log: Path, *extra) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    env.update(DJANGO_SETTINGS_MODULE="tests.mail.mailings.worker_settings", DATABASE_URL=url,
               EMAIL_PORT=str(port), TREATYDESK_DKIM_DIR=str(dkim_dir),
               TREATYDESK_MAIL_CLAIM_SECONDS="1", PYTHONPATH=str(ROOT))
    command = [str(BIN), "manage", "mail_worker", "--backend", "database", "--interval", "0.2",
               "--no-startup-delay", "--no-reload", *extra]
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=log.open("ab"),  # noqa: SIM115
                            stderr=subprocess.STDOUT)


@pytest.fixture
def mailing_in_queue(transactional_db, fresh_site, settings, dkim_dir,
                     django_capture_on_commit_callbacks):
    """A security notice queued for 12 subscribers on the database task backend."""
    from treatydesk.mail.verification.models import SecurityNoticePage

    page = SecurityNoticePage.objects.get(locale__language_code="en")
    for number in range(RECIPIENTS):
        make_subscriber(f"reader{number:02}@university.example")
    settings.TREATYDESK_MAIL_TASK_BACKEND = "database"
    with django_capture_on_commit_callbacks(execute=True):
        mailing = MailPage(page).execute()
    return mailing


@pytest.mark.parametrize("stage", ["rcpt", "data"])
def test_killed_worker_then_restarted_mails_everyone_exactly_once(
        mailing_in_queue, dkim_dir, tmp_path, stage):
    capture = StallingCapture(stage)
    controller = Controller(capture, hostname="127.0.0.1", port=free_tcp_port())
    controller.start()
    log = tmp_path / "worker.log"
    try:
        url = database_for_worker(tmp_path)
        worker = start_worker(url, controller.port, dkim_dir, log)
        try:
            assert capture.stalled.wait(90), log.read_text()
        finally:
            worker.send_signal(signal.SIGKILL)
            worker.wait(30)
        assert worker.returncode == -signal.SIGKILL
        before = capture.by_recipient()
        capture.release.set()
        time.sleep(1.5)  # let the dead worker's claims age past TREATYDESK_MAIL_CLAIM_SECONDS

        again = start_worker(url, controller.port, dkim_dir, log, "--batch")
        assert again.wait(120) == 0, log.read_text()
    finally:
        controller.stop()

    received = capture.by_recipient()
    states = delivery_states(url)
    everyone = {f"reader{number:02}@university.example" for number in range(RECIPIENTS)}
    assert set(states) == everyone
    # Nobody twice, whatever happened.
    assert all(count == 1 for count in received.values()), received
    if stage == "rcpt":
        # The interrupted message never reached the server: it was sent after the restart.
        assert len(before) == STALL_AT - 1
        assert set(received) == everyone
        assert set(states.values()) == {DeliveryState.SENT}
    else:
        # The server had the interrupted message: it is counted once, flagged, not resent.
        assert len(before) == STALL_AT
        assert set(received) == everyone
        uncertain = [a for a, s in states.items() if s == DeliveryState.UNCERTAIN]
        assert len(uncertain) == 1 and received[uncertain[0]] == 1
        assert sum(s == DeliveryState.SENT for s in states.values()) == RECIPIENTS - 1
