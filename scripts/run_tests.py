"""Run the whole suite on SQLite, then on a throwaway PostgreSQL cluster.

Usage: python scripts/run_tests.py [pytest arguments]. The PostgreSQL half is skipped, with the
reason printed, only when the machine has no PostgreSQL server binaries. Browser tests run in
the SQLite half only: they test pages, not the database.
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from treatydesk.testing.pgcluster import PostgresUnavailable, postgres_cluster  # noqa: E402

# Tests that run in a pytest process of their own, after the others: they flush and restore the
# database (transactional tests) or start processes against it, and Django's per-process
# content-type cache would not match the database the next test meets. Browser tests run in
# the SQLite half only: they test pages, not the database.
# tests/cli/test_system_commands.py runs `treatydesk serve` on a site of its own (SQLite in a
# temporary TREATYDESK_VAR), so it runs once, in the SQLite half.
ISOLATED = ["tests/browser", "tests/mail/mailings/test_worker_crash.py",
            "tests/cli/test_system_commands.py"]
SQLITE_ONLY = {"tests/browser", "tests/cli/test_system_commands.py"}


def pytest(extra: list[str], env: dict, *, postgres: bool = False) -> int:
    ignore = [f"--ignore={path}" for path in ISOLATED]
    status = subprocess.call([sys.executable, "-m", "pytest", *ignore, *extra], env=env)  # noqa: S603
    for path in ISOLATED:
        if status != 0:
            break
        if postgres and path in SQLITE_ONLY:
            continue
        status = subprocess.call([sys.executable, "-m", "pytest", path, *extra], env=env)  # noqa: S603
    return status


def main() -> int:
    extra = sys.argv[1:]
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    print("== Test suite on SQLite ==", flush=True)
    status = pytest(extra, env)
    if status != 0:
        return status
    try:
        cluster = postgres_cluster()
        url = cluster.__enter__()
    except PostgresUnavailable as reason:
        print(f"== PostgreSQL half skipped: {reason} ==", flush=True)
        return 0
    try:
        print(f"== Test suite on PostgreSQL ({url}) ==", flush=True)
        return pytest(extra, {**env, "DATABASE_URL": url}, postgres=True)
    finally:
        cluster.__exit__(None, None, None)


if __name__ == "__main__":
    sys.exit(main())
