"""Subscribers, consent records and bounces are listed read-only in the admin."""

import pytest
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
