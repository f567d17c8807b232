"""A throwaway PostgreSQL cluster started from the machine's binaries (for tests and benches).

As root, the server runs as the ``postgres`` system user, since PostgreSQL refuses to run as
root. The cluster lives in a temporary directory, listens on loopback only, trusts local
connections (it holds nothing but test data) and is removed when stopped.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SEARCH_DIRS = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin",
               "/usr/lib/postgresql/15/bin", "/usr/local/bin", "/usr/bin"]


class PostgresUnavailable(Exception):
    """No PostgreSQL server binaries on this machine."""


def find_binaries() -> Path:
    """Return the folder holding ``initdb``, ``pg_ctl`` and ``postgres``."""
    for folder in [os.environ.get("PG_BINDIR", ""), *SEARCH_DIRS]:
        if folder and all((Path(folder) / name).exists() for name in ("initdb", "pg_ctl",
                                                                       "postgres")):
            return Path(folder)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise PostgresUnavailable("no PostgreSQL server binaries (initdb, pg_ctl, postgres) found")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--", *command]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(command)]


@contextlib.contextmanager
def postgres_cluster(dbname: str = "treatydesk"):
    """Start a cluster, yield its ``DATABASE_URL``, and stop and remove it afterwards."""
    bindir = find_binaries()
    workdir = Path(tempfile.mkdtemp(prefix="treatydesk-pg-"))
    datadir = workdir / "data"
    port = _free_port()
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres", "postgres")
    run = {"check": True, "stdout": subprocess.PIPE, "stderr": subprocess.STDOUT}
    try:
        subprocess.run(  # noqa: S603 - fixed argv built from known binaries
            _as_server_user([str(bindir / "initdb"), "-D", str(datadir), "-U", "postgres",
                             "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]),
            **run,
        )
        options = f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(  # noqa: S603
            _as_server_user([str(bindir / "pg_ctl"), "-D", str(datadir), "-o", options,
                             "-l", str(workdir / "server.log"), "-w", "start"]),
            **run,
        )
        subprocess.run(  # noqa: S603
            _as_server_user([str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port),
                             "-U", "postgres", dbname]),
            **run,
        )
        yield f"postgres://postgres@127.0.0.1:{port}/{dbname}"
    finally:
        if (datadir / "postmaster.pid").exists():
            subprocess.run(  # noqa: S603
                _as_server_user([str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "fast",
                                 "stop"]),
                check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
        shutil.rmtree(workdir, ignore_errors=True)
