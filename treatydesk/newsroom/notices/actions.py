"""Notices follow the register: drafting, redrafting and flagging, as action objects.

``DraftNotices`` drafts the pages announcing one fact (English, French, Spanish), or redrafts
them when the fact changes; ``RefreshNotices`` brings every notice of a treaty in line with the
register (an earlier deposit recorded late shifts the ordinals after it); ``FactRemoved`` marks
the notices of a deleted fact, which then cannot be published; ``RelinkNotices`` re-attaches
notices to the facts an import re-created. Drafts are updated in place (a new revision); a
published notice is never changed behind the editors' backs: it gets a new draft revision and is
flagged for review. Each action runs inside the register change that triggered it.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Revision, WorkflowState

from treatydesk.core import clock, wording
from treatydesk.core import register as core
from treatydesk.media.models import CustomDocument
from treatydesk.records.facts.loading import current_register, register_for
from treatydesk.records.facts.models import Fact

from .models import NoticeIndexPage, NoticePage, NoticeSource, NoticeSubject

logger = logging.getLogger(__name__)

def notice_indexes() -> dict[str, NoticeIndexPage]:
    """Return the notice index of each language that has one, by language code."""
    indexes = {}
    for index in NoticeIndexPage.objects.select_related("locale").order_by("path"):
        indexes.setdefault(index.locale.language_code, index)
    return {code: index for code, index in indexes.items() if code in wording.LANGUAGES}


def act_date(fact: Fact) -> dt.date:
    """Return the day a notice about ``fact`` speaks from (the deposit or notification)."""
    return fact.date or clock.today()


def drafted_texts(source: NoticeSource, register: core.Register) -> dict[str, str] | None:
    """Return the notice of ``source`` in each language, or None when the register cannot say."""
    fact = source.fact
    record = register.participant(source.state)
    if fact is None or record is None:
        return None
    if source.subject == NoticeSubject.CONSENT and record.instrument is None:
        return None
    try:
        return wording.notice_texts(register.treaty, record, about=source.subject,
                                    today=act_date(fact))
    except (KeyError, ValueError) as error:
        logger.warning("no notice text for %s: %s", source, error)
        return None


def describe_change(before: dict | None, after: dict) -> str:
    """Return what changed between two fact snapshots, in words, for the review note."""
    if not before:
        return ""
    changes = [f"{name} {before.get(name) or '—'} → {after.get(name) or '—'}"
               for name in ("kind", "date", "sequence", "cn_reference", "state")
               if before.get(name) != after.get(name)]
    return "; ".join(changes)


def find_instrument(fact: Fact):
    """Return the library document whose symbol is the fact's C.N. reference, if one is there."""
    if not fact.cn_reference:
        return None
    return CustomDocument.objects.filter(symbol=fact.cn_reference).order_by("pk").first()


def flag(pages, reason: str) -> None:
    """Mark notice pages as needing review and say why."""
    NoticePage.objects.filter(pk__in=[page.pk for page in pages]).update(
        needs_review=True, review_reason=reason[:500])


