"""Record an obligation fact: check it with the register core's rules, then save it.

The admin forms and any other caller go through ``RecordObligationFact``; a fact the rules
refuse raises ``ObligationRejected`` with messages for the keeper, and nothing is saved.
"""

from __future__ import annotations

from django.db import transaction

from treatydesk.core import clock
from treatydesk.core import obligations as core
from treatydesk.core.register import Problem
from treatydesk.records.facts.loading import current_register

from . import conf
from .loading import stored_rows, to_core
from .models import ExtensionDecision


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
        with transaction.atomic():
            self.row.save()  # the post_save receiver renews the treaty's version
        return self.row

