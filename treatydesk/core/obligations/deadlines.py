"""Deadlines counted from a day: entry into force for the State, or an end of hostilities.

A deadline is its ComputedDate (the date, the rule, the article, the arithmetic in words) and
its status on the day asked for (status.py), from the facts that close it.  Extensions
(extensions.py) move these deadlines; annual reports (annual.py) are counted otherwise.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ..register.dates import format_date_en
from ..register.records import ComputedDate
from .facts import ExtensionDecision, HostilitiesEnded, NotApplicable
from .rules import AfterHostilities, ObligationKind, ObligationRule
from .status import DeadlineStatus


class Deadline(NamedTuple):
    """One deadline of one state, with its status on the day it was asked for.

    `key` names the obligation instance and stays the same across extensions
    ("initial-report", "annual-report/2014", "clearance/hostilities-2020-05-05"); `step` is 0
    for the deadline the article sets and n after the n-th extension.  `decision` is the
    extension decision that set this deadline, `superseded_by` the one that moved it.
    """

    state: str
    state_name: str
    obligation: ObligationKind
    key: str
    step: int
    due: ComputedDate
    status: DeadlineStatus
    met_date: date | None = None
    met_by: object = None
    original_due: date | None = None
    decision: ExtensionDecision | None = None
    superseded_by: ExtensionDecision | None = None
    covers: int | None = None
    note: str = ""

    @property
    def date(self) -> date:
        return self.due.date

    @property
    def article(self) -> str:
        return self.due.article

    @property
    def basis(self) -> str:
        return self.due.basis

    @property
    def is_current(self) -> bool:
        """Return False for a deadline an extension decision has moved."""
        return self.status is not DeadlineStatus.EXTENDED


class Step(NamedTuple):
    """One deadline of an obligation instance: the article's (decision None), or an extension."""

    due: ComputedDate
    decision: ExtensionDecision | None


class Chain(NamedTuple):
    """One obligation instance: its deadlines in order and the facts that close it."""

    obligation: ObligationKind
    key: str
    steps: tuple[Step, ...]
    met: object  # the earliest report or completion, or None
    not_applicable: NotApplicable | None  # the earliest declaration
    since: date  # the day the instance exists from (a recorded end of hostilities)


class ArticleDeadline:
    """The deadline an article sets from entry into force, for every state in force from a day.

    States in force from the same day share it: the date alone (what counting needs) and the
    date explained (what a Deadline shows) are each worked out once per day.
    """

    __slots__ = ("rule", "kind", "index", "key", "month_end", "dues", "steps")

    def __init__(self, rule: ObligationRule, month_end: str):
        self.rule = rule
        self.kind = rule.kind
        self.index = (rule.kind, "")  # how a state's facts file it: (kind, instance)
        self.key = rule.kind.value
        self.month_end = month_end
        self.dues: dict[date, date] = {}  # entry into force → due date
        self.steps: dict[date, Step] = {}  # entry into force → the due date explained

    def due(self, eif: date) -> date:
        """Return the deadline for a state in force from `eif`."""
        due = self.dues.get(eif)
        if due is None:
            due = self.dues[eif] = self.rule.period.apply(eif, self.month_end)
        return due

    def step(self, eif: date) -> Step:
        """Return the deadline for a state in force from `eif`, explained."""
        step = self.steps.get(eif)
        if step is None:
            rule, due = self.rule, self.due(eif)
            basis = (
                f"entry into force for the State {format_date_en(eif)}; {rule.period.summary} → "
                f"{format_date_en(due)} ({rule.article})"
            )
            step = self.steps[eif] = Step(
                ComputedDate(due, rule.rule_words, rule.article, basis, "obligation", eif), None
            )
        return step


def hostilities_step(after: AfterHostilities, ended: HostilitiesEnded, month_end: str) -> Step:
    """Return the further clearance deadline counted from a recorded end of hostilities."""
    source = f": {ended.source}" if ended.source else ""
    due = after.period.apply(ended.ended_on, month_end)
    basis = (
        f"end of active hostilities (recorded{source}) {format_date_en(ended.ended_on)}; "
        f"{after.period.summary} → {format_date_en(due)} ({after.article})"
    )
    rule_words = f"{after.period.summary} the end of active hostilities"
    return Step(ComputedDate(due, rule_words, after.article, basis, "hostilities",
                             ended.ended_on), None)
