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


PROXY = "10.0.0.5"  # nginx, as docs/deploy.md sets it up


def attempt_via_proxy(client, password, forwarded):
    return client.post(
        reverse("wagtailadmin_login"), {"username": "editor", "password": password},
        REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_behind_the_proxy_an_attacker_cannot_lock_the_editor_out(client, editor, settings):
    settings.TREATYDESK_TRUSTED_PROXIES = "127.0.0.1, 10.0.0.0/24"
    for n in range(6):  # any X-Forwarded-For the attacker likes; nginx appends the real one
        attempt_via_proxy(client, "wrong", f"203.0.113.7, 192.0.2.{n}, 198.51.100.66")
    response = attempt_via_proxy(client, PASSWORD, "203.0.113.7")
    assert response.status_code == 302
    assert signed_in(client)


def test_behind_the_proxy_failures_lock_that_client(client, editor, settings):
    settings.TREATYDESK_TRUSTED_PROXIES = "10.0.0.0/24"
    for _ in range(5):
        attempt_via_proxy(client, "wrong", "198.51.100.66")
    assert attempt_via_proxy(client, PASSWORD, "198.51.100.66").status_code == 429
    assert attempt_via_proxy(client, PASSWORD, "203.0.113.7").status_code == 302


def test_forwarded_for_from_an_untrusted_peer_is_ignored(client, editor, settings):
    settings.TREATYDESK_TRUSTED_PROXIES = "10.0.0.0/24"
    for n in range(5):  # straight to the app server, pretending to be many clients
        client.post(reverse("wagtailadmin_login"), {"username": "editor", "password": "wrong"},
                    REMOTE_ADDR="198.51.100.66", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    response = client.post(reverse("wagtailadmin_login"),
                           {"username": "editor", "password": PASSWORD},
                           REMOTE_ADDR="198.51.100.66", HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert response.status_code == 429
