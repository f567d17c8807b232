"""Properties that hold for any facts (hypothesis)."""

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treatydesk.core.register import (
    CONSENT_KINDS,
    Fact,
    FactKind,
    Register,
    load_treaty,
    parse_participants_csv,
    parse_withdrawals_csv,
    validate,
)
from treatydesk.core.register.dates import add_months, first_day_of_month_after
from treatydesk.core.register.records import STATUS_RANK

from .helpers import computed_only

CODES = (
    "AUT BEL CHL DNK ECU FJI GHA HND IRL JPN KEN LAO "
    "MEX NOR OMN PER QAT RWA SEN TGO URY VUT WSM ZMB"
).split()
TREATIES = ["ccm", "apmbc", "att", "tpnw"]
dates = st.dates(min_value=date(1996, 1, 1), max_value=date(2030, 12, 31))
# Few distinct deposit days, so that same-day deposits are common.
deposit_days = st.integers(min_value=0, max_value=40).map(
    lambda n: date(2009, 1, 1) + timedelta(days=n * 9)
)
consent = st.sampled_from(sorted(CONSENT_KINDS))


@st.composite
def state_facts(draw, code: str) -> list[Fact]:
    facts = []
    if draw(st.booleans()):
        facts.append(Fact(code, FactKind.SIGNATURE, draw(dates)))
    if draw(st.booleans()):
        day = draw(st.one_of(deposit_days, dates, st.none()))
        facts.append(Fact(code, draw(consent), day, sequence=draw(st.none() | st.integers(0, 5))))
    for kind in (FactKind.WITHDRAWAL_NOTIFIED, FactKind.WITHDRAWAL_EFFECTIVE,
                 FactKind.WITHDRAWAL_HELD, FactKind.PROVISIONAL_APPLICATION):  # fmt: skip
        if draw(st.integers(0, 5)) == 0:
            facts.append(Fact(code, kind, draw(st.none() | dates)))
    return facts


@st.composite
def registers(draw):
    codes = draw(st.lists(st.sampled_from(CODES), unique=True, max_size=len(CODES)))
    facts = [fact for code in codes for fact in draw(state_facts(code))]
    facts = draw(st.permutations(facts))
    code = draw(st.sampled_from(TREATIES))
    treaty = computed_only(code) if draw(st.booleans()) else load_treaty(code)
    return Register(treaty, facts, today=date(2031, 1, 1))


def ranked(register):
    return [r for r in register.participants(date.max) if r.ordinal is not None]


EXAMPLES = settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])


@EXAMPLES
@given(registers())
def test_ordinals_are_a_competition_ranking_by_deposit_date(register):
    records = ranked(register)
    for record in records:
        earlier = sum(1 for other in records if other.instrument.date < record.instrument.date)
        same_day = [o for o in records if o.instrument.date == record.instrument.date]
        sequences = [o.instrument.sequence for o in same_day]
        if len(same_day) == 1:
            assert record.ordinal == earlier + 1
        elif None in sequences or len(set(sequences)) < len(sequences):
            # No recorded order: the tie stays, at the lowest place (never alphabetical).
            assert record.ordinal == earlier + 1
            assert set(record.ordinal_tied_with) == {o.state for o in same_day} - {record.state}
        else:
            below = sum(1 for s in sequences if s < record.instrument.sequence)
            assert record.ordinal == earlier + 1 + below
            assert record.ordinal_tied_with == ()


@settings(max_examples=200)
@given(st.lists(deposit_days, min_size=1, max_size=30), st.booleans())
def test_recorded_sequence_gives_a_permutation(days, with_sequence):
    facts = [
        Fact(f"S{n:02d}", FactKind.ACCESSION, day, sequence=n if with_sequence else None)
        for n, day in enumerate(days)
    ]
    records = ranked(Register(load_treaty("tpnw"), facts))
    ordinals = sorted(r.ordinal for r in records)
    if with_sequence:
        assert ordinals == list(range(1, len(days) + 1))
        by_place = sorted(records, key=lambda r: r.ordinal)
        assert [r.instrument.date for r in by_place] == sorted(days)
    else:
        assert all(ordinals.count(o) == days.count(sorted(days)[o - 1]) for o in set(ordinals))


