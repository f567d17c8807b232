"""Make tests/setup/files/var-<commit>.tar.xz: a site as `treatydesk init` left it at an older
commit, for the test that upgrades it in place (tests/setup/test_upgrade.py).

Usage: python scripts/make_upgrade_fixture.py COMMIT. Runs that commit's code (from
`git archive`) with this checkout's virtual environment: `treatydesk init`, a DKIM key
(`mail keygen`), and one queued task of each kind the site had, then packs the var folder
(database, media, DKIM keys; not the page cache).
"""

import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "setup" / "files"

QUEUE_TASKS = """
import django
django.setup()
from treatydesk.subscriptions.tasks import send_confirmation
from treatydesk.mailing.tasks import send_mailing
from treatydesk.obligations.tasks import send_due_reminders
send_confirmation.enqueue(1)
send_mailing.enqueue(1)
send_due_reminders.enqueue("2026-11-30")
"""


def run(source: Path, env: dict, *args: str) -> None:
    subprocess.run([sys.executable, *args], cwd=source, env=env, check=True)  # noqa: S603


def main(commit: str) -> int:
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        source, var = work / "source", work / "var"
        source.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit],  # noqa: S603,S607
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)  # noqa: S603,S607
        env = {**os.environ, "PYTHONPATH": str(source), "TREATYDESK_VAR": str(var),
               "DJANGO_SETTINGS_MODULE": "treatydesk.settings.dev"}
        env.pop("DATABASE_URL", None)
        cli = "import sys; from treatydesk.cli import main; sys.exit(main(sys.argv[1:]))"
        run(source, env, "-c", cli, "init")
        run(source, env, "-c", cli, "mail", "keygen", "--domain", "ccm.example",
            "--selector", "s2026")
        run(source, env, "-c", QUEUE_TASKS)
        vacuum = "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('VACUUM')"
        run(source, env, "-c", vacuum, str(var / "treatydesk.sqlite3"))
        OUT.mkdir(parents=True, exist_ok=True)
        target = OUT / f"var-{commit[:7]}.tar.xz"
        with tarfile.open(target, "w:xz") as tar:
            tar.add(var, arcname="var", filter=lambda info: None
                    if info.name.startswith("var/cache") else info)
    print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "9923a73"))
