"""``treatydesk serve`` runs the whole system: a real process tree on a random port.

One site is set up (``treatydesk init``) in a temporary ``TREATYDESK_VAR`` and served by
``treatydesk serve``: supervisord with the web server, the task worker and the scheduler. The
heartbeat thresholds are lowered through their settings (1 s beats, late after 5 s) so that
the test does not wait minutes; production keeps 30 s, 2 and 5 minutes.

- a reader subscribes: the confirmation mail is in ``var/outbox/`` within 30 s, signed, and its
  link confirms the subscription;
- a page published (Wagtail's publish, as the admin's button runs it) is found by the site's
  search within 30 s;
- a page scheduled one minute ahead is live within 90 s of its time;
- the worker stopped (SIGSTOP: alive, silent) turns ``/healthz`` to 503 with
  ``"worker": "late"`` and puts the banner on the admin's pages; killed (SIGKILL), supervisord
  starts a new one and ``/healthz`` is 200 again.

These run in a pytest process of their own (``ISOLATED`` in scripts/run_tests.py).
"""

from __future__ import annotations

import email
import http.cookiejar
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import UTC, datetime, timedelta
from email import policy
from pathlib import Path

import pytest

from tests.paths import ROOT
from tests.ports import free_tcp_port

BIN = Path(sys.executable).parent / "treatydesk"
START_TIMEOUT = 600  # a loaded 2-core machine: init's queue, then gunicorn's start


def wait_for(what: str, check, timeout: float, interval: float = 0.5):
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout:.0f} s")
        time.sleep(interval)


class Site:
    """The served site: its address, its environment and a few ways to look at it."""

    def __init__(self, var: Path, port: int, env: dict, log: Path):
        self.var, self.port, self.env, self.log = var, port, env, log
        self.base = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen | None = None
        self.admin_password = ""

    def get(self, path: str, opener=None, data: dict | None = None):
        """Return (status, body text) of a GET, or a POST when ``data`` is given."""
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)  # noqa: S310 - loopback
        try:
            with (opener or urllib.request.build_opener()).open(request, timeout=30) as reply:
                return reply.status, reply.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None, ""

    def health(self) -> tuple[int | None, dict]:
        status, body = self.get("/healthz")
        return status, (json.loads(body) if body.startswith("{") else {})

    def sql(self, query: str, *params):
        with sqlite3.connect(self.var / "treatydesk.sqlite3", timeout=30) as db:
            return db.execute(query, params).fetchall()

    def shell(self, code: str) -> str:
        result = subprocess.run([str(BIN), "manage", "shell", "--no-imports", "-c", code],
                                env=self.env,
                                capture_output=True, text=True, timeout=180, check=False)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""

    def outbox_messages(self) -> list[bytes]:
        new = self.var / "outbox" / "new"
        return [p.read_bytes() for p in new.iterdir()] if new.is_dir() else []


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    var = tmp_path_factory.mktemp("var")
    port = free_tcp_port()
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("DJANGO_", "EMAIL_", "TREATYDESK_")) and key != "DATABASE_URL"}
    env.update(TREATYDESK_ENV="dev", TREATYDESK_VAR=str(var), TREATYDESK_HEARTBEAT_SECONDS="1",
               TREATYDESK_LATE_SECONDS="5", TREATYDESK_BASE_URL=f"http://127.0.0.1:{port}")
    log = var / "serve.log"
    served = Site(var, port, env, log)
    init = subprocess.run([str(BIN), "init"], env=env, capture_output=True, text=True,
                          timeout=1800, check=False, cwd=ROOT)
    assert init.returncode == 0, init.stderr
    served.admin_password = re.search(r"password: (\S+)", init.stdout).group(1)
    with open(log, "wb") as out:
        served.process = subprocess.Popen(
            [str(BIN), "serve", "--port", str(port), "--workers", "1"], env=env, stdout=out,
            stderr=subprocess.STDOUT, cwd=ROOT, start_new_session=True)
    try:
        wait_for("the site answering with a live worker and scheduler",
                 lambda: served.health()[0] == 200, START_TIMEOUT, 1)
        yield served
    finally:
        served.process.send_signal(signal.SIGTERM)
        try:
            served.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(served.process.pid, signal.SIGKILL)
            served.process.wait()


def test_serve_says_where_mail_goes(site):
    text = site.log.read_text(errors="replace")
    assert f"delivered to the Maildir {site.var / 'outbox'}/" in text