@EXAMPLES
@given(registers())
def test_entry_into_force_never_before_deposit_or_treaty(register):
    treaty_eif = register.treaty_entry_into_force.date
    for record in register.participants(date.max):
        eif = record.entry_into_force
        if record.instrument is None:
            assert eif is None
            continue
        if record.instrument.kind == "succession":
            # No article covers a succession: the date is the depositary's, never computed.
            assert eif.basis and eif.rule and not eif.article
            assert eif.date == record.instrument.effective_date
            continue
        assert eif.article and eif.basis and eif.rule
        if eif.date is None:
            assert record.instrument.date is None or treaty_eif is None
            continue
        assert eif.date >= record.instrument.date
        assert eif.date >= treaty_eif


@EXAMPLES
@given(registers(), st.lists(dates, min_size=1, max_size=5))
def test_counts_sum_to_participants(register, days):
    for day in days:
        counts = register.counts(day)
        participants = register.participants(day)
        assert counts.total == len(participants)
        assert counts.parties == sum(1 for r in participants if r.status == "party")


@EXAMPLES
@given(registers(), st.lists(dates, min_size=2, max_size=6))
def test_status_only_moves_forward_in_time(register, days):
    days.sort()
    for state in register.states:
        ranks = [register.status(state, day) for day in days]
        seen = [STATUS_RANK[status] for status in ranks if status is not None]
        assert seen == sorted(seen)
        # Once a state appears it stays in the list.
        present = [status is not None for status in ranks]
        assert present == sorted(present)


@settings(max_examples=300)
@given(registers(), st.lists(dates, min_size=1, max_size=6))
def test_a_day_answers_as_the_last_change_before_it(register, days):
    """Pages reuse what they built for the day a stretch began: it must be the same answer."""
    for day in days:
        changed = register.last_change(day)
        assert changed <= day
        assert register.participants(day) == register.participants(changed)
        assert register.statuses(day) == register.statuses(changed)
        assert register.counts(day) == replace(register.counts(changed), as_of=day)
        assert register.last_change(changed) == changed


@given(dates, dates, st.integers(min_value=0, max_value=240))
def test_add_months_is_monotone_and_clamped(a, b, months):
    low, high = sorted((a, b))
    assert add_months(low, months) <= add_months(high, months)
    result = add_months(low, months)
    assert (result.year * 12 + result.month) - (low.year * 12 + low.month) == months
    assert result.day == low.day or (result.day < low.day and (result + timedelta(days=1)).day == 1)


@given(dates, dates, st.integers(min_value=1, max_value=240))
def test_first_day_of_month_after_is_monotone(a, b, months):
    low, high = sorted((a, b))
    assert first_day_of_month_after(low, months) <= first_day_of_month_after(high, months)
    result = first_day_of_month_after(low, months)
    assert result.day == 1 and result > low


HEADER = "state,signature_date,instrument_date,instrument_kind,source\n"
W_HEADER = "state,notification_date,effective_date,status,source\n"
cells = st.sampled_from(
    ["", "Iraq", "Chad", "Holy See", "2013-02-30", "2013-05-14", "ratification", "accession",
     "PARTY (x)", "a || NOTE:b", '"', '""', ",", "\n", "\r\n", "\x00", "2013-13-01", "Ruritania"]
)  # fmt: skip


@settings(max_examples=300)
@given(st.one_of(st.text(), st.binary().map(lambda b: b.decode("latin-1"))))
def test_parsing_never_raises_on_arbitrary_text(text):
    for parse in (parse_participants_csv, parse_withdrawals_csv):
        facts, problems = parse(text, "x.csv")
        assert isinstance(facts, list) and isinstance(problems, list)


@settings(max_examples=300)
@given(st.lists(st.lists(cells, max_size=7).map(",".join), max_size=8).map("\n".join))
def test_parsing_never_raises_after_a_good_header(body):
    facts, problems = parse_participants_csv(HEADER + body, "p.csv")
    assert all(p.file == "p.csv" and p.line >= 1 for p in problems)
    facts, problems = parse_withdrawals_csv(W_HEADER + body, "w.csv", known_states={"IRQ"})
    assert all(p.file == "w.csv" and p.line >= 1 for p in problems)


@EXAMPLES
@given(registers())
def test_validate_never_raises_and_indexes_are_right(register):
    problems = validate(register.treaty, list(register.facts), date(2031, 1, 1))
    for problem in problems:
        assert problem.message
        if problem.index is not None:
            assert register.facts[problem.index].state == problem.state
