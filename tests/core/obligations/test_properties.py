"""Properties for any deposit date, policy and extension decisions (hypothesis)."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from treatydesk.core.obligations import (
    FIRST_AFTER_INITIAL_DUE,
    MONTH_END_CLAMP,
    MONTH_END_NEXT_DAY,
    YEAR_AFTER_ENTRY_INTO_FORCE,
    YEAR_AFTER_INITIAL_DUE,
    DeadlineStatus,
    ExtensionDecision,
    ExtensionRequest,
    ObligationKind,
    ObligationPolicy,
    ObligationRegister,
    ReportReceived,
)
from treatydesk.core.register import Fact, FactKind, Register, load_treaty

policies = st.builds(
    ObligationPolicy,
    first_annual_report=st.sampled_from(
        [YEAR_AFTER_INITIAL_DUE, FIRST_AFTER_INITIAL_DUE, YEAR_AFTER_ENTRY_INTO_FORCE]),
    month_end=st.sampled_from([MONTH_END_CLAMP, MONTH_END_NEXT_DAY]),
)
deposits = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
as_of_dates = st.dates(min_value=date(2014, 1, 1), max_value=date(2060, 12, 31))


def register(code: str, deposited: date) -> Register:
    return Register(load_treaty(code), [Fact("AAA", FactKind.ACCESSION, deposited)],
                    today=date(2026, 1, 1))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["ccm", "apmbc", "att", "tpnw"]), deposits, as_of_dates, policies)
def test_no_deadline_before_entry_into_force(code, deposited, as_of, policy):
    reg = register(code, deposited)
    eif = reg.participant("AAA", date.max).entry_into_force.date
    for deadline in ObligationRegister(reg, policy=policy).deadlines("AAA", as_of):
        assert deadline.due.date >= eif, deadline
        assert deadline.due.article and deadline.due.basis


decisions = st.lists(
    st.tuples(st.integers(min_value=0, max_value=4000),  # days after 1 Jan 2016: decided on
              st.integers(min_value=-3000, max_value=3000)),  # days from the deadline in force
    max_size=5,
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["ccm", "apmbc"]),
       st.sampled_from([ObligationKind.STOCKPILE_DESTRUCTION, ObligationKind.CLEARANCE]),
       decisions, st.dates(min_value=date(2015, 3, 1), max_value=date(2060, 12, 31)))
def test_an_extension_never_shortens_a_deadline(code, obligation, moves, as_of):
    reg = register(code, date(2015, 3, 1))
    base = ObligationRegister(reg)
    original = next(x for x in base.deadlines("AAA", date(2016, 1, 1))
                    if x.obligation is obligation).due.date
    facts = []
    current = original
    for n, (decided, shift) in enumerate(moves):
        decided_on = date(2016, 1, 1) + timedelta(days=decided)
        facts.append(ExtensionRequest("AAA", obligation, decided_on - timedelta(days=30),
                                      ref=f"r{n}"))
        facts.append(ExtensionDecision(f"r{n}", decided_on, current + timedelta(days=shift),
                                       ref=f"x{n}"))
    steps = [x for x in ObligationRegister(reg, facts).deadlines("AAA", as_of)
             if x.obligation is obligation]
    dates = [x.due.date for x in steps]
    assert dates[0] == original
    assert all(later > earlier for earlier, later in zip(dates, dates[1:], strict=False))
    assert all(x.status is DeadlineStatus.EXTENDED for x in steps[:-1])
    assert steps[-1].status is not DeadlineStatus.EXTENDED


@settings(max_examples=200, deadline=None)
@given(deposits, st.integers(min_value=-400, max_value=800), as_of_dates)
def test_met_on_time_exactly_when_received_by_the_due_date(deposited, offset, as_of):
    reg = register("ccm", deposited)
    plain = ObligationRegister(reg).deadlines("AAA", as_of)
    if not plain:
        return
    due = plain[0].due.date
    received = max(due + timedelta(days=offset), deposited)
    report = ReportReceived("AAA", ObligationKind.INITIAL_REPORT, received)
    (initial, *_) = ObligationRegister(reg, [report]).deadlines("AAA", as_of)
    if received > as_of:
        assert initial.met_date is None
        assert initial.status in (DeadlineStatus.UPCOMING, DeadlineStatus.DUE,
                                  DeadlineStatus.NO_RECORD)
    elif received <= due:
        assert initial.status is DeadlineStatus.MET_ON_TIME
    else:
        assert initial.status is DeadlineStatus.MET_LATE


obligation_facts = st.lists(
    st.one_of(
        st.tuples(st.just("report"), st.sampled_from([ObligationKind.INITIAL_REPORT]),
                  st.integers(0, 6000)),
        st.tuples(st.just("annual"), st.integers(2010, 2040), st.integers(0, 900)),
        st.tuples(st.just("na"), st.sampled_from([ObligationKind.STOCKPILE_DESTRUCTION,
                                                  ObligationKind.CLEARANCE]),
                  st.integers(0, 6000)),
        st.tuples(st.just("done"), st.sampled_from([ObligationKind.STOCKPILE_DESTRUCTION,
                                                    ObligationKind.CLEARANCE]),
                  st.integers(0, 6000)),
        st.tuples(st.just("extension"), st.integers(0, 5000), st.integers(-300, 2000)),
    ),
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(deposits, obligation_facts, as_of_dates, policies,
       st.one_of(st.none(), st.dates(min_value=date(2016, 1, 1), max_value=date(2045, 1, 1))))
def test_status_counts_are_the_counts_of_all_deadlines(deposited, raw, as_of, policy, withdrew):
    from collections import Counter

    from treatydesk.core.obligations import CompletionDeclared, NotApplicable

    facts = [Fact("AAA", FactKind.ACCESSION, deposited), Fact("BBB", FactKind.SIGNATURE, deposited)]
    if withdrew is not None and withdrew > deposited:
        facts.append(Fact("AAA", FactKind.WITHDRAWAL_NOTIFIED, withdrew))
    reg = Register(load_treaty("ccm"), facts, today=date(2026, 1, 1))
    duties = []
    for n, (what, a, b) in enumerate(raw):
        day = deposited + timedelta(days=b if what == "annual" else (a if what == "extension"
                                                                     else b))
        if what == "report":
            duties.append(ReportReceived("AAA", a, day))
        elif what == "annual":
            duties.append(ReportReceived("AAA", ObligationKind.ANNUAL_REPORT,
                                         date(a + 1, 1, 1) + timedelta(days=b),
                                         date(a, 1, 1), date(a, 12, 31)))
        elif what == "na":
            duties.append(NotApplicable("AAA", a, day))
        elif what == "done":
            duties.append(CompletionDeclared("AAA", a, day))
        else:
            duties.append(ExtensionRequest("AAA", ObligationKind.CLEARANCE, day, ref=f"r{n}"))
            duties.append(ExtensionDecision(f"r{n}", day + timedelta(days=30),
                                            date(2025, 3, 1) + timedelta(days=b), ref=f"x{n}"))
    built = ObligationRegister(reg, duties, policy=policy)
    expected = Counter((d.obligation, d.status) for d in built.all_deadlines(as_of))
    fresh = ObligationRegister(reg, duties, policy=policy)
    counted = fresh.status_counts(as_of)
    assert +counted == expected
