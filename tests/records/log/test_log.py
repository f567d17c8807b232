"""The register's log: every change appends, the verifier finds what was changed behind the
application's back, and what the site serves verifies with an implementation from the texts."""

import base64
import datetime as dt
import json

import pytest
from django.urls import reverse

from tests.records.log.independent import open_checkpoint, rfc9162_verify_inclusion
from treatydesk.records.facts.actions import DeleteFact, RecordFact
from treatydesk.records.facts.models import Fact
from treatydesk.records.log.check import verify_installation
from treatydesk.records.log.models import LogEntry, SignedCheckpoint
from treatydesk.records.log.signing import keystore, latest, sign_checkpoint_if_due


def later(minutes=2):
    return dt.datetime.now(dt.UTC) + dt.timedelta(minutes=minutes)


def test_a_freshly_loaded_register_verifies(signed_register):
    report = verify_installation()
    assert report.ok, report.failures
    assert signed_register.size == Fact.objects.count() == LogEntry.objects.count()


def test_a_row_changed_behind_the_apps_back_fails_naming_its_entry(signed_register):
    fact = Fact.objects.get(treaty="CCM", state="IRQ", kind="ratification")
    Fact.objects.filter(pk=fact.pk).update(date=dt.date(2013, 5, 15))
    report = verify_installation()
    entry = LogEntry.objects.filter(fact_id=fact.pk).latest("index").index
    assert not report.ok
    assert report.failures[0].startswith(f"entry {entry} says fact #{fact.pk}")
    assert "2013-05-15" in report.failures[0]


def test_a_succession_date_changed_behind_the_apps_back_fails(signed_register):
    fact = Fact.objects.get(treaty="CCM", state="IRQ", kind="ratification")
    Fact.objects.filter(pk=fact.pk).update(effective_date=dt.date(2013, 5, 20))
    report = verify_installation()
    assert not report.ok
    assert "effective_date" in report.failures[0] and "2013-05-20" in report.failures[0]


def test_a_changed_log_entry_fails_naming_it(signed_register):
    entry = LogEntry.objects.get(index=7)
    LogEntry.objects.filter(pk=entry.pk).update(data=entry.data.replace('"log":1', '"log":1 '))
    report = verify_installation()
    assert not report.ok and report.failures[0].startswith("entry 7:")


def test_corrections_and_deletions_append_entries_with_their_reason(signed_register):
    fact = Fact.objects.get(treaty="CCM", state="IRQ", kind="ratification")
    fact.cn_reference = "C.N.284.2013.TREATIES-XXVI.6"
    RecordFact(fact, actor="test", reason="C.N. reference found").execute()
    other = Fact.objects.get(treaty="CCM", state="IRQ", kind="signature")
    with pytest.raises(Exception, match="."):
        DeleteFact(other, actor="test", reason="test").execute()  # the rules refuse it
    entries = [json.loads(e.data) for e in LogEntry.objects.filter(index__gte=signed_register.size)]
    assert [(e["change"], e["fact_id"], e["reason"], e["cn_reference"]) for e in entries] == [
        ("corrected", fact.pk, "C.N. reference found", "C.N.284.2013.TREATIES-XXVI.6")]
    assert verify_installation().ok


def test_a_fork_is_reported(signed_register, settings):
    forged = signed_register.note.replace(signed_register.note.splitlines()[2],
                                          base64.b64encode(bytes(32)).decode())
    settings.TREATYDESK_LOG_STATE_DIR.mkdir(parents=True, exist_ok=True)
    (settings.TREATYDESK_LOG_STATE_DIR / "verified").write_text(forged)
    report = verify_installation()
    assert any(f.startswith(f"fork: two checkpoints of size {signed_register.size}")
               for f in report.failures)


def test_the_checkpoint_waits_a_minute_then_signs(signed_register):
    fact = RecordFact(Fact(treaty="CCM", state="USA", state_name="United States of America",
                           kind="accession", date=dt.date(2020, 1, 2)), actor="test").execute()
    assert sign_checkpoint_if_due() is None, "the last checkpoint is not a minute old"
    signed = sign_checkpoint_if_due(later())
    assert signed.size == signed_register.size + 1
    assert LogEntry.objects.get(index=signed.size - 1).fact_id == fact.pk


@pytest.mark.django_db(transaction=True)
def test_a_restored_older_backup_is_reported_as_a_rollback(tmp_path, settings):
    import io

    from tests.conftest import shipped
    from treatydesk.ops.backup import backup
    from treatydesk.ops.restore import restore
    from treatydesk.records.facts.actions import ImportRegister
    from treatydesk.records.log.backfill import initialise_log

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TREATYDESK_DKIM_DIR = tmp_path / "dkim"
    ImportRegister("CCM", shipped("ccm", "participants.csv"), shipped("ccm", "withdrawals.csv"),
                   actor="test").execute()
    initialise_log(io.StringIO())
    backup(tmp_path / "old.tar.gz")
    RecordFact(Fact(treaty="CCM", state="USA", state_name="United States of America",
                    kind="accession", date=dt.date(2020, 1, 2)), actor="test").execute()
    newer = sign_checkpoint_if_due(later())
    assert verify_installation().ok
    restore(tmp_path / "old.tar.gz")
    report = verify_installation()
    assert not report.ok
    assert report.failures[0].startswith(
        f"rollback: the log now has {newer.size - 1} entries, but the checkpoint published")
    assert sign_checkpoint_if_due(later(5)) is None, "the site refuses to sign over it"


