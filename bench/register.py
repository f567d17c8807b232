"""Benchmark the register core on a synthetic load: 600 treaties × 200 states (~120,000 facts).

Run: .venv/bin/python bench/register.py [--treaties 600] [--states 200] [--seed 1]

Prints, in one run:
- baseline: the time to merely iterate every fact and sort each treaty's facts by state and date;
- build + every status: building every Register and every state's status (target < 1 s);
- build + every record: the same, plus every ParticipantRecord with its explained dates;
- one as-of query: Register.participants(as_of) for one treaty (target < 5 ms);
and the ratio of each figure to the baseline.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from dataclasses import replace
from datetime import date, timedelta

import pycountry

from treatydesk.core.register import Fact, FactKind, Register, load_treaty, treaty_codes

TARGET_ALL = 1.0
TARGET_QUERY = 0.005


def computed_only(code: str):
    treaty = load_treaty(code)
    eif = replace(treaty.entry_into_force, recorded_date=None, recorded_threshold_deposit=None)
    return replace(treaty, entry_into_force=eif)


def synthetic_facts(treaty, states: list[str], rng: random.Random) -> list[Fact]:
    """Return about one fact per state: signatures, deposits (with same-day ties), withdrawals."""
    start = treaty.signature.opened_on
    facts = []
    for state in states:
        signed = rng.random() < 0.5
        if signed:
            facts.append(
                Fact(state, FactKind.SIGNATURE, start + timedelta(days=rng.randrange(400)))
            )
        if rng.random() < 0.45:
            kind = FactKind.RATIFICATION if signed else FactKind.ACCESSION
            # Deposits fall on ~1,500 possible days, so same-day ties occur as in real data.
            deposited = start + timedelta(days=400 + rng.randrange(1500))
            facts.append(Fact(state, kind, deposited, state_name=state))
            if rng.random() < 0.03:
                notified = deposited + timedelta(days=2000 + rng.randrange(1000))
                facts.append(Fact(state, FactKind.WITHDRAWAL_NOTIFIED, notified))
    return facts


def timed(function, *args):
    """Return (wall seconds, CPU seconds, result) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    return time.perf_counter() - wall, time.process_time() - cpu, result


def best_of(repeat: int, function, *args):
    """Return the wall and CPU time of the fastest of `repeat` calls, and the last result.

    Each run's result is released before the next run starts, so no run pays the garbage
    collector for objects an earlier run left behind.
    """
    wall = cpu = float("inf")
    result = None
    for _ in range(repeat):
        result = None
        run_wall, run_cpu, result = timed(function, *args)
        if run_wall < wall:
            wall, cpu = run_wall, run_cpu
    return wall, cpu, result


def baseline(treaties) -> int:
    seen = 0
    for _, facts in treaties:
        for fact in facts:
            seen += fact.date is not None
        sorted(facts, key=lambda fact: (fact.state, fact.date or date.min))
    return seen


def every_status(treaties, as_of: date) -> list[Register]:
    """Build every register and compute every state's status on `as_of` (Register.counts)."""
    registers = []
    for definition, facts in treaties:
        register = Register(definition, facts, today=as_of)
        register.counts(as_of)
        registers.append(register)
    return registers


def every_record(treaties, as_of: date) -> list[Register]:
    """Build every register and every participant record on `as_of` (Register.participants)."""
    registers = []
    for definition, facts in treaties:
        register = Register(definition, facts, today=as_of)
        register.participants(as_of)
        registers.append(register)
    return registers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--treaties", type=int, default=600)
    parser.add_argument("--states", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    definitions = [computed_only(code) for code in treaty_codes()]
    states = sorted(country.alpha_3 for country in pycountry.countries)[: args.states]
    treaties = []
    for n in range(args.treaties):
        definition = definitions[n % len(definitions)]
        treaties.append((definition, synthetic_facts(definition, states, rng)))
    total_facts = sum(len(facts) for _, facts in treaties)
    as_of = date(2026, 11, 28)

    base_wall, base_cpu, _ = best_of(args.repeat, baseline, treaties)
    status_wall, status_cpu, registers = best_of(args.repeat, every_status, treaties, as_of)
    del registers
    full_wall, full_cpu, registers = best_of(args.repeat, every_record, treaties, as_of)
    records = sum(len(register.participants(as_of)) for register in registers)

    definition, facts = treaties[len(treaties) // 2]
    first_day = definition.signature.opened_on
    days = [first_day + timedelta(days=rng.randrange(6000)) for _ in range(300)]
    fresh = Register(definition, facts, today=as_of)
    cold = timed(fresh.participants, days[0])[0]
    samples = sorted(timed(fresh.participants, day)[0] for day in days)
    query, p95 = statistics.median(samples), samples[int(len(samples) * 0.95)]
    counts = statistics.median(timed(fresh.counts, day)[0] for day in days)
    one_base = statistics.median(timed(baseline, [(definition, facts)])[0] for _ in range(50))

    def verdict(value: float, target: float) -> str:
        return "ok" if value < target else "MISSED"

    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load} (wall times include contention)")
    print(
        f"synthetic load: {args.treaties} treaties × {args.states} states, {total_facts:,} facts, "
        f"{records:,} participant records as of {as_of}; best of {args.repeat} runs"
    )

    def line(label: str, wall: float, cpu: float | None = None, target=None, base=None):
        text = f"{label:<48} wall {wall * 1e3:9.3f} ms"
        if cpu is not None:
            text += f"   cpu {cpu * 1e3:9.3f} ms"
        if target is not None:
            text += f"   target < {target * 1e3:.0f} ms: {verdict(wall, target)}"
        if base is not None:
            text += f"   {wall / base:.1f}× baseline"
        print(text)

    line("baseline: iterate + sort every treaty's facts", base_wall, base_cpu)
    line("build every register + every status", status_wall, status_cpu, TARGET_ALL, base_wall)
    line("build every register + every record", full_wall, full_cpu, TARGET_ALL, base_wall)
    line("baseline for one treaty (median of 50)", one_base)
    line(
        f"one as-of participants() (median of {len(samples)})", query, None, TARGET_QUERY, one_base
    )
    line("  same, 95th percentile", p95)
    line("  same, first query on a new register", cold)
    line("one as-of counts() (median)", counts, None, TARGET_QUERY, one_base)


if __name__ == "__main__":
    main()
