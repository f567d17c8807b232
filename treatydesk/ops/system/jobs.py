"""The scheduler's jobs: tasks of the site's task queue (django-tasks), run by the worker.

The scheduler (``schedule``) only queues them at their times; the worker runs them like any
other task, so a job's failure is recorded in the queue and a job never runs inside the web
server. Each is safe to run twice or late: it acts on what is due when it runs, and what it
has done it does not do again.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from treatydesk.core import clock
from treatydesk.mail.dmarc.importing import import_paths
from treatydesk.mail.mailings.bounces import read_paths
from treatydesk.records.obligations.reminders import send_all

logger = logging.getLogger(__name__)
#: Finished tasks are kept this long for the record (the admin's task list), then removed.
KEEP_FINISHED_TASKS = timedelta(days=7)


@task()
def publish_scheduled() -> None:
    """Wagtail's scheduled publishing: publish what is due, unpublish what has expired."""
    call_command("publish_scheduled", verbosity=0)


@task()
def send_reminders() -> int:
    """Send today's deadline reminders; one already sent is never sent again."""
    results = send_all(clock.today(), None, dry_run=False)
    return sum(len(reminders) for reminders in results.values())


@task()
def read_bounce_mailbox() -> int:
    """Record the bounces in ``TREATYDESK_BOUNCE_MAILDIR`` (each bounce once)."""
    if not settings.TREATYDESK_BOUNCE_MAILDIR:
        return 0
    return read_paths([Path(settings.TREATYDESK_BOUNCE_MAILDIR)]).messages


@task()
def read_dmarc_mailbox() -> int:
    """Import the DMARC reports in ``TREATYDESK_DMARC_MAILDIR`` (a report already there is
    skipped)."""
    if not settings.TREATYDESK_DMARC_MAILDIR:
        return 0
    return import_paths([Path(settings.TREATYDESK_DMARC_MAILDIR)]).imported


@task()
def update_search_index() -> None:
    """Rebuild the search index whole, catching anything a lost index task missed."""
    call_command("update_index", verbosity=0)


@task()
def clean_up() -> int:
    """Drop expired sessions, expired cached pages and finished tasks older than a week."""
    Session.objects.filter(expire_date__lt=timezone.now()).delete()
    pages = caches["pages"]
    if isinstance(pages, FileBasedCache):
        # Django reads expiry only when a page is asked for again; ask each file (the backend's
        # own helpers: the file format is Django's).
        for name in list(pages._list_cache_files()):
            try:
                with open(name, "rb") as handle:
                    pages._is_expired(handle)  # deletes the file when it has expired
            except FileNotFoundError:
                continue  # replaced or removed by a web worker meanwhile
    old = timezone.now() - KEEP_FINISHED_TASKS
    deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lt=old).delete()
    return deleted
