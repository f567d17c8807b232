"""Import report records and declarations from one CSV file: all of it, or nothing.

The file is read by ``treatydesk.core.obligations.parse_obligation_csv`` (format in its
docstring and docs/obligations.md); the facts are then checked with the treaty's rules
together with those already stored. Any error — in the file or against the rules — rejects
the whole file, each message naming its line; otherwise every row is stored in one
transaction, with one audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from treatydesk.core import clock
from treatydesk.core import obligations as core
from treatydesk.records.facts import audit
from treatydesk.records.facts.loading import current_register

from . import conf
from .actions import ObligationRejected
from .loading import bump_version, stored_rows, to_core
from .models import (
    ApplicabilityDeclaration,
    CompletionDeclaration,
    NotApplicableDeclaration,
    Report,
)


@dataclass(frozen=True)
class ObligationImportSummary:
    treaty: str
    rows: int
    states: int


def _row(treaty: str, fact):
    common = {"treaty": treaty, "state": fact.state, "source": fact.source}
    if isinstance(fact, core.ReportReceived):
        return Report(obligation=str(fact.obligation), received_on=fact.received_on,
                      period_end=fact.period_end, document_symbol=fact.document[:80], **common)
    if isinstance(fact, core.NotApplicable):
        return NotApplicableDeclaration(obligation=str(fact.obligation),
                                        declared_on=fact.declared_on, reason=fact.reason[:255],
                                        **common)
    if isinstance(fact, core.ObligationApplies):
        return ApplicabilityDeclaration(obligation=str(fact.obligation),
                                        declared_on=fact.declared_on,
                                        document_symbol=fact.document[:80], **common)
    return CompletionDeclaration(obligation=str(fact.obligation), declared_on=fact.declared_on,
                                 document_symbol=fact.document[:80], **common)


class ImportObligationFacts:
    """Check a CSV file of obligation facts for ``treaty`` and store it whole, or refuse it."""

    def __init__(self, treaty: str, text: str | bytes, filename: str, user=None,
                 actor: str | None = None):
        self.treaty = treaty.upper()
        self.text, self.filename = text, filename
        self.user, self.actor = user, audit.actor_name(user, actor)

    def problems(self) -> tuple[list, list[str]]:
        """Return the facts of the file and the errors, each naming its line."""
        rules = core.load_obligations(self.treaty)
        facts, problems = core.parse_obligation_csv(self.text, rules, self.filename)
        errors = [str(problem) for problem in problems if problem.is_error]
        if errors or not facts:
            return facts, errors or [f"{self.filename}: no rows to import"]
        stored = [to_core(row) for row in stored_rows(self.treaty)]
        checked = core.validate_obligation_facts(
            current_register(self.treaty), stored + facts, clock.today(), policy=conf.policy())
        for problem in checked:
            if problem.is_error and problem.index is not None and problem.index >= len(stored):
                line = facts[problem.index - len(stored)].ref.rsplit(":", 1)[1]
                errors.append(f"{self.filename}:{line}: error: {problem.message}")
        return facts, errors

    def execute(self) -> ObligationImportSummary:
        facts, errors = self.problems()
        if errors:
            raise ObligationRejected(errors)
        rows = [_row(self.treaty, fact) for fact in facts]
        with transaction.atomic():
            for model in {type(row) for row in rows}:
                model.objects.bulk_create([row for row in rows if type(row) is model])
            audit.record(treaty=self.treaty, action=audit.Action.IMPORT,
                         summary=f"{self.treaty}: {len(rows)} obligation records imported from "
                                 f"{self.filename}",
                         instance=rows[0], user=self.user, actor=self.actor,
                         after=[{"state": f.state, "obligation": str(f.obligation),
                                 "day": f.day.isoformat(), "type": type(f).__name__}
                                for f in facts])
            bump_version(self.treaty)
        return ObligationImportSummary(self.treaty, len(rows), len({f.state for f in facts}))
