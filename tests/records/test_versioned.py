"""The versioned cache both the register and the obligations use."""

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


@pytest.mark.django_db
def test_a_request_reads_each_token_once_until_it_changes_one(django_assert_num_queries):
    from django.core.signals import request_finished, request_started

    renew_token(RegisterVersion, "CCM")
    request_started.send(sender=None)
    try:
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
    finally:
        request_finished.send(sender=None)
    with django_assert_num_queries(2):  # outside a request every read asks the database
        read_token(RegisterVersion, "CCM")
        read_token(RegisterVersion, "CCM")


@pytest.mark.django_db
def test_the_next_request_sees_a_token_another_process_renewed(django_assert_num_queries):
    from django.core.signals import request_finished, request_started

    request_started.send(sender=None)
    before = read_token(RegisterVersion, "CCM")
    request_finished.send(sender=None)
    RegisterVersion.objects.update_or_create(treaty="CCM", defaults={"version": 12345})
    request_started.send(sender=None)
    try:
        assert read_token(RegisterVersion, "CCM") == 12345 != before
    finally:
        request_finished.send(sender=None)
