"""Publishing a draft register fact and its notices together, in one transaction.

A register keeper saves a new fact as a draft (``records.facts``); its notices are drafted from
the register as it will be. On the fact's review page (``factreview``) a reviewer publishes
both at once: the fact joins the register (``PublishFact``: audit, public log, caches), each
notice's latest revision is published (a review in progress is closed, as Wagtail closes it
when a page is published), and, if asked, each notice is mailed to its subscribers. The
notices are published only by whoever may publish them, the Moderators
(``security/accounts/review.py``): no role skips review.
"""

from __future__ import annotations

import dataclasses

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from treatydesk.core import wording
from treatydesk.mail.mailings.actions import MailingRefused, MailPage
from treatydesk.mail.mailings.models import Mailing
from treatydesk.records.facts.actions import PublishFact
from treatydesk.records.facts.models import Fact

from .actions import cancel_reviews
from .models import NoticePage

PUBLISH_FACT = "registry.publish_fact"


def notices_of(fact: Fact) -> list[NoticePage]:
    """Return the notice pages drafted from ``fact``, English first, then French, Spanish."""
    order = {code: number for number, code in enumerate(wording.LANGUAGES)}
    pages = NoticePage.objects.filter(source__fact=fact).select_related("locale", "source")
    return sorted(pages, key=lambda page: (order.get(page.locale.language_code, 99), page.pk))


def refusal(user, pages) -> str | None:
    """Return why ``user`` may not publish a fact with ``pages``, or None when they may."""
    if not user.has_perm(PUBLISH_FACT):
        return _("You may not publish register facts: the Register keepers and the Moderators "
                 "do.")
    if any(not page.permissions_for_user(user).can_publish_with_its_fact() for page in pages):
        return _("Only the Moderators publish notices: ask one of them to publish this fact "
                 "with its notices.")
    return None


@dataclasses.dataclass
class Published:
    fact: Fact
    notices: list[NoticePage]
    mailings: list[Mailing]


class PublishWithNotices:
    """Publish a draft ``fact`` and every notice drafted from it; all or nothing."""

    def __init__(self, fact: Fact, user, mail: bool = False):
        self.fact = fact
        self.user = user
        self.mail = mail

    def check(self) -> None:
        reason = refusal(self.user, notices_of(self.fact))
        if reason:
            raise PermissionDenied(reason)

    def execute(self) -> Published:
        """Publish; raise ``PermissionDenied`` or ``RegisterRejected`` and change nothing."""
        self.check()
        with transaction.atomic():
            fact = PublishFact(self.fact, user=self.user).execute()
            # Publishing redrafted the notices from the register as it is now: read them again.
            pages = [page.specific for page in notices_of(fact)]
            cancel_reviews(pages, self.user)
            for page in pages:
                page.get_latest_revision().publish(user=self.user)
            pages = [NoticePage.objects.get(pk=page.pk) for page in pages]
            mailings = self._mail(pages) if self.mail else []
        return Published(fact, pages, mailings)

    def _mail(self, pages) -> list[Mailing]:
        mailings = []
        for page in pages:
            try:
                mailings.append(MailPage(page, self.user).execute())
            except MailingRefused:
                continue
        return mailings
