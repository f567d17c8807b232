"""Extension chains: requests and decisions moving a deadline, the original never overwritten.

An extension decision adds a new deadline after the one it moves; the earlier one stays, with
status "extended".  A decision the rules do not allow is left out of the chain, with why.
"""

from __future__ import annotations

from datetime import date

from ..register.dates import add_months, format_date_en
from ..register.records import ComputedDate
from .deadlines import Deadline, Step
from .facts import ExtensionDecision, ExtensionRequest, NotApplicable
from .rules import ObligationKind, ObligationRule
from .status import STATUSES, DeadlineStatus, judged

_new = tuple.__new__
_EXTENDED = DeadlineStatus.EXTENDED


def extension_refused(rule: ObligationRule) -> str:
    """Return why the rule allows no extension of its deadline, or "" if it allows one."""
    ext = rule.extension
    if ext is None or not ext.allowed:
        article = ext.article if ext is not None else rule.article
        return f"{article} allows no extension of the {rule.kind.label} deadline"
    return ""


def extension_problem(rule: ObligationRule, request: ExtensionRequest,
                      decision: ExtensionDecision, steps) -> str:
    """Return why `decision` cannot move the last deadline of `steps`, or "" if it can.

    `steps` are the deadlines in force before the decision (the article's, then earlier
    extensions); each has `.due.date`.
    """
    refused = extension_refused(rule)
    if refused:
        return refused
    ext = rule.extension
    current = steps[-1].due.date
    if len(steps) > 1 and not ext.further:
        return (
            f"{ext.article} allows one extension of the {rule.kind.label} deadline, "
            "already granted"
        )
    if decision.decided_on < request.requested_on:
        return (
            f"the extension decision ({format_date_en(decision.decided_on)}) predates the "
            f"request it answers ({format_date_en(request.requested_on)})"
        )
    if decision.new_deadline <= current:
        return (
            f"the new deadline {format_date_en(decision.new_deadline)} is not after the deadline "
            f"it extends ({format_date_en(current)}); an extension never shortens a deadline"
        )
    limit = add_months(current, ext.max_months)
    if decision.new_deadline > limit:
        return (
            f"the new deadline {format_date_en(decision.new_deadline)} is more than "
            f"{ext.max_words} after {format_date_en(current)}: {ext.article} allows extensions "
            f"of up to {ext.max_words} (at most {format_date_en(limit)})"
        )
    return ""


#: An extension decision the rules refuse: the request, the decision, and why.
Refusal = tuple[ExtensionRequest, ExtensionDecision, str]


def extended_steps(rule: ObligationRule, plain: Step,
                   decisions: list) -> tuple[tuple[Step, ...], list[Refusal]]:
    """Return the deadline the article sets, then one per extension decision it allows,
    and the decisions it refuses.

    `decisions` are (request, decision) pairs in the order they were decided.
    """
    steps = [plain]
    refused: list[Refusal] = []
    original = plain.due.date
    for request, decision in decisions:
        problem = extension_problem(rule, request, decision, steps)
        if problem:
            refused.append((request, decision, problem))
            continue
        ext = rule.extension
        where = decision.meeting or "the States Parties"
        if decision.document_symbol:
            where += f" ({decision.document_symbol})"
        basis = (
            f"extended from {format_date_en(steps[-1].due.date)} to "
            f"{format_date_en(decision.new_deadline)} by decision of {where}, "
            f"{format_date_en(decision.decided_on)} ({ext.article}); originally due "
            f"{format_date_en(original)} ({plain.due.article})"
        )
        steps.append(Step(
            ComputedDate(decision.new_deadline, f"extension decided under {ext.article}",
                         ext.article, basis, "extension", decision.decided_on),
            decision,
        ))
    return tuple(steps), refused


def in_force(steps: tuple, as_of: date) -> int:
    """Return how many of the steps (the article's deadline, then extensions) exist on `as_of`.

    All but the last of them have been moved: their status is "extended".
    """
    count = 1
    while count < len(steps) and steps[count].decision.decided_on <= as_of:
        count += 1
    return count


def chain_on(out: list, state: str, name: str, kind: ObligationKind, key: str, steps: tuple,
             met, not_applicable: NotApplicable | None, as_of: date, withdrawal: date | None,
             due_soon_days: int, complete_from: date | None, applies: date | None) -> None:
    """Append one obligation instance's deadlines as they stood on `as_of`: the moved ones
    (status extended), then the one in force.

    `met` is the earliest report or completion and `not_applicable` the earliest declaration,
    whatever their day (None when there is none); `withdrawal`, `complete_from` and `applies`
    as for status_code().
    """
    original = steps[0].due.date
    count = 1
    if len(steps) > 1:
        count = in_force(steps, as_of)
        for n in range(count - 1):
            out.append(_new(Deadline, (
                state, name, kind, key, n, steps[n].due, _EXTENDED, None, None,
                original, steps[n].decision, steps[n + 1].decision, None, "",
            )))
    step = steps[count - 1]
    due = step.due.date
    code, met, met_day, note = judged(due, met, not_applicable, as_of, withdrawal,
                                      due_soon_days, complete_from, applies)
    out.append(_new(Deadline, (
        state, name, kind, key, count - 1, step.due, STATUSES[code], met_day, met, original,
        step.decision, None, None, note,
    )))
