"""The processes of a running site, and supervisord's configuration to run them together.

``PROCESSES`` is the one list: the Procfile at the top of the checkout says the same (a test
checks), for hosts that run Procfiles, and ``supervisord_config`` turns it into supervisord's
configuration for ``treatydesk serve``.

Why supervisord (docs/deploy.md, "The processes"): it restarts a process that dies (honcho, like
foreman, stops everything when one process exits), stops them all together on Ctrl-C or
SIGTERM, and is a pure-Python package from PyPI, installed in the venv with the rest.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

#: name → the arguments of the ``treatydesk`` command that runs it.
PROCESSES = {
    "web": ["serve", "--web-only"],
    "worker": ["worker"],
    "scheduler": ["scheduler"],
}


def treatydesk_command() -> str:
    return os.path.join(os.path.dirname(sys.executable), "treatydesk")


def commands(host: str, port: int, workers: int) -> dict[str, list[str]]:
    """Return each process's full command line."""
    web_options = ["--host", host, "--port", str(port), "--workers", str(workers),
                   "--no-collectstatic"]
    return {name: [treatydesk_command(), *args, *(web_options if name == "web" else [])]
            for name, args in PROCESSES.items()}


def supervisord_config(run_dir: Path, command_lines: dict[str, list[str]]) -> str:
    """Return supervisord's configuration: every process restarted when it dies, its output
    on supervisord's own, stopped with its children on SIGTERM."""
    sections = [
        "[supervisord]",
        "nodaemon=true",
        f"pidfile={run_dir / 'supervisord.pid'}",
        # Its own log goes to standard output only (nodaemon), with the processes' lines.
        "logfile=/dev/null",
        "logfile_maxbytes=0",
        "loglevel=info",
        f"childlogdir={run_dir}",
        "",
    ]
    for name, argv in command_lines.items():
        sections += [
            f"[program:{name}]",
            f"command={shlex.join(argv).replace('%', '%%')}",
            "autostart=true",
            "autorestart=true",
            "startsecs=2",
            "startretries=10",
            "stopsignal=TERM",
            "stopwaitsecs=20",
            "stopasgroup=true",
            "killasgroup=true",
            "redirect_stderr=true",
            "stdout_logfile=/dev/stdout",
            "stdout_logfile_maxbytes=0",
            "",
        ]
    return "\n".join(sections)
