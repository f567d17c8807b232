"""Subscribers to the e-mail notices, the record of their consent, and the bounces of their mail.

A subscriber is *pending* until they follow the confirmation link (double opt-in), then
*active*; they leave by unsubscribing (one click, RFC 8058) or are set aside after repeated
hard bounces. Every change of consent writes a ``ConsentRecord``: when, what, from which form,
and a keyed hash of the address it came from (enough to tell two requests apart, not to find
the person).
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from treatydesk.core.mailtrust import new_unsubscribe_token


def language_choices():
    return settings.LANGUAGES


def token_hash(token: str) -> str:
    """Return the SHA-256 of a token, as stored: a stolen table holds no usable link."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def ip_hash(address: str | None) -> str:
    """Return a keyed hash of a client address for the consent record ("" when unknown)."""
    if not address:
        return ""
    return salted_hmac("treatydesk.subscriptions.ip", address).hexdigest()[:32]


class Topic(models.TextChoices):
    """What a subscriber can ask to receive."""

    NOTICES = "notices", _("Notices of instruments and withdrawals")
    NEWS = "news", _("News")
    MEETINGS = "meetings", _("Meetings")


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    ACTIVE = "active", _("Subscribed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
    BOUNCING = "bouncing", _("Stopped: mail bounces")


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=SubscriberStatus.ACTIVE)

    def wanting(self, topic: str | None, language: str):
        """Return the active subscribers of ``topic`` (None: every topic) in ``language``."""
        subscribers = self.active().filter(language=language)
        if topic is None:
            return subscribers
        return subscribers.filter(**{topic: True})


class Subscriber(models.Model):
    """An address that receives the notices, news or meetings it chose, in one language."""

    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(_("language"), max_length=8, choices=language_choices)
    notices = models.BooleanField(Topic.NOTICES.label, default=True)
    news = models.BooleanField(Topic.NEWS.label, default=False)
    meetings = models.BooleanField(Topic.MEETINGS.label, default=False)
    status = models.CharField(_("status"), max_length=16, choices=SubscriberStatus.choices,
                              default=SubscriberStatus.PENDING, db_index=True)
    unsubscribe_token = models.CharField(max_length=64, unique=True,
                                         default=new_unsubscribe_token, editable=False)
    confirm_token_hash = models.CharField(max_length=64, blank=True, db_index=True,
                                          editable=False)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    hard_bounces = models.PositiveIntegerField(_("hard bounces"), default=0)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalize_email(self.email)
        super().save(*args, **kwargs)

    @property
    def topics(self) -> list[str]:
        return [topic.value for topic in Topic if getattr(self, topic.value)]

    def topic_labels(self) -> list[str]:
        return [str(topic.label) for topic in Topic if getattr(self, topic.value)]


def normalize_email(address: str) -> str:
    """Return the address as we store it: trimmed and lower-cased."""
    return (address or "").strip().lower()


class ConsentAction(models.TextChoices):
    REQUESTED = "requested", _("Asked to subscribe")
    CONFIRMED = "confirmed", _("Confirmed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
    CHANGED = "changed", _("Changed what they receive")
    STOPPED = "stopped", _("Stopped after bounces")


class ConsentRecord(models.Model):
    """One change of a subscriber's consent, as it happened."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE,
                                   related_name="consents")
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    action = models.CharField(_("what"), max_length=16, choices=ConsentAction.choices)
    topics = models.JSONField(_("topics"), default=list)
    language = models.CharField(_("language"), max_length=8)
    source = models.CharField(_("from"), max_length=200,
                              help_text=_("The form, link or header the request came through."))
    ip_hash = models.CharField(_("address hash"), max_length=64, blank=True)
    wording = models.TextField(_("wording shown"), blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.subscriber} · {self.action} · {self.at:%Y-%m-%d %H:%M}"


class BounceKind(models.TextChoices):
    HARD = "hard", _("Permanent (the address does not exist)")
    SOFT = "soft", _("Temporary (mailbox full, server down)")


class Bounce(models.Model):
    """A delivery status notification saying that a message to a subscriber failed."""

    subscriber = models.ForeignKey(Subscriber, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="bounces")
    message_id = models.CharField(_("Message-ID of the bounced message"), max_length=200,
                                  blank=True, db_index=True)
    address = models.EmailField(_("address"))
    kind = models.CharField(_("kind"), max_length=8, choices=BounceKind.choices)
    status = models.CharField(_("status code"), max_length=16, blank=True)
    diagnostic = models.TextField(_("diagnostic"), blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    fingerprint = models.CharField(max_length=64, unique=True, editable=False,
                                   help_text=_("SHA-256 of the report, so that reading a "
                                               "mailbox twice counts each bounce once."))

    class Meta:
        verbose_name = _("bounce")
        verbose_name_plural = _("bounces")
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.address} · {self.kind}"
