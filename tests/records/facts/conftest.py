"""Fixtures of the register admin's tests: a register keeper signed in to the test client."""

import pytest


@pytest.fixture
def keeper(client, django_user_model):
    user = django_user_model.objects.create_superuser("keeper", "k@example.org", "pw-keeper-123")
    client.force_login(user)
    return user
