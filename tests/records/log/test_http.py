"""The log over HTTP and as a directory: tiles at their tlog-tiles paths with their cache rules,
proofs as JSON, and the verifier failing on a tampered tile or checkpoint signature."""

import base64

import pytest

from treatydesk.core.transparency import Tile, leaf_hash, verify_consistency
from treatydesk.records.log.export import export_log
from treatydesk.records.log.models import LogEntry
from treatydesk.records.log.remote import verify_source


def test_checkpoint_and_key_are_plain_text_and_not_kept_long(signed_register, client):
    response = client.get("/log/checkpoint")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    lines = response.content.decode().split("\n")
    assert lines[1] == str(signed_register.size) and lines[3] == ""
    assert lines[4].startswith("\u2014 " + lines[0] + " ")
    key = client.get("/log/key").content.decode()
    assert key.startswith(lines[0] + "+") and "sessionid" not in response.cookies


def test_full_tiles_are_immutable_and_partial_ones_are_not(signed_register, client):
    size = signed_register.size
    assert size > 256
    full = client.get("/log/tile/0/000")
    assert full["Cache-Control"] == "public, max-age=31536000, immutable"
    assert full["Content-Type"] == "application/octet-stream" and len(full.content) == 8192
    first = LogEntry.objects.get(index=0).data.encode()
    assert full.content[:32] == leaf_hash(first)
    partial = client.get("/" + "log/" + Tile(0, size // 256, size % 256).path)
    assert partial.status_code == 200 and partial["Cache-Control"] == "public, max-age=10"
    bundle = client.get("/log/tile/entries/000")
    assert bundle.content[:2] == len(first).to_bytes(2, "big")
    assert bundle.content[2:2 + len(first)] == first


@pytest.mark.parametrize("path", ["0/9", "0/001.p/256", "0/999", "entries/000.p/3000"])
def test_a_tile_the_log_has_not_is_a_404(signed_register, client, path):
    assert client.get(f"/log/tile/{path}").status_code == 404


def test_consistency_proofs_between_sizes(signed_register, client):
    from treatydesk.core.transparency import root_hash
    from treatydesk.records.log.store import DatabaseTree

    size = signed_register.size
    body = client.get(f"/log/proof/consistency?first=100&second={size}").json()
    proof = [base64.b64decode(h) for h in body["proof"]]
    tree = DatabaseTree()
    assert verify_consistency(100, size, root_hash(tree, 100), bytes.fromhex(
        signed_register.root), proof)


@pytest.mark.parametrize("query", ["", "?index=x", "?index=1&size=999999", "?fact=-1"])
def test_bad_proof_requests_say_what_is_wrong(signed_register, client, query):
    response = client.get(f"/log/proof/inclusion{query}")
    assert response.status_code in (400, 404) and response.json()["error"]


def test_an_exported_directory_verifies(signed_register, tmp_path):
    export_log(tmp_path / "log")
    report = verify_source(str(tmp_path / "log"))
    assert report.ok, report.failures


def test_a_tampered_tile_fails_naming_the_entry(signed_register, tmp_path):
    root = tmp_path / "log"
    export_log(root)
    tile = root / "tile" / "0" / "001"
    data = bytearray(tile.read_bytes())
    data[32 * 5] ^= 1
    tile.write_bytes(bytes(data))
    report = verify_source(str(root))
    assert not report.ok
    assert report.failures[0].startswith("entry 261: tile/0/001 holds a hash")


def test_a_tampered_entry_bundle_fails(signed_register, tmp_path):
    root = tmp_path / "log"
    export_log(root)
    bundle = root / "tile" / "entries" / "000"
    bundle.write_bytes(bundle.read_bytes().replace(b'"IRQ"', b'"IRN"', 1))
    report = verify_source(str(root))
    assert not report.ok and report.failures[0].startswith("entry ")
    assert "tile/0/000 holds a hash" in report.failures[0]


def test_a_tampered_checkpoint_signature_fails(signed_register, tmp_path):
    root = tmp_path / "log"
    export_log(root)
    note = (root / "checkpoint").read_text()
    body, signature = note.rsplit(" ", 1)
    raw = bytearray(base64.b64decode(signature))
    raw[-1] ^= 1
    (root / "checkpoint").write_text(body + " " + base64.b64encode(bytes(raw)).decode() + "\n")
    report = verify_source(str(root))
    assert not report.ok and report.failures[0].startswith("the checkpoint: the signature by")


def test_a_changed_key_is_not_followed(signed_register, own_log_keys, tmp_path):
    from treatydesk.records.log.signing import keystore

    root = tmp_path / "log"
    export_log(root)
    assert verify_source(str(root)).ok
    other = keystore().generate("another/log")
    (root / "key").write_text(other.verifier.vkey + "\n")
    # The checkpoint is still signed by the first key, which the verifier remembered.
    assert verify_source(str(root)).ok
    (root / "checkpoint").write_text(
        (root / "checkpoint").read_text().replace(signed_register.note.split("\n")[0],
                                                  "another/log", 1))
    assert not verify_source(str(root)).ok


def test_a_log_served_over_http_verifies(signed_register, tmp_path):
    import functools
    import http.server
    import threading

    export_log(tmp_path / "site" / "log")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                                directory=str(tmp_path / "site"))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        report = verify_source(f"http://127.0.0.1:{server.server_port}/log")
    finally:
        server.shutdown()
        server.server_close()
    assert report.ok, report.failures
    assert any("published status was not compared" in line for line in report.holds)


def test_reading_the_checkpoint_signs_a_due_one(signed_register, client):
    import datetime as dt

    from treatydesk.records.facts.actions import RecordFact
    from treatydesk.records.facts.models import Fact
    from treatydesk.records.log.models import SignedCheckpoint

    RecordFact(Fact(treaty="CCM", state="USA", state_name="United States of America",
                    kind="accession", date=dt.date(2020, 1, 2)), actor="test").execute()
    note = client.get("/log/checkpoint").content.decode()
    assert note.split("\n")[1] == str(signed_register.size), "the last one is not a minute old"
    SignedCheckpoint.objects.update(at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=2))
    note = client.get("/log/checkpoint").content.decode()
    assert note.split("\n")[1] == str(signed_register.size + 1)
