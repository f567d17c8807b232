"""The API's status of the CCM equals ``treatydesk status CCM --as-of`` on every day tested.

Days: the opening for signature, every day a State's entry into force falls on (and the day
before), the treaty's entry into force, a seeded sample of days up to today, and today. The
command runs in-process (``treatydesk.cli.main``) on the same test database.
"""

import datetime as dt
import json
import random

import pytest

from treatydesk.cli import main
from treatydesk.core import clock

pytestmark = pytest.mark.django_db


def cli_status(capsys, day: dt.date) -> list[dict]:
    capsys.readouterr()
    assert main(["status", "CCM", "--as-of", day.isoformat(), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def days_to_check(register) -> list[dt.date]:
    today = clock.today()
    first = dt.date(2008, 12, 3)
    eif_days = {r.entry_into_force.date for r in register.participants(today)
                if r.entry_into_force and r.entry_into_force.date}
    eif_days.add(register.treaty_entry_into_force.date)
    around = {d - dt.timedelta(days=1) for d in eif_days}
    rng = random.Random(14)
    span = (today - first).days
    sample = {first + dt.timedelta(days=rng.randrange(span + 1)) for _ in range(40)}
    return sorted(d for d in eif_days | around | sample | {first, today} if first <= d <= today)


def test_api_status_equals_the_command_line_on_every_day_checked(client, capsys, fresh_site):
    from treatydesk.records.facts.loading import current_register

    days = days_to_check(current_register("CCM"))
    assert len(days) > 100
    for day in days:
        expected = cli_status(capsys, day)
        response = client.get(f"/api/v1/treaties/CCM/status?as_of={day.isoformat()}")
        assert response.status_code == 200
        api_rows = response.json()["participants"]
        assert [r["iso3"] for r in api_rows] == [r["iso3"] for r in expected], day
        for api_row, cli_row in zip(api_rows, expected, strict=True):
            wanted = {key: (None if value == "" else value) for key, value in cli_row.items()}
            assert {key: api_row[key] for key in wanted} == wanted, (day, cli_row["iso3"])
