"""Benchmark obligations on a synthetic load: every deadline of 600 treaties × 200 states.

Run: .venv/bin/python bench/obligations.py [--treaties 600] [--states 200] [--seed 1]

The register facts are bench/register.py's; on top of them each party gets obligation facts:
its initial report (on time or late, or missing), most annual reports, stockpiles declared
absent or destroyed, and now and then a clearance extension (request and decision).

Prints, in one run:
- baseline: building every Register and every state's status on the as-of day (what
  bench/register.py calls "build every register + every status");
- every deadline's status: building every Register and ObligationRegister and computing the
  due date and status of every deadline of every state, counted by obligation and status
  (ObligationRegister.status_counts, as Register.counts() counts statuses; target < 2 s);
- every deadline as an object: the same, building each Deadline with its basis in words
  (ObligationRegister.all_deadlines, what the CSV and the pages use);
and the ratio of each to the baseline.

Then the iCalendar feed of the shipped CCM register, uncached (target < 200 ms): building
the Register and ObligationRegister from the shipped facts, every deadline due from a year
before the as-of day, and the feed written by treatydesk.core.obligations.deadlines_ics; beside
it, the same events written with the icalendar package (what the feed used before, 3.9 s on
the site) as the baseline of that line.  `--feed-only` runs only this part.
"""

from __future__ import annotations

import argparse
import os
import random
from datetime import UTC, date, datetime, timedelta

import pycountry
from register import best_of, computed_only, synthetic_facts, timed

from treatydesk.core.obligations import (
    CompletionDeclared,
    ExtensionDecision,
    ExtensionRequest,
    NotApplicable,
    ObligationKind,
    ObligationRegister,
    ReportReceived,
    deadlines_ics,
    load_obligations,
)
from treatydesk.core.register import Register, load_shipped_facts, load_treaty, treaty_codes

TARGET_ALL = 2.0
TARGET_FEED = 0.2
BASELINE = "baseline: build every register + every status"
AS_OF = date(2026, 11, 28)
K = ObligationKind


def obligation_facts(definition, facts, rng: random.Random) -> list:
    """Return synthetic obligation facts for the parties of one register."""
    register = Register(definition, facts, today=AS_OF)
    rules = load_obligations(definition.code)
    out: list = []
    for record in register.participants(AS_OF):
        eif = record.entry_into_force.date if record.entry_into_force else None
        if eif is None or eif > AS_OF:
            continue
        state, joined = record.state, record.instrument.date
        for rule in rules.rules:
            if rule.period is not None:
                due = rule.period.apply(eif)
            if rule.kind.is_report and rule.kind is not K.ANNUAL_REPORT and rng.random() < 0.8:
                received = max(joined, due + timedelta(days=rng.randrange(-120, 300)))
                if received <= AS_OF:
                    out.append(ReportReceived(state, rule.kind, received))
            elif rule.kind is K.ANNUAL_REPORT:
                for year in range(eif.year, AS_OF.year - 1):
                    if rng.random() < 0.7:
                        received = date(year + 1, 4, 1) + timedelta(days=rng.randrange(90))
                        out.append(ReportReceived(state, rule.kind, received,
                                                  date(year, 1, 1), date(year, 12, 31)))
            elif rule.kind is K.STOCKPILE_DESTRUCTION:
                if rng.random() < 0.5:
                    out.append(NotApplicable(state, rule.kind, joined, "no stockpiles"))
                elif rng.random() < 0.4 and due - timedelta(days=200) <= AS_OF:
                    out.append(CompletionDeclared(state, rule.kind, due - timedelta(days=200)))
            elif rule.kind is K.CLEARANCE and rule.extendable and rng.random() < 0.1:
                asked = due - timedelta(days=400)
                if asked > joined and asked + timedelta(days=200) <= AS_OF:
                    ref = f"{definition.code}-{state}-{len(out)}"
                    out.append(ExtensionRequest(state, rule.kind, asked, 36, ref=ref))
                    out.append(ExtensionDecision(ref, asked + timedelta(days=200),
                                                 due + timedelta(days=3 * 365), ref=ref + "d"))
    return out


def every_status(treaties) -> int:
    """Build every register and every state's status on AS_OF (the baseline)."""
    total = 0
    for definition, facts, _ in treaties:
        total += Register(definition, facts, today=AS_OF).counts(AS_OF).total
    return total


def every_deadline_status(treaties) -> int:
    """Build every register and count every deadline's status on AS_OF."""
    total = 0
    for definition, facts, duties in treaties:
        register = Register(definition, facts, today=AS_OF)
        total += sum(ObligationRegister(register, duties).status_counts(AS_OF).values())
    return total


def every_deadline(treaties) -> int:
    """Build every register and every state's deadlines, as objects with their basis."""
    total = 0
    for definition, facts, duties in treaties:
        register = Register(definition, facts, today=AS_OF)
        total += len(ObligationRegister(register, duties).all_deadlines(AS_OF))
    return total


