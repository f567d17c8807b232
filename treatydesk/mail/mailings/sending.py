"""Send a mailing's deliveries, each at most once, surviving crashes and retrying what can be.

The states of a delivery (models.py) and the rules that move it:

- **claim**: ``pending`` rows due now become ``sending`` with a fresh claim token, in one
  transaction, before anything is sent. Only the worker holding the token may go on.
- **hand over**: just before the final line of SMTP DATA, ``handed_over_at`` is set, again only
  if the token still matches. Until then the server cannot have accepted the message.
- **outcome**: the server's ``250`` makes it ``sent``; a permanent refusal (5xx) ``failed``; a
  temporary one (4xx, connection lost before hand-over) puts it back to ``pending`` with a
  later ``next_attempt_at``, until ``MAX_ATTEMPTS``.
- **recovery**: a claim older than ``TREATYDESK_MAIL_CLAIM_SECONDS`` belongs to a worker that
  died. Without hand-over it goes back to ``pending`` (the server never had the whole
  message); with hand-over it becomes ``uncertain``: the server may have accepted it, so it is
  not sent again unless an editor decides to (see docs/mail.md).
"""

from __future__ import annotations

import logging
import secrets
import smtplib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from treatydesk.core.mailtrust import SigningError
from treatydesk.mail.outgoing.backends import HandoverRefused

from .compose import delivery_message
from .models import Delivery, DeliveryState, Mailing

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
#: Waits before the 2nd, 3rd, … attempt after a temporary failure.
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30),
           timedelta(hours=2))
BATCH = 10


@dataclass
class Progress:
    sent: int = 0
    failed: int = 0
    retry: int = 0
    uncertain: int = 0

    def __add__(self, other: Progress) -> Progress:
        return Progress(self.sent + other.sent, self.failed + other.failed,
                        self.retry + other.retry, self.uncertain + other.uncertain)


def claim_seconds() -> float:
    return float(settings.TREATYDESK_MAIL_CLAIM_SECONDS)


def recover(mailing: Mailing | None = None, *, now=None) -> Progress:
    """Release the claims of dead workers: resend what never reached the server, flag the rest.

    Only claims older than ``TREATYDESK_MAIL_CLAIM_SECONDS`` are touched, so a live worker's
    are not; even if one were, that worker could not hand its message over (the token check),
    so nothing is ever sent twice.
    """
    now = now or timezone.now()
    stale = Delivery.objects.filter(state=DeliveryState.SENDING,
                                    claimed_at__lt=now - timedelta(seconds=claim_seconds()))
    if mailing is not None:
        stale = stale.filter(mailing=mailing)
    with transaction.atomic():
        uncertain = stale.filter(handed_over_at__isnull=False).update(
            state=DeliveryState.UNCERTAIN, claim_token="",
            last_error="The worker stopped after handing the message to the mail server and "
                       "before its answer: it may have been delivered, so it is not sent "
                       "again.")
        retry = stale.filter(handed_over_at__isnull=True).update(
            state=DeliveryState.PENDING, claim_token="", next_attempt_at=now,
            last_error="The worker stopped before handing the message over; it will be sent.")
    if uncertain or retry:
        logger.warning("recovered interrupted deliveries: %s to send again, %s uncertain",
                       retry, uncertain)
    return Progress(retry=retry, uncertain=uncertain)


def claim(mailing: Mailing, limit: int = BATCH, *, now=None) -> list[Delivery]:
    """Mark up to ``limit`` due deliveries as ``sending`` for this worker; return them."""
    now = now or timezone.now()
    token = secrets.token_hex(16)
    with transaction.atomic():
        due = (Delivery.objects.filter(mailing=mailing, state=DeliveryState.PENDING)
               .exclude(next_attempt_at__gt=now).order_by("pk"))
        ids = list(due.select_for_update(skip_locked=True).values_list("pk", flat=True)[:limit])
        Delivery.objects.filter(pk__in=ids, state=DeliveryState.PENDING).update(
            state=DeliveryState.SENDING, claim_token=token, claimed_at=now,
            handed_over_at=None)
    rows = list(Delivery.objects.filter(claim_token=token, state=DeliveryState.SENDING)
                .select_related("mailing", "subscriber").order_by("pk"))
    return rows


def _mine(delivery: Delivery):
    return Delivery.objects.filter(pk=delivery.pk, claim_token=delivery.claim_token,
                                   state=DeliveryState.SENDING)


def mark_handed_over(delivery: Delivery) -> bool:
    """Record that the message is about to be committed; False if the claim was lost."""
    with transaction.atomic():
        return _mine(delivery).update(handed_over_at=timezone.now()) == 1


