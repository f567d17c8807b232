"""ObligationRegister: every state's deadlines under a treaty, with their status on any date.

What does not depend on the as-of date (the chain of deadlines, which fact meets each one)
is worked out once per state, on first request; a query on a date only picks from it.  How
the deadlines are counted: deadlines.py (from entry into force or an end of hostilities),
extensions.py (moved by decisions), annual.py (yearly reports); their status: status.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from ..register.compute import Register
from ..register.facts import CONSENT_KINDS
from . import counting
from .annual import AnnualReports
from .counting import YearRate
from .deadlines import ArticleDeadline, Chain, Deadline, Step, hostilities_step
from .extensions import chain_on, extended_steps, in_force
from .facts import ExtensionDecision, ExtensionRequest, ObligationFact
from .policy import DEFAULT_POLICY, ObligationPolicy
from .rules import ObligationKind, ObligationRule, TreatyObligations, load_obligations
from .state_facts import StateBase, StateFacts, group_facts, state_base
from .status import ALWAYS, CODES, EXTENDED, STATUSES, status_code
from .timeline import ObligationEvent, timeline


def _facts_on(facts: StateFacts | None, article: ArticleDeadline) -> tuple:
    """Return what a state's facts say of one deadline: (the fact meeting it, the declaration
    waiving it, the day it is known to apply, the decisions extending it), each None if none."""
    applies = None if article.rule.conditional else ALWAYS
    if facts is None:
        return None, None, applies, None
    index = article.index
    if applies is None:
        applies = facts.applies.get(index)
    return (facts.met.get(index), facts.not_applicable.get(index), applies,
            facts.decisions.get(index) if facts.decisions else None)


class ObligationRegister:
    """Every state's deadlines under one treaty, computed from the register and the facts."""

    def __init__(
        self,
        register: Register,
        facts: Iterable[ObligationFact] = (),
        *,
        rules: TreatyObligations | None = None,
        policy: ObligationPolicy = DEFAULT_POLICY,
    ):
        self.register = register
        self.treaty = register.treaty
        self.rules = rules if rules is not None else load_obligations(register.treaty.code)
        self.policy = policy
        self.facts: tuple = tuple(facts)
        self.today = register.today
        self.warnings: list[str] = []
        #: Extension decisions the rules do not allow, with why: (decision, message).
        self.rejected: list[tuple[ExtensionDecision, str]] = []
        self._requests = {
            f.ref: f for f in self.facts if type(f) is ExtensionRequest and f.ref
        }
        self._facts_by_state = group_facts(self.facts, self._requests, self.warnings)
        # Only a state that deposited an instrument can owe anything: no record for the rest.
        self._bases: dict[str, StateBase | None] = dict.fromkeys(
            {fact.state for fact in register.facts} - {
                fact.state for fact in register.facts if fact.kind in CONSENT_KINDS
            }
        )
        self._chains: dict[str, tuple[Chain, ...]] = {}  # state → its hostilities chains
        self._steps: dict[tuple, tuple[Step, ...]] = {}  # (state, (kind, instance)) → chain
        self._articles = [
            ArticleDeadline(rule, policy.month_end)
            for rule in self.rules.rules if rule.period is not None
        ]
        annual = self.rules.rule(ObligationKind.ANNUAL_REPORT)
        self._annual = None if annual is None else AnnualReports(
            annual, self.rules.rule(ObligationKind.INITIAL_REPORT), policy
        )
        #: The day from which the records are complete (None: no complete records held).
        self.complete_from = self.rules.coverage.complete_from
        if self._annual is not None:
            self._annual.complete_from = self.complete_from

    # -- queries ---------------------------------------------------------------------------

    def deadlines(self, iso3: str, as_of: date | None = None) -> list[Deadline]:
        """Return a state's deadlines on `as_of`, in the order of the treaty's rules.

        A state has none before it deposits its instrument, nor when its entry-into-force
        date is unknown.  Annual reports run up to the first one still ahead of `as_of`.
        """
        out: list[Deadline] = []
        self._append_deadlines(out, iso3.upper(), as_of or self.today)
        return out

    def all_deadlines(self, as_of: date | None = None) -> list[Deadline]:
        """Return the deadlines of every state on `as_of`, states in the register's order."""
        as_of = as_of or self.today
        out: list[Deadline] = []
        for state in self.register.states:
            self._append_deadlines(out, state, as_of)
        return out

    def status_counts(self, as_of: date | None = None) -> Counter:
        """Return how many deadlines stand in each status on `as_of`, by obligation:
        {(obligation, status): n}, the figures of all_deadlines() counted without building
        each deadline (as Register.counts() counts statuses without building records)."""
        as_of = as_of or self.today
        kinds = self.rules.kinds
        tally = [0] * (len(kinds) * CODES)
        offsets = {kind: CODES * n for n, kind in enumerate(kinds)}
        soon, complete = self.policy.due_soon_days, self.complete_from
        articles = [(article, offsets[article.kind]) for article in self._articles]
        annual, annual_offset = self._annual, offsets.get(ObligationKind.ANNUAL_REPORT)
        for state in self.register.states:
            base, withdrawal = self._base_on(state, as_of)
            if base is None:
                continue
            eif = base.eif
            facts = self._facts_by_state.get(state)
            for article, offset in articles:
                met, na, applies, decisions = _facts_on(facts, article)
                steps = self._extended(state, article.rule, article.index, article.step(eif),
                                       decisions) if decisions else None
                if steps is None:
                    due = article.dues.get(eif) or article.due(eif)
                else:
                    count = in_force(steps, as_of)
                    tally[offset + EXTENDED] += count - 1
                    due = steps[count - 1].due.date
                tally[offset + status_code(
                    due, met.day if met is not None else None,
                    na.day if na is not None else None, as_of, withdrawal, soon, complete,
                    applies,
                )] += 1
            if facts is not None and facts.hostilities:
                for chain in self._hostilities_chains(state, base, facts):
                    if chain.since > as_of:
                        continue
                    count = in_force(chain.steps, as_of)
                    met, na = chain.met, chain.not_applicable
                    tally[offsets[chain.obligation] + EXTENDED] += count - 1
                    tally[offsets[chain.obligation] + status_code(
                        chain.steps[count - 1].due.date, met.day if met is not None else None,
                        na.day if na is not None else None, as_of, withdrawal, soon, complete,
                        chain.since,
                    )] += 1
            if annual is not None:
                annual.count(tally, annual_offset, base, facts, as_of, withdrawal)
        return Counter({
            (kind, STATUSES[code]): tally[offsets[kind] + code]
            for kind in kinds for code in range(CODES) if tally[offsets[kind] + code]
        })

    def overdue(self, as_of: date | None = None) -> list[Deadline]:
        """Return every deadline overdue on `as_of`, the longest overdue first."""
        return counting.overdue(self.all_deadlines(as_of))

    def on_time_rates(
        self, as_of: date | None = None, obligation: ObligationKind | str | None = None
    ) -> list[YearRate]:
        """Return, per year a deadline fell due (by the date in force), how many were met on
        time, late, or not yet; deadlines not yet due and moved deadlines do not count."""
        as_of = as_of or self.today
        return counting.on_time_rates(self.all_deadlines(as_of), as_of, obligation)

    def timeline(self, iso3: str, as_of: date | None = None) -> list[ObligationEvent]:
        """Return a state's deadlines (moved ones too) and the facts recorded by `as_of`."""
        state, as_of = iso3.upper(), as_of or self.today
        return timeline(state, as_of, self.deadlines(state, as_of), self.facts, self.rules,
                        self._requests)

    def request_of(self, decision: ExtensionDecision) -> ExtensionRequest | None:
        """Return the recorded request a decision answers, or None."""
        return self._requests.get(decision.request_ref)

    def extension_problems(self) -> list[tuple[ExtensionDecision, str]]:
        """Return every extension decision the rules do not allow, with the reason."""
        for state, facts in self._facts_by_state.items():
            # On date.max: every state that has deadlines on some day.
            base = self._base_on(state, date.max)[0] if facts.decisions else None
            if base is None:
                continue
            for article in self._articles:
                decisions = facts.decisions.get(article.index)
                if decisions:
                    self._extended(state, article.rule, article.index, article.step(base.eif),
                                   decisions)
            if facts.hostilities:
                self._hostilities_chains(state, base, facts)
        return list(self.rejected)

    # -- building --------------------------------------------------------------------------

    def _append_deadlines(self, out: list, state: str, as_of: date) -> None:
        """Append a state's deadlines on `as_of` (see deadlines())."""
        base, withdrawal = self._base_on(state, as_of)
        if base is None:
            return
        facts = self._facts_by_state.get(state)
        soon, complete = self.policy.due_soon_days, self.complete_from
        for article in self._articles:
            # The shared deadline, without a method call when it is known (the common case).
            steps = (article.steps.get(base.eif) or article.step(base.eif),)
            met, na, applies, decisions = _facts_on(facts, article)
            if decisions:
                steps = self._extended(state, article.rule, article.index, steps[0], decisions)
            chain_on(out, state, base.name, article.kind, article.key, steps, met, na, as_of,
                     withdrawal, soon, complete, applies)
        if facts is not None and facts.hostilities:
            for chain in self._hostilities_chains(state, base, facts):
                if chain.since <= as_of:
                    chain_on(out, state, base.name, chain.obligation, chain.key, chain.steps,
                             chain.met, chain.not_applicable, as_of, withdrawal, soon,
                             complete, chain.since)
        if self._annual is not None:
            self._annual.deadlines(out, state, base, facts, as_of, withdrawal)

    def _base_on(self, state: str, as_of: date) -> tuple[StateBase | None, date | None]:
        """Return a state's key dates if it owes anything on `as_of` (else None), and the day
        its withdrawal takes effect if that is known by then."""
        base = self._bases.get(state, self)
        if base is self:
            base = self._bases[state] = state_base(self.register, state)
        if base is None or base.eif is None or base.joined is None or base.joined > as_of:
            return None, None
        if base.withdrawal is not None and base.withdrawal_known <= as_of:
            return base, base.withdrawal
        return base, None

    def _extended(self, state: str, rule: ObligationRule, index: tuple, plain: Step,
                  decisions: list) -> tuple[Step, ...]:
        """Return the deadline the article sets, then one per extension decision it allows.

        Worked out once per state and obligation, so a decision the rules refuse is reported
        once, in `rejected` and `warnings`.
        """
        steps = self._steps.get((state, index))
        if steps is None:
            steps, refused = extended_steps(rule, plain, decisions)
            for request, decision, problem in refused:
                self.rejected.append((decision, problem))
                self.warnings.append(f"{request.state}: {problem}; the decision is ignored.")
            self._steps[state, index] = steps
        return steps

    def _hostilities_chains(self, state: str, base: StateBase,
                            facts: StateFacts) -> tuple[Chain, ...]:
        """Return the clearance deadlines counted from each recorded end of hostilities."""
        chains = self._chains.get(state)
        if chains is not None:
            return chains
        built = []
        rule = self.rules.rule(ObligationKind.CLEARANCE)
        after = rule.after_hostilities if rule is not None else None
        for ended in facts.hostilities if after is not None else ():
            if ended.ended_on <= base.eif:
                continue  # remnants already there at entry into force: the first deadline
            instance = ended.ended_on.isoformat()
            index = (rule.kind, instance)
            steps = (hostilities_step(after, ended, self.policy.month_end),)
            if index in facts.decisions:
                steps = self._extended(state, rule, index, steps[0], facts.decisions[index])
            built.append(Chain(rule.kind, f"{rule.kind}/hostilities-{instance}", steps,
                               facts.met.get(index), facts.not_applicable.get(index),
                               ended.ended_on))
        chains = self._chains[state] = tuple(built)
        return chains
