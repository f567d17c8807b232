"""What the DMARC reports say: who sends as the domain, aligned or not, week by week."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Max, Min, Q, Sum
from django.db.models.functions import TruncWeek
from django.utils import timezone

from .models import Row


def rows_since(days: int, domain: str | None = None):
    rows = Row.objects.filter(report__begin__gte=timezone.now() - timedelta(days=days))
    return rows.filter(report__domain=domain) if domain else rows


def sources(rows) -> list[dict]:
    """Return one line per source address: messages, passing, failing, first and last seen."""
    return list(
        rows.values("source_ip")
        .annotate(total=Sum("count"), passed=Sum("count", filter=Q(passed=True)),
                  dkim=Sum("count", filter=Q(dkim_aligned=True)),
                  spf=Sum("count", filter=Q(spf_aligned=True)),
                  reports=Count("report", distinct=True),
                  first=Min("report__begin"), last=Max("report__end"),
                  signers=Max("dkim_domains"))
        .order_by("-total", "source_ip"))


def weeks(rows) -> list[dict]:
    """Return one line per week: messages that passed DMARC and messages that failed it."""
    lines = list(
        rows.annotate(week=TruncWeek("report__begin")).values("week")
        .annotate(total=Sum("count"), passed=Sum("count", filter=Q(passed=True)),
                  sources=Count("source_ip", distinct=True))
        .order_by("week"))
    for line in lines:
        line["passed"] = line["passed"] or 0
        line["failed"] = line["total"] - line["passed"]
        line["share"] = round(100 * line["passed"] / line["total"]) if line["total"] else 0
    return lines
