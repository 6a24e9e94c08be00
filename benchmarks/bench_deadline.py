"""What the time-limit checks (minutemine.deadline) cost the per-document stages.

    .venv/bin/python benchmarks/bench_deadline.py [--rounds 7]

Two measures, both in one process so a busy machine slows everything alike:
  - measured: the work with the checks live and a limit set (each check reads the clock)
    against the same work with `check` replaced by a no-op, rounds taking turns, best of
    `--rounds`; ratio = stub time / live time (1.00: free);
  - estimated: checks made by the work x the cost of one check (timeit, best of 5), as a
    share of the work's time; steadier than the measured ratio on a loaded machine.
Work: `process_file` (ingest, segment, extract) of every corpus paper, and `ingest_file`
of the corpus PDFs alone.  Target: both ratios >= 0.98.
"""

from __future__ import annotations

import argparse
import time
import timeit
from pathlib import Path

from minutemine import deadline
from minutemine.ingest import ingest_file
from minutemine.pipeline import collect_files, process_file

ROOT = Path(__file__).resolve().parents[1]
LIVE_CHECK, LIVE_CHECKING = deadline.check, deadline.checking


def use_checks(live: bool) -> None:
    deadline.check = LIVE_CHECK if live else (lambda: None)
    deadline.checking = LIVE_CHECKING if live else (lambda values: values)


def count_checks(work) -> int:
    calls = 0

    def counting() -> None:
        nonlocal calls
        calls += 1

    deadline.check = counting
    deadline.checking = lambda values: (counting() or v for v in values)
    try:
        work()
    finally:
        use_checks(True)
    return calls


def seconds_per_check() -> float:
    with deadline.limit(1e9):
        return min(timeit.repeat(deadline.check, number=200_000, repeat=5)) / 200_000


def best_live_and_stub(work, rounds: int) -> tuple[float, float]:
    live, stub = [], []
    for _ in range(rounds):
        for is_live, times in ((False, stub), (True, live)):
            use_checks(is_live)
            with deadline.limit(1e9):
                t0 = time.perf_counter()
                work()
                times.append(time.perf_counter() - t0)
    use_checks(True)
    return min(live), min(stub)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="turns of each; the best is kept")
    args = parser.parse_args()

    papers = [p for p in collect_files([ROOT / "corpus"]) if "gold" not in p.parts]
    pdfs = [p for p in papers if p.suffix.lower() == ".pdf"]
    workloads = {
        f"process_file, {len(papers)} papers": lambda: [process_file(p) for p in papers],
        f"ingest_file, {len(pdfs)} PDFs": lambda: [ingest_file(p) for p in pdfs],
    }
    for work in workloads.values():
        work()  # warm the caches (patterns, spaCy pipeline, dateparser) outside the timing
    per_check = seconds_per_check()
    print(f"one check with a limit set: {per_check * 1e9:.0f} ns (best of 5)")
    print(f"{'work':32s} {'checks':>8s} {'live s':>8s} {'stub s':>8s} {'measured':>9s} {'estimated':>10s}")
    for name, work in workloads.items():
        checks = count_checks(work)
        live, stub = best_live_and_stub(work, args.rounds)
        estimated = 1 - checks * per_check / live
        print(f"{name:32s} {checks:8d} {live:8.3f} {stub:8.3f} {stub / live:9.3f} {estimated:10.4f}")


if __name__ == "__main__":
    main()
