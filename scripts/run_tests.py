"""Run the whole suite on SQLite and on a throwaway PostgreSQL cluster, side by side.

Usage: python scripts/run_tests.py [--in-turn] [pytest arguments]

The two halves run at the same time, each in its own pytest processes (a machine has two
cores or more; each half is mostly one busy process), every line of output prefixed with its
half (``[sqlite]``, ``[postgres]``) so that both stay readable; ``--in-turn`` runs them one
after the other. Each half prints its slowest 15 tests (``--durations=15``). The exit status is
non-zero when either half fails, or collects no test (pytest's status 5). The PostgreSQL half
is skipped, with the reason printed, only when the machine has no PostgreSQL server binaries.
"""

import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from treatydesk.testing.pgcluster import PostgresUnavailable, postgres_cluster  # noqa: E402

# Tests that run in a pytest process of their own, after the others. Browser tests run in the
# SQLite half only: they test pages, not the database, and their live server shares the test
# database's connection, which a snapshot restore must not swap under it.
# tests/cli/test_system_commands.py runs `treatydesk serve` as processes on a site of its own
# (SQLite in a temporary TREATYDESK_VAR), so it runs once, in the SQLite half.
ISOLATED = ["tests/browser", "tests/cli/test_system_commands.py"]
SQLITE_ONLY = {"tests/browser", "tests/cli/test_system_commands.py"}
DURATIONS = "--durations=15"

print_lock = threading.Lock()


def say(prefix: str, line: str) -> None:
    with print_lock:
        sys.stdout.write(f"{prefix} {line}" if line.endswith("\n") else f"{prefix} {line}\n")
        sys.stdout.flush()


def run_pytest(prefix: str, args: list[str], env: dict) -> int:
    """Run pytest with ``args``, each line of its output prefixed; return its exit status."""
    command = [sys.executable, "-m", "pytest", *args]
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        command, env={**env, "PYTHONUNBUFFERED": "1"}, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, bufsize=1,
    )
    for line in process.stdout:
        say(prefix, line)
    return process.wait()


def run_half(prefix: str, extra: list[str], env: dict, *, postgres: bool) -> int:
    """Run the main pytest process, then the isolated folders; return the first failure."""
    durations = [] if any(arg.startswith("--durations") for arg in extra) else [DURATIONS]
    ignore = [f"--ignore={path}" for path in ISOLATED]
    started = time.monotonic()
    status = run_pytest(prefix, [*ignore, *durations, *extra], env)
    for path in ISOLATED:
        if status != 0:
            break
        if postgres and path in SQLITE_ONLY:
            continue
        status = run_pytest(prefix, [path, *durations, *extra], env)
    minutes, seconds = divmod(int(time.monotonic() - started), 60)
    verdict = "passed" if status == 0 else f"FAILED (pytest exit status {status})"
    say(prefix, f"== {prefix.strip('[]')} half {verdict} in {minutes} min {seconds} s ==")
    return status


def sqlite_half(extra: list[str], env: dict) -> int:
    say("[sqlite]", "== Test suite on SQLite ==")
    return run_half("[sqlite]", extra, env, postgres=False)


def postgres_half(extra: list[str], env: dict) -> int:
    try:
        cluster = postgres_cluster()
        url = cluster.__enter__()
    except PostgresUnavailable as reason:
        say("[postgres]", f"== PostgreSQL half skipped: {reason} ==")
        return 0
    try:
        say("[postgres]", f"== Test suite on PostgreSQL ({url}) ==")
        return run_half("[postgres]", extra, {**env, "DATABASE_URL": url}, postgres=True)
    finally:
        cluster.__exit__(None, None, None)


def main(argv: list[str]) -> int:
    in_turn = "--in-turn" in argv
    extra = [arg for arg in argv if arg != "--in-turn"]
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    started = time.monotonic()
    if in_turn:
        statuses = [sqlite_half(extra, env), postgres_half(extra, env)]
    else:
        statuses = [1, 1]

        def run(index, half):
            statuses[index] = half(extra, env)

        threads = [threading.Thread(target=run, args=(0, sqlite_half)),
                   threading.Thread(target=run, args=(1, postgres_half))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    minutes, seconds = divmod(int(time.monotonic() - started), 60)
    failed = [name for name, status in zip(("SQLite", "PostgreSQL"), statuses, strict=True)
              if status != 0]
    if failed:
        print(f"== FAILED: the {' and '.join(failed)} half ({minutes} min {seconds} s) ==")
        return 1
    print(f"== Both halves passed in {minutes} min {seconds} s ==")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
