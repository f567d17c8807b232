"""The one rule for which notice an act gets, for a fact's kind and for a State's record."""

import pytest

from tests.core.register.helpers import d, fact
from treatydesk.core import register as core
from treatydesk.core.register import FactKind, Register, load_shipped_facts, load_treaty
from treatydesk.core.wording import (
    SUBJECT_CONSENT,
    SUBJECT_WITHDRAWAL,
    notice_text,
    subject_of,
)


@pytest.mark.parametrize(("kind", "subject"), [
    *[(kind, SUBJECT_CONSENT) for kind in core.CONSENT_KINDS],
    ("withdrawal_notified", SUBJECT_WITHDRAWAL),
    (FactKind.WITHDRAWAL_EFFECTIVE, SUBJECT_WITHDRAWAL),
    ("signature", None),
    ("provisional_application", None),
    ("withdrawal_held", None),
])
def test_the_notice_of_a_fact_kind(kind, subject):
    assert subject_of(kind) == subject


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        subject_of("ratified")


def participant(*facts, on="2026-01-01", treaty="apmbc"):
    return Register(load_treaty(treaty), list(facts)).participant("FIN", d(on))


def test_the_notice_of_a_record_is_that_of_its_latest_act():
    signed = fact("FIN", "signature", "1997-12-03", name="Finland")
    joined = fact("FIN", "accession", "2012-01-09", name="Finland")
    notified = fact("FIN", "withdrawal_notified", "2025-07-10", name="Finland")
    assert subject_of(participant(signed)) is None
    assert subject_of(participant(signed, joined)) == SUBJECT_CONSENT
    assert subject_of(participant(signed, joined, notified)) == SUBJECT_WITHDRAWAL
    # As the record stood before the notification, its latest act was the accession.
    assert subject_of(participant(signed, joined, notified, on="2025-07-09")) == SUBJECT_CONSENT


@pytest.mark.parametrize("withdrawal", [
    fact("FIN", "withdrawal_notified", None, name="Finland"),
    fact("FIN", "withdrawal_held", None, name="Finland"),
    fact("FIN", "withdrawal_effective", None, name="Finland"),
])
def test_an_undated_withdrawal_is_still_the_latest_act(withdrawal):
    """No date gives the State no withdrawal status, but its notice is the withdrawal's."""
    record = participant(fact("FIN", "accession", "2012-01-09", name="Finland"), withdrawal)
    assert record.status == core.Status.PARTY
    assert subject_of(record) == SUBJECT_WITHDRAWAL


def test_ukraine_s_undated_notification_gets_the_withdrawal_notice():
    """The shipped Mine Ban register records Ukraine's withdrawal without a UN date: its
    notice (on its page, on the command line) says so, rather than announcing the ratification."""
    facts, _ = load_shipped_facts("apmbc")
    record = Register(load_treaty("apmbc"), facts).participant("UKR", d("2026-03-01"))
    assert record.status == core.Status.PARTY
    assert notice_text(load_treaty("apmbc"), record, today=d("2026-03-01")) == (
        "Ukraine has announced its withdrawal from the Anti-Personnel Mine Ban Convention; no "
        "date of notification is recorded, so the date it takes effect under Art. 20 is not "
        "known.")
