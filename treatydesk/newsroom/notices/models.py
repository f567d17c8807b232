"""Notices: what the register announces (``NoticeSource``) and its page in each language.

A ``NoticeSource`` ties one register fact (an instrument, a withdrawal) to the notice pages
drafted from it, one per language, which share the source's ``translation_key`` and so are
linked as translations. The link and the review flag are not content: they are kept when an
editor restores an older revision, and only the drafting action changes them.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from treatydesk.core import wording
from treatydesk.core.register import country_name
from treatydesk.mail.outgoing.messages import public_base_url
from treatydesk.records.log.proofs import EntryRef, entries_about, latest_entries
from treatydesk.security.accounts.review import ReviewedPagePermissionTester, ReviewedPublishing

from .panels import RegisterPanel
from .review import NoticeReviewTask

__all__ = ["NoticeIndexPage", "NoticePage", "NoticeReviewTask", "NoticeSource", "NoticeSubject"]

INSTRUMENT_SENTENCES = {
    "ratification": _("The instrument of ratification deposited with the Secretary-General is"),
    "acceptance": _("The instrument of acceptance deposited with the Secretary-General is"),
    "approval": _("The instrument of approval deposited with the Secretary-General is"),
    "accession": _("The instrument of accession deposited with the Secretary-General is"),
    "succession": _("The notification of succession deposited with the Secretary-General is"),
    "withdrawal_notified": _("The notification of withdrawal received by the Secretary-General "
                             "is"),
    "withdrawal_effective": _("The notification of withdrawal received by the Secretary-General "
                              "is"),
    "": _("The document deposited with the Secretary-General is"),
}

# Fields of a notice page that belong to the register, not to a revision's content.
REGISTER_FIELDS = ("source", "needs_review", "review_reason", "generated_text", "log_index")


class NoticeSubject(models.TextChoices):
    CONSENT = wording.SUBJECT_CONSENT, _("Instrument deposited")
    WITHDRAWAL = wording.SUBJECT_WITHDRAWAL, _("Withdrawal")


class NoticeSource(models.Model):
    """The register fact a set of notices announces, and what it said when they were drafted."""

    treaty = models.CharField(_("treaty"), max_length=8, db_index=True)
    state = models.CharField(_("state (ISO 3166 alpha-3)"), max_length=3)
    subject = models.CharField(_("subject"), max_length=16, choices=NoticeSubject.choices)
    fact = models.ForeignKey(
        "registry.Fact", verbose_name=_("register fact"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="notice_sources",
    )
    fact_snapshot = models.JSONField(_("fact when drafted"), default=dict)
    fact_deleted_at = models.DateTimeField(_("fact deleted at"), null=True, blank=True)
    translation_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notice source")
        verbose_name_plural = _("notice sources")
        indexes = [models.Index(fields=["treaty", "state", "subject"])]

    def __str__(self):
        return f"{self.treaty} · {self.state} · {self.subject}"

    @property
    def fact_is_deleted(self) -> bool:
        """Return True when the fact this notice announces is no longer in the register."""
        return self.fact_id is None


class NoticeIndexPage(ReviewedPublishing, Page):
    """The list of published notices in one language."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["notices.NoticePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("notice index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        notices = (NoticePage.objects.child_of(self).live().public()
                   .select_related("source").order_by("-date", "-pk"))
        paginator = Paginator(notices, 20)
        context["notices"] = paginator.get_page(request.GET.get("page"))
        return context


class NoticePermissionTester(ReviewedPagePermissionTester):
    """Refuse publishing, and submitting for moderation, a notice whose fact was deleted or is
    a draft (published with it from its review page, ``factreview``); leave publishing to the
    reviewers (``security/accounts/review.py``)."""

    def can_publish(self):
        return super().can_publish() and not self.page.fact_is_deleted \
            and not self.page.fact_is_draft

    def can_submit_for_moderation(self):
        return super().can_submit_for_moderation() and not self.page.fact_is_deleted \
            and not self.page.fact_is_draft

    def can_publish_with_its_fact(self):
        """Return whether the user may publish this notice together with its draft fact."""
        return super().can_publish() and not self.page.fact_is_deleted


class NoticeFactDeleted(ValidationError):
    """A notice was about to go live although the fact it announces is no longer recorded."""