def test_an_instrument_recorded_in_the_admin_is_proved_with_an_independent_verifier(
        signed_register, client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("keeper", "k@x.org", "pw"))
    response = client.post(reverse("wagtailsnippets_registry_fact:add"), {
        "treaty": "CCM", "state": "USA", "kind": "accession", "date": "2020-01-02",
        "sequence": "", "state_name": "", "cn_reference": "C.N.1.2020.TREATIES-XXVI.6",
        "source": "UNTC", "note": "", "reason": ""})
    assert response.status_code == 302, response.content[:2000]
    recorded_at = dt.datetime.now(dt.UTC)
    fact = Fact.objects.get(treaty="CCM", state="USA")
    within_a_minute = recorded_at + dt.timedelta(seconds=60)
    assert sign_checkpoint_if_due(within_a_minute) is not None, "a new checkpoint in a minute"
    client.logout()

    vkey = client.get("/log/key").content.decode().splitlines()[0]
    note = client.get("/log/checkpoint").content.decode()
    origin, size, root = open_checkpoint(note, vkey)
    proof = client.get(f"/log/proof/inclusion?fact={fact.pk}").json()
    assert proof["size"] == size == signed_register.size + 1
    entry = json.loads(proof["entry"])
    assert (entry["change"], entry["fact_id"], entry["fact"]["state"]) == ("recorded", fact.pk,
                                                                          "USA")
    path = [base64.b64decode(h) for h in proof["proof"]]
    assert rfc9162_verify_inclusion(proof["entry"].encode(), proof["index"], size, path, root)
    assert not rfc9162_verify_inclusion(proof["entry"].encode().replace(b"USA", b"USB"),
                                        proof["index"], size, path, root)

    # The API's fact names the same entry, and its own proof verifies the same way.
    events = client.get("/api/v1/treaties/CCM/events?state=USA").json()["items"]
    assert [event["log"]["index"] for event in events] == [proof["index"]]
    api = client.get(events[0]["log"]["proof"]).json()
    assert open_checkpoint(api["checkpoint"], vkey) == (origin, size, root)
    assert rfc9162_verify_inclusion(api["entry"].encode(), api["index"], size,
                                    [base64.b64decode(h) for h in api["proof"]], root)


def test_the_admin_asks_a_reason_for_a_correction_and_a_deletion(signed_register, client,
                                                                django_user_model):
    client.force_login(django_user_model.objects.create_superuser("keeper", "k@x.org", "pw"))
    fact = Fact.objects.get(treaty="CCM", state="IRQ", kind="ratification")
    data = {"treaty": "CCM", "state": "IRQ", "state_name": "Iraq", "kind": "ratification",
            "date": "2013-05-14", "sequence": "", "cn_reference": "C.N.9", "source": fact.source,
            "note": "", "reason": ""}
    url = reverse("wagtailsnippets_registry_fact:edit", args=[fact.pk])
    assert client.post(url, data).status_code == 200
    assert "Say why this fact is corrected" in client.post(url, data).content.decode()
    data["reason"] = "C.N. number found"
    assert client.post(url, data).status_code == 302
    delete = reverse("wagtailsnippets_registry_fact:delete", args=[fact.pk])
    assert client.get(delete).status_code == 200 and Fact.objects.filter(pk=fact.pk).exists()
    client.post(delete)
    assert Fact.objects.filter(pk=fact.pk).exists(), "no reason, no deletion"
    client.post(delete, {"reason": "recorded under the wrong treaty"})
    assert not Fact.objects.filter(pk=fact.pk).exists()
    last = json.loads(LogEntry.objects.latest("index").data)
    assert (last["change"], last["reason"]) == ("deleted", "recorded under the wrong treaty")


def test_a_key_rotation_keeps_the_old_key_listed(signed_register, own_log_keys, client):
    old = keystore().active().verifier.vkey
    keystore().generate("testserver/log")
    lines = client.get("/log/key").content.decode().splitlines()
    assert lines[1] == old and lines[0] != old
    assert verify_installation().ok, "the checkpoint the old key signed still verifies"
    assert SignedCheckpoint.objects.count() == 1 and latest() == signed_register


def test_the_scheduler_check_reports_a_failure_to_the_operator(signed_register, client, caplog):
    import logging

    from treatydesk.records.log.health import run_log_check

    logging.getLogger("treatydesk.records.log.health").addHandler(caplog.handler)

    assert "register_log" not in client.get("/healthz").json(), "no check has run yet"
    assert run_log_check() is True
    assert client.get("/healthz").json()["register_log"] == "ok"
    Fact.objects.filter(treaty="CCM", state="IRQ", kind="ratification").update(source="forged")
    assert run_log_check() is False
    assert client.get("/healthz").json()["register_log"] == "failing"
    assert any("register log check failed: entry" in r.getMessage() for r in caplog.records)
