"""Every state page in every language: no internal note, no policy key, no English rule text.

One register loaded per treaty, every page rendered in-process with the test client (no
server), so the whole sweep stays fast.  The forbidden strings come from the register itself:
the internal notes recorded with its facts, the core's English explanations of each state's
dates, and the treaty's English rule texts.
"""

import html
import re

import pytest

from treatydesk.core import obligations as duties
from treatydesk.core.obligations.policy import FIRST_ANNUAL_CHOICES

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "es")
#: Phrases the core writes in English; a French or Spanish page must word them itself.
ENGLISH_RULE_PHRASES = (
    "first day of the sixth month", "after the date of deposit", "days after", "years after",
    "entry into force for the State", "entry into force of the treaty",
    "as the depositary records it", "recorded by the depositary", "report covering",
    "as the Secretariat reads", "deposit date unknown", "no source gives",
)


def _text(response) -> str:
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(body))


def _internal_notes(facts) -> set[str]:
    notes = set()
    for fact in facts:
        for note in fact.note.split("; "):
            if len(note.strip()) > 12:
                notes.add(note.strip())
    return notes


def _english_texts(register) -> set[str]:
    """Return the English explanations of every state's dates and the treaty's rule texts."""
    treaty = register.treaty
    texts = {treaty.later_states.rule.text, treaty.withdrawal.rule.text}
    rules = duties.load_obligations(treaty.code)
    texts |= {rule.text for rule in rules.rules if rule.text}
    obligations = duties.ObligationRegister(register, rules=rules)
    for state in register.states:
        record = register.participant(state, register.today)
        for computed in (record.entry_into_force, record.withdrawal_effective):
            if computed is not None:
                texts |= {computed.rule, computed.basis}
        for deadline in obligations.deadlines(state):
            texts |= {deadline.due.basis, deadline.note}
    return {text for text in texts if text and len(text) > 12}


def _sweep(client, code: str) -> int:
    from treatydesk.records.facts.loading import clear_cache, current_register

    clear_cache()
    register = current_register(code)
    notes = _internal_notes(register.facts)
    assert notes, "the shipped data holds internal notes to test against"
    english = _english_texts(register)
    keys = set(FIRST_ANNUAL_CHOICES)
    pages = 0
    for state in register.states:
        for lang in LANGUAGES:
            response = client.get(f"/{lang}/states/{state}/")
            assert response.status_code == 200, (lang, state)
            text = _text(response)
            where = f"/{lang}/states/{state}/"
            assert "withdrawals.csv" not in text, where
            assert "|| NOTE" not in text and "NOTE:" not in text, where
            assert not [key for key in keys if key in text], where
            leaked = [note for note in notes if note in text]
            assert not leaked, (where, leaked[:1])
            if lang == "en":  # no records held: no deadline called overdue
                assert "Overdue" not in text, where
            if lang != "en":
                found = [p for p in ENGLISH_RULE_PHRASES if p in text]
                found += [t for t in english if t in text]
                assert not found, (where, found[:2])
            pages += 1
    assert pages == 3 * len(register.states)
    return pages


def test_every_ccm_state_page(client, fresh_site, settings):
    settings.TREATYDESK_TREATY = "CCM"
    assert _sweep(client, "CCM") > 300


def test_every_apmbc_state_page(client, fresh_site, settings):
    settings.TREATYDESK_TREATY = "APMBC"
    assert _sweep(client, "APMBC") > 450
