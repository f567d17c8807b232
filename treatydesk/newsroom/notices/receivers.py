"""Connect the notices to the register's signals and to Wagtail's publishing."""

from django.dispatch import receiver
from wagtail.signals import page_published

from treatydesk.core import wording
from treatydesk.records.facts.signals import fact_deleted, fact_recorded, register_imported
from treatydesk.records.log.proofs import latest_entry

from .actions import DraftNotices, FactRemoved, RefreshNotices, RelinkNotices, flag
from .models import NoticePage, NoticeSource


@receiver(fact_recorded, dispatch_uid="notices.fact_recorded")
def draft_on_record(sender, fact, before=None, user=None, **kwargs):
    """Draft the notices of a new instrument or withdrawal; redraft them when it is corrected."""
    subject = wording.subject_of(fact.kind)
    source = NoticeSource.objects.filter(fact=fact).first()
    if source is not None and source.subject != subject:
        flag(NoticePage.objects.filter(source=source),
             "The register fact is no longer of the kind this notice announces.")
        source = None
    if subject is not None:
        DraftNotices(fact, user=user).execute()
        source = NoticeSource.objects.filter(fact=fact).first()
    RefreshNotices(fact.treaty, user=user, skip=source).execute()


@receiver(fact_deleted, dispatch_uid="notices.fact_deleted")
def flag_on_delete(sender, fact_id, snapshot, user=None, **kwargs):
    FactRemoved(snapshot, user=user).execute()
    RefreshNotices(snapshot["treaty"], user=user).execute()


@receiver(register_imported, dispatch_uid="notices.register_imported")
def relink_on_import(sender, treaty, user=None, **kwargs):
    RelinkNotices(treaty, user=user).execute()
    RefreshNotices(treaty, user=user).execute()


@receiver(page_published, sender=NoticePage, dispatch_uid="notices.page_published")
def clear_review_flag(sender, instance, **kwargs):
    """Publishing a notice is its review: the flag and its reason go, and the notice keeps the
    log entry about its fact as it is now, the one the published wording comes from (a later
    correction appends another entry, which the notice names only once republished)."""
    source = NoticeSource.objects.filter(pk=instance.source_id).first()
    entry = latest_entry(source.fact_id) if source is not None else None
    instance.log_index = entry.index if entry is not None else None
    NoticePage.objects.filter(pk=instance.pk).update(needs_review=False, review_reason="",
                                                     log_index=instance.log_index)
