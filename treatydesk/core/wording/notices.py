"""The notices: "As the 83rd State to ratify …, Iraq will become a State Party on …".

One writer for English, French and Spanish: each sentence is the language's pattern from
``phrases``, filled from the register core's record and the treaty's definition, with the
state's name, contractions and plural verbs from ``grammar`` and the ordinals and dates of
``languages`` (CLDR). A notice speaks from a day (``today``): "will become a State Party on …"
stays true of the notice published on the day of the deposit, however long ago.

Plain functions of the record and the treaty, no database: the notices app drafts its pages
with them, the command line prints them and the public pages show them.
"""

from __future__ import annotations

import datetime as dt

from .. import clock
from .. import register as core
from .grammar import (
    article_words,
    capfirst,
    cite,
    contract,
    is_plural,
    join,
    plural,
    state_name,
)
from .languages import LANGUAGES, language, long_date, ordinal
from .phrases import PHRASES, Phrases
from .subjects import SUBJECT_WITHDRAWAL, subject_of


def notice_text(
    treaty: core.TreatyDefinition,
    record: core.ParticipantRecord,
    lang: str = "en",
    *,
    today: dt.date | None = None,
    about: str | None = None,
    as_of: dt.date | None = None,
) -> str:
    """Return the public notice for a state's instrument, signature or withdrawal in ``lang``.

    ``today`` sets the tense ("became" for a date before it; default: the clock's today),
    ``as_of`` is another name for it (the day the record was computed for). ``about`` is
    "consent" or "withdrawal" to choose the notice; by default, ``subject_of(record)``.
    Raises ValueError for a language other than English, French and Spanish.
    """
    lang = language(lang)
    today = today or as_of or clock.today()
    if about is None:
        about = subject_of(record)
    words = PHRASES[lang]
    if about == SUBJECT_WITHDRAWAL:
        return _withdrawal(words, treaty, record, lang, today)
    if record.instrument is None:
        return _signature(words, treaty, record, lang)
    return _consent(words, treaty, record, lang, today)


def notice_texts(
    treaty: core.TreatyDefinition,
    record: core.ParticipantRecord,
    *,
    today: dt.date | None = None,
    about: str | None = None,
) -> dict[str, str]:
    """Return the notice in every language: {"en": …, "fr": …, "es": …}."""
    return {lang: notice_text(treaty, record, lang, today=today, about=about)
            for lang in LANGUAGES}


def notice_title(kind: str, iso3: str, depositary_name: str, lang: str) -> str:
    """Return a notice's title: "Ratification: Iraq", "Ratification : Irak"."""
    lang = language(lang)
    words = PHRASES[lang]
    name = depositary_name if lang == "en" and depositary_name else core.country_name(iso3, lang)
    return f"{words.kinds.get(kind, kind)}{words.title_separator}{name}"


def _tense(day: dt.date, today: dt.date) -> str:
    if day < today:
        return "past"
    return "present" if day == today else "future"


def _fill(pattern: str, lang: str, **slots: str) -> str:
    return contract(pattern.format(**slots), lang)


def _subject(treaty, record, lang: str) -> dict[str, str]:
    """Return the slots every sentence about ``record`` shares: the state and the treaty."""
    name = state_name(record.state, lang, record.state_name)
    return {"name": name, "Name": capfirst(name), "treaty": treaty.titles(lang).notice_name}


def _signature(words: Phrases, treaty, record, lang: str) -> str:
    if words.signed is None or words.unsigned is None:
        raise ValueError(f"{record.state} has no instrument to announce")
    slots = _subject(treaty, record, lang)
    if record.signature is None:
        return _fill(words.unsigned, lang, **slots)
    signed = record.signature.date
    on = words.on.format(date=long_date(signed, lang)) if signed else ""
    return _fill(words.signed, lang, on=on, **slots)


def _consent(words: Phrases, treaty, record, lang: str, today: dt.date) -> str:
    slots = _subject(treaty, record, lang)
    many = is_plural(slots["name"])
    kind = core.FactKind(str(record.instrument.kind))
    if record.ordinal is None:
        return _fill(words.undated, lang, perfect=plural(words.perfects[kind], lang, many),
                     **slots)
    place = words.place.format(ordinal=ordinal(record.ordinal, lang))
    # English names the others as the depositary does; French and Spanish by their own names.
    depositary_names = record.ordinal_tied_with_names or record.ordinal_tied_with
    tied = [state_name(iso3, lang, depositary_name)
            for iso3, depositary_name in zip(record.ordinal_tied_with, depositary_names,
                                             strict=True)]
    if tied:
        place += words.tied.format(names=join(tied, words.conjunction),
                                   verb=words.tied_verbs[len(tied) > 1])
    opening = words.opening.format(place=place, infinitive=words.infinitives[kind], **slots)
    eif = record.entry_into_force
    if eif is not None and eif.date is None and eif.key.startswith("succession"):
        # A succession whose date the depositary's record does not give: no date is said.
        return _fill(words.undated, lang, perfect=plural(words.perfects[kind], lang, many),
                     **slots)
    if eif is None or eif.date is None:
        article = eif.article if eif else treaty.entry_into_force.rule.article
        return _fill(words.awaiting, lang, opening=opening, article=cite(article, lang),
                     verb=plural(words.awaiting_verb, lang, many))
    pattern, verb = words.in_force[_tense(eif.date, today)]
    return _fill(pattern, lang, opening=opening, verb=plural(verb, lang, many),
                 date=long_date(eif.date, lang))


def _withdrawal(words: Phrases, treaty, record, lang: str, today: dt.date) -> str:
    slots = _subject(treaty, record, lang)
    many = is_plural(slots["name"])
    slots["article"] = cite(treaty.withdrawal.article, lang)
    effective = record.withdrawal_effective
    notified = record.withdrawal_notified
    if effective is not None and effective.date is not None:
        pattern, verb = words.withdrawal[_tense(effective.date, today)]
        text = pattern.format(verb=verb, date=long_date(effective.date, lang), **slots)
        if notified is not None and notified.date is not None and effective.date >= today:
            text += words.notified.format(summary=treaty.withdrawal.rule.summary,
                                          date=long_date(notified.date, lang), **slots)
        return contract(text + ".", lang)
    held = record.status == core.Status.WITHDRAWAL_HELD or record.withdrawal_held is not None
    if held:
        on = words.on.format(date=long_date(notified.date, lang)) if notified and notified.date \
            else ""
        return _fill(words.held, lang, on=on, verb=plural(words.held_verb, lang, many),
                     article_words=article_words(treaty.withdrawal.article, lang), **slots)
    return _fill(words.announced, lang, verb=plural(words.announced_verb, lang, many), **slots)
