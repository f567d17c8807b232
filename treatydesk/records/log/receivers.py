"""Every change of the register's facts appends to the log, in the change's own transaction.

After the change commits, a checkpoint is signed if the last one is a minute old; otherwise the
scheduler's ``sign_checkpoint_if_due`` signs it later (docs/transparency.md).
"""

from django.db import transaction
from django.dispatch import receiver

from treatydesk.records.facts.signals import fact_deleted, fact_recorded, register_imported

from . import store
from .signing import sign_checkpoint_if_due


def _sign_after_commit():
    transaction.on_commit(sign_checkpoint_if_due)


@receiver(fact_recorded, dispatch_uid="registerlog.fact_recorded")
def log_recorded(sender, fact, before=None, reason="", **kwargs):
    if fact.is_draft:  # not public until published, which records it then
        return
    store.append([{"change": "corrected" if before else "recorded", "treaty": fact.treaty,
                   "fact_id": fact.pk, "fact": fact.as_snapshot(), "reason": reason}])
    _sign_after_commit()


@receiver(fact_deleted, dispatch_uid="registerlog.fact_deleted")
def log_deleted(sender, fact_id, snapshot, reason="", draft=False, **kwargs):
    if draft:  # a draft never reached the log
        return
    store.append([{"change": "deleted", "treaty": snapshot["treaty"], "fact_id": fact_id,
                   "fact": snapshot, "reason": reason}])
    _sign_after_commit()


@receiver(register_imported, dispatch_uid="registerlog.register_imported")
def log_imported(sender, treaty, replaced=(), facts=(), source="", **kwargs):
    why = f"replaced by the import of {source}" if source else "replaced by an import"
    store.append(
        [{"change": "deleted", "treaty": treaty, "fact_id": pk, "fact": values, "reason": why}
         for pk, values in replaced]
        + [{"change": "imported", "treaty": treaty, "fact_id": row.pk,
            "fact": row.as_snapshot(), "reason": f"imported from {source}" if source else ""}
           for row in facts]
    )
    _sign_after_commit()
