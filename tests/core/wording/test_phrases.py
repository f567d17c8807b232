"""Every language has the words for every notice."""

import string

import pytest

from treatydesk.core import register as core
from treatydesk.core.wording import LANGUAGES, subject_of
from treatydesk.core.wording.phrases import PHRASES, Phrases

SLOTS = {"name", "Name", "treaty", "date", "on", "article", "article_words", "summary", "place",
         "ordinal", "names", "infinitive", "perfect", "opening", "verb"}


def patterns(words: Phrases):
    yield from (words.on, words.place, words.tied, words.opening, words.undated, words.awaiting,
                words.notified, words.held, words.announced)
    yield from (pattern for pattern, _verb in words.in_force.values())
    yield from (pattern for pattern, _verb in words.withdrawal.values())
    yield from (p for p in (words.signed, words.unsigned) if p is not None)


def test_every_language_has_phrases():
    assert set(PHRASES) == set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_kind_has_its_verbs_and_its_title_word(lang):
    words = PHRASES[lang]
    assert set(words.infinitives) == set(core.CONSENT_KINDS) == set(words.perfects)
    noticed = {kind.value for kind in core.FactKind if subject_of(kind) is not None}
    assert set(words.kinds) == noticed
    assert set(words.in_force) == set(words.withdrawal) == {"past", "present", "future"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_patterns_use_only_the_slots_the_notices_fill(lang):
    for pattern in patterns(PHRASES[lang]):
        used = {field for _text, field, _spec, _conv in string.Formatter().parse(pattern) if field}
        assert used <= SLOTS, (pattern, used - SLOTS)
