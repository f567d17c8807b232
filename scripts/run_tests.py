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

# Tests that start and kill worker processes against the test database run in a pytest process
# of their own: the transactional tests before them flush and restore the database, and
# Django's per-process content-type cache would not match it.
ISOLATED = ["tests/mail/mailings/test_worker_crash.py"]


def pytest(extra: list[str], env: dict) -> int:
    ignore = [f"--ignore={path}" for path in ISOLATED]
    status = subprocess.call([sys.executable, "-m", "pytest", *ignore, *extra], env=env)  # noqa: S603
    if status != 0:
        return status
    return subprocess.call([sys.executable, "-m", "pytest", *ISOLATED, *extra], env=env)  # noqa: S603


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
        return pytest([*extra, "-m", "not browser"], {**env, "DATABASE_URL": url})
    finally:
        cluster.__exit__(None, None, None)


if __name__ == "__main__":
    sys.exit(main())
