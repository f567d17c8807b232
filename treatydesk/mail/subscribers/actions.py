"""Changes of a subscriber's consent, each written to the consent record."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from .models import (
    ConsentAction,
    ConsentRecord,
    Subscriber,
    SubscriberStatus,
    normalize_email,
    token_hash,
)

#: A confirmation link works this long; a new sign-up sends a new one.
CONFIRMATION_VALID = timedelta(days=7)
#: At most one confirmation message per address in this time, so that the form cannot be
#: used to flood someone's mailbox.
CONFIRMATION_PAUSE = timedelta(minutes=10)
#: At most this many sign-up requests are recorded per address, and per client address, in
#: ``REQUEST_WINDOW``; more are answered alike and leave no row, so the form cannot be used to
#: fill the consent record.
REQUESTS_PER_ADDRESS = 3
REQUESTS_PER_CLIENT = 20
REQUEST_WINDOW = timedelta(hours=1)


def record(subscriber: Subscriber, action: str, source: str, ip: str = "", *,
           topics: list[str] | None = None, language: str | None = None,
           wording: str = "") -> ConsentRecord:
    return ConsentRecord.objects.create(
        subscriber=subscriber, action=action, source=source[:200], ip_hash=ip,
        topics=subscriber.topics if topics is None else topics,
        language=language or subscriber.language, wording=wording)


@transaction.atomic
def request_subscription(email: str, language: str, topics: list[str], *, source: str,
                         ip: str, wording: str) -> Subscriber | None:
    """Record a sign-up; return the subscriber to send a confirmation to, or None if too soon.

    Nothing changes for the reader until they confirm: an active subscriber keeps their
    current choice, and the new one waits in the consent record. Beyond the limits per
    address and per client (``REQUESTS_PER_*``) nothing is written and None is returned.
    """
    since = timezone.now() - REQUEST_WINDOW
    requests = ConsentRecord.objects.filter(action=ConsentAction.REQUESTED, at__gt=since)
    if ip and requests.filter(ip_hash=ip).count() >= REQUESTS_PER_CLIENT:
        return None
    if requests.filter(subscriber__email=normalize_email(email)).count() >= REQUESTS_PER_ADDRESS:
        return None
    subscriber, created = Subscriber.objects.select_for_update().get_or_create(
        email=normalize_email(email), defaults={"language": language})
    if subscriber.status != SubscriberStatus.ACTIVE:
        subscriber.language = language
        for topic in ("notices", "news", "meetings"):
            setattr(subscriber, topic, topic in topics)
        if subscriber.status != SubscriberStatus.PENDING:
            subscriber.status = SubscriberStatus.PENDING
        subscriber.save()
    record(subscriber, ConsentAction.REQUESTED, source, ip, topics=topics, language=language,
           wording=str(wording))
    now = timezone.now()
    if subscriber.confirmation_sent_at and now - subscriber.confirmation_sent_at < \
            CONFIRMATION_PAUSE:
        return None
    Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=now)
    return subscriber


def find_by_confirmation(token: str) -> Subscriber | None:
    if not token or len(token) > 100:
        return None
    subscriber = Subscriber.objects.filter(confirm_token_hash=token_hash(token)).first()
    if subscriber is None or subscriber.confirmation_sent_at is None:
        return None
    if timezone.now() - subscriber.confirmation_sent_at > CONFIRMATION_VALID:
        return None
    return subscriber


@transaction.atomic
def confirm(subscriber: Subscriber, *, source: str, ip: str) -> Subscriber:
    """Apply the latest sign-up request of the subscriber and make them active."""
    request = subscriber.consents.filter(action=ConsentAction.REQUESTED).order_by("-at",
                                                                                  "-pk").first()
    if request is not None:
        subscriber.language = request.language
        for topic in ("notices", "news", "meetings"):
            setattr(subscriber, topic, topic in request.topics)
    subscriber.status = SubscriberStatus.ACTIVE
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.confirm_token_hash = ""
    subscriber.hard_bounces = 0
    subscriber.save()
    record(subscriber, ConsentAction.CONFIRMED, source, ip,
           wording=request.wording if request else "")
    return subscriber


@transaction.atomic
def unsubscribe(subscriber: Subscriber, *, source: str, ip: str = "") -> bool:
    """Stop every message to the subscriber; return False if they had already left."""
    changed = Subscriber.objects.filter(pk=subscriber.pk).exclude(
        status=SubscriberStatus.UNSUBSCRIBED).update(
        status=SubscriberStatus.UNSUBSCRIBED, unsubscribed_at=timezone.now(),
        confirm_token_hash="")
    if changed:
        subscriber.refresh_from_db()
        record(subscriber, ConsentAction.UNSUBSCRIBED, source, ip)
    return bool(changed)


@transaction.atomic
def change_preferences(subscriber: Subscriber, language: str, topics: list[str], *,
                       source: str, ip: str = "") -> Subscriber:
    """Set what an active subscriber receives and in which language, with a consent record."""
    subscriber.language = language
    for topic in ("notices", "news", "meetings"):
        setattr(subscriber, topic, topic in topics)
    subscriber.save(update_fields=["language", "notices", "news", "meetings"])
    record(subscriber, ConsentAction.CHANGED, source, ip, topics=topics, language=language)
    return subscriber


def find_by_link(token: str) -> Subscriber | None:
    """Return the subscriber whose messages carry ``token`` in their links, if any."""
    if not 20 <= len(token or "") <= 100:
        return None
    return Subscriber.objects.filter(unsubscribe_token=token).first()


def confirmation_text(subscriber: Subscriber, url: str) -> tuple[str, str]:
    """Return (subject, text) of the confirmation message, in the subscriber's language."""
    with override(subscriber.language):
        subject = _("Confirm your subscription")
        text = _(
            "Someone, probably you, asked to receive the secretariat's messages at this "
            "address.\n\nTo confirm, open this link and press “Confirm”:\n%(url)s\n\n"
            "If it was not you, do nothing: without confirmation you will receive nothing "
            "more.") % {"url": url}
    return subject, text

