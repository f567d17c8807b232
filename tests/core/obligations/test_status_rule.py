"""The one status rule (status.status_code): each line, in the order it decides, and its words."""

from datetime import date

import pytest

from treatydesk.core.obligations import (
    DeadlineStatus,
    NotApplicable,
    ObligationKind,
    ReportReceived,
)
from treatydesk.core.obligations.status import ALWAYS, STATUSES, status_code, status_note

from .helpers import d

S = DeadlineStatus
DUE_DAY = d("2020-06-30")
SOON = 90


COMPLETE = date.min  # records complete from the start


def status(as_of, met=None, not_applicable=None, withdrawal=None, due=DUE_DAY, soon=SOON,
           complete_from=COMPLETE, applies=ALWAYS):
    code = status_code(due, met and d(met), not_applicable and d(not_applicable), d(as_of),
                       withdrawal and d(withdrawal), soon,
                       complete_from if complete_from in (None, COMPLETE) else d(complete_from),
                       applies if applies in (None, ALWAYS) else d(applies))
    return STATUSES[code]


@pytest.mark.parametrize(
    ("as_of", "facts", "expected"),
    [
        # Declared not applicable: decides before anything else, once declared.
        ("2020-07-01", {"not_applicable": "2020-05-01", "met": "2020-06-01"}, S.NOT_APPLICABLE),
        ("2020-07-01", {"not_applicable": "2020-07-01"}, S.NOT_APPLICABLE),
        ("2020-07-01", {"not_applicable": "2020-07-02"}, S.OVERDUE),  # not declared yet
        # Met: on or before the due day is on time, later is late; a report not yet received
        # does not count.
        ("2020-07-01", {"met": "2020-06-30"}, S.MET_ON_TIME),
        ("2020-07-01", {"met": "2020-07-01"}, S.MET_LATE),
        ("2020-07-01", {"met": "2020-07-02"}, S.OVERDUE),
        ("2020-06-01", {"met": "2020-06-02"}, S.DUE),
        # Met beats a withdrawal that takes effect before the due day.
        ("2021-01-01", {"met": "2020-06-01", "withdrawal": "2020-06-15"}, S.MET_ON_TIME),
        # A withdrawal taking effect on or before the due day makes the deadline not apply.
        ("2021-01-01", {"withdrawal": "2020-06-30"}, S.NOT_APPLICABLE),
        ("2020-01-01", {"withdrawal": "2020-03-01"}, S.NOT_APPLICABLE),
        ("2021-01-01", {"withdrawal": "2020-07-01"}, S.OVERDUE),
        # Unmet: overdue from the day after the due day; due within `soon` days; else upcoming.
        ("2020-06-30", {}, S.DUE),
        ("2020-07-01", {}, S.OVERDUE),
        ("2020-04-01", {}, S.DUE),  # 90 days ahead
        ("2020-03-31", {}, S.UPCOMING),  # 91 days ahead
        # Passed and unmet, but the records do not cover the deadline: no report recorded.
        ("2020-07-01", {"complete_from": None}, S.NO_RECORD),
        ("2020-07-01", {"complete_from": "2020-07-01"}, S.NO_RECORD),  # due before they start
        ("2020-07-01", {"complete_from": "2020-06-30"}, S.OVERDUE),
        ("2020-06-30", {"complete_from": None}, S.DUE),  # not yet passed: the same as before
        ("2020-07-01", {"met": "2020-06-01", "complete_from": None}, S.MET_ON_TIME),
        # Applies only where declared: not known until then, whatever the day.
        ("2020-07-01", {"applies": None}, S.NOT_KNOWN),
        ("2020-03-31", {"applies": None}, S.NOT_KNOWN),
        ("2020-07-01", {"applies": "2020-07-02"}, S.NOT_KNOWN),
        ("2020-07-01", {"applies": "2020-07-01"}, S.OVERDUE),
        ("2020-07-01", {"applies": None, "met": "2020-06-01"}, S.MET_ON_TIME),
        ("2020-07-01", {"applies": None, "not_applicable": "2020-05-01"}, S.NOT_APPLICABLE),
    ],
)
def test_each_line_of_the_rule_in_order(as_of, facts, expected):
    assert status(as_of, **facts) is expected


def test_due_soon_days_is_the_policy_setting():
    assert status("2020-06-29", soon=0) is S.UPCOMING
    assert status("2020-06-30", soon=0) is S.DUE
    assert status("2019-07-01", soon=365) is S.DUE


def test_the_rule_never_says_extended():
    # "extended" is for a deadline a later decision moved (extensions.in_force), not a status
    # the facts of one deadline can give.
    days = [date(2020, 1, 1), DUE_DAY, date(2020, 7, 1), None]
    seen = {
        status_code(DUE_DAY, met, na, as_of, withdrawal, SOON, complete, applies)
        for met in days for na in days for withdrawal in days for as_of in days[:3]
        for complete in (date.min, None) for applies in (ALWAYS, None)
    }
    assert STATUSES.index(S.EXTENDED) not in seen
    assert {STATUSES[code] for code in seen} == set(S) - {S.EXTENDED}


def test_notes_say_what_the_status_does_not():
    due = DUE_DAY
    late = ReportReceived("CMR", ObligationKind.INITIAL_REPORT, d("2020-08-03"))
    assert status_note(STATUSES.index(S.MET_LATE), due, late, None, d("2021-01-01"),
                       None) == "34 days late"
    none_held = NotApplicable("CMR", ObligationKind.STOCKPILE_DESTRUCTION, d("2020-05-04"),
                              reason="no stockpiles held")
    na = STATUSES.index(S.NOT_APPLICABLE)
    assert status_note(na, due, None, none_held, d("2021-01-01"), None) == (
        "declared not applicable on 4 May 2020: no stockpiles held"
    )
    # Declared after the as-of day: the withdrawal is what made it not applicable.
    assert status_note(na, due, None, none_held, d("2020-05-03"), d("2020-06-01")) == (
        "the withdrawal takes effect on 1 June 2020, before this deadline"
    )
    for plain in (S.UPCOMING, S.DUE, S.MET_ON_TIME, S.OVERDUE):
        assert status_note(STATUSES.index(plain), due, late, none_held, d("2021-01-01"),
                           None) == ""
