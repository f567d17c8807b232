"""Read bounce messages (RFC 3464 delivery status notifications) and act on them.

Mail to subscribers goes out with our bounce address as the envelope sender; the mailbox that
receives the bounces is read from a maildir or from saved files (``treatydesk mail bounces``).
Each report is recorded once (by its fingerprint). A permanent failure (``Action: failed`` with
a 5.x.x status) counts against the subscriber; after ``HARD_BOUNCE_LIMIT`` of them, mail to
the address stops, as a consent record says. Temporary failures are recorded only.
"""

from __future__ import annotations

import hashlib
import mailbox
import re
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import Message
from pathlib import Path

from django.db import IntegrityError, transaction
from django.db.models import F

from treatydesk.mail.subscribers.actions import record
from treatydesk.mail.subscribers.models import (
    Bounce,
    BounceKind,
    ConsentAction,
    Subscriber,
    SubscriberStatus,
)

from .models import Delivery

HARD_BOUNCE_LIMIT = 2
MAX_MESSAGE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Failure:
    """One recipient's failure, as a delivery status notification reports it."""

    address: str
    kind: str
    status: str
    diagnostic: str


@dataclass
class Summary:
    messages: int = 0
    hard: int = 0
    soft: int = 0
    known: int = 0
    stopped: int = 0
    ignored: int = 0
    problems: list[str] = field(default_factory=list)


_ADDRESS_RE = re.compile(r"^\s*(?:rfc822\s*;)?\s*<?([^<>\s;]+@[^<>\s;]+)>?\s*$", re.IGNORECASE)


def _fields(part: Message) -> list[dict[str, str]]:
    """Return the per-message and per-recipient field groups of a delivery-status part."""
    groups = []
    payload = part.get_payload()
    if isinstance(payload, list):
        # The email package parses message/delivery-status into one Message per group.
        for block in payload:
            groups.append({k.lower(): str(v) for k, v in block.items()})
        return groups
    text = part.get_payload(decode=True) or b""
    for block in re.split(rb"\r?\n\s*\r?\n", text):
        parsed = message_from_bytes(block.strip() + b"\n\n", policy=policy.compat32)
        groups.append({k.lower(): str(v) for k, v in parsed.items()})
    return groups


def _original_message_id(message: Message) -> str:
    for part in message.walk():
        if part.get_content_type() in ("text/rfc822-headers", "message/rfc822"):
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            if inner is None:
                inner = message_from_bytes(part.get_payload(decode=True) or b"",
                                           policy=policy.compat32)
            value = inner.get("Message-ID", "")
            return str(value).strip().strip("<>")[:200]
    return ""


def parse_bounce(raw: bytes) -> tuple[list[Failure], str]:
    """Return the failures a DSN reports and the Message-ID of the bounced message.

    Anything that is not a delivery status notification gives no failure.
    """
    message = message_from_bytes(raw[:MAX_MESSAGE_BYTES], policy=policy.compat32)
    failures = []
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        for group in _fields(part):
            recipient = group.get("final-recipient") or group.get("original-recipient") or ""
            match = _ADDRESS_RE.match(recipient)
            action = group.get("action", "").strip().lower()
            if match is None or action not in ("failed", "delayed"):
                continue
            status = group.get("status", "").strip()[:16]
            kind = BounceKind.HARD if action == "failed" and status.startswith("5") \
                else BounceKind.SOFT
            failures.append(Failure(match.group(1).lower(), kind, status,
                                    " ".join(group.get("diagnostic-code", "").split())[:2000]))
    return failures, _original_message_id(message) if failures else ""


def record_bounce(raw: bytes, summary: Summary) -> None:
    """Record the failures of one bounce message, each once; stop addresses that bounce."""
    summary.messages += 1
    failures, message_id = parse_bounce(raw)
    if not failures:
        summary.ignored += 1
        return
    digest = hashlib.sha256(raw).hexdigest()
    for failure in failures:
        fingerprint = hashlib.sha256(f"{digest}:{failure.address}".encode()).hexdigest()
        delivery = Delivery.objects.filter(message_id=message_id).select_related(
            "subscriber").first() if message_id else None
        subscriber = delivery.subscriber if delivery and delivery.subscriber_id else \
            Subscriber.objects.filter(email=failure.address).first()
        try:
            with transaction.atomic():
                Bounce.objects.create(subscriber=subscriber, message_id=message_id,
                                      address=failure.address, kind=failure.kind,
                                      status=failure.status, diagnostic=failure.diagnostic,
                                      fingerprint=fingerprint)
        except IntegrityError:
            summary.known += 1
            continue
        if failure.kind != BounceKind.HARD:
            summary.soft += 1
            continue
        summary.hard += 1
        if subscriber is not None and _count_hard_bounce(subscriber):
            summary.stopped += 1


@transaction.atomic
def _count_hard_bounce(subscriber: Subscriber) -> bool:
    """Count a permanent failure; return True if the subscriber is now stopped."""
    Subscriber.objects.filter(pk=subscriber.pk).update(hard_bounces=F("hard_bounces") + 1)
    subscriber.refresh_from_db()
    if subscriber.hard_bounces < HARD_BOUNCE_LIMIT or \
            subscriber.status != SubscriberStatus.ACTIVE:
        return False
    subscriber.status = SubscriberStatus.BOUNCING
    subscriber.save(update_fields=["status"])
    record(subscriber, ConsentAction.STOPPED, "bounces")
    return True


def _messages(path: Path):
    if (path / "cur").is_dir() or (path / "new").is_dir():
        box = mailbox.Maildir(path, factory=None, create=False)
        for key in box.iterkeys():
            with box.get_file(key) as handle:
                yield handle.read(MAX_MESSAGE_BYTES + 1)
    elif path.is_dir():
        for child in sorted(path.iterdir()):
            if child.is_file():
                yield child.read_bytes()[:MAX_MESSAGE_BYTES + 1]
    else:
        yield path.read_bytes()[:MAX_MESSAGE_BYTES + 1]


def read_paths(paths) -> Summary:
    """Record the bounces in files, folders of files and maildirs."""
    summary = Summary()
    for path in paths:
        try:
            for raw in _messages(Path(path)):
                record_bounce(raw, summary)
        except OSError as error:
            summary.problems.append(f"{path}: {error.strerror or error}")
    return summary
