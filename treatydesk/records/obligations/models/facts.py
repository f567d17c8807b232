"""What a state submitted or declared, and what the States Parties decided, with provenance.

The rules (which deadline, how long an extension may be) are the register core's; these rows
only store the facts. Every change goes through ``actions.RecordObligationFact``, which
checks it with the core first.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from treatydesk.media.models import validate_symbol
from treatydesk.records.facts.models import TreatyCode


class ObligationKind(models.TextChoices):
    INITIAL_REPORT = "initial-report", _("Initial report")
    ANNUAL_REPORT = "annual-report", _("Annual report")
    STOCKPILE_DESTRUCTION = "stockpile-destruction", _("Stockpile destruction")
    CLEARANCE = "clearance", _("Clearance")
    DECLARATION = "declaration", _("Declaration")


REPORT_CHOICES = [
    (kind.value, kind.label)
    for kind in (ObligationKind.INITIAL_REPORT, ObligationKind.ANNUAL_REPORT,
                 ObligationKind.DECLARATION)
]
WORK_CHOICES = [
    (kind.value, kind.label)
    for kind in (ObligationKind.STOCKPILE_DESTRUCTION, ObligationKind.CLEARANCE)
]


class Access(models.TextChoices):
    PUBLIC = "public", _("Public")
    RESTRICTED = "restricted", _("Restricted")


def _symbol_field(verbose_name=None):
    return models.CharField(
        verbose_name or _("document symbol"), max_length=80, blank=True,
        validators=[validate_symbol], help_text=_("e.g. CCM/MSP/2022/5"),
    )


def _hostilities_field():
    return models.DateField(
        _("end of active hostilities"), null=True, blank=True,
        help_text=_("Only for a clearance deadline counted from the end of active hostilities "
                    "(CCM Art. 4(1)(b)): the date recorded for it. Leave empty for the deadline "
                    "counted from entry into force."),
    )


class StateFact(models.Model):
    """Fields every obligation fact about one state carries."""

    treaty = models.CharField(_("treaty"), max_length=8, choices=TreatyCode.choices,
                              db_index=True)
    state = models.CharField(_("state (ISO 3166 alpha-3)"), max_length=3, db_index=True)
    source = models.TextField(_("source"), blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def _about(self, *parts) -> str:
        """Name the fact: treaty, state, then `parts`, as the admin lists it."""
        return " · ".join(str(part) for part in (self.treaty, self.state, *parts))


def _by_day(day: str) -> list[str]:
    """The order a state's facts are listed in: treaty, state, then the fact's day."""
    return ["treaty", "state", day, "pk"]


class WorkFact(StateFact):
    """A fact about an obligation met by completing work (stockpile destruction, clearance)."""

    obligation = models.CharField(_("obligation"), max_length=24, choices=WORK_CHOICES)

    class Meta:
        abstract = True

    def _about_work(self, what) -> str:
        return self._about(self.get_obligation_display(), what)


class Report(StateFact):
    """A report or declaration received: initial report, annual report, declaration."""

    obligation = models.CharField(_("obligation"), max_length=24, choices=REPORT_CHOICES)
    received_on = models.DateField(_("received on"))
    period_start = models.DateField(_("period covered: from"), null=True, blank=True)
    period_end = models.DateField(
        _("period covered: to"), null=True, blank=True,
        help_text=_("Required for an annual report: its year is the year the report covers."),
    )
    access = models.CharField(_("access"), max_length=12, choices=Access.choices,
                              default=Access.PUBLIC)
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL, verbose_name=_("document"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    document_symbol = _symbol_field()

    class Meta:
        verbose_name = _("report received")
        verbose_name_plural = _("reports received")
        ordering = _by_day("received_on")

    def __str__(self):
        return self._about(self.get_obligation_display(), self.received_on)


class NotApplicableDeclaration(WorkFact):
    """The state declared an obligation does not apply to it (e.g. no stockpiles held)."""

    declared_on = models.DateField(_("declared on"))
    reason = models.CharField(_("reason"), max_length=255, blank=True,
                              help_text=_("e.g. “declared no stockpiles of cluster munitions”"))
    after_hostilities_ended_on = _hostilities_field()

    class Meta:
        verbose_name = _("obligation not applicable")
        verbose_name_plural = _("obligations not applicable")
        ordering = _by_day("declared_on")

    def __str__(self):
        return self._about_work("n/a")


class ApplicabilityDeclaration(WorkFact):
    """The state declared (or a recorded fact shows) that an obligation applies to it: it holds
    stockpiles, it has contaminated areas. Without one, stockpile destruction and clearance
    show "not known", never overdue."""

    declared_on = models.DateField(_("declared on"))
    document_symbol = _symbol_field()
    after_hostilities_ended_on = _hostilities_field()

    class Meta:
        verbose_name = _("obligation declared to apply")
        verbose_name_plural = _("obligations declared to apply")
        ordering = _by_day("declared_on")

    def __str__(self):
        return self._about_work("applies")


class CompletionDeclaration(WorkFact):
    """The state declared an obligation fulfilled on a date (stockpiles destroyed, …)."""

    declared_on = models.DateField(_("completed on"))
    document_symbol = _symbol_field()
    after_hostilities_ended_on = _hostilities_field()

    class Meta:
        verbose_name = _("completion declared")
        verbose_name_plural = _("completions declared")
        ordering = _by_day("declared_on")

    def __str__(self):
        return self._about_work(self.declared_on)


class ExtensionRequest(WorkFact):
    """A state's request for more time to fulfil an obligation."""

    requested_on = models.DateField(_("requested on"))
    period_months = models.PositiveIntegerField(_("period asked (months)"), null=True,
                                                blank=True)
    document_symbol = _symbol_field()
    after_hostilities_ended_on = _hostilities_field()

    class Meta:
        verbose_name = _("extension request")
        verbose_name_plural = _("extension requests")
        ordering = _by_day("requested_on")

    def __str__(self):
        return self._about_work(f"requested {self.requested_on}")


class ExtensionDecision(models.Model):
    """The decision of a Meeting of States Parties or Review Conference on a request.

    It never changes the deadline it extends: the register shows the original deadline and the
    new one, each with its article and the decision behind it.
    """

    request = models.ForeignKey(
        ExtensionRequest, verbose_name=_("request"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="decisions",
        help_text=_("The request this decision answers (record the request first)."),
    )
    decided_on = models.DateField(_("decided on"))
    meeting = models.CharField(_("meeting"), max_length=120, blank=True,
                               help_text=_("e.g. Tenth Meeting of States Parties"))
    document_symbol = _symbol_field(_("decision document symbol"))
    new_deadline = models.DateField(_("new deadline"))
    source = models.TextField(_("source"), blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("extension decision")
        verbose_name_plural = _("extension decisions")
        ordering = ["decided_on", "pk"]

    def __str__(self):
        about = str(self.request) if self.request_id else _("no request")
        return f"{about} → {self.new_deadline}"

    @property
    def treaty(self) -> str:
        return self.request.treaty if self.request_id else ""

    @property
    def state(self) -> str:
        return self.request.state if self.request_id else ""


class HostilitiesEnded(StateFact):
    """An asserted fact: active hostilities ended on a date (never inferred; give the source)."""

    ended_on = models.DateField(_("active hostilities ended on"))
    description = models.CharField(_("description"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("end of active hostilities")
        verbose_name_plural = _("ends of active hostilities")
        ordering = _by_day("ended_on")

    def __str__(self):
        return self._about(f"hostilities ended {self.ended_on}")