def _finish(delivery: Delivery, **fields) -> None:
    with transaction.atomic():
        Delivery.objects.filter(pk=delivery.pk, claim_token=delivery.claim_token).update(
            claim_token="", **fields)


def _retry_or_fail(delivery: Delivery, error: str, *, now) -> str:
    attempts = delivery.attempts + 1
    if attempts >= MAX_ATTEMPTS:
        _finish(delivery, state=DeliveryState.FAILED, attempts=attempts, last_error=error)
        return "failed"
    wait = BACKOFF[min(attempts - 1, len(BACKOFF) - 1)]
    _finish(delivery, state=DeliveryState.PENDING, attempts=attempts,
            next_attempt_at=now + wait, handed_over_at=None, last_error=error)
    return "retry"


def send_one(connection, delivery: Delivery) -> str:
    """Send one claimed delivery; return "sent", "failed", "retry" or "uncertain"."""
    now = timezone.now()
    try:
        message = delivery_message(delivery)
        message.before_commit = lambda: mark_handed_over(delivery)
        connection.open()  # keep one connection across messages; reopened after a failure
        connection.send_messages([message])
    except HandoverRefused:
        return "lost"  # another worker recovered the claim; it sends the message
    except SigningError as error:
        # No key: nothing can go out signed. Keep it for when a key is made.
        return _retry_or_fail(delivery, f"not signed: {error}", now=now)
    except smtplib.SMTPResponseException as error:
        text = f"{error.smtp_code} {error.smtp_error!r}"
        if 500 <= error.smtp_code < 600:
            _finish(delivery, state=DeliveryState.FAILED, attempts=delivery.attempts + 1,
                    last_error=text)
            return "failed"
        return _retry_or_fail(delivery, text, now=now)
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _reply in error.recipients.values()]
        text = f"recipient refused: {error.recipients!r}"
        if codes and all(500 <= code < 600 for code in codes):
            _finish(delivery, state=DeliveryState.FAILED, attempts=delivery.attempts + 1,
                    last_error=text)
            return "failed"
        return _retry_or_fail(delivery, text, now=now)
    except (smtplib.SMTPException, OSError) as error:
        # The connection broke. Before hand-over the server discards the message; after it,
        # it may have kept it.
        handed_over = Delivery.objects.filter(pk=delivery.pk,
                                              handed_over_at__isnull=False).exists()
        if handed_over:
            _finish(delivery, state=DeliveryState.UNCERTAIN, attempts=delivery.attempts + 1,
                    last_error=f"connection lost after hand-over: {error!r}")
            return "uncertain"
        return _retry_or_fail(delivery, f"connection: {error!r}", now=now)
    _finish(delivery, state=DeliveryState.SENT, sent_at=timezone.now(),
            attempts=delivery.attempts + 1, last_error="")
    return "sent"


def deliver(mailing: Mailing, *, backend: str | None = None) -> Progress:
    """Send every delivery of ``mailing`` that is due now; return what happened."""
    progress = recover(mailing)
    connection = get_connection(backend or settings.TREATYDESK_MAIL_BACKEND)
    try:
        while True:
            rows = claim(mailing)
            if not rows:
                break
            for row in rows:
                outcome = send_one(connection, row)
                if outcome == "sent":
                    progress.sent += 1
                elif outcome == "failed":
                    progress.failed += 1
                elif outcome == "retry":
                    progress.retry += 1
                elif outcome == "uncertain":
                    progress.uncertain += 1
                if outcome in ("retry", "uncertain", "lost"):
                    # The connection may be broken: start a fresh one for the next message.
                    connection.close()
    finally:
        connection.close()
    if mailing.finished_at is None and mailing.is_finished:
        Mailing.objects.filter(pk=mailing.pk, finished_at__isnull=True).update(
            finished_at=timezone.now())
    return progress


def next_attempt(mailing: Mailing):
    """Return when the mailing next needs a worker, or None when nothing is left to do.

    That is the earliest postponed retry, or the moment another worker's claim expires (if
    that worker died, its claims must be recovered by someone).
    """
    pending = (Delivery.objects.filter(mailing=mailing, state=DeliveryState.PENDING)
               .order_by("next_attempt_at").values_list("next_attempt_at", flat=True).first())
    claimed = (Delivery.objects.filter(mailing=mailing, state=DeliveryState.SENDING)
               .order_by("claimed_at").values_list("claimed_at", flat=True).first())
    moments = [m for m in (pending, claimed and claimed + timedelta(seconds=claim_seconds()))
               if m is not None]
    if not moments and Delivery.objects.filter(mailing=mailing,
                                               state=DeliveryState.PENDING).exists():
        return timezone.now()
    return min(moments) if moments else None