def _unique_slug(index, slug: str) -> str:
    siblings = set(index.get_children().values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in siblings:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


class DraftNotices:
    """Draft the notices announcing one fact, or bring its existing notices up to date."""

    def __init__(self, fact: Fact, user=None, reason: str = ""):
        self.fact = fact
        self.user = user if getattr(user, "pk", None) else None
        self.reason = reason

    def source(self) -> NoticeSource | None:
        """Return the notice source of the fact, re-attaching an orphan one, or a new one."""
        subject = wording.subject_of(self.fact.kind)
        if subject is None:
            return None
        source = NoticeSource.objects.filter(fact=self.fact).first()
        if source is None:
            source = (NoticeSource.objects
                      .filter(treaty=self.fact.treaty, state=self.fact.state, subject=subject,
                              fact__isnull=True)
                      .order_by("-pk").first())
            if source is not None:
                source.fact = self.fact
                source.fact_deleted_at = None
                self.reason = self.reason or _("The fact was recorded again in the register.")
        if source is None:
            source = NoticeSource(treaty=self.fact.treaty, state=self.fact.state,
                                  subject=subject)
        return source

    @transaction.atomic
    def execute(self) -> list[NoticePage]:
        indexes = notice_indexes()
        if not indexes:
            logger.info("no notice index: notices for %s not drafted", self.fact)
            return []
        source = self.source()
        if source is None:
            return []
        register = register_for(self.fact)  # a draft's notices speak of it as published
        source.fact = self.fact
        texts = drafted_texts(source, register)
        if texts is None:
            return []
        snapshot = self.fact.as_snapshot()
        change = describe_change(source.fact_snapshot, snapshot)
        source.fact_snapshot = snapshot
        source.save()
        pages = []
        existing = {page.locale.language_code: page
                    for page in NoticePage.objects.filter(source=source).select_related("locale")}
        for lang, index in indexes.items():
            page = existing.get(lang)
            if page is None:
                pages.append(self.create(source, index, lang, texts[lang]))
            else:
                reason = self.reason or (
                    _("The register fact changed (%(change)s).") % {"change": change}
                    if change else _("The register changed."))
                pages.append(update_page(page, texts[lang], self.fact, reason, self.user,
                                         fact_changed=bool(change or self.reason)))
        return pages

    def create(self, source: NoticeSource, index, lang: str, sentence: str) -> NoticePage:
        fact = self.fact
        slug = slugify(f"{core.country_name(fact.state, 'en')} {fact.kind} "
                       f"{fact.date.isoformat() if fact.date else ''}".replace("_", " "))
        page = NoticePage(
            title=wording.notice_title(fact.kind, fact.state, fact.state_name, lang),
            slug=_unique_slug(index, slug or "notice"),
            locale=index.locale,
            translation_key=source.translation_key,
            source=source,
            date=act_date(fact),
            text=sentence,
            generated_text=sentence,
            instrument=find_instrument(fact),
            live=False,
            has_unpublished_changes=True,
            owner=self.user,
        )
        index.add_child(instance=page)
        page.save_revision(user=self.user, log_action=False)
        log(instance=page, action="treatydesk.notices.drafted", user=self.user,
            data={"fact": fact.pk})
        return page


def update_page(page: NoticePage, sentence: str, fact: Fact, reason: str, user=None,
                fact_changed: bool = False) -> NoticePage:
    """Put ``sentence`` in a new draft revision of ``page``; flag the page if it is live.

    A live notice is flagged when its wording changes, and also when its own fact was corrected
    without changing the wording (a C.N. reference, a source): an editor checks it either way.
    """
    if sentence == page.generated_text and page.date == act_date(fact):
        if fact_changed and page.live:
            flag([page], reason)
            log(instance=page, action="treatydesk.notices.flagged", user=user,
                data={"reason": reason})
        return page
    draft = page.get_latest_revision_as_object()
    draft.text = sentence
    draft.date = act_date(fact)
    draft.generated_text = sentence
    if draft.instrument_id is None:
        draft.instrument = find_instrument(fact)
    if not page.live:
        # A draft that was never published simply takes the new wording.
        draft.save()
        draft.save_revision(user=user, log_action=False)
        NoticePage.objects.filter(pk=page.pk).update(generated_text=sentence)
        log(instance=draft, action="treatydesk.notices.redrafted", user=user,
            data={"reason": reason})
        return draft
    draft.save_revision(user=user, log_action=False)
    NoticePage.objects.filter(pk=page.pk).update(generated_text=sentence)
    flag([page], reason)
    log(instance=page, action="treatydesk.notices.flagged", user=user, data={"reason": reason})
    return page


class RefreshNotices:
    """Redraft every notice of a treaty whose wording the register no longer supports."""

    def __init__(self, treaty: str, user=None, skip: NoticeSource | None = None):
        self.treaty = treaty
        self.user = user if getattr(user, "pk", None) else None
        self.skip = skip

    @transaction.atomic
    def execute(self) -> int:
        sources = (NoticeSource.objects.filter(treaty=self.treaty, fact__isnull=False)
                   .select_related("fact"))
        if self.skip is not None and self.skip.pk:
            sources = sources.exclude(pk=self.skip.pk)
        sources = list(sources)
        if not sources:
            return 0
        published = current_register(self.treaty)
        pages_by_source = {}
        for page in (NoticePage.objects.filter(source__in=sources).select_related("locale")):
            pages_by_source.setdefault(page.source_id, []).append(page)
        changed = 0
        for source in sources:
            register = register_for(source.fact) if source.fact.is_draft else published
            texts = drafted_texts(source, register)
            pages = pages_by_source.get(source.pk, [])
            if texts is None:
                flag([page for page in pages if not page.needs_review],
                     _("The register no longer shows this act for this State."))
                continue
            for page in pages:
                sentence = texts.get(page.locale.language_code)
                if sentence is None or sentence == page.generated_text:
                    continue
                update_page(page, sentence, source.fact,
                            _("Another change in the register alters this notice (for "
                              "example, the order of deposit)."), self.user)
                changed += 1
        return changed


class FactRemoved:
    """Mark the notices of a deleted fact: flagged, unschedulable and unpublishable."""

    def __init__(self, snapshot: dict, user=None):
        self.snapshot = snapshot
        self.user = user if getattr(user, "pk", None) else None

    @transaction.atomic
    def execute(self) -> list[NoticePage]:
        subject = wording.subject_of(self.snapshot["kind"])
        if subject is None:
            return []
        sources = list(NoticeSource.objects.filter(
            treaty=self.snapshot["treaty"], state=self.snapshot["state"], subject=subject,
            fact__isnull=True, fact_deleted_at__isnull=True))
        if not sources:
            return []
        NoticeSource.objects.filter(pk__in=[s.pk for s in sources]).update(
            fact_deleted_at=timezone.now())
        pages = list(NoticePage.objects.filter(source__in=sources))
        withdraw_scheduling(pages, self.user)
        flag(pages, _("The register fact this notice announces was deleted. It cannot be "
                      "published; unpublish it if it is live."))
        for page in pages:
            log(instance=page, action="treatydesk.notices.flagged", user=self.user,
                data={"reason": "fact deleted"})
        return pages


def withdraw_scheduling(pages, user=None) -> None:
    """Cancel scheduled publication and moderation of ``pages``."""
    ids = [str(page.pk) for page in pages]
    Revision.objects.filter(
        base_content_type__app_label="wagtailcore", object_id__in=ids,
        approved_go_live_at__isnull=False,
    ).update(approved_go_live_at=None)
    cancel_reviews(pages, user)


def cancel_reviews(pages, user=None) -> None:
    """Cancel the workflows in progress on ``pages`` (as Wagtail does when one is published)."""
    ids = [str(page.pk) for page in pages]
    for state in WorkflowState.objects.active().filter(
            base_content_type__app_label="wagtailcore", object_id__in=ids):
        state.cancel(user=user)


class RelinkNotices:
    """After an import replaced a treaty's facts, attach each notice to its new fact."""

    def __init__(self, treaty: str, user=None):
        self.treaty = treaty
        self.user = user if getattr(user, "pk", None) else None

    @transaction.atomic
    def execute(self) -> int:
        orphans = list(NoticeSource.objects.filter(treaty=self.treaty, fact__isnull=True,
                                                   fact_deleted_at__isnull=True))
        if not orphans:
            return 0
        facts: dict[tuple[str, str], list[Fact]] = {}
        for fact in Fact.objects.filter(treaty=self.treaty).order_by("date", "pk"):
            subject = wording.subject_of(fact.kind)
            if subject:
                facts.setdefault((fact.state, subject), []).append(fact)
        relinked = 0
        for source in orphans:
            candidates = facts.get((source.state, source.subject), [])
            wanted = source.fact_snapshot.get("date")
            match = next((f for f in candidates if f.date and f.date.isoformat() == wanted),
                         candidates[0] if candidates else None)
            if match is None:
                FactRemoved({**source.fact_snapshot, "treaty": source.treaty,
                             "state": source.state,
                             "kind": source.fact_snapshot.get("kind", "ratification")},
                            self.user).execute()
                continue
            source.fact = match
            source.save(update_fields=["fact", "updated_at"])
            relinked += 1
        return relinked
