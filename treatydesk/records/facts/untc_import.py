"""The UNTC status table import: a copy of the depositary's table merged into the register.

``ImportUntcTable`` reads the copy (``core.opendata.parse_untc_table``), merges it with the
recorded facts (``core.opendata.merge_table``), checks the result with the treaty's rules
and computes the diff (``core.opendata.diff_facts``, what ``--dry-run`` prints and the admin's
upload preview shows) before anything is written; then ``replace.replace_facts``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from treatydesk.core import clock, opendata
from treatydesk.core import register as core

from . import audit
from .actions import RegisterRejected
from .loading import stored_facts
from .replace import replace_facts


@dataclasses.dataclass(frozen=True)
class ImportPlan:
    """What an import would do: the new facts, the diff, and the errors and warnings."""

    treaty: str
    facts: list[core.Fact]
    changes: opendata.FactChanges
    errors: list[str]
    warnings: list[str]


class ImportUntcTable:
    """Bring a treaty's register in line with a copy of UNTC's status table, all or nothing."""

    def __init__(self, treaty: str, table: tuple[str, str], *, taken_on: dt.date | None = None,
                 user=None, actor: str | None = None):
        self.treaty = core.load_treaty(treaty)
        self.text, self.filename = table
        self.taken_on = taken_on
        self.user = user
        self.actor = audit.actor_name(user, actor)

    def plan(self) -> ImportPlan:
        code = self.treaty.code
        table = opendata.parse_untc_table(self.text, self.filename, taken_on=self.taken_on)
        existing = stored_facts(code)
        errors = [str(p) for p in table.problems if p.is_error]
        warnings = [str(p) for p in table.problems if not p.is_error]
        merged = opendata.merge_table(existing, table.facts, self.taken_on)
        if not errors:
            for problem in core.validate(self.treaty, merged, clock.today()):
                line = table.lines.get(problem.state)
                where = f"{self.filename}:{line}" if line else self.filename
                message = f"{where}: {problem.severity}: {problem.message}"
                (errors if problem.is_error else warnings).append(message)
        return ImportPlan(code, merged, opendata.diff_facts(code, existing, merged), errors,
                          warnings)

    def execute(self, plan: ImportPlan | None = None) -> ImportPlan:
        """Write the plan (made now when not given); raise ``RegisterRejected`` on errors."""
        plan = plan or self.plan()
        if plan.errors:
            raise RegisterRejected(plan.errors)
        replace_facts(plan.treaty, plan.facts, f"UNTC table {self.filename}", user=self.user,
                      actor=self.actor)
        return plan
