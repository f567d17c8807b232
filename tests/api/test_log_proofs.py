"""Each fact the API lists names its entry in the signed log; the API proves it included."""

import base64
import hashlib
import json

import pytest

from tests.records.log.independent import open_checkpoint, rfc9162_verify_inclusion

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_site(fresh_site):
    """The fresh site's log with its checkpoint signed just now (so none is due)."""
    import datetime as dt

    from treatydesk.records.log.models import SignedCheckpoint
    from treatydesk.records.log.signing import latest

    SignedCheckpoint.objects.update(at=dt.datetime.now(dt.UTC))
    return latest()


def test_every_fact_names_its_log_entry_and_its_proof_verifies(client, signed_site):
    items = client.get("/api/v1/treaties/CCM/events?state=IRQ").json()["items"]
    assert items and all(item["log"] for item in items)
    vkey = client.get("/log/key").content.decode().splitlines()[0]
    for item in items:
        log = item["log"]
        assert log["proof"] == f"/api/v1/log/inclusion?index={log['index']}"
        proof = client.get(log["proof"])
        assert proof.status_code == 200, proof.content
        body = proof.json()
        entry = body["entry"].encode()
        assert base64.b64decode(log["leaf_hash"]) == hashlib.sha256(b"\x00" + entry).digest()
        assert body["leaf_hash"] == log["leaf_hash"]
        fact = json.loads(entry)["fact"]
        assert (fact["state"], fact["kind"], fact["date"]) == (item["iso3"], item["kind"],
                                                               item["date"])
        assert "note" not in fact, "a fact's internal note is never in the public log"
        origin, size, root = open_checkpoint(body["checkpoint"], vkey)
        assert size == body["size"] == signed_site.size
        path = [base64.b64decode(h) for h in body["proof"]]
        assert rfc9162_verify_inclusion(entry, body["index"], size, path, root)


def test_a_correction_moves_the_fact_to_its_new_entry(client, signed_site):
    from treatydesk.records.facts.actions import RecordFact
    from treatydesk.records.facts.models import Fact

    row = Fact.objects.filter(treaty="CCM", state="IRQ").order_by("pk").first()
    before = client.get("/api/v1/treaties/CCM/events?state=IRQ").json()["items"]
    row.public_note = "Corrected wording"
    RecordFact(row, actor="test", reason="typo").execute()
    after = client.get("/api/v1/treaties/CCM/events?state=IRQ").json()["items"]
    moved = [(b["log"]["index"], a["log"]["index"]) for b, a in zip(before, after, strict=True)
             if b["log"] != a["log"]]
    assert len(moved) == 1 and moved[0][1] > moved[0][0] >= 0
    waiting = client.get(f"/api/v1/log/inclusion?index={moved[0][1]}")
    assert waiting.status_code == 404
    assert "next checkpoint" in waiting.json()["detail"]


def test_a_proof_against_an_earlier_size_carries_no_checkpoint(client, signed_site):
    body = client.get("/api/v1/log/inclusion?index=3&size=10").json()
    assert body["size"] == 10 and body["checkpoint"] is None and body["proof"]
    beyond = client.get("/api/v1/log/inclusion?index=10&size=10").json()["detail"]
    assert beyond == "entry 10 is not in a tree of 10 entries"


@pytest.mark.parametrize("query", ["", "?index=-1", "?index=x", "?index=1&size=0",
                                   "?index=1&size=99999999", "?index=99999999"])
def test_bad_proof_requests_are_problems(client, signed_site, query):
    response = client.get(f"/api/v1/log/inclusion{query}")
    assert response.status_code in (400, 404)
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"]


def test_the_proof_is_cached_until_the_next_checkpoint(client, signed_site):
    first = client.get("/api/v1/log/inclusion?index=3")
    again = client.get("/api/v1/log/inclusion?index=3", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_each_notice_names_the_entry_of_the_fact_it_announces(client, signed_site):
    items = client.get("/api/v1/notices?limit=1000").json()["items"]
    announced = [item for item in items if item["iso3"]]
    assert announced, "the fresh site publishes notices drafted from the register"
    for item in announced:
        body = client.get(item["log"]["proof"]).json()
        entry = json.loads(body["entry"])
        assert (entry["treaty"], entry["fact"]["state"]) == (item["treaty"], item["iso3"])
