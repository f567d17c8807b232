"""``treatydesk release``: files, a data package frictionless accepts, a changelog of facts."""

import json

import pytest
from frictionless import validate

from treatydesk.cli import main
from treatydesk.core import clock

pytestmark = pytest.mark.django_db


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def test_release_validates_and_two_releases_name_the_recorded_instrument(
        var_dir, client, fresh_site, capsys):
    from treatydesk.api.releases import store
    from treatydesk.records.facts.actions import RecordFact
    from treatydesk.records.facts.models import Fact

    assert main(["release"]) == 0
    first = store.latest()
    package = var_dir / "releases" / first / "datapackage.json"
    report = validate(package)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])

    day = clock.today()
    RecordFact(Fact(treaty="CCM", state="USA", state_name="United States of America",
                    kind="accession", date=day, cn_reference="C.N.999.2026.TREATIES-XXVI.6"),
               actor="test").execute()
    assert main(["release"]) == 0
    second = store.latest()
    assert second == f"{day.isoformat()}.2" and first == day.isoformat()

    changelog = json.loads((var_dir / "releases" / second / "changelog.json").read_text())
    assert changelog["previous"] == first
    ccm = changelog["treaties"]["CCM"]
    assert [(r["id"], r["cn_reference"]) for r in ccm["added"]] == [
        (f"CCM:USA:accession:{day.isoformat()}", "C.N.999.2026.TREATIES-XXVI.6")]
    assert ccm["changed"] == [] and ccm["removed"] == []
    for code, changes in changelog["treaties"].items():
        if code != "CCM":
            assert changes["added"] == changes["changed"] == changes["removed"] == []

    # Served at permanent URLs; latest is an alias of the newest.
    response = client.get(f"/data/releases/{second}/ccm/participants.csv")
    assert response.status_code == 200 and b"USA" in b"".join(response.streaming_content)
    assert "immutable" in response["Cache-Control"]
    latest = client.get("/data/releases/latest/changelog.json")
    assert latest.status_code == 302 and second in latest["Location"]
    page = client.get("/en/data/")
    assert page.status_code == 200 and second in page.content.decode()


def test_scheduled_job_releases_only_after_a_change(var_dir, fresh_site):
    from treatydesk.api.releases.build import make_release_if_changed

    assert make_release_if_changed() is not None
    assert make_release_if_changed() is None  # nothing changed, and one was made today


def test_release_file_outside_the_release_is_refused(var_dir, client, fresh_site):
    assert main(["release"]) == 0
    from treatydesk.api.releases import store

    version = store.latest()
    assert client.get(f"/data/releases/{version}/../../etc/passwd").status_code == 404
    assert client.get("/data/releases/1999-01-01/datapackage.json").status_code == 404


def test_a_release_carries_a_checkpoint_that_verifies_with_its_key(var_dir, client, fresh_site):
    from tests.records.log.independent import open_checkpoint
    from treatydesk.api.releases import store
    from treatydesk.records.facts.actions import RecordFact
    from treatydesk.records.facts.models import Fact
    from treatydesk.records.log import store as log_store

    RecordFact(Fact(treaty="CCM", state="USA", state_name="United States of America",
                    kind="accession", date=clock.today(), cn_reference="C.N.9.2026.TREATIES"),
               actor="test").execute()
    assert main(["release"]) == 0
    folder = var_dir / "releases" / store.latest()
    note = (folder / "log" / "checkpoint").read_text()
    vkey = (folder / "log" / "key").read_text().splitlines()[0]
    origin, size, root = open_checkpoint(note, vkey)
    assert size == log_store.size(), "the release's checkpoint covers the fact just recorded"
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["log"]["size"] == size and manifest["log"]["vkey"] == vkey
    assert manifest["log"]["root"] == root.hex()
    package = json.loads((folder / "datapackage.json").read_text())
    paths = {r["path"] for r in package["resources"]}
    assert {"log/checkpoint", "log/key"} <= paths
    assert validate(folder / "datapackage.json").valid
    events = json.loads((folder / "ccm" / "events.json").read_text())
    usa = [e for e in events if e["iso3"] == "USA"]
    assert len(usa) == 1 and usa[0]["log"]["index"] == size - 1
    served = client.get(f"/data/releases/{store.latest()}/log/checkpoint")
    assert served["Content-Type"] == "text/plain; charset=utf-8"
    assert b"".join(served.streaming_content).decode() == note
    tampered = note.replace(f"\n{size}\n", f"\n{size + 1}\n")
    with pytest.raises(Exception):  # noqa: B017 - any failure of the signature check
        open_checkpoint(tampered, vkey)
