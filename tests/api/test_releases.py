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
