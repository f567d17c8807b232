"""The rule in words reads as a sentence (no doubled phrases) for every treaty."""

import pytest

from treatydesk.core.register import Register, load_shipped_facts, load_treaty


@pytest.mark.parametrize(("code", "iso3", "words"), [
    ("CCM", "IRQ", "first day of the sixth month after the date of deposit"),
    ("APMBC", "UKR", "first day of the sixth month after the date of deposit"),
])
def test_later_state_rule_words(code, iso3, words):
    facts, _problems = load_shipped_facts(code)
    record = Register(load_treaty(code), facts).participant(iso3)
    assert record.entry_into_force.rule == words
    assert "the date of the date" not in record.entry_into_force.basis
