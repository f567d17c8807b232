"""The versioned cache both the register and the obligations use."""

import contextlib

import pytest

from treatydesk.records.facts.models import RegisterVersion
from treatydesk.records.versioned import VersionedCache, read_token, renew_token


def test_a_value_is_rebuilt_only_when_its_version_changes():
    versions = {"CCM": 1}
    builds = []

    def build(treaty):
        builds.append(treaty)
        return f"{treaty} v{versions[treaty]}"

    cache = VersionedCache(versions.get, build)
    assert cache.get("CCM") == "CCM v1"
    assert cache.get("CCM") == "CCM v1"
    assert builds == ["CCM"]
    versions["CCM"] = 2
    assert cache.get("CCM") == "CCM v2"
    cache.clear()
    assert cache.get("CCM") == "CCM v2"
    assert builds == ["CCM", "CCM", "CCM"]


@pytest.mark.django_db
def test_tokens_are_renewed_at_random():
    assert read_token(RegisterVersion, "TPNW") == 0
    seen = set()
    for _ in range(5):
        renew_token(RegisterVersion, "TPNW")
        seen.add(read_token(RegisterVersion, "TPNW"))
    assert len(seen) == 5 and 0 not in seen
    assert RegisterVersion.objects.filter(treaty="TPNW").count() == 1


@contextlib.contextmanager
def a_request():
    """Django's request_started … request_finished around the block, without Django's own
    close_old_connections receivers: they would close the test's connection inside its
    transaction (PostgreSQL then fails every later query)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        request_started.send(sender=None)
        try:
            yield
        finally:
            request_finished.send(sender=None)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_a_request_reads_each_token_once_until_it_changes_one(django_assert_num_queries):
    renew_token(RegisterVersion, "CCM")
    with a_request():
        with django_assert_num_queries(1):
            first = read_token(RegisterVersion, "CCM")
            assert read_token(RegisterVersion, "CCM") == first
            assert read_token(RegisterVersion, "CCM") == first
        with django_assert_num_queries(1):  # another treaty: its own read
            read_token(RegisterVersion, "TPNW")
            read_token(RegisterVersion, "TPNW")
        renew_token(RegisterVersion, "CCM")  # the request changed the register
        with django_assert_num_queries(2):
            renewed = read_token(RegisterVersion, "CCM")
            assert read_token(RegisterVersion, "CCM") == renewed != first
    with django_assert_num_queries(2):  # outside a request every read asks the database
        read_token(RegisterVersion, "CCM")
        read_token(RegisterVersion, "CCM")


@pytest.mark.django_db
def test_the_next_request_sees_a_token_another_process_renewed():
    with a_request():
        before = read_token(RegisterVersion, "CCM")
    RegisterVersion.objects.update_or_create(treaty="CCM", defaults={"version": 12345})
    with a_request():
        assert read_token(RegisterVersion, "CCM") == 12345 != before
