"""Record or delete an obligation fact: check it with the core's rules, then change it.

The admin forms and any other caller go through ``RecordObligationFact`` and
``DeleteObligationFact``; a change the rules refuse raises ``ObligationRejected`` with messages
for the keeper, and nothing is changed. Every change is written to the records' audit log.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from treatydesk.core import clock
from treatydesk.core import obligations as core
from treatydesk.core.register import Problem
from treatydesk.records.facts import audit
from treatydesk.records.facts.loading import current_register

from . import conf
from .loading import stored_rows, to_core
from .models import ExtensionDecision, ExtensionRequest


class ObligationRejected(Exception):
    """The fact breaks the treaty's rules; ``messages`` say what and where."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


def _errors(problems) -> list:
    return [problem for problem in problems if problem.is_error]


class RecordObligationFact:
    """Create or change one obligation fact, refusing it when the treaty's rules say no."""

    def __init__(self, row, user=None):
        self.row = row
        self.user = user

    @property
    def treaty(self) -> str:
        return self.row.treaty

    def problems(self) -> list:
        """Return the errors the change would bring: on this fact, or new ones on others."""
        row = self.row
        if isinstance(row, ExtensionDecision) and not row.request_id:
            return [Problem(core.DECISION_WITHOUT_REQUEST, kind="extension_decision",
                            field="request")]
        register = current_register(self.treaty)
        others = [r for r in stored_rows(self.treaty)
                  if not (type(r) is type(row) and row.pk and r.pk == row.pk)]
        today = clock.today()
        policy = conf.policy()
        before = {p.message for p in _errors(core.validate_obligation_facts(
            register, [to_core(r) for r in others], today, policy=policy))}
        facts = [to_core(r) for r in others] + [to_core(row)]
        index = len(facts) - 1
        state = facts[index].state if not isinstance(row, ExtensionDecision) else row.state
        return [
            problem
            for problem in _errors(core.validate_obligation_facts(register, facts, today,
                                                                  policy=policy))
            if problem.index == index
            or (problem.message not in before and problem.state == state)
        ]

    def execute(self):
        problems = self.problems()
        if problems:
            raise ObligationRejected([problem.message for problem in problems])
        row = self.row
        with transaction.atomic():
            stored = (type(row).objects.select_for_update().filter(pk=row.pk).first()
                      if row.pk else None)
            before = audit.snapshot(stored) if stored else None
            row.save()  # the post_save receiver renews the treaty's version
            audit.record(instance=row, treaty=self.treaty,
                         action=audit.Action.UPDATE if before else audit.Action.CREATE,
                         summary=str(row), user=self.user, before=before,
                         after=audit.snapshot(row))
        return row


class DeleteObligationFact:
    """Remove one obligation fact, keeping what it was in the audit log."""

    def __init__(self, row, user=None):
        self.row = row
        self.user = user

    def problems(self) -> list[str]:
        """Return why the fact cannot go: a decided extension request keeps its decision's
        history."""
        row = self.row
        if isinstance(row, ExtensionRequest) and row.decisions.exists():
            return [_("“%(request)s” has an extension decision; delete the decision first "
                      "(the register keeps both as history).") % {"request": row}]
        return []

    def execute(self) -> None:
        problems = self.problems()
        if problems:
            raise ObligationRejected(problems)
        row = self.row
        with transaction.atomic():
            audit.record(instance=row, treaty=row.treaty, action=audit.Action.DELETE,
                         summary=str(row), user=self.user, before=audit.snapshot(row))
            row.delete()  # the post_delete receiver renews the treaty's version

