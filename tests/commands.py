"""The ``treatydesk`` command run in this process, for tests about what a command does.

A real process costs a second or two of start-up (Python, Django, the apps); tests about what a
command prints, returns or changes call ``treatydesk.cli.main`` with its arguments instead,
on the test's own database, and get its exit code and output as a user would see them. Tests
about the process itself (a killed import, the mail worker's crash, ``serve``, settings read at
start-up, a database never set up) run the installed command in a process of its own.
"""

from __future__ import annotations

import contextlib
import io
import sys
from dataclasses import dataclass


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def returncode(self) -> int:
        return self.code


def treatydesk(*args: str, stdin: str | bytes | None = None) -> Result:
    """Run ``treatydesk ARGS…`` in this process; return its exit code, stdout and stderr."""
    from treatydesk.cli import main

    out, err = io.StringIO(), io.StringIO()
    data = stdin.encode() if isinstance(stdin, str) else (stdin or b"")
    stdin_stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")  # with .buffer
    saved_stdin = sys.stdin
    sys.stdin = stdin_stream
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main([str(arg) for arg in args])
            except SystemExit as leaving:  # argparse's errors and --help
                code = leaving.code if isinstance(leaving.code, int) else (
                    0 if leaving.code is None else 1)
                if isinstance(leaving.code, str):
                    err.write(leaving.code)
    finally:
        sys.stdin = saved_stdin
    return Result(code or 0, out.getvalue(), err.getvalue())