def test_a_subscription_is_confirmed_from_the_mail_in_the_outbox(site):
    address = f"reader-{uuid.uuid4().hex[:8]}@example.org"
    status, _ = site.get("/en/subscribe/", data={
        "email": address, "language": "en", "topics": ["notices"], "consent": "on"})
    assert status == 200

    def mail_to_reader():
        for raw in site.outbox_messages():
            message = email.message_from_bytes(raw, policy=policy.default)
            if message["To"] == address:
                return raw, message
        return None

    raw, message = wait_for("the confirmation in var/outbox", mail_to_reader, 30)
    assert raw.startswith(b"DKIM-Signature:")
    text = message.get_body(preferencelist=("plain",)).get_content()
    link = re.search(re.escape(site.base) + r"(/en/subscribe/confirm/[^/\s]+/)", text).group(1)
    status, page = site.get(link)
    assert status == 200 and "<form" in page
    status, _ = site.get(link, data={})
    assert status == 200
    assert site.sql("SELECT status FROM subscriptions_subscriber WHERE email = ?",
                    address) == [("active",)]


NEW_PAGE = """
from wagtail.models import Site
from treatydesk.newsroom.news.models import NewsIndexPage, NewsPage
from datetime import datetime
index = NewsIndexPage.objects.filter(locale__language_code="en").first()
page = index.add_child(instance=NewsPage(title="{title}", slug="{slug}", lead="{lead}",
                                         live={live}))
page.go_live_at = {go_live_at}
page.save_revision().publish()
print(page.get_url(request=None, current_site=Site.objects.get(is_default_site=True)))
"""


def test_a_page_published_is_found_by_search(site):
    word = "zq" + uuid.uuid4().hex[:10]
    site.shell(NEW_PAGE.format(title=f"Meeting on {word}", slug=word, live=True,
                               lead=f"The {word} workshop met.", go_live_at="None"))

    def found():
        status, page = site.get(f"/en/search/?q={word}")
        return status == 200 and f"/en/news/{word}/" in page

    wait_for("the new page in the search results", found, 30)


def test_a_page_scheduled_a_minute_ahead_goes_live(site):
    slug = "scheduled-" + uuid.uuid4().hex[:8]
    when = datetime.now(UTC) + timedelta(minutes=1)
    url = site.shell(NEW_PAGE.format(
        title="Scheduled", slug=slug, lead="Goes live later.", live=False,
        go_live_at=f"datetime.fromisoformat('{when.isoformat()}')"))
    path = urllib.parse.urlsplit(url).path
    assert site.get(path)[0] == 404
    seconds_left = (when - datetime.now(UTC)).total_seconds()
    wait_for("the scheduled page live", lambda: site.get(path)[0] == 200, seconds_left + 90, 2)
    assert datetime.now(UTC) >= when


def admin_opener(site):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    status, page = site.get("/admin/login/", opener)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    request = urllib.request.Request(  # noqa: S310 - loopback http
        site.base + "/admin/login/", headers={"Referer": site.base + "/admin/login/"},
        data=urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": "admin",
                                     "password": site.admin_password}).encode())
    with opener.open(request, timeout=30) as reply:
        assert "/admin/login/" not in reply.url
    return opener


def test_a_silent_worker_is_reported_and_a_killed_one_restarted(site):
    opener = admin_opener(site)
    status, dashboard = site.get("/admin/", opener)
    assert status == 200 and "td-system-banner" not in dashboard
    [(pid,)] = site.sql("SELECT pid FROM system_heartbeat WHERE name = 'worker'")
    os.kill(pid, signal.SIGSTOP)
    try:
        status, health = wait_for("/healthz saying the worker is late",
                                  lambda: (s := site.health())[0] == 503 and s, 30)
        assert health["worker"] == "late" and health["scheduler"] == "ok"
        status, page = site.get("/admin/pages/", opener)
        assert status == 200 and "td-system-banner" in page
    finally:
        os.kill(pid, signal.SIGKILL)

    def restarted():
        rows = site.sql("SELECT pid FROM system_heartbeat WHERE name = 'worker'")
        return rows and rows[0][0] != pid and site.health()[0] == 200

    wait_for("a new worker, and /healthz 200 again", restarted, 60, 1)
    assert "td-system-banner" not in site.get("/admin/", opener)[1]
