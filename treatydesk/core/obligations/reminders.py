"""Which contact point gets which reminder: N days before a deadline, or once it is missed.

Pure selection; sending (and signing) is the storage layer's job.  A reminder is identified
by the contact, the deadline, the date it is due and the reason; one already sent is never
selected again, and an extension (a new due date) starts the reminders afresh.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from .deadlines import Deadline
from .policy import DEFAULT_POLICY, ObligationPolicy
from .rules import ObligationKind
from .status import DeadlineStatus

MISSED = "missed"
#: Deadlines still open: a reminder can help.
OPEN = frozenset({DeadlineStatus.UPCOMING, DeadlineStatus.DUE, DeadlineStatus.OVERDUE})


@dataclass(frozen=True, slots=True)
class Contact:
    """A person or office that receives a state's reminders (all obligations if none named)."""

    ref: str
    state: str
    email: str
    name: str = ""
    obligations: frozenset[ObligationKind] = field(default_factory=frozenset)
    language: str = "en"

    def covers(self, obligation: ObligationKind) -> bool:
        return not self.obligations or obligation in self.obligations


class Reminder(NamedTuple):
    """One message to send: to whom, about which deadline, and why now."""

    contact: Contact
    deadline: Deadline
    reason: str  # "before-60", "before-14", … or "missed"
    days: int  # days left (before) or days since the deadline (missed)

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        """Return what makes a reminder unique: never sent twice."""
        d = self.deadline
        return (self.contact.ref, d.state, d.key, d.due.date.isoformat(), self.reason)


def reminder_reason(deadline: Deadline, as_of: date, policy: ObligationPolicy) -> tuple[str, int]:
    """Return ("before-N" or "missed", days) when a reminder of `deadline` is due on `as_of`.

    Before the deadline, the tightest threshold reached is the one sent (a job that did not
    run for a while sends one message, not several).  After it, "missed" goes only within
    `missed_reminder_days`.  Returns ("", 0) when no reminder is due.
    """
    if deadline.status not in OPEN:
        return "", 0
    left = (deadline.due.date - as_of).days
    if left >= 0:
        reached = [n for n in policy.reminder_days_before if left <= n]
        return (f"before-{min(reached)}", left) if reached else ("", 0)
    if -left <= policy.missed_reminder_days:
        return MISSED, -left
    return "", 0


def select_reminders(
    deadlines: Iterable[Deadline],
    contacts: Iterable[Contact],
    as_of: date,
    *,
    sent: Collection[tuple] = frozenset(),
    policy: ObligationPolicy = DEFAULT_POLICY,
) -> list[Reminder]:
    """Return the reminders to send on `as_of`, leaving out every key in `sent`."""
    by_state: dict[str, list[Contact]] = {}
    for contact in contacts:
        by_state.setdefault(contact.state, []).append(contact)
    chosen = []
    for deadline in deadlines:
        recipients = by_state.get(deadline.state)
        if not recipients:
            continue
        reason, days = reminder_reason(deadline, as_of, policy)
        if not reason:
            continue
        for contact in recipients:
            if contact.covers(deadline.obligation):
                reminder = Reminder(contact, deadline, reason, days)
                if reminder.key not in sent:
                    chosen.append(reminder)
    return chosen
