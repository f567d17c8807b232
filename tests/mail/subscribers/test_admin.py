"""Subscribers, consent records and bounces are listed read-only in the admin."""

import pytest
from django.core import mail
from django.urls import reverse

from treatydesk.mail.subscribers.actions import confirm, request_subscription
from treatydesk.mail.subscribers.models import Subscriber

pytestmark = pytest.mark.django_db


def test_subscribers_and_their_consent_are_listed_not_edited(client, django_user_model):
    admin = django_user_model.objects.create_superuser("a", "a@example.org", "x" * 12)
    client.force_login(admin)
    request_subscription("reader@university.example", "en", ["notices"], source="form",
                         ip="", wording="I want it.")
    subscriber = Subscriber.objects.get()
    confirm(subscriber, source="link", ip="")
    listing = client.get(reverse("subscribers:index"))
    assert listing.status_code == 200 and b"reader@university.example" in listing.content
    inspect = client.get(reverse("subscribers:inspect", args=[subscriber.pk]))
    assert inspect.status_code == 200
    consents = client.get(reverse("consent_records:index"))
    assert consents.status_code == 200 and b"reader@university.example" in consents.content
    assert client.get(reverse("bounces:index")).status_code == 200
    with pytest.raises(Exception):  # noqa: B017, PT011 - no edit view is registered
        reverse("subscribers:edit", args=[subscriber.pk])


def test_a_waiting_subscriber_can_be_sent_the_confirmation_again(
        client, django_user_model, settings, django_capture_on_commit_callbacks):
    settings.TREATYDESK_MAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    admin = django_user_model.objects.create_superuser("a", "a@example.org", "x" * 12)
    client.force_login(admin)
    waiting = request_subscription("waiting@example.org", "en", ["notices"], source="form",
                                   ip="", wording="I want it.")
    request_subscription("active@example.org", "en", ["notices"], source="form", ip="",
                         wording="I want it.")
    active = Subscriber.objects.get(email="active@example.org")
    confirm(active, source="link", ip="")
    url = reverse("subscriber_send_confirmation", args=[waiting.pk])
    assert url.encode() in client.get(reverse("subscribers:index")).content
    assert reverse("subscriber_send_confirmation", args=[active.pk]).encode() not in \
        client.get(reverse("subscribers:index")).content
    assert b"has not confirmed yet" in client.get(url).content
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    [message] = [m for m in mail.outbox if m.to == ["waiting@example.org"]]
    assert "/en/subscribe/confirm/" in message.body
    response = client.post(reverse("subscriber_send_confirmation", args=[active.pk]))
    assert response.status_code == 302
    assert [m for m in mail.outbox if m.to == ["active@example.org"]] == []
