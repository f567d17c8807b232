"""The state of the system, as ``/healthz``, the admin's banner and its dashboard panel say it.

``worker`` and ``scheduler`` are ``ok`` when their last heartbeat is at most
``TREATYDESK_LATE_SECONDS`` old (two minutes), ``late`` when older, ``never`` when there has
been none. ``queue`` counts the tasks ready to run now and ``oldest_task_s`` is the age of the
oldest of them; the queue is late when that is over ``TREATYDESK_QUEUE_LATE_SECONDS`` (five
minutes). ``mail`` says where messages go: ``smtp`` or ``outbox``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Case, F, Min, When
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from treatydesk.mail.outgoing.outbox import uses_outbox

from .heartbeat import PROCESSES
from .models import Heartbeat

OK, LATE, NEVER, ERROR = "ok", "late", "never", "error"


@dataclass(frozen=True)
class Status:
    database: str
    processes: dict  # name → "ok" | "late" | "never"
    last_beats: dict  # name → datetime | None
    queue: int | None
    oldest_task_s: float | None
    mail: str

    @property
    def queue_late(self) -> bool:
        return (self.oldest_task_s is not None
                and self.oldest_task_s > settings.TREATYDESK_QUEUE_LATE_SECONDS)

    @property
    def healthy(self) -> bool:
        return (self.database == OK and all(v == OK for v in self.processes.values())
                and not self.queue_late)

    @property
    def late_processes(self) -> list[str]:
        return [name for name, state in self.processes.items() if state != OK]

    def as_json(self) -> dict:
        return {"database": self.database, **self.processes, "queue": self.queue,
                "oldest_task_s": self.oldest_task_s, "mail": self.mail}


def mail_destination() -> str:
    return "outbox" if uses_outbox() else "smtp"


def process_state(beat_at, now) -> str:
    if beat_at is None:
        return NEVER
    return OK if (now - beat_at).total_seconds() <= settings.TREATYDESK_LATE_SECONDS else LATE


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def current_status() -> Status:
    """Return the system's state now (three small queries; no lock taken)."""
    mail = mail_destination()
    if not database_ok():
        return Status(ERROR, {name: NEVER for name in PROCESSES}, {}, None, None, mail)
    now = timezone.now()
    beats = dict(Heartbeat.objects.filter(name__in=PROCESSES).values_list("name", "beat_at"))
    ready = DBTaskResult.objects.ready()
    # A task asked to run later waits from then, not from when it was queued.
    waiting_since = Case(When(run_after=get_date_max(), then=F("enqueued_at")),
                         default=F("run_after"))
    oldest = ready.aggregate(oldest=Min(waiting_since))["oldest"]
    return Status(
        database=OK,
        processes={name: process_state(beats.get(name), now) for name in PROCESSES},
        last_beats={name: beats.get(name) for name in PROCESSES},
        queue=ready.count(),
        oldest_task_s=None if oldest is None else round(max((now - oldest).total_seconds(), 0),
                                                        1),
        mail=mail,
    )
