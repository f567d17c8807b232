"""A subscriber changes what they receive, and its language, from the link in any message."""

import re

import pytest
from django.test import Client

from treatydesk.mail.outgoing.messages import footer
from treatydesk.mail.subscribers.models import ConsentAction, Subscriber, SubscriberStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscriber():
    return Subscriber.objects.create(email="p@university.example", language="en",
                                     notices=True, status=SubscriberStatus.ACTIVE)


def test_get_shows_the_current_choice_and_changes_nothing(subscriber):
    page = Client().get(f"/en/subscription/{subscriber.unsubscribe_token}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert re.search(r'value="notices"[^>]*checked', html)
    assert not re.search(r'value="news"[^>]*checked', html)
    assert "no-store" in page["Cache-Control"]
    assert not subscriber.consents.exists()


def test_post_saves_topics_and_language_with_a_consent_record(subscriber):
    path = f"/en/subscription/{subscriber.unsubscribe_token}/"
    done = Client(enforce_csrf_checks=True).post(path, {"topics": ["news", "meetings"],
                                                        "language": "fr"})
    assert done.status_code == 200
    assert "Saved:" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.topics == ["news", "meetings"] and subscriber.language == "fr"
    consent = subscriber.consents.get()
    assert consent.action == ConsentAction.CHANGED
    assert consent.topics == ["news", "meetings"] and consent.language == "fr"


def test_no_topic_is_refused_and_nothing_changes(subscriber):
    path = f"/en/subscription/{subscriber.unsubscribe_token}/"
    refused = Client().post(path, {"language": "es"})
    assert refused.status_code == 400
    assert "Choose at least one kind of message" in refused.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.language == "en" and subscriber.topics == ["notices"]


@pytest.mark.parametrize("token", ["short", "x" * 40])
def test_unknown_links_are_404(db, token):
    assert Client().get(f"/en/subscription/{token}/").status_code == 404


def test_every_message_footer_links_the_preferences():
    text = footer("en", "https://www.ccm.example/en/unsubscribe/TOKEN1234567890TOKEN/")
    assert "https://www.ccm.example/en/subscription/TOKEN1234567890TOKEN/" in text
    assert "To stop receiving these messages" in text
