"""Signing out: a POST ends the session on the server; a GET changes nothing at all."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "x" * 16)
    client.force_login(user)
    return client


def test_get_logout_changes_nothing(signed_in):
    cookie = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
    response = signed_in.get("/admin/logout/")
    assert response.status_code == 405
    assert settings.SESSION_COOKIE_NAME not in response.cookies  # not deleted, not replaced
    assert Session.objects.filter(session_key=cookie).exists()
    assert signed_in.get("/admin/").status_code == 200


def test_post_logout_ends_the_session_on_the_server(signed_in):
    cookie = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
    response = signed_in.post("/admin/logout/")
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=cookie).exists()
    signed_in.cookies[settings.SESSION_COOKIE_NAME] = cookie  # replaying the old cookie
    assert signed_in.get("/admin/").status_code == 302  # to the sign-in page
