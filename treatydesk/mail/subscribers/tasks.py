"""Background work of the subscriptions: the confirmation message of a sign-up."""

import secrets

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from django_tasks import task

from treatydesk.mail.outgoing import sending
from treatydesk.mail.outgoing.messages import (
    build_message,
    new_message_id,
    new_message_id_value,
    public_base_url,
)

from .actions import confirmation_text
from .models import Subscriber, SubscriberStatus, token_hash


# Before the queue's other work (search-index updates can be hundreds after an import): the
# reader is waiting for this message.
@task(priority=50)
def send_confirmation(subscriber_id: int) -> bool:
    """Make a new confirmation link for the subscriber and mail it (signed, like all our mail).

    The token is made here, not in the request, so that it is never stored in clear, not even
    in the task queue.
    """
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return False
    token = secrets.token_urlsafe(32)
    Subscriber.objects.filter(pk=subscriber.pk).update(confirm_token_hash=token_hash(token))
    with override(subscriber.language):
        url = public_base_url() + reverse("subscription_confirm", args=[token])
    subject, text = confirmation_text(subscriber, url)
    message = build_message(to=subscriber.email, subject=subject, text=text,
                            message_id=new_message_id_value(new_message_id()),
                            language=subscriber.language, topic=None, unsubscribe=None)
    sending.send([message])
    return True


def send_confirmation_again(subscriber: Subscriber) -> bool:
    """Queue a new confirmation message for a subscriber still waiting (from the admin).

    Return False, sending nothing, when the subscriber is not waiting for confirmation. The
    new link replaces the old one; the subscriber's choice is the one they asked for.
    """
    updated = Subscriber.objects.filter(pk=subscriber.pk, status=SubscriberStatus.PENDING) \
        .update(confirmation_sent_at=timezone.now())
    if not updated:
        return False
    queued = send_confirmation.using(backend=settings.TREATYDESK_MAIL_TASK_BACKEND)
    transaction.on_commit(lambda: queued.enqueue(subscriber.pk))
    return True