def feed_deadlines(code: str = "CCM"):
    """Return the deadlines the treaty-wide feed holds, built from the shipped facts."""
    facts, _ = load_shipped_facts(code)
    register = Register(load_treaty(code), facts, today=AS_OF)
    since = AS_OF - timedelta(days=365)
    obligations = ObligationRegister(register)
    return obligations, [d for d in obligations.all_deadlines(AS_OF) if d.due.date >= since]


def feed(code: str = "CCM") -> bytes:
    """Build the register and write the treaty-wide feed, as an uncached request does."""
    obligations, deadlines = feed_deadlines(code)
    return deadlines_ics(deadlines, treaty=code, name=f"{code} deadlines", domain="bench.local",
                         stamp=datetime(2026, 11, 28, tzinfo=UTC),
                         coverage=obligations.rules.coverage)


def library_feed(code: str = "CCM") -> bytes:
    """The same events written with the icalendar package (the baseline of the feed)."""
    from icalendar import Calendar, Event

    _obligations, deadlines = feed_deadlines(code)
    calendar = Calendar()
    calendar.add("prodid", "-//Treaty Desk//Obligations//EN")
    calendar.add("version", "2.0")
    for deadline in deadlines:
        event = Event()
        event.add("uid", f"{deadline.state}-{deadline.key}@bench.local")
        event.add("dtstamp", datetime(2026, 11, 28, tzinfo=UTC))
        event.add("dtstart", deadline.due.date)
        event.add("dtend", deadline.due.date + timedelta(days=1))
        event.add("summary", f"{deadline.state_name}: {deadline.obligation.label} due")
        event.add("description", deadline.due.basis)
        calendar.add_component(event)
    return calendar.to_ical()


def feed_lines(repeat: int) -> None:
    base_wall, base_cpu, base_body = best_of(repeat, library_feed)
    wall, cpu, body = best_of(repeat, feed)
    events = body.count(b"BEGIN:VEVENT")
    verdict = "ok" if wall < TARGET_FEED else "MISSED"
    print(f"{'feed baseline: same events via icalendar package':<52} wall {base_wall * 1e3:9.1f} "
          f"ms   cpu {base_cpu * 1e3:9.1f} ms   ({base_body.count(b'BEGIN:VEVENT')} events)")
    print(f"{'CCM feed uncached: build + deadlines + write':<52} wall {wall * 1e3:9.1f} ms   "
          f"cpu {cpu * 1e3:9.1f} ms   target < {TARGET_FEED * 1e3:.0f} ms: {verdict}   "
          f"{wall / base_wall:.2f}× baseline   ({events} events, {len(body):,} bytes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feed-only", action="store_true")
    parser.add_argument("--treaties", type=int, default=600)
    parser.add_argument("--states", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.feed_only:
        feed_lines(args.repeat)
        return
    rng = random.Random(args.seed)
    definitions = [computed_only(code) for code in treaty_codes()]
    states = sorted(country.alpha_3 for country in pycountry.countries)[: args.states]
    treaties = []
    for n in range(args.treaties):
        definition = definitions[n % len(definitions)]
        facts = synthetic_facts(definition, states, rng)
        treaties.append((definition, facts, obligation_facts(definition, facts, rng)))
    register_facts = sum(len(facts) for _, facts, _ in treaties)
    duty_facts = sum(len(duties) for _, _, duties in treaties)

    base_wall, base_cpu, statuses = best_of(args.repeat, every_status, treaties)
    count_wall, count_cpu, counted = best_of(args.repeat, every_deadline_status, treaties)
    all_wall, all_cpu, deadlines = best_of(args.repeat, every_deadline, treaties)
    assert counted == deadlines  # noqa: S101 - the two figures cover the same deadlines
    definition, facts, duties = treaties[len(treaties) // 2]
    one_register = Register(definition, facts, today=AS_OF)
    one = timed(lambda: ObligationRegister(one_register, duties).all_deadlines(AS_OF))[0]

    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load} (wall times include contention)")
    print(
        f"synthetic load: {args.treaties} treaties × {args.states} states, {register_facts:,} "
        f"register facts, {duty_facts:,} obligation facts; {statuses:,} statuses and "
        f"{deadlines:,} deadlines as of {AS_OF}; best of {args.repeat} runs"
    )

    def line(label, wall, cpu, target=None):
        text = f"{label:<52} wall {wall * 1e3:9.1f} ms   cpu {cpu * 1e3:9.1f} ms"
        if target is not None:
            verdict = "ok" if wall < target else "MISSED"
            text += f"   target < {target * 1e3:.0f} ms: {verdict}"
        if label != BASELINE:
            text += f"   {wall / base_wall:.1f}× baseline"
        print(text)

    line(BASELINE, base_wall, base_cpu)
    line("build every register + every deadline's status", count_wall, count_cpu, TARGET_ALL)
    line("build every register + every deadline (objects)", all_wall, all_cpu)
    print(f"{'one treaty: every deadline (register already built)':<52} wall {one * 1e3:9.1f} ms")
    feed_lines(args.repeat)


if __name__ == "__main__":
    main()
