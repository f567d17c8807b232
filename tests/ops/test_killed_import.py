"""An import killed half-way leaves the register exactly as it was.

A ``treatydesk import`` runs in a child process; a receiver of ``register_imported`` (sent
inside the import's transaction, after every row is written) tells the test and then waits, and
the test kills the child with SIGKILL: no handler, no clean-up, as when a machine loses power.
"""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from django.db import connection

from tests.conftest import shipped

pytestmark = pytest.mark.django_db(transaction=True)

CHILD = textwrap.dedent("""
    import os, sys, time
    from treatydesk.cli.django_setup import setup
    setup()
    from treatydesk.records.facts.signals import register_imported

    def stop_here(**kwargs):
        # Every fact of the file is written, the transaction is still open.
        with open(os.environ["MARKER"], "w") as marker:
            marker.write("inside the transaction")
        time.sleep(600)

    register_imported.connect(stop_here)
    from treatydesk.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def register_state():
    from treatydesk.records.facts.models import AuditEntry, Fact, RegisterVersion

    return (
        [(fact.pk, fact.as_snapshot()) for fact in Fact.objects.order_by("pk")],
        sorted(RegisterVersion.objects.values_list("treaty", "version")),
        AuditEntry.objects.count(),
    )


def database_url_for_child(tmp_path) -> str:
    """Return a DATABASE_URL the child can open: the test database, or a file copy of it."""
    if connection.vendor == "sqlite":
        from treatydesk.ops import sqlite

        copy = tmp_path / "register.sqlite3"
        sqlite.dump(connection, copy)  # the test database lives in memory
        return f"sqlite:///{copy}"
    config = connection.settings_dict
    return (f"postgres://{config['USER']}:{config.get('PASSWORD') or ''}@{config['HOST']}:"
            f"{config['PORT']}/{config['NAME']}")


def test_an_import_killed_inside_its_transaction_changes_nothing(tmp_path):
    from treatydesk.records.facts.actions import ImportRegister

    ImportRegister("CCM", shipped("ccm", "participants.csv"), shipped("ccm", "withdrawals.csv"),
                   actor="test").execute()
    before = register_state()
    # The file to import: the register without its last ten states, so the import would
    # delete and rewrite facts if it were allowed to finish.
    text, _name = shipped("ccm", "participants.csv")
    smaller = tmp_path / "participants.csv"
    smaller.write_text("\n".join(text.splitlines()[:-10]) + "\n", encoding="utf-8")

    marker = tmp_path / "marker"
    env = {**os.environ, "DATABASE_URL": database_url_for_child(tmp_path),
           "MARKER": str(marker)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, "import", "CCM", str(smaller)],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 300
        while not marker.exists():
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "the import never reached its transaction"
            time.sleep(0.05)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL

    if connection.vendor == "sqlite":
        from treatydesk.ops import sqlite

        # Read back what the killed process left in its database file.
        sqlite.load(tmp_path / "register.sqlite3", connection)
    assert register_state() == before
