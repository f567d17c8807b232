"""The scheduler: APScheduler's blocking scheduler, queueing the jobs of ``jobs`` at their times.

Why APScheduler: a well-kept scheduler with cron-style triggers, missed-run handling and no
broker; django-crontask (the same on django-tasks) needs Python 3.12. The scheduler keeps no
state: each job is queued as a django-tasks task, run by the worker, and every job is safe to run
twice, so a restart, or two schedulers by mistake, cost at most a repeated, harmless run.

| job | when |
| --- | --- |
| Wagtail's scheduled publishing | every minute |
| the register log's checkpoint, when one is due | every minute |
| the register log's check (`treatydesk log verify`) | hourly |
| deadline reminders | daily, 06:00 UTC |
| bounce and DMARC mailboxes | every 15 minutes, when configured |
| search index rebuilt | daily, 02:30 UTC |
| open-data release, when a register changed (`treatydesk/api/releases/`) | daily, 03:10 UTC |
| clean-up (sessions, cached pages, old task results) | hourly |

The scheduler's own heartbeat is a job of its own, run in the scheduler's process.
"""

from __future__ import annotations

import logging

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from . import jobs
from .heartbeat import SCHEDULER, beat

logger = logging.getLogger(__name__)

#: (task, trigger keyword arguments for CronTrigger, condition)
SCHEDULE = (
    (jobs.publish_scheduled, {"second": 0}, None),
    (jobs.sign_register_checkpoint, {"second": 30}, None),
    (jobs.check_register_log, {"minute": 23}, None),
    (jobs.send_reminders, {"hour": 6, "minute": 0}, None),
    (jobs.read_bounce_mailbox, {"minute": "*/15"}, "TREATYDESK_BOUNCE_MAILDIR"),
    (jobs.read_dmarc_mailbox, {"minute": "7-59/15"}, "TREATYDESK_DMARC_MAILDIR"),
    (jobs.update_search_index, {"hour": 2, "minute": 30}, None),
    (jobs.release_open_data, {"hour": 3, "minute": 10}, None),
    (jobs.clean_up, {"minute": 41}, None),
)


def enqueue(job) -> None:
    """Queue one run of ``job`` for the worker.

    In the scheduler's thread the connection may be stale: close it first, unless a caller's
    transaction is using it (closing it there leaves Django holding a closed connection; on
    PostgreSQL the next query fails with "the connection is closed").
    """
    if not connection.in_atomic_block:
        close_old_connections()
    job.enqueue()


def scheduled_jobs():
    """Return the jobs this site runs: those whose setting is configured, or that need none."""
    return [(job, cron) for job, cron, condition in SCHEDULE
            if condition is None or getattr(settings, condition)]


def build_scheduler() -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone=timezone.get_default_timezone())
    started_at = timezone.now()

    def heartbeat():
        close_old_connections()
        beat(SCHEDULER, started_at)

    scheduler.add_job(heartbeat, IntervalTrigger(seconds=settings.TREATYDESK_HEARTBEAT_SECONDS),
                      id="heartbeat", next_run_time=started_at, coalesce=True,
                      max_instances=1)
    for job, cron in scheduled_jobs():
        scheduler.add_job(enqueue, CronTrigger(**cron, timezone="UTC"), args=[job],
                          id=job.name, coalesce=True, max_instances=1,
                          misfire_grace_time=30)
    return scheduler


def run() -> None:
    """Run the scheduler until SIGINT or SIGTERM."""
    scheduler = build_scheduler()
    for apjob in scheduler.get_jobs():
        logger.info("scheduled %s: %s", apjob.id, apjob.trigger)
    scheduler.start()
