"""Run the whole suite: on SQLite, on a throwaway PostgreSQL cluster, and in a browser, at once.

Usage: python scripts/run_tests.py [--in-turn] [--only STREAM[,STREAM]] [pytest arguments]

The suite runs as four streams, each a pytest process of its own, started together, every line
of output prefixed with its stream's name:

- ``sqlite``: every test but the two folders below, on SQLite;
- ``postgres``: the tests that use the test database, on PostgreSQL (a test that touches no
  database does the same thing on either, so it runs once, in the SQLite stream);
- ``browser``: ``tests/browser`` (Debian's chromium through Playwright), on SQLite: the tests
  are about pages, not the database;
- ``serve``: ``tests/cli/test_system_commands.py``, real ``treatydesk serve`` processes on a
  site of their own. It spends most of its time waiting for the scheduler's minute, so running
  it beside the others costs almost nothing.

Each stream prints its slowest 15 tests (``--durations=15``) and, at the end, its wall-clock
time and the CPU time its processes used. ``--in-turn`` runs the streams one after another;
``--only`` runs the named ones. The exit status is non-zero when a stream fails or collects no
test (pytest's status 5). The PostgreSQL stream is skipped, with the reason printed, only when
the machine has no PostgreSQL server binaries.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from treatydesk.testing.pgcluster import PostgresUnavailable, postgres_cluster  # noqa: E402

BROWSER = "tests/browser"
SERVE = "tests/cli/test_system_commands.py"
DURATIONS = "--durations=15"
#: Set in the PostgreSQL stream: tests/database_states.py then leaves out the tests that use
#: no test database (they ran in the SQLite stream).
DATABASE_TESTS_ONLY = "TREATYDESK_DATABASE_TESTS_ONLY"

print_lock = threading.Lock()


def say(prefix: str, line: str) -> None:
    with print_lock:
        sys.stdout.write(f"{prefix} {line}" if line.endswith("\n") else f"{prefix} {line}\n")
        sys.stdout.flush()


@dataclass
class Outcome:
    status: int
    seconds: float
    cpu_seconds: float


def run_pytest(prefix: str, args: list[str], env: dict) -> tuple[int, float]:
    """Run pytest with ``args``, each line of its output prefixed; return (status, CPU s)."""
    command = [sys.executable, "-m", "pytest", *args]
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        command, env={**env, "PYTHONUNBUFFERED": "1"}, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, bufsize=1,
    )
    for line in process.stdout:
        say(prefix, line)
    # wait4 gives the CPU time of pytest and of every process it waited for (servers, CLIs).
    _pid, wait_status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(wait_status)
    return process.returncode, usage.ru_utime + usage.ru_stime


def pytest_args(paths: list[str], extra: list[str]) -> list[str]:
    durations = [] if any(arg.startswith("--durations") for arg in extra) else [DURATIONS]
    return [*paths, *durations, *extra]


def run_stream(name: str, paths: list[str], extra: list[str], env: dict) -> Outcome:
    prefix = f"[{name}]"
    started = time.monotonic()
    status, cpu = run_pytest(prefix, pytest_args(paths, extra), env)
    outcome = Outcome(status, time.monotonic() - started, cpu)
    verdict = "passed" if status == 0 else f"FAILED (pytest exit status {status})"
    say(prefix, f"== {name} {verdict} in {clock(outcome.seconds)}, "
                f"CPU {outcome.cpu_seconds:.0f} s ==")
    return outcome


def sqlite_stream(extra: list[str], env: dict) -> Outcome:
    return run_stream("sqlite", [f"--ignore={BROWSER}", f"--ignore={SERVE}"], extra, env)


def postgres_stream(extra: list[str], env: dict) -> Outcome:
    try:
        cluster = postgres_cluster()
        url = cluster.__enter__()
    except PostgresUnavailable as reason:
        say("[postgres]", f"== PostgreSQL stream skipped: {reason} ==")
        return Outcome(0, 0.0, 0.0)
    try:
        say("[postgres]", f"== on PostgreSQL ({url}) ==")
        environment = {**env, "DATABASE_URL": url, DATABASE_TESTS_ONLY: "1"}
        return run_stream("postgres", [f"--ignore={BROWSER}", f"--ignore={SERVE}"], extra,
                          environment)
    finally:
        cluster.__exit__(None, None, None)


def browser_stream(extra: list[str], env: dict) -> Outcome:
    return run_stream("browser", [BROWSER], extra, env)


def serve_stream(extra: list[str], env: dict) -> Outcome:
    return run_stream("serve", [SERVE], extra, env)


STREAMS = {"sqlite": sqlite_stream, "postgres": postgres_stream, "browser": browser_stream,
           "serve": serve_stream}


def clock(seconds: float) -> str:
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes} min {rest} s"


def parse(argv: list[str]) -> tuple[bool, list[str], list[str]]:
    in_turn, names, extra = False, list(STREAMS), []
    arguments = iter(argv)
    for arg in arguments:
        if arg == "--in-turn":
            in_turn = True
        elif arg == "--only" or arg.startswith("--only="):
            value = arg.partition("=")[2] or next(arguments, "")
            names = [name for name in value.split(",") if name]
            unknown = sorted(set(names) - set(STREAMS))
            if unknown or not names:
                raise SystemExit(f"--only: streams are {', '.join(STREAMS)} (got {value!r})")
        else:
            extra.append(arg)
    return in_turn, names, extra


def main(argv: list[str]) -> int:
    in_turn, names, extra = parse(argv)
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.pop(DATABASE_TESTS_ONLY, None)
    started = time.monotonic()
    outcomes: dict[str, Outcome] = {}

    def run(name: str) -> None:
        outcomes[name] = STREAMS[name](extra, env)

    if in_turn:
        for name in names:
            run(name)
    else:
        threads = [threading.Thread(target=run, args=(name,)) for name in names]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    elapsed = clock(time.monotonic() - started)
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    summary = ", ".join(f"{name} {clock(outcomes[name].seconds)}" for name in names
                        if name in outcomes)
    failed = [name for name in names if outcomes.get(name, Outcome(1, 0, 0)).status != 0]
    print(f"== streams: {summary}; CPU {cpu.ru_utime + cpu.ru_stime:.0f} s in all ==")
    if failed:
        print(f"== FAILED: {', '.join(failed)} ({elapsed}) ==")
        return 1
    print(f"== All streams passed in {elapsed} ==")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
