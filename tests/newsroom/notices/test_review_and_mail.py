"""Approving a notice can e-mail it to its subscribers in the same step."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Workflow

from tests.newsroom.notices.test_drafting import notices_by_language, record_iraq
from tests.newsroom_fixtures import ccm_before_iraq, site  # noqa: F401
from treatydesk.mail.mailings.models import Mailing
from treatydesk.mail.subscribers.models import Subscriber, SubscriberStatus
from treatydesk.newsroom.notices.review import APPROVE_AND_MAIL, NoticeReviewTask
from treatydesk.setup.newsroom import NOTICE_WORKFLOW, ensure_notice_workflow

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(ccm_before_iraq):  # noqa: F811
    ensure_notice_workflow()
    user = get_user_model().objects.create_user("mod", "mod@example.org", "pw-moderator-1")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def in_review(page, user):
    workflow = Workflow.objects.get(name=NOTICE_WORKFLOW)
    page.save_revision(user=user)
    return workflow.start(page, user)


def test_the_notice_task_offers_approve_and_mail(moderator):
    task = NoticeReviewTask.objects.get()
    page = notices_by_language(record_iraq())["en"]
    names = [name for name, _label, _modal in task.get_actions(page, moderator)]
    assert names == ["reject", "approve", "approve", APPROVE_AND_MAIL]
    stranger = get_user_model().objects.create_user("x", "x@example.org", "pw-stranger-1")
    assert task.get_actions(page, stranger) == []


def test_approve_and_mail_publishes_and_queues_one_mail_per_subscriber(moderator):
    reader = Subscriber.objects.create(email="r@university.example", language="en",
                                       notices=True, status=SubscriberStatus.ACTIVE)
    Subscriber.objects.create(email="fr@university.example", language="fr", notices=True,
                              status=SubscriberStatus.ACTIVE)
    Subscriber.objects.create(email="news@university.example", language="en", notices=False,
                              news=True, status=SubscriberStatus.ACTIVE)
    page = notices_by_language(record_iraq(dt.date(2013, 5, 14)))["en"]
    state = in_review(page, moderator)
    task_state = state.current_task_state
    task = task_state.task.specific
    task.on_action(task_state, moderator, APPROVE_AND_MAIL)
    page.refresh_from_db()
    assert page.live
    mailing = Mailing.objects.get(page=page)
    assert [d.address for d in mailing.deliveries.all()] == [reader.email]


def test_plain_approve_sends_nothing(moderator):
    Subscriber.objects.create(email="r@university.example", language="en", notices=True,
                              status=SubscriberStatus.ACTIVE)
    page = notices_by_language(record_iraq())["en"]
    state = in_review(page, moderator)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    page.refresh_from_db()
    assert page.live and not Mailing.objects.exists()
