"""Contact points of each state, kept in a restricted part of the admin, and reminders sent.

Only editors given the contact point permissions (the "Contact point keepers" group) see or
change them; the public site never shows them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from treatydesk.records.facts.models import TreatyCode


class ContactPoint(models.Model):
    """A person or office that receives a state's deadline reminders."""

    treaty = models.CharField(_("treaty"), max_length=8, choices=TreatyCode.choices)
    state = models.CharField(_("state (ISO 3166 alpha-3)"), max_length=3, db_index=True)
    name = models.CharField(_("name or office"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=150, blank=True,
                            help_text=_("e.g. Permanent Mission, national focal point"))
    obligations = models.CharField(
        _("obligations"), max_length=200, blank=True,
        help_text=_("Leave empty to receive reminders of every obligation."),
    )
    language = models.CharField(_("language"), max_length=2, default="en",
                                choices=[("en", "English"), ("fr", "Français"),
                                         ("es", "Español")])
    active = models.BooleanField(_("active"), default=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        ordering = ["treaty", "state", "name", "pk"]

    def __str__(self):
        return f"{self.treaty} · {self.state} · {self.name} <{self.email}>"

    @property
    def obligation_list(self) -> list[str]:
        return [part for part in self.obligations.split(",") if part]


class ReminderSent(models.Model):
    """One reminder handed to the mail backend: the same one is never sent twice."""

    contact = models.ForeignKey(ContactPoint, null=True, on_delete=models.SET_NULL,
                                related_name="reminders")
    email = models.EmailField()
    treaty = models.CharField(max_length=8, choices=TreatyCode.choices)
    state = models.CharField(max_length=3)
    deadline_key = models.CharField(max_length=80)
    due_date = models.DateField()
    reason = models.CharField(max_length=16)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["contact", "treaty", "state", "deadline_key", "due_date", "reason"],
                name="obligations_reminder_once",
            ),
        ]

    def __str__(self):
        return f"{self.treaty} {self.state} {self.deadline_key} {self.reason} → {self.email}"
