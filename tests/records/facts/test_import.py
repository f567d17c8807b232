"""Importing a treaty's register: all or nothing, every error named with file and line."""

import pytest

from tests.conftest import shipped
from treatydesk.records.facts.actions import ImportRegister, RegisterRejected
from treatydesk.records.facts.models import AuditEntry, Fact

HEADER = "state,signature_date,instrument_date,instrument_kind,source\n"


@pytest.fixture
def ccm_register(db):
    """The shipped CCM register imported into an empty database (the test is the import)."""
    return ImportRegister(
        "CCM", shipped("ccm", "participants.csv"), shipped("ccm", "withdrawals.csv"),
        actor="test",
    ).execute()


def snapshot():
    return sorted(
        (f.treaty, f.state, f.kind, f.date, f.source) for f in Fact.objects.all()
    )


def rejected_import(text: str, name: str = "bad.csv") -> list[str]:
    with pytest.raises(RegisterRejected) as caught:
        ImportRegister("CCM", (text, name), actor="test").execute()
    return caught.value.messages


def test_shipped_ccm_register_imports_with_withdrawal(ccm_register):
    assert ccm_register.states == 125
    assert Fact.objects.filter(treaty="CCM", kind="withdrawal_effective", state="LTU").exists()
    entry = AuditEntry.objects.get(action="import", treaty="CCM")
    assert entry.actor == "test"
    assert entry.before == []
    assert len(entry.after) == ccm_register.facts


def test_reimport_replaces_and_audits_before(ccm_register):
    summary = ImportRegister(
        "CCM", (HEADER + "Iraq,2008-12-03,2013-05-14,ratification,test\n", "one.csv"),
        actor="second", replace_withdrawals=True,
    ).execute()
    assert summary.facts == 2
    assert summary.replaced == ccm_register.facts
    assert [fact for fact in summary.removed if "(LTU) withdrawal" in fact]  # said, not silent
    assert sorted(Fact.objects.filter(treaty="CCM").values_list("kind", flat=True)) == [
        "ratification", "signature"]
    entry = AuditEntry.objects.filter(action="import").first()
    assert entry.actor == "second" and len(entry.before) == ccm_register.facts


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ("Iraq,2008-12-03,2013-02-30,ratification,x\n", ["bad.csv:2"]),
        ("Atlantis,2008-12-03,2013-05-14,ratification,x\n", ["bad.csv:2", "Atlantis"]),
        ("Iraq,,2013-05-14,ratification,x\n", ["bad.csv:2", "Iraq", "signature"]),
        ("Iraq,2008-12-03,2099-05-14,ratification,x\n", ["bad.csv:2", "2099"]),
        ("Iraq,2008-12-03,2013-05-14,ratification,x\nIraq,2008-12-03,2013-05-14,ratification,x\n",
         ["bad.csv:3"]),
        ("Iraq;2008-12-03;2013-05-14\n", ["bad.csv"]),
        ("Iraq,2008-12-03,2013-05-14,ratified,x\n", ["bad.csv:2", "ratified"]),
    ],
    ids=["impossible-date", "unknown-state", "ratification-without-signature", "future-date",
         "duplicate", "broken-row", "unknown-kind"],
)
def test_bad_input_names_the_place_and_changes_nothing(ccm_register, rows, expected):
    before = snapshot()
    audit_before = AuditEntry.objects.count()
    messages = rejected_import(HEADER + rows)
    text = "\n".join(messages)
    for fragment in expected:
        assert fragment in text, text
    assert snapshot() == before
    assert AuditEntry.objects.count() == audit_before


def test_wrong_header_is_refused(ccm_register):
    before = snapshot()
    messages = rejected_import("country,date\nIraq,2013-05-14\n", "header.csv")
    assert any("header.csv" in m for m in messages)
    assert snapshot() == before


def test_withdrawal_file_for_unknown_participant_is_refused(db):
    participants = shipped("ccm", "participants.csv")
    withdrawals = ("state,notification_date,effective_date,status,source\n"
                   "Ruritania,2024-09-06,2025-03-06,effective,x\n", "w.csv")
    with pytest.raises(RegisterRejected) as caught:
        ImportRegister("CCM", participants, withdrawals, actor="test").execute()
    assert any("w.csv:2" in m for m in caught.value.messages)
    assert Fact.objects.count() == 0


def withdrawals_of(state):
    return sorted(Fact.objects.filter(treaty="CCM", state=state, kind__startswith="withdrawal")
                  .values_list("kind", "date"))


def test_participants_alone_keep_the_recorded_withdrawals(ccm_register):
    recorded = withdrawals_of("LTU")
    assert recorded
    summary = ImportRegister("CCM", shipped("ccm", "participants.csv"), actor="again").execute()
    assert withdrawals_of("LTU") == recorded
    assert summary.removed == [] and any("(LTU) withdrawal" in fact for fact in summary.kept)
    assert summary.facts == ccm_register.facts and summary.states == ccm_register.states


def test_kept_withdrawals_are_checked_against_the_new_participants(ccm_register):
    before = snapshot()
    messages = rejected_import(HEADER + "Iraq,2008-12-03,2013-05-14,ratification,test\n")
    assert any("LTU" in message or "Lithuania" in message for message in messages), messages
    assert snapshot() == before


def test_replace_withdrawals_removes_them_and_says_which(ccm_register):
    summary = ImportRegister("CCM", shipped("ccm", "participants.csv"), actor="again",
                             replace_withdrawals=True).execute()
    assert withdrawals_of("LTU") == []
    assert any("Lithuania (LTU) withdrawal" in fact for fact in summary.removed)
