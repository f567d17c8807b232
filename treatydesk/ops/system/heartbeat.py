"""Heartbeats: each background process says, every ``TREATYDESK_HEARTBEAT_SECONDS``, that it
lives. A beat is one UPDATE (or INSERT) of the process kind's row.

The worker beats from a thread of its own, so that a long task (a mailing to thousands) does not
make it look dead; a worker that is alive but stuck shows instead as a queue growing old
(``health.queue``). The scheduler beats as one of its own jobs.
"""

from __future__ import annotations

import logging
import os
import socket
import threading

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone

from .models import Heartbeat

logger = logging.getLogger(__name__)
WORKER = "worker"
SCHEDULER = "scheduler"
PROCESSES = (WORKER, SCHEDULER)


def beat(name: str, started_at=None) -> None:
    """Record that the process ``name`` (this process) is alive now."""
    now = timezone.now()
    Heartbeat.objects.update_or_create(
        name=name, defaults={"beat_at": now, "started_at": started_at or now,
                             "pid": os.getpid(), "host": socket.gethostname()[:255]})


class HeartbeatThread(threading.Thread):
    """Beat every ``TREATYDESK_HEARTBEAT_SECONDS`` until the process ends (a daemon thread)."""

    def __init__(self, name: str):
        super().__init__(name=f"heartbeat-{name}", daemon=True)
        self.process = name
        self.started_at = timezone.now()
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                close_old_connections()
                beat(self.process, self.started_at)
            except DatabaseError:
                # A locked or unreachable database: the next beat tries again; being late is
                # exactly what the status then shows.
                logger.warning("heartbeat of %s not recorded", self.process, exc_info=True)
            self.stopped.wait(settings.TREATYDESK_HEARTBEAT_SECONDS)
        connection.close()

    def stop(self) -> None:
        self.stopped.set()
