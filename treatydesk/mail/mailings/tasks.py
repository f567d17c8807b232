"""Background work of the mail: send a mailing, retry it later, resume after a crash."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from .models import Mailing, unfinished_mailings
from .sending import deliver, next_attempt, recover

logger = logging.getLogger(__name__)


@task()
def send_mailing(mailing_id: int) -> dict:
    """Send what is due of a mailing, and come back when its postponed retries are due."""
    mailing = Mailing.objects.filter(pk=mailing_id).first()
    if mailing is None:
        return {"missing": mailing_id}
    progress = deliver(mailing)
    later = next_attempt(mailing)
    if later is not None and not already_queued(mailing):
        enqueue_mailing(mailing, run_after=max(later, timezone.now() + timedelta(seconds=1)))
    return {"sent": progress.sent, "failed": progress.failed, "retry": progress.retry,
            "uncertain": progress.uncertain}


def enqueue_mailing(mailing: Mailing, *, run_after=None):
    """Queue ``send_mailing`` for the mailing on ``TREATYDESK_MAIL_TASK_BACKEND``."""
    queued = send_mailing.using(backend=settings.TREATYDESK_MAIL_TASK_BACKEND)
    if run_after is not None:
        if not queued.get_backend().supports_defer:
            logger.info("mailing %s: retries wait for the next run (no deferred tasks)",
                        mailing.pk)
            return None
        queued = queued.using(run_after=run_after)
    return queued.enqueue(mailing.pk)


def resume_interrupted() -> int:
    """Release dead workers' claims and queue every mailing that has work left; return how many.

    Run when a worker starts (``treatydesk manage mail_worker``): a worker killed in the
    middle of a mailing leaves its task marked as running, and nothing else would pick it up.
    """
    recover()
    mailings = [m for m in unfinished_mailings() if not already_queued(m)]
    for mailing in mailings:
        enqueue_mailing(mailing)
    return len(mailings)


def already_queued(mailing: Mailing) -> bool:
    """Return whether a ``send_mailing`` task for the mailing waits in the task database."""
    backend = task_backends[settings.TREATYDESK_MAIL_TASK_BACKEND]
    if not isinstance(backend, DatabaseBackend):
        return False

    waiting = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, backend_name=backend.alias,
        task_path=send_mailing.module_path)
    return any(row.args_kwargs.get("args") == [mailing.pk] for row in waiting)
