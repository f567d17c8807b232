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
