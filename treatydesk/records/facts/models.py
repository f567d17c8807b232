"""The register's rows: deposited facts with their provenance, and the audit log of changes.

The rules live in ``treatydesk.core.register`` (plain Python); these models only store what the
depositary recorded and who changed it.

A fact is a draft or published. ``Fact.objects`` holds the published facts only, so that every
reader of the register (the core ``Register`` built in ``loading``, the public pages, the API,
counts, pictures, releases, obligations, the log's checks) ignores drafts without asking;
``Fact.including_drafts`` (the default manager, which the admin uses) holds every fact.
"""

from django.conf import settings
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from treatydesk.core import register as core


def treaty_label(code: str) -> str:
    """Return what the treaty is called in the active language, from its definition file."""
    return core.load_treaty(code).titles(get_language()).name


_treaty_label = lazy(treaty_label, str)


class TreatyCode(models.TextChoices):
    CCM = "CCM", _treaty_label("CCM")
    APMBC = "APMBC", _treaty_label("APMBC")
    ATT = "ATT", _treaty_label("ATT")
    TPNW = "TPNW", _treaty_label("TPNW")


class FactKind(models.TextChoices):
    SIGNATURE = "signature", _("Signature")
    RATIFICATION = "ratification", _("Ratification")
    ACCEPTANCE = "acceptance", _("Acceptance")
    APPROVAL = "approval", _("Approval")
    ACCESSION = "accession", _("Accession")
    SUCCESSION = "succession", _("Succession")
    CONSENT = "consent", _("Instrument of consent (kind not recorded)")
    PROVISIONAL_APPLICATION = "provisional_application", _("Provisional application")
    WITHDRAWAL_NOTIFIED = "withdrawal_notified", _("Withdrawal notified")
    WITHDRAWAL_EFFECTIVE = "withdrawal_effective", _("Withdrawal effective")
    WITHDRAWAL_HELD = "withdrawal_held", _("Withdrawal held by armed conflict")
    NO_INTENTION = "no_intention", _("Notified it does not intend to become a party")


class FactStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishedFacts(models.Manager):
    """The facts of the public register: drafts left out."""

    def get_queryset(self):
        return super().get_queryset().filter(status=FactStatus.PUBLISHED)


class Fact(models.Model):
    """One act recorded by the depositary: a signature, an instrument, a withdrawal notice, …"""

    including_drafts = models.Manager()
    objects = PublishedFacts()

    treaty = models.CharField(_("treaty"), max_length=8, choices=TreatyCode.choices, db_index=True)
    state = models.CharField(_("state (ISO 3166 alpha-3)"), max_length=3, db_index=True)
    state_name = models.CharField(
        _("state name as the depositary writes it"), max_length=120, blank=True
    )
    kind = models.CharField(_("kind"), max_length=32, choices=FactKind.choices)
    date = models.DateField(
        _("date"), null=True, blank=True,
        help_text=_("Leave empty only when a source asserts the fact but gives no date; "
                    "the register then flags it instead of inventing one."),
    )
    sequence = models.PositiveIntegerField(
        _("deposit order on the day"), null=True, blank=True,
        help_text=_("When several states deposit on the same day, their order (1, 2, …) as the "
                    "depositary recorded it; used for the ordinal."),
    )
    cn_reference = models.CharField(
        _("C.N. reference"), max_length=64, blank=True,
        help_text=_("Depositary notification, e.g. C.N.776.2008.TREATIES-2"),
    )
    effective_date = models.DateField(
        _("effective from"), null=True, blank=True,
        help_text=_("For a succession only: the date from which the successor is bound, as "
                    "the depositary records it (never computed)."),
    )
    source = models.TextField(_("source"), blank=True)
    public_note = models.TextField(
        _("public note"), blank=True,
        help_text=_("Shown on the public pages beside the fact."),
    )
    note = models.TextField(
        _("internal note"), blank=True,
        help_text=_("For the register keepers only: never shown on a public page or download."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=FactStatus.choices,
        default=FactStatus.PUBLISHED, db_index=True,
        help_text=_("A draft is in no public page, download or log until it is published with "
                    "its notices."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("register fact")
        verbose_name_plural = _("register facts")
        ordering = ["treaty", "state_name", "date", "pk"]
        indexes = [models.Index(fields=["treaty", "state"])]
        default_manager_name = "including_drafts"
        permissions = [("publish_fact", _("Can publish a draft register fact"))]

    def __str__(self):
        when = self.date.isoformat() if self.date else "date unknown"
        name = self.state_name or self.state
        return f"{self.treaty} · {name} · {self.get_kind_display()} · {when}"

    @property
    def is_draft(self) -> bool:
        return self.status == FactStatus.DRAFT

    def as_snapshot(self) -> dict:
        """Return the fact's recorded values as JSON-ready data, for the audit log.

        The status is not among them: a log entry exists only for a published fact."""
        return {
            "treaty": self.treaty, "state": self.state, "state_name": self.state_name,
            "kind": self.kind, "date": self.date.isoformat() if self.date else None,
            "sequence": self.sequence, "cn_reference": self.cn_reference,
            "source": self.source, "note": self.note, "public_note": self.public_note,
            "effective_date": self.effective_date.isoformat() if self.effective_date else None,
        }


class RegisterVersion(models.Model):
    """A version token per treaty, renewed on every change, so computed registers can be cached."""

    treaty = models.CharField(max_length=8, choices=TreatyCode.choices, unique=True)
    version = models.PositiveBigIntegerField(default=0)
    # When the token was last renewed: the API's Last-Modified (treatydesk/api/conditional.py).
    changed_at = models.DateTimeField(auto_now=True, null=True)

    def __str__(self):
        return f"{self.treaty} v{self.version}"


class AuditEntry(models.Model):
    """Who changed which record (a register or obligation fact), when, and what it was before
    and after (written by ``treatydesk.records.audit``)."""

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")
        IMPORT = "import", _("imported")
        PUBLISH = "publish", _("published")

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    actor = models.CharField(_("actor"), max_length=150)
    treaty = models.CharField(max_length=8, choices=TreatyCode.choices)
    action = models.CharField(max_length=16, choices=Action.choices)
    subject = models.CharField(
        _("record type"), max_length=64, default="registry.fact",
        help_text=_("The model of the changed record, e.g. registry.fact or obligations.report"),
    )
    fact_id = models.BigIntegerField(_("record id"), null=True, blank=True)
    summary = models.CharField(max_length=255)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.summary}"
