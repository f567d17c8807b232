"""Benchmark the open data: API status, 304, the panel and a release, on the shipped registers.

Run: .venv/bin/python bench/opendata.py [--repeat 40]

Sets up a throwaway SQLite database (tables created without migrations, for speed) under a
temporary $TREATYDESK_VAR, imports the four shipped registers, then prints in one run:
- floor: ``/healthz`` through the same middleware stack (the cost of any request);
- baseline: the States Parties CSV download of the CCM on a day (what the site already had);
- API status: ``GET /api/v1/treaties/CCM/status?as_of=…``, a different day each time, no
  HTTP cache (target: median < 10 ms), and its ratio to the baseline;
- API 304: the same request with its ETag in If-None-Match (target: median < 2 ms);
- panel: 4 treaties × every State of the universe (~200) × 30 years, the API's function
  (target < 200 ms), and the core's ``panel_rows`` alone;
- release: ``make_release()`` of the four treaties, every file (target < 10 s).
The Django test client runs the whole middleware stack in-process (no sockets).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def setup_django(var: str) -> None:
    os.environ["TREATYDESK_VAR"] = var
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "treatydesk.settings.test")
    import django
    from django.conf import settings

    django.setup()
    settings.MIGRATION_MODULES = {config.label: None
                                  for config in django.apps.apps.get_app_configs()}
    settings.ALLOWED_HOSTS = ["*"]
    from django.db import connection

    connection.creation.create_test_db(verbosity=0, autoclobber=True)


def load_registers() -> None:
    from treatydesk.core import register as core
    from treatydesk.core.treaties import TREATIES_DIR
    from treatydesk.records.facts.actions import ImportRegister

    for code in core.treaty_codes():
        folder = TREATIES_DIR / code.lower()
        participants = folder / "participants.csv"
        withdrawals = folder / "withdrawals.csv"
        if not participants.exists():  # a treaty shipped without data has an empty register
            continue
        ImportRegister(
            code, (participants.read_text(), participants.name),
            (withdrawals.read_text(), withdrawals.name) if withdrawals.exists() else None,
            actor="bench").execute()


def timed_get(client, url: str, **headers) -> tuple[float, object]:
    start = time.perf_counter()
    response = client.get(url, **headers)
    return time.perf_counter() - start, response


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as var:
        setup_django(var)
        load_registers()
        from django.test import Client

        from treatydesk.api import resources
        from treatydesk.api.releases.build import make_release
        from treatydesk.core import opendata
        from treatydesk.core import register as core
        from treatydesk.records.facts.loading import current_register

        client = Client()
        days = [dt.date(2010, 1, 1) + dt.timedelta(days=37 * i) for i in range(args.repeat)]
        client.get("/api/v1/treaties/CCM/status")  # warm: the register built once
        client.get("/en/states-parties.csv")
        base = [timed_get(client, f"/en/states-parties.csv?as_of={d}")[0] for d in days]
        floor = [timed_get(client, "/healthz")[0] for _ in days]
        api = []
        tags = {}
        for d in days:
            seconds, response = timed_get(client, f"/api/v1/treaties/CCM/status?as_of={d}")
            if response.status_code != 200:
                raise SystemExit(f"status answered {response.status_code}")
            api.append(seconds)
            tags[d] = response["ETag"]
        not_modified = []
        for d in days:
            seconds, response = timed_get(client, f"/api/v1/treaties/CCM/status?as_of={d}",
                                          HTTP_IF_NONE_MATCH=tags[d])
            if response.status_code != 304:
                raise SystemExit(f"conditional request answered {response.status_code}")
            not_modified.append(seconds)

        codes = core.treaty_codes()
        registers = [current_register(code) for code in codes]
        states = opendata.universe({s for r in registers for s in r.states})
        panel_api, panel_core = [], []
        for _ in range(5):
            start = time.perf_counter()
            rows = resources.panel(codes, 1997, 2026)
            panel_api.append(time.perf_counter() - start)
            start = time.perf_counter()
            opendata.panel_rows(registers, states, 1997, 2026)
            panel_core.append(time.perf_counter() - start)
        start = time.perf_counter()
        release = make_release()
        release_seconds = time.perf_counter() - start
        files = sum(1 for p in release.path.rglob("*") if p.is_file())

        b = median_ms(base)
        print(f"floor: /healthz through the same middleware median {median_ms(floor):7.2f} ms")
        print(f"baseline: states-parties CSV of the CCM    median {b:7.2f} ms")
        s = median_ms(api)
        print(f"API status of the CCM (uncached, {len(days)} days)  median {s:7.2f} ms  "
              f"ratio {s / b:5.2f}  target < 10 ms")
        n = median_ms(not_modified)
        print(f"API status 304 (If-None-Match)            median {n:7.2f} ms  "
              f"ratio {n / b:5.2f}  target < 2 ms")
        p = median_ms(panel_api)
        print(f"panel {len(codes)} treaties × {len(states)} States × 30 years ({len(rows)} rows) "
              f"median {p:7.2f} ms  target < 200 ms (core alone {median_ms(panel_core):.2f} ms)")
        print(f"release of {len(codes)} treaties ({files} files)        {release_seconds:7.2f} s"
              f"   target < 10 s")


if __name__ == "__main__":
    main()
