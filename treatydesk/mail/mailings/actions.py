"""Mail a page to its subscribers, as an action: permission check, rows, audit log, queue."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from treatydesk.mail.outgoing.messages import new_message_id, new_message_id_value
from treatydesk.mail.subscribers.models import Subscriber

from .compose import NotMailable, page_content, page_topic
from .models import Delivery, DeliveryState, Mailing
from .tasks import enqueue_mailing


class MailingRefused(Exception):
    """The page cannot be mailed now; the message says why."""


class MailPage:
    """Send a live page to the active subscribers of its topic and language, once each.

    Subscribers who already have this page (sent, in flight or uncertain, from an earlier
    mailing) are left out: asking twice never mails anyone twice.
    """

    def __init__(self, page, user=None):
        self.page = page.specific
        self.user = user if getattr(user, "pk", None) else None

    def check(self, skip_permission_checks: bool = False) -> None:
        try:
            self.topic = page_topic(self.page)
        except NotMailable:
            raise MailingRefused(_("This kind of page is not sent by e-mail.")) from None
        if not self.page.live:
            raise MailingRefused(_("Only a published page can be sent by e-mail. Publish it "
                                   "first."))
        if not skip_permission_checks and self.user is not None and \
                not self.page.permissions_for_user(self.user).can_publish():
            raise PermissionDenied

    def recipients(self):
        """Return the subscribers who should get the page and do not have it yet."""
        language = self.page.locale.language_code
        already = (Delivery.objects.filter(mailing__page=self.page)
                   .exclude(state=DeliveryState.FAILED).values("address"))
        return (Subscriber.objects.wanting(page_topic(self.page), language)
                .exclude(email__in=already).order_by("pk"))

    def execute(self, skip_permission_checks: bool = False) -> Mailing:
        self.check(skip_permission_checks)
        with transaction.atomic():
            subject, text, url = page_content(self.page)
            mailing = Mailing.objects.create(
                page=self.page, topic=self.topic or "", language=self.page.locale.language_code,
                subject=subject, body=text, url=url, created_by=self.user)
            Delivery.objects.bulk_create(
                Delivery(mailing=mailing, subscriber=subscriber, address=subscriber.email,
                         message_id=new_message_id_value(new_message_id()))
                for subscriber in self.recipients())
            count = mailing.deliveries.count()
            log(instance=self.page, action="treatydesk.mailing.queued", user=self.user,
                data={"mailing": mailing.pk, "recipients": count})
            # Queued only once the rows exist for the worker to see.
            transaction.on_commit(lambda: enqueue_mailing(mailing))
        return mailing
