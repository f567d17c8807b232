"""Mailings (a page sent to its subscribers) and their deliveries, one row per recipient.

A delivery moves ``pending → sending → sent``, or to ``failed`` (refused for good, or too many
tries), or to ``uncertain``. It is claimed (``sending``, with a claim token) in a transaction
before anything goes to the SMTP server, and marked ``handed_over_at`` just before the final
line of the SMTP DATA, the only moment after which the server may have accepted it. After a
crash, a claim without that mark is safely sent again; one with it may already be in the
reader's mailbox, so it becomes ``uncertain`` and is never sent again by itself. The row's
Message-ID is fixed when the mailing is made, so a retry is the same message, not a new one.
"""


from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    UNCERTAIN = "uncertain", _("Interrupted: may have been sent")


class Mailing(models.Model):
    """One page sent by e-mail to the subscribers of its topic and language."""

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), null=True,
                             on_delete=models.SET_NULL, related_name="+")
    topic = models.CharField(_("topic"), max_length=16, blank=True,
                             help_text=_("Empty: every subscriber of the language."))
    language = models.CharField(_("language"), max_length=8)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    url = models.URLField(_("page address"), max_length=500)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject

    def counts(self) -> dict[str, int]:
        """Return the number of deliveries in each state, every state present."""
        rows = self.deliveries.values("state").annotate(n=Count("pk"))
        counts = {state.value: 0 for state in DeliveryState}
        counts.update({row["state"]: row["n"] for row in rows})
        counts["total"] = sum(counts[state.value] for state in DeliveryState)
        return counts

    @property
    def is_finished(self) -> bool:
        return not self.deliveries.filter(
            state__in=[DeliveryState.PENDING, DeliveryState.SENDING]).exists()


class Delivery(models.Model):
    """The mailing's message to one subscriber, and where it stands."""

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey("subscriptions.Subscriber", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="deliveries")
    address = models.EmailField(_("address"))
    message_id = models.CharField(_("Message-ID"), max_length=200, unique=True)
    state = models.CharField(_("state"), max_length=16, choices=DeliveryState.choices,
                             default=DeliveryState.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claim_token = models.CharField(max_length=32, blank=True, editable=False)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    handed_over_at = models.DateTimeField(_("handed over"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["pk"]
        constraints = [
            # Never twice to the same address in one mailing, whatever the code does.
            models.UniqueConstraint(fields=["mailing", "address"],
                                    name="mailing_delivery_once_per_address"),
        ]
        indexes = [models.Index(fields=["mailing", "state"])]

    def __str__(self):
        return f"{self.address} · {self.state}"


def unfinished_mailings():
    """Return the mailings that still have deliveries waiting or in flight."""
    return Mailing.objects.filter(
        Q(deliveries__state=DeliveryState.PENDING) | Q(deliveries__state=DeliveryState.SENDING)
    ).distinct()
