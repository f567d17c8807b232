"""The system's state: heartbeats, the queue, /healthz, and what the admin shows of them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from treatydesk.ops.system import jobs
from treatydesk.ops.system.health import current_status
from treatydesk.ops.system.heartbeat import SCHEDULER, WORKER, beat
from treatydesk.ops.system.models import Heartbeat

pytestmark = pytest.mark.django_db


def age(name, seconds):
    Heartbeat.objects.filter(name=name).update(
        beat_at=timezone.now() - timedelta(seconds=seconds))


def queue_one(seconds_ago):
    result = jobs.clean_up.using(backend="database").enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - timedelta(seconds=seconds_ago))


def test_never_then_ok_then_late():
    assert current_status().processes == {WORKER: "never", SCHEDULER: "never"}
    beat(WORKER)
    beat(SCHEDULER)
    assert current_status().processes == {WORKER: "ok", SCHEDULER: "ok"}
    age(WORKER, 121)
    status = current_status()
    assert status.processes == {WORKER: "late", SCHEDULER: "ok"}
    assert not status.healthy and status.late_processes == [WORKER]


def test_the_threshold_is_a_setting(settings):
    beat(WORKER)
    beat(SCHEDULER)
    age(WORKER, 10)
    assert current_status().processes[WORKER] == "ok"
    settings.TREATYDESK_LATE_SECONDS = 5
    assert current_status().processes[WORKER] == "late"


def test_the_queue_counts_waiting_tasks_and_their_age():
    beat(WORKER)
    beat(SCHEDULER)
    queue_one(10)
    status = current_status()
    assert status.queue == 1 and 9 <= status.oldest_task_s < 60 and status.healthy
    queue_one(301)
    status = current_status()
    assert status.queue == 2 and status.oldest_task_s >= 301
    assert status.queue_late and not status.healthy


def test_healthz_answers_the_issues_json(client, settings):
    settings.TREATYDESK_MAIL_BACKEND = "treatydesk.mail.outgoing.outbox.DkimMaildirBackend"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "worker": "never", "scheduler": "never",
                               "queue": 0, "oldest_task_s": None, "mail": "outbox"}
    beat(WORKER)
    beat(SCHEDULER)
    settings.TREATYDESK_MAIL_BACKEND = "treatydesk.mail.outgoing.backends.DkimSmtpBackend"
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["worker"] == "ok" and response.json()["mail"] == "smtp"
    assert "no-store" in response["Cache-Control"]


def test_the_web_scope_is_about_the_database_only(client):
    response = client.get("/healthz?scope=web")
    assert response.status_code == 200 and response.json() == {"database": "ok"}


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("a", "a@example.org",
                                                                  "x" * 12))
    return client


def test_the_banner_is_on_every_admin_page_while_a_process_is_late(admin_client):
    beat(WORKER)
    beat(SCHEDULER)
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_explore_root")):
        assert b"td-system-banner" not in admin_client.get(url).content
    age(SCHEDULER, 200)
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_explore_root")):
        page = admin_client.get(url).content.decode()
        assert "td-system-banner" in page and "The scheduler is not running" in page


def test_the_banner_tells_of_an_old_queue(admin_client):
    beat(WORKER)
    beat(SCHEDULER)
    queue_one(400)
    page = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "td-system-banner" in page and "more than five minutes" in page


def test_the_dashboard_shows_the_system(admin_client):
    beat(WORKER)
    page = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="td-system-heading"' in page
    assert "running" in page and "never started" in page
