"""The register's rows: deposited facts with their provenance, and the audit log of changes.

The rules live in ``treatydesk.core.register`` (plain Python); these models only store what the
depositary recorded and who changed it.
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
    PROVISIONAL_APPLICATION = "provisional_application", _("Provisional application")
    WITHDRAWAL_NOTIFIED = "withdrawal_notified", _("Withdrawal notified")
    WITHDRAWAL_EFFECTIVE = "withdrawal_effective", _("Withdrawal effective")
    WITHDRAWAL_HELD = "withdrawal_held", _("Withdrawal held by armed conflict")


class Fact(models.Model):
    """One act recorded by the depositary: a signature, an instrument, a withdrawal notice, …"""

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
    source = models.TextField(_("source"), blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("register fact")
        verbose_name_plural = _("register facts")
        ordering = ["treaty", "state_name", "date", "pk"]
        indexes = [models.Index(fields=["treaty", "state"])]

    def __str__(self):
        when = self.date.isoformat() if self.date else "date unknown"
        name = self.state_name or self.state
        return f"{self.treaty} · {name} · {self.get_kind_display()} · {when}"

    def as_snapshot(self) -> dict:
        """Return the fact's recorded values as JSON-ready data, for the audit log."""
        return {
            "treaty": self.treaty, "state": self.state, "state_name": self.state_name,
            "kind": self.kind, "date": self.date.isoformat() if self.date else None,
            "sequence": self.sequence, "cn_reference": self.cn_reference,
            "source": self.source, "note": self.note,
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
