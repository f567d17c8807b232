"""Benchmark the register's log: append, prove, verify, on a throwaway SQLite database.

Run: .venv/bin/python bench/log.py [--entries 100000] [--proofs 1000]

Prints, in one run:
- baseline: SHA-256 of every entry, no tree and no database (what any log must pay);
- core append: the canonical entry and the tree's right edge in memory, per entry;
- database append: ``records.log.store.append`` for one change at a time, as a register action
  calls it, inside one transaction (target < 1 ms each); and, for a sample, each append in its
  own committed transaction, as the admin does it;
- inclusion proof: ``inclusion_proof`` over the database's nodes for random entries (target
  < 5 ms each, at the 95th percentile), with the proofs checked; and the whole answer the site
  serves (``records.log.proofs.inclusion``: checkpoint, entry, leaf hash, proof), wall-clock
  time and CPU time (on a loaded machine the difference is time spent waiting for a core);
- verify: the public verifier over the whole log read from the database: signature, every tile
  and bundle, the root, the replay of every entry (target < 30 s);
and the ratio of each figure to the baseline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET_APPEND = 0.001
TARGET_PROOF = 0.005
TARGET_VERIFY = 30.0


def fact(i: int) -> dict:
    return {"treaty": "CCM", "state": "IRQ", "state_name": "Iraq", "kind": "signature",
            "date": "2008-12-03", "sequence": None, "cn_reference": f"C.N.{i}.2008.TREATIES-XXVI.6",
            "source": "UNTC", "note": ""}


def change(i: int) -> dict:
    return {"change": "imported", "treaty": "CCM", "fact_id": i + 1, "fact": fact(i),
            "reason": "bench"}


def setup(folder: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["TREATYDESK_VAR"] = str(folder)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from treatydesk.cli.django_setup import setup as django_setup

    django_setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--proofs", type=int, default=1000)
    parser.add_argument("--committed", type=int, default=1000,
                        help="appends measured each in its own committed transaction")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="treatydesk-bench-log-") as folder:
        setup(Path(folder))
        return run(args)


def run(args) -> int:
    import hashlib

    from django.db import transaction

    from treatydesk.core.transparency import (
        Frontier,
        inclusion_proof,
        leaf_hash,
        make_entry,
        root_hash,
        verify_inclusion,
        verify_log,
    )
    from treatydesk.records.log import proofs as log_proofs
    from treatydesk.records.log import store
    from treatydesk.records.log.check import DatabaseReader
    from treatydesk.records.log.models import LogEntry
    from treatydesk.records.log.signing import ensure_key, keystore, sign_checkpoint

    n = args.entries
    at = dt.datetime.now(dt.UTC)
    entries = [make_entry("imported", "CCM", i + 1, fact(i), reason="bench", at=at)
               for i in range(n)]

    start = time.perf_counter()
    for data in entries:
        hashlib.sha256(b"\x00" + data).digest()
    baseline = (time.perf_counter() - start) / n

    start = time.perf_counter()
    frontier = Frontier()
    for i in range(n):
        frontier.append(leaf_hash(make_entry("imported", "CCM", i + 1, fact(i), reason="bench",
                                             at=at)))
    core_append = (time.perf_counter() - start) / n

    start = time.perf_counter()
    with transaction.atomic():
        for i in range(n):
            store.append([change(i)], at=at)
    db_append = (time.perf_counter() - start) / n
    committed = []
    for i in range(n, n + args.committed):
        start = time.perf_counter()
        store.append([change(i)], at=at)
        committed.append(time.perf_counter() - start)
    size = store.size()

    ensure_key()
    sign_checkpoint()
    tree = store.DatabaseTree()
    root = root_hash(tree, size)
    if root != frontier_root(frontier, n, args.committed, at, change):
        raise SystemExit("the database's tree is not the one built in memory")
    rng = random.Random(1)
    proofs, proof_cpu, answers, answer_cpu = [], [], [], []
    for index in rng.sample(range(size), min(args.proofs, size)):
        start, cpu = time.perf_counter(), time.process_time()
        proof = inclusion_proof(tree, index, size)
        proofs.append(time.perf_counter() - start)
        proof_cpu.append(time.process_time() - cpu)
        data = LogEntry.objects.get(index=index).data.encode()
        if not verify_inclusion(leaf_hash(data), index, size, proof, root):
            raise SystemExit(f"the inclusion proof of entry {index} does not verify")
    for index in rng.sample(range(size), min(args.proofs, size)):
        start, cpu = time.perf_counter(), time.process_time()
        body = log_proofs.inclusion(index=index)
        answers.append(time.perf_counter() - start)
        answer_cpu.append(time.process_time() - cpu)
        if body["proof"] != [log_proofs.b64(h) for h in inclusion_proof(tree, index, size)]:
            raise SystemExit(f"the answer for entry {index} is not its proof")

    start = time.perf_counter()
    report = verify_log(DatabaseReader(), keystore().verifiers())
    verify = time.perf_counter() - start
    if not report.ok:
        raise SystemExit(f"the log does not verify: {report.failures[0]}")

    def line(label, seconds, target=None, per="each"):
        ratio = seconds / baseline
        aim = f"   target < {target * 1000:g} ms" if target and target < 1 else (
            f"   target < {target:g} s" if target else "")
        shown = f"{seconds * 1000:9.3f} ms {per}" if seconds < 1 else f"{seconds:9.2f} s {per}"
        print(f"{label:<44}{shown}   ×{ratio:,.0f} baseline{aim}")

    print(f"register log benchmark: {n:,} entries (+{args.committed} committed one by one), "
          f"SQLite, {os.cpu_count()} CPUs, load average "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    print(f"{'baseline: SHA-256 of an entry':<44}{baseline * 1000:9.4f} ms each")
    line("core append (entry + tree edge, memory)", core_append)
    line("database append, one change per call", db_append, TARGET_APPEND)
    line("database append, committed (median)", statistics.median(committed), TARGET_APPEND)
    p95 = statistics.quantiles(proofs, n=20)[-1]
    line("inclusion proof (median)", statistics.median(proofs), TARGET_PROOF)
    line("inclusion proof (95th percentile)", p95, TARGET_PROOF)
    line("inclusion proof (max)", max(proofs), TARGET_PROOF)
    line("inclusion proof, CPU time (95th percentile)",
         statistics.quantiles(proof_cpu, n=20)[-1], TARGET_PROOF)
    answer_p95 = statistics.quantiles(answers, n=20)[-1]
    line("proof answer, as served (median)", statistics.median(answers), TARGET_PROOF)
    line("proof answer, as served (95th percentile)", answer_p95, TARGET_PROOF)
    line("proof answer, CPU time (95th percentile)",
         statistics.quantiles(answer_cpu, n=20)[-1], TARGET_PROOF)
    line(f"verify the whole log ({size:,} entries)", verify, TARGET_VERIFY, per="total")
    ok = (db_append < TARGET_APPEND and p95 < TARGET_PROOF and answer_p95 < TARGET_PROOF
          and verify < TARGET_VERIFY)
    print("all targets met" if ok else "a target is missed")
    return 0 if ok else 1


def frontier_root(frontier, n, extra, at, change):
    from treatydesk.core.transparency import leaf_hash, make_entry

    for i in range(n, n + extra):
        c = change(i)
        frontier.append(leaf_hash(make_entry(c["change"], c["treaty"], c["fact_id"], c["fact"],
                                             reason=c["reason"], at=at)))
    return frontier.root()


if __name__ == "__main__":
    raise SystemExit(main())
