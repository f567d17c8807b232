"""Changes to the register as action objects: check, then ``execute()`` in one transaction.

Each action validates with the register core's rules (the same ones the admin, the importer and
the command line use), writes the audit log and bumps the treaty's register version.

A draft (``Fact.status``) is checked against the published register but changes nothing
public: recording, correcting or deleting it renews no version and reaches no log, and its
signals say it is a draft. ``PublishFact`` makes it part of the register, as if recorded then.
The imports (``ImportRegister``, ``untc_import``) write published facts directly.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io

from django.db import transaction
from django.utils.translation import gettext as _

from treatydesk.core import clock
from treatydesk.core import register as core

from . import audit
from .loading import bump_version, stored_facts, to_core
from .models import Fact, FactStatus
from .replace import replace_facts
from .signals import fact_deleted, fact_recorded


class RegisterRejected(Exception):
    """The change breaks the treaty's rules; ``messages`` say what and where."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


def _today() -> dt.date:
    return clock.today()


def _errors(problems) -> list:
    return [p for p in problems if getattr(p, "severity", "error") == "error"]


class RecordFact:
    """Create or change one fact, refusing it when the treaty's rules say it cannot stand.

    ``reason`` is the editor's why, written to the public log (the admin requires one for a
    correction).
    """

    def __init__(self, fact: Fact, user=None, actor: str | None = None, reason: str = ""):
        self.fact = fact
        self.user = user
        self.actor = audit.actor_name(user, actor)
        self.reason = reason.strip()

    def problems(self) -> list:
        """Return the rule problems the change would introduce for this fact's state."""
        others = Fact.objects.filter(treaty=self.fact.treaty)
        if self.fact.pk:
            others = others.exclude(pk=self.fact.pk)
        facts = [to_core(row) for row in others.order_by("pk")]
        facts.append(to_core(self.fact))
        treaty = core.load_treaty(self.fact.treaty)
        new_index = len(facts) - 1
        problems = core.validate(treaty, facts, _today())
        return [
            p for p in _errors(problems)
            if p.index == new_index or (p.index is None and p.state == self.fact.state)
        ]

    def execute(self) -> Fact:
        problems = self.problems()
        if problems:
            raise RegisterRejected([p.message for p in problems])
        with transaction.atomic():
            before = None
            if self.fact.pk:
                stored = Fact.including_drafts.select_for_update().filter(
                    pk=self.fact.pk).first()
                before = stored.as_snapshot() if stored else None
                if stored:  # a correction never changes whether it is published: PublishFact does
                    self.fact.status = stored.status
            self.fact.save()
            audit.record(
                instance=self.fact, treaty=self.fact.treaty,
                action=audit.Action.UPDATE if before else audit.Action.CREATE,
                summary=str(self.fact), user=self.user, actor=self.actor,
                before=before, after=self.fact.as_snapshot(),
            )
            if not self.fact.is_draft:
                bump_version(self.fact.treaty)
            fact_recorded.send(sender=Fact, fact=self.fact, before=before, user=self.user,
                               actor=self.actor, reason=self.reason)
        return self.fact


class DeleteFact:
    """Remove one fact, keeping what it was in the audit log (and, with ``reason``, the log)."""

    def __init__(self, fact: Fact, user=None, actor: str | None = None, reason: str = ""):
        self.fact = fact
        self.user = user
        self.actor = audit.actor_name(user, actor)
        self.reason = reason.strip()

    def problems(self) -> list:
        """Return the rule problems that removing the fact would leave for its state."""
        remaining = Fact.objects.filter(treaty=self.fact.treaty).exclude(pk=self.fact.pk)
        facts = [to_core(row) for row in remaining.order_by("pk")]
        treaty = core.load_treaty(self.fact.treaty)
        before = {p.message for p in _errors(core.validate(treaty, stored_facts(treaty.code),
                                                               _today()))}
        return [
            p for p in _errors(core.validate(treaty, facts, _today()))
            if p.state == self.fact.state and p.message not in before
        ]

    def execute(self) -> None:
        problems = self.problems()
        if problems:
            raise RegisterRejected([p.message for p in problems])
        with transaction.atomic():
            snapshot = self.fact.as_snapshot()
            pk = self.fact.pk
            summary = str(self.fact)[:255]
            audit.record(
                instance=self.fact, object_id=pk, treaty=snapshot["treaty"],
                action=audit.Action.DELETE, summary=summary, user=self.user, actor=self.actor,
                before=snapshot,
            )
            draft = self.fact.is_draft
            self.fact.delete()
            if not draft:
                bump_version(snapshot["treaty"])
            fact_deleted.send(sender=Fact, fact_id=pk, snapshot=snapshot, user=self.user,
                              actor=self.actor, reason=self.reason, draft=draft)


