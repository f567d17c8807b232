"""Replacing a treaty's facts in one transaction: the one write of a whole register.

The CSV import (``actions.ImportRegister``) and the UNTC import (``untc_import``) both end
here: delete, insert, audit, renew the version, signal — all or nothing.
"""

from __future__ import annotations

from django.db import transaction

from treatydesk.core import register as core

from . import audit
from .loading import bump_version
from .models import Fact
from .signals import register_imported


def replace_facts(code: str, facts: list[core.Fact], description: str, *, user=None,
                  actor: str = "") -> tuple[int, int]:
    """Replace every fact of ``code`` with ``facts``; return (facts before, facts after)."""
    with transaction.atomic():
        before = [row.as_snapshot() for row in Fact.objects.filter(treaty=code).order_by("pk")]
        Fact.objects.filter(treaty=code).delete()
        rows = Fact.objects.bulk_create(
            Fact(treaty=code, state=f.state, state_name=f.state_name, kind=str(f.kind),
                 date=f.date, sequence=f.sequence, cn_reference=f.cn_reference,
                 source=f.source, note=f.note)
            for f in facts
        )
        audit.record(
            treaty=code, action=audit.Action.IMPORT,
            summary=f"{code}: {len(before)} facts replaced by {len(rows)} from {description}"[:255],
            user=user, actor=actor, before=before, after=[row.as_snapshot() for row in rows],
        )
        bump_version(code)
        register_imported.send(sender=Fact, treaty=code, user=user, actor=actor)
    return len(before), len(rows)
