"""Editors' sign-in: repeated failures lock the username from that address only."""

import pytest
from django.urls import reverse

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(django_user_model, db):
    return django_user_model.objects.create_superuser("editor", "e@example.org", PASSWORD)


def attempt(client, password, ip):
    return client.post(
        reverse("wagtailadmin_login"), {"username": "editor", "password": password},
        REMOTE_ADDR=ip,
    )


def signed_in(client):
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def test_five_failures_lock_that_username_from_that_address(client, editor):
    for _ in range(5):
        assert attempt(client, "wrong", "203.0.113.7").status_code in (200, 429)
    response = attempt(client, PASSWORD, "203.0.113.7")
    assert response.status_code == 429
    assert b"Sign-in paused" in response.content
    assert not signed_in(client)


def test_attacker_elsewhere_cannot_lock_the_editor_out(client, editor):
    for _ in range(6):
        attempt(client, "wrong", "198.51.100.66")
    response = attempt(client, PASSWORD, "203.0.113.7")
    assert response.status_code == 302
    assert signed_in(client)


def test_fewer_failures_do_not_lock(client, editor):
    for _ in range(4):
        attempt(client, "wrong", "203.0.113.7")
    assert attempt(client, PASSWORD, "203.0.113.7").status_code == 302