class NoticePage(Page):
    """A notice in one language, drafted from the register and published by an editor."""

    source = models.ForeignKey(NoticeSource, verbose_name=_("announces"), null=True,
                               on_delete=models.PROTECT, related_name="pages", editable=False)
    date = models.DateField(_("date of the act"),
                            help_text=_("The day the instrument or notification was deposited."))
    text = models.TextField(
        _("notice"),
        help_text=_("Drafted from the register. Correct the wording if needed; the register "
                    "itself is corrected in Register facts."),
    )
    body = RichTextField(_("further information"), blank=True,
                         features=["bold", "italic", "link", "document-link", "ul", "ol"])
    instrument = models.ForeignKey(
        "media.CustomDocument", verbose_name=_("deposited instrument"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("The PDF of the instrument or notification, from the documents library."),
    )
    needs_review = models.BooleanField(_("needs review"), default=False, editable=False)
    review_reason = models.CharField(_("why it needs review"), max_length=500, blank=True,
                                     editable=False)
    generated_text = models.TextField(_("text as drafted from the register"), blank=True,
                                      editable=False)
    log_index = models.PositiveBigIntegerField(
        _("register log entry when published"), null=True, blank=True, editable=False,
        help_text=_("The entry of the register's signed log about the fact as it was when "
                    "this notice was last published."))

    content_panels = [
        RegisterPanel(heading=_("Register")),
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("text"),
        FieldPanel("instrument"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("text"), index.FilterField("date")]
    parent_page_types = ["notices.NoticeIndexPage"]
    subpage_types = []
    # Notices are drafted from the register ("Record an instrument"), never written by hand.
    is_creatable = False

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        going_live = self.live and (update_fields is None or "live" in update_fields)
        if going_live and self.fact_is_deleted and not self._already_live():
            raise NoticeFactDeleted(
                _("This notice cannot be published: the register fact it announces has been "
                  "deleted."), code="fact_deleted")
        if going_live and self.fact_is_draft and not self._already_live():
            raise NoticeFactDeleted(
                _("This notice cannot be published alone: the register fact it announces is a "
                  "draft. Publish them together from the fact's review page."),
                code="fact_draft")
        return super().save(*args, **kwargs)

    def _already_live(self) -> bool:
        """Return True when the stored page is live with this same revision (a plain re-save)."""
        if not self.pk:
            return False
        stored = NoticePage.objects.filter(pk=self.pk).values("live", "live_revision_id").first()
        return bool(stored and stored["live"] and stored["live_revision_id"]
                    == self.live_revision_id)

    @property
    def fact_is_deleted(self) -> bool:
        source = self.source if self.source_id else None
        return source is not None and source.fact_is_deleted

    @property
    def fact_is_draft(self) -> bool:
        source = self.source if self.source_id else None
        return source is not None and source.fact_id is not None and source.fact.is_draft

    @property
    def state(self) -> str:
        return self.source.state if self.source_id else ""

    @property
    def description(self) -> str:
        return self.search_description or self.text

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        lang = self.locale.language_code
        context["state_name"] = country_name(self.state, lang) if self.state else ""
        context["instrument_sentence"] = self.instrument_sentence()
        context["log_entry"] = self.log_entry()
        return context

    def log_entry(self) -> EntryRef | None:
        """Return the register log's entry this notice comes from (``notice_entries``), or None
        once the fact is deleted. Only the entry's index, leaf hash and proof are shown: the
        entry is public and never holds the fact's internal note."""
        return notice_entries([self]).get(self.pk)

    def mail_trailer(self) -> str:
        """Return the line the notice's e-mail ends with: its log entry and its proof."""
        entry = self.log_entry()
        if entry is None:
            return ""
        return gettext("This notice comes from entry %(index)s of the register's signed log "
                       "(leaf hash %(hash)s). Its inclusion proof: %(url)s") % {
            "index": entry.index, "hash": entry.leaf_hash_b64,
            "url": public_base_url() + entry.proof_path}

    def instrument_sentence(self) -> str:
        """Return "The instrument of ratification deposited with the Secretary-General is"."""
        kind = ""
        if self.source_id:
            kind = (self.source.fact.kind if self.source.fact_id
                    else self.source.fact_snapshot.get("kind", ""))
        sentence = INSTRUMENT_SENTENCES.get(kind, INSTRUMENT_SENTENCES[""])
        return str(sentence)

    def permissions_for_user(self, user):
        return NoticePermissionTester(user, self)

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        # The register's link and the review flag stay as they are now, whatever revision
        # is restored: they describe the register, not the wording.
        for name in REGISTER_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj


def notice_entries(pages) -> dict[int, EntryRef]:
    """Return, by page id, the log entry each notice comes from: the entry recorded when it was
    last published (``log_index``: the fact as the live notice was drafted from it, even after
    a later correction appended another), or, for a notice not published since it was
    recorded or whose recorded entry is about another fact (an import replaced it), the latest
    entry about its fact. A notice whose fact was deleted has none. Four queries at most."""
    facts = {page.pk: page.source.fact_id for page in pages
             if page.source_id and page.source.fact_id is not None}
    stored = entries_about(page.log_index for page in pages
                           if page.pk in facts and page.log_index is not None)
    found, missing = {}, {}
    for page in pages:
        if page.pk not in facts:
            continue
        fact, entry = stored.get(page.log_index, (None, None))
        if entry is not None and fact == facts[page.pk]:
            found[page.pk] = entry
        else:
            missing[page.pk] = facts[page.pk]
    latest = latest_entries(missing.values())
    found.update({pk: latest[fact] for pk, fact in missing.items() if fact in latest})
    return found

