"""``treatydesk init``: the log's key, its first entries and its first checkpoint.

A register loaded before the log existed (an upgraded installation) gets one ``imported`` entry
for each fact no entry records yet, in the order of their ids; a new installation's registers
were logged by their import already, and nothing is added.
"""

from __future__ import annotations

from django.db import transaction

from treatydesk.records.facts.models import Fact

from . import store
from .models import LogEntry
from .signing import ensure_key, sign_checkpoint

BACKFILL_REASON = "in the register before its log began"


def backfill() -> int:
    """Append an entry for every fact the log does not hold; return how many."""
    with transaction.atomic():
        logged = set(LogEntry.objects.values_list("fact_id", flat=True))
        rows = Fact.objects.exclude(pk__in=logged).order_by("pk") if logged else \
            Fact.objects.order_by("pk")
        return len(store.append(
            {"change": "imported", "treaty": row.treaty, "fact_id": row.pk,
             "fact": row.as_snapshot(), "reason": BACKFILL_REASON}
            for row in rows))


def initialise_log(out) -> None:
    ensure_key(out)
    added = backfill()
    if added:
        out.write(f"Logged {added} facts the register held before its log began.\n")
    sign_checkpoint()