class PublishFact:
    """Publish a draft: it joins the register, checked again against the register as it is now.

    The audit log says "published"; ``fact_recorded`` is sent with no ``before``, so the public
    log, the page cache and the notices take it as a fact recorded now.
    """

    def __init__(self, fact: Fact, user=None, actor: str | None = None):
        self.fact = fact
        self.user = user
        self.actor = audit.actor_name(user, actor)

    def execute(self) -> Fact:
        with transaction.atomic():
            fact = Fact.including_drafts.select_for_update().filter(pk=self.fact.pk).first()
            if fact is None or not fact.is_draft:
                raise RegisterRejected([_("This fact is not a draft any more: it was "
                                          "published or deleted meanwhile.")])
            problems = RecordFact(fact).problems()
            if problems:
                raise RegisterRejected([p.message for p in problems])
            fact.status = FactStatus.PUBLISHED
            fact.save(update_fields=["status", "updated_at"])
            audit.record(instance=fact, treaty=fact.treaty, action=audit.Action.PUBLISH,
                         summary=str(fact), user=self.user, actor=self.actor,
                         after=fact.as_snapshot())
            bump_version(fact.treaty)
            fact_recorded.send(sender=Fact, fact=fact, before=None, user=self.user,
                               actor=self.actor, reason="")
        self.fact = fact
        return fact


@dataclasses.dataclass
class ImportSummary:
    treaty: str
    facts: int
    states: int
    replaced: int
    warnings: list[str]
    kept: list[str] = dataclasses.field(default_factory=list)  # facts kept, not in the files
    removed: list[str] = dataclasses.field(default_factory=list)  # facts dropped, not replaced


WITHDRAWAL_KINDS = frozenset(str(k) for k in core.FactKind if str(k).startswith("withdrawal"))


def describe(fact: core.Fact) -> str:
    """Return a fact as the import reports it: state, kind, date."""
    return f"{fact.state_name} ({fact.state}) {fact.kind} {fact.date.isoformat()}"


def _line_of_state(text: str, iso3: str) -> int | None:
    """Return the line of the CSV row naming the state ``iso3`` (the header is line 1)."""
    if not iso3:
        return None
    for number, row in enumerate(csv.reader(io.StringIO(text.lstrip("\ufeff"))), start=1):
        if number == 1 or not row:
            continue
        try:
            if core.resolve_state(row[0].strip()).iso3 == iso3:
                return number
        except core.UnknownState:
            continue
    return None


class ImportRegister:
    """Replace a treaty's facts with the content of the depositary CSV files, all or nothing.

    The files replace the facts of the kinds they cover. Without a withdrawals file the
    recorded withdrawals are kept (and checked against the new participants), unless
    ``replace_withdrawals`` asks for them to be removed; the summary lists what was kept or
    removed.
    """

    def __init__(self, treaty: str, participants: tuple[str, str],
                 withdrawals: tuple[str, str] | None = None, user=None, actor: str | None = None,
                 replace_withdrawals: bool = False):
        self.treaty = core.load_treaty(treaty)
        self.participants = participants
        self.withdrawals = withdrawals
        self.replace_withdrawals = replace_withdrawals or withdrawals is not None
        self.user = user
        self.actor = audit.actor_name(user, actor)

    def kept_rows(self):
        """Return the recorded facts the files do not cover and the import keeps."""
        if self.replace_withdrawals:
            return Fact.objects.none()
        return Fact.objects.filter(treaty=self.treaty.code, kind__in=WITHDRAWAL_KINDS)

    def parse(self) -> tuple[list[core.Fact], list[str], list[str]]:
        """Return the facts of the files (and those kept), the errors and the warnings."""
        text, name = self.participants
        facts, problems = core.parse_participants_csv(text, name)
        self.file_facts = facts = list(facts)
        if self.withdrawals is None:
            facts = facts + [to_core(row) for row in self.kept_rows().order_by("pk")]
        else:
            w_text, w_name = self.withdrawals
            w_facts, w_problems = core.parse_withdrawals_csv(
                w_text, w_name, known_states={f.state for f in facts}
            )
            facts = facts + w_facts
            problems = list(problems) + list(w_problems)
        errors = [str(p) for p in _errors(problems)]
        warnings = [str(p) for p in problems if getattr(p, "severity", "error") != "error"]
        if not errors:
            checked = core.validate(self.treaty, facts, _today())
            errors += [self._locate(p, facts) for p in _errors(checked)]
            warnings += [self._locate(p, facts) for p in checked if p.severity != "error"]
        return facts, errors, warnings

    def _locate(self, problem, facts: list[core.Fact]) -> str:
        """Prefix a rule problem with the file and line of the row that holds the fact."""
        fact = facts[problem.index] if problem.index is not None else None
        withdrawal = fact is not None and str(fact.kind).startswith("withdrawal")
        text, name = self.withdrawals if withdrawal and self.withdrawals else self.participants
        line = _line_of_state(text, problem.state or (fact.state if fact else ""))
        where = f"{name}:{line}" if line else name
        return f"{where}: {problem.severity}: {problem.message}"

    def execute(self) -> ImportSummary:
        facts, errors, warnings = self.parse()
        if errors:
            raise RegisterRejected(errors)
        code = self.treaty.code
        kept = list(self.kept_rows().order_by("pk"))
        removed = [] if self.withdrawals is not None or not self.replace_withdrawals else [
            describe(to_core(row)) for row in Fact.objects.filter(
                treaty=code, kind__in=WITHDRAWAL_KINDS).order_by("pk")]
        # The kept withdrawals are written back with the files' facts (parse() checked them).
        replaced, written = replace_facts(code, facts, self.participants[1], user=self.user,
                                          actor=self.actor)
        return ImportSummary(code, written, len({f.state for f in facts}), replaced - len(kept),
                             warnings, kept=[describe(to_core(row)) for row in kept],
                             removed=removed)
