"""The obligations page's summaries: per obligation and year, and per State.

The page opens with these (a few hundred cells, not one row per deadline); the detail is
paged and the downloads keep every deadline.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from treatydesk.core import obligations as core
from treatydesk.records.status.localize import country_name, long_date

from .present import obligation_label, status_label

#: The columns of the summaries, in the order a reader weighs them.
COLUMNS = ("met-on-time", "met-late", "overdue", "no-report-recorded", "not-known",
           "not-applicable", "due", "upcoming")


def columns(present: set[str]) -> list[dict]:
    """Return the summary columns that have a figure somewhere, with their labels."""
    return [{"status": status, "label": status_label(status)}
            for status in COLUMNS if status in present]


def by_obligation_and_year(deadlines, filters) -> dict:
    """Return, per obligation, one row per year due with the count of each status."""
    tally: dict = defaultdict(Counter)
    present: set[str] = set()
    for deadline in deadlines:
        if not deadline.is_current or not filters.keep(deadline):
            continue
        status = str(deadline.status)
        tally[(deadline.obligation, deadline.due.date.year)][status] += 1
        present.add(status)
    cols = columns(present)
    groups: dict = defaultdict(list)
    for (obligation, year), counter in sorted(tally.items()):
        groups[obligation].append({"year": year,
                                   "cells": [counter.get(c["status"], 0) for c in cols]})
    return {"columns": cols,
            "groups": [{"label": obligation_label(kind), "rows": rows}
                       for kind, rows in groups.items()]}


def by_state(deadlines, filters, day, lang: str) -> dict:
    """Return one row per State: its deadlines by status and its next deadline."""
    tally: dict = defaultdict(Counter)
    names: dict = {}
    following: dict = {}
    present: set[str] = set()
    for deadline in deadlines:
        if not deadline.is_current or not filters.keep(deadline):
            continue
        status = str(deadline.status)
        tally[deadline.state][status] += 1
        present.add(status)
        names[deadline.state] = deadline.state_name
        if deadline.due.date >= day and deadline.status in (
                core.DeadlineStatus.UPCOMING, core.DeadlineStatus.DUE):
            best = following.get(deadline.state)
            if best is None or deadline.due.date < best.due.date:
                following[deadline.state] = deadline
    cols = columns(present)
    rows = []
    for state, counter in tally.items():
        nxt = following.get(state)
        rows.append({
            "state": state,
            "name": country_name(state, lang, names[state]),
            "cells": [counter.get(c["status"], 0) for c in cols],
            "next": nxt and {"date": nxt.due.date, "text": long_date(nxt.due.date, lang),
                             "obligation": obligation_label(nxt.obligation)},
        })
    rows.sort(key=lambda row: row["name"].casefold())
    return {"columns": cols, "rows": rows}
