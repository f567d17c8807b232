"""Log entries: their canonical form and their replay into the register's facts."""

import datetime as dt
import json

import pytest

from treatydesk.core.transparency import LogKeyStore, ReplayError, make_entry, replay
from treatydesk.core.transparency.note import open_note, sign_note

AT = dt.datetime(2026, 12, 1, 22, 0, 5, 123, tzinfo=dt.UTC)
FACT = {"treaty": "CCM", "state": "IRQ", "state_name": "Iraq", "kind": "ratification",
        "date": "2013-05-14", "sequence": None, "cn_reference": "C.N.284.2013.TREATIES-XXVI.6",
        "source": "UNTC", "note": ""}


def entry(change, fact_id=1, **changes):
    return make_entry(change, "CCM", fact_id, {**FACT, **changes}, reason="why", at=AT)


def test_an_entry_is_canonical_json_with_the_documented_fields():
    data = entry("recorded")
    assert data.startswith(b'{"at":"2026-12-01T22:00:05Z","change":"recorded",')
    assert json.loads(data)["cn_reference"] == FACT["cn_reference"]
    assert b" " not in data.replace(b"C.N.", b"")


def test_replay_applies_changes_in_order():
    state = replay([entry("recorded", 1), entry("recorded", 2, state="FRA", state_name="France"),
                    entry("corrected", 1, date="2013-05-15"), entry("deleted", 2)])
    assert list(state.facts["CCM"]) == [1]
    assert state.facts["CCM"][1]["date"] == "2013-05-15" and state.last_entry == {1: 2, 2: 3}
    assert [f.date for f in state.core_facts("CCM")] == [dt.date(2013, 5, 15)]


def test_a_replay_goes_on_from_an_earlier_one():
    entries = [entry("recorded", 1), entry("recorded", 2, state="FRA", state_name="France"),
               entry("corrected", 1, date="2013-05-15"), entry("deleted", 2)]
    whole = replay(entries)
    for cut in range(len(entries) + 1):
        resumed = replay(entries[cut:], replay(entries[:cut]), cut)
        assert (resumed.facts, resumed.last_entry) == (whole.facts, whole.last_entry)
    with pytest.raises(ReplayError) as raised:
        replay([entry("recorded", 2)], replay(entries[:2]), 2)
    assert raised.value.index == 2, "the index is the entry's in the whole log"


@pytest.mark.parametrize(("entries", "index"), [
    ([entry("corrected", 5)], 0),
    ([entry("recorded", 1), entry("recorded", 1)], 1),
    ([entry("recorded", 1), entry("deleted", 1), entry("deleted", 1)], 2),
    ([entry("recorded", 1), b'{"log": 1}'], 1),
    ([entry("recorded", 1, kind="marriage")], 0),
])
def test_replay_names_the_first_entry_that_cannot_apply(entries, index):
    with pytest.raises(ReplayError) as raised:
        replay(entries)
    assert raised.value.index == index and str(raised.value).startswith(f"entry {index}:")


def test_a_rotated_key_store_signs_with_the_new_key_and_lists_the_old(tmp_path):
    store = LogKeyStore(tmp_path / "keys")
    first = store.generate("example.org/log")
    note = sign_note("example.org/log\n1\nAAAA\n", [first.signer])
    second = store.generate("example.org/log")
    assert store.active().verifier == second.verifier
    assert [v.vkey for v in store.verifiers()] == [second.verifier.vkey, first.verifier.vkey]
    assert open_note(note, store.verifiers())[1] == [first.verifier]
    assert all(p.stat().st_mode & 0o077 == 0 for p in (tmp_path / "keys").glob("*.pem"))


def test_replay_carries_the_succession_date_and_public_note_to_the_register():
    state = replay([entry("recorded", 1, kind="succession", date="2006-10-23",
                          effective_date="2006-06-03",
                          public_note="Succeeded Serbia and Montenegro.")])
    (fact,) = state.core_facts("CCM")
    assert fact.effective_date == dt.date(2006, 6, 3)
    assert fact.public_note == "Succeeded Serbia and Montenegro."
    assert json.loads(entry("recorded"))["fact"]["effective_date"] is None


def test_an_entry_written_before_the_new_fields_reads_them_as_empty():
    old = json.loads(entry("recorded"))
    del old["fact"]["effective_date"], old["fact"]["public_note"]
    from treatydesk.core.transparency import canonical_json
    state = replay([canonical_json(old)])
    assert state.facts["CCM"][1]["effective_date"] is None
    assert state.facts["CCM"][1]["public_note"] == ""


def test_an_internal_note_never_reaches_the_public_log():
    raw = entry("recorded", note="WITHDREW: see withdrawals.csv; keepers only")
    assert b"keepers only" not in raw and b'"note"' not in raw
    (fact,) = replay([raw]).core_facts("CCM")
    assert fact.note == ""
