"""The scheduler's jobs are safe to run twice, and the scheduler queues them for the worker."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.newsroom_fixtures import site  # noqa: F401
from treatydesk.newsroom.news.models import NewsIndexPage, NewsPage
from treatydesk.ops.system import jobs, schedule

pytestmark = pytest.mark.django_db


def test_scheduled_publishing_publishes_what_is_due_once(site):  # noqa: F811
    index = NewsIndexPage.objects.filter(locale__language_code="en").first()
    page = index.add_child(instance=NewsPage(title="Later", slug="later", lead="x",
                                             live=False))
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert not page.live
    jobs.publish_scheduled.call()
    page.refresh_from_db()
    assert not page.live
    # The hour has passed: the revision (and the page it holds) were due a second ago.
    due = timezone.now() - timedelta(seconds=1)
    revision.content["go_live_at"] = due.isoformat()
    revision.approved_go_live_at = due
    revision.save(update_fields=["content", "approved_go_live_at"])
    jobs.publish_scheduled.call()
    jobs.publish_scheduled.call()
    page.refresh_from_db()
    assert page.live and page.revisions.count() == 1


def test_clean_up_drops_what_has_expired_and_only_that():
    Session.objects.create(session_key="old", session_data="",
                           expire_date=timezone.now() - timedelta(days=1))
    Session.objects.create(session_key="new", session_data="",
                           expire_date=timezone.now() + timedelta(days=1))
    finished = jobs.clean_up.using(backend="database").enqueue()
    DBTaskResult.objects.filter(pk=finished.id).update(
        status="SUCCESSFUL", finished_at=timezone.now() - timedelta(days=8))
    waiting = jobs.clean_up.using(backend="database").enqueue()
    jobs.clean_up.call()
    jobs.clean_up.call()
    assert list(Session.objects.values_list("session_key", flat=True)) == ["new"]
    assert [str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)] == \
        [str(waiting.id)]


def test_mailboxes_are_read_only_when_configured(settings, tmp_path):
    settings.TREATYDESK_BOUNCE_MAILDIR = ""
    settings.TREATYDESK_DMARC_MAILDIR = ""
    names = {job.name for job, _cron in schedule.scheduled_jobs()}
    assert "read_bounce_mailbox" not in names and "publish_scheduled" in names
    assert jobs.read_bounce_mailbox.call() == 0
    settings.TREATYDESK_BOUNCE_MAILDIR = str(tmp_path / "bounces")
    assert "read_bounce_mailbox" in {job.name for job, _ in schedule.scheduled_jobs()}


def test_the_scheduler_queues_each_job_for_the_worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    scheduler = schedule.build_scheduler()
    ids = {job.id for job in scheduler.get_jobs()}
    assert {"heartbeat", "publish_scheduled", "send_reminders", "update_search_index",
            "clean_up"} <= ids
    schedule.enqueue(jobs.publish_scheduled)
    [queued] = DBTaskResult.objects.all()
    assert queued.task_path.endswith("jobs.publish_scheduled") and queued.status == "READY"
