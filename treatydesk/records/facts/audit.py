"""The one audit log of editorial changes to the records: register facts and obligation facts.

Every action that changes a record (``records.facts.actions``, ``records.obligations.actions``)
writes one ``AuditEntry`` in the same transaction: who, when, which record (its model label and
key), a summary, and the values before and after. Pages keep Wagtail's own history.
"""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.forms.models import model_to_dict

from .models import AuditEntry

Action = AuditEntry.Action


def actor_name(user, actor: str | None = None) -> str:
    """Return who made a change: the given name, else the signed-in user's, else "system"."""
    if actor:
        return actor
    if user is not None and getattr(user, "is_authenticated", False):
        return user.get_username()
    return "system"


def snapshot(instance) -> dict:
    """Return a record's stored values as JSON-ready data (dates as ISO strings)."""
    if hasattr(instance, "as_snapshot"):
        return instance.as_snapshot()
    values = model_to_dict(instance)
    values["id"] = instance.pk
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def record(*, instance=None, treaty: str, action: str, summary: str, user=None,
           actor: str | None = None, before=None, after=None, object_id=None) -> AuditEntry:
    """Write one audit entry; call inside the transaction that makes the change."""
    subject = instance._meta.label_lower if instance is not None else "registry.fact"
    return AuditEntry.objects.create(
        user=user if getattr(user, "pk", None) else None,
        actor=actor_name(user, actor),
        treaty=treaty,
        action=action,
        subject=subject,
        fact_id=object_id if object_id is not None else getattr(instance, "pk", None),
        summary=str(summary)[:255],
        before=before,
        after=after,
    )
