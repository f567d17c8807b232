"""A site made by `treatydesk init` before the code moved into its present layout upgrades in
place with today's `treatydesk init`: every fact, page, account, key and queued task is kept.

The old site is tests/setup/files/var-9923a73.tar.xz, made by scripts/make_upgrade_fixture.py
from the commit before the move (its database, media files and DKIM key). The upgrade runs as a
real process on a copy, as an operator would run it."""

import os
import sqlite3
import subprocess
import sys
import tarfile

import pytest

from tests.paths import ROOT

FIXTURE = ROOT / "tests" / "setup" / "files" / "var-9923a73.tar.xz"
CLI = "import sys; from treatydesk.cli import main; sys.exit(main(sys.argv[1:]))"


def rows(database, query: str) -> list[tuple]:
    connection = sqlite3.connect(database)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def treatydesk(var, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "TREATYDESK_TODAY")}
    env.update(TREATYDESK_VAR=str(var), TREATYDESK_ENV="dev")
    return subprocess.run([sys.executable, "-c", CLI, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory):
    """The old site, and its state before and after today's `treatydesk init`."""
    folder = tmp_path_factory.mktemp("upgrade")
    with tarfile.open(FIXTURE) as tar:
        tar.extractall(folder, filter="data")
    var = folder / "var"
    database = var / "treatydesk.sqlite3"
    queries = {
        "facts": "SELECT id, treaty, state, state_name, kind, date, sequence, cn_reference, "
                 "source, note FROM registry_fact ORDER BY id",
        "pages": "SELECT id, title, slug, url_path, live, locale_id, translation_key, "
                 "content_type_id FROM wagtailcore_page ORDER BY id",
        "revisions": "SELECT COUNT(*) FROM wagtailcore_revision",
        "users": "SELECT username, password, is_superuser FROM auth_user ORDER BY id",
        "images": "SELECT id, title, file, credit FROM media_customimage ORDER BY id",
        "audit": "SELECT id, action, treaty, summary FROM registry_auditentry ORDER BY id",
        "tasks": "SELECT task_path, status FROM django_tasks_database_dbtaskresult "
                 "WHERE task_path LIKE 'treatydesk.%'",
    }
    before = {name: rows(database, query) for name, query in queries.items()}
    keys = {path.relative_to(var): path.read_bytes() for path in (var / "dkim").rglob("*")
            if path.is_file()}
    result = treatydesk(var, "init")
    after = {name: rows(database, query) for name, query in queries.items()}
    return {"var": var, "before": before, "after": after, "keys": keys, "init": result}


def test_the_upgrade_runs(upgraded):
    result = upgraded["init"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Treaty Desk is ready." in result.stdout
    assert "Created the administrator account" not in result.stdout  # the old one is kept


def test_every_fact_account_image_and_audit_entry_is_kept(upgraded):
    before, after = upgraded["before"], upgraded["after"]
    assert len(before["facts"]) > 500  # the CCM and APMBC registers
    for name in ("users", "images"):
        assert after[name] == before[name], name
    # The audit log keeps every entry; the only new ones are the imports of the registers newly
    # shipped as default content.
    assert after["audit"][:len(before["audit"])] == before["audit"]
    assert {entry[2] for entry in after["audit"][len(before["audit"]):]} <= {"ATT", "TPNW"}
    # Every fact is kept; the upgrade adds the registers newly shipped as default content (ATT
    # and TPNW, issue 12) for treaties that had none, and nothing else.
    kept = after["facts"][:len(before["facts"])]
    assert kept == before["facts"]
    assert {fact[1] for fact in after["facts"][len(before["facts"]):]} <= {"ATT", "TPNW"}


def test_every_page_is_kept(upgraded):
    before, after = upgraded["before"], upgraded["after"]
    assert len(before["pages"]) > 50
    assert after["pages"][:len(before["pages"])] == before["pages"]
    assert after["revisions"][0][0] >= before["revisions"][0][0]


def test_the_dkim_key_is_kept_and_still_used(upgraded):
    var = upgraded["var"]
    for path, content in upgraded["keys"].items():
        assert (var / path).read_bytes() == content
    listing = treatydesk(var, "mail", "keys", "--domain", "ccm.example")
    assert listing.returncode == 0, listing.stderr
    assert listing.stdout.startswith("s2026\trsa\tactive")


def test_queued_tasks_follow_the_code_they_run(upgraded):
    before = sorted(path for path, _status in upgraded["before"]["tasks"])
    after = sorted(path for path, _status in upgraded["after"]["tasks"])
    assert before == ["treatydesk.mailing.tasks.send_mailing",
                      "treatydesk.obligations.tasks.send_due_reminders",
                      "treatydesk.subscriptions.tasks.send_confirmation"]
    assert after == ["treatydesk.mail.mailings.tasks.send_mailing",
                     "treatydesk.mail.subscribers.tasks.send_confirmation",
                     "treatydesk.records.obligations.tasks.send_due_reminders"]
    from django.utils.module_loading import import_string

    for path in after:
        assert callable(import_string(path).func)


def test_the_upgraded_register_answers_as_before(upgraded):
    status = treatydesk(upgraded["var"], "status", "CCM", "--as-of", "2013-11-01",
                        "--format", "csv")
    assert status.returncode == 0, status.stderr
    iraq = next(line for line in status.stdout.splitlines() if line.startswith("Iraq,"))
    assert "2013-05-14" in iraq and "2013-11-01" in iraq and ",83," in iraq
