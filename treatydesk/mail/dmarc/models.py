"""DMARC aggregate reports (RFC 7489 §7.2): who sent mail as our domain, and did it pass."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    """One aggregate report: a receiver's account of one day or so of mail from our domain."""

    org_name = models.CharField(_("reporting organization"), max_length=255)
    org_email = models.CharField(_("its address"), max_length=255, blank=True)
    report_id = models.CharField(_("report ID"), max_length=255)
    domain = models.CharField(_("domain"), max_length=253, db_index=True)
    begin = models.DateTimeField(_("from"), db_index=True)
    end = models.DateTimeField(_("to"))
    policy = models.CharField(_("published policy"), max_length=16, blank=True)
    adkim = models.CharField(_("DKIM alignment"), max_length=1, blank=True)
    aspf = models.CharField(_("SPF alignment"), max_length=1, blank=True)
    source = models.CharField(_("read from"), max_length=500, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        verbose_name = _("DMARC report")
        verbose_name_plural = _("DMARC reports")
        ordering = ["-begin", "-pk"]
        constraints = [
            # Receivers resend; the same report read twice is counted once.
            models.UniqueConstraint(fields=["org_name", "report_id"],
                                    name="dmarc_report_once"),
        ]

    def __str__(self):
        return f"{self.org_name} · {self.domain} · {self.begin:%Y-%m-%d}"


class Row(models.Model):
    """Messages from one source address with one outcome, as a report counts them."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="rows")
    source_ip = models.GenericIPAddressField(_("source address"), db_index=True)
    count = models.PositiveIntegerField(_("messages"))
    header_from = models.CharField(_("From domain"), max_length=253, blank=True)
    envelope_from = models.CharField(_("envelope domain"), max_length=253, blank=True)
    disposition = models.CharField(_("disposition"), max_length=16, blank=True)
    dkim_aligned = models.BooleanField(_("DKIM aligned"))
    spf_aligned = models.BooleanField(_("SPF aligned"))
    passed = models.BooleanField(_("DMARC pass"),
                                 help_text=_("DKIM or SPF passed and aligned with From."))
    dkim_domains = models.CharField(_("DKIM signers"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("DMARC report row")
        verbose_name_plural = _("DMARC report rows")

    def __str__(self):
        return f"{self.source_ip} × {self.count}"
