"""bench/mail.py runs, stops by itself, and prints both rates and their ratio."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.paths import BENCH as BENCH_DIR

BENCH = BENCH_DIR / "mail.py"


def test_bench_runs_a_small_count():
    result = subprocess.run(
        [sys.executable, str(BENCH), "--count", "40", "--rounds", "2"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert re.search(r"^unsigned\s+\d+ messages/s", out, re.M), out
    assert re.search(r"^signed\s+\d+ messages/s", out, re.M), out
    assert re.search(r"^ratio:\s+\d+\.\d\d signed/unsigned", out, re.M), out
    # Every message arrived: 40 per mode plus a warm-up of the same 40, twice.
    assert "received 160 of 160" in out, out
