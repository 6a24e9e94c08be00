"""Throughput, parallel speed-up, peak memory and warm-cache re-run time of `minutemine run`.

One command:

    .venv/bin/python benchmarks/bench_scale.py            # 1x, 10x and 100x the corpus
    .venv/bin/python benchmarks/bench_scale.py --quick    # 1x and 10x only

The sample corpus is copied 1, 10 and 100 times into a temporary folder, each
copy told by its own invented councils (so every copy is new papers in story
blocks of their own, with nearly the same work; see tests/scaled_corpus.py).
Each size is run as a fresh `python -m minutemine run` process with --workers 1
and --workers 2 and an empty cache.  Figures are reported as ratios to the 1x /
1-worker run of the same invocation, never as absolute targets: absolute times
depend on the machine.

- pages/s and tokens/s: pages from documents.csv; tokens are the whitespace
  words of the ingested body text of the 1x corpus times the number of copies;
- CPU/page: CPU seconds of the whole process tree per page, relative to the
  baseline (flat = linear growth; unlike wall time, not inflated by other load);
- speed-up: the 1-worker time over the 2-worker time at the same size;
- peak memory: the largest sum of RSS over the run's process tree (sampled
  every 50 ms with psutil; shared pages of forked workers are counted per process);
- warm re-run: the largest size again with one new paper added, as a share of
  its cold 2-worker run (target: under 5%), in wall and CPU seconds; and once
  with nothing new (the floor: start-up, linking and writing the tables).
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from scaled_corpus import CORPUS, new_paper, replicate_corpus  # noqa: E402


def corpus_tokens() -> int:
    """Whitespace words of the ingested body text of the 1x corpus."""
    from minutemine.ingest import ingest_file
    from minutemine.pipeline import collect_files

    return sum(len(ingest_file(path).text.split()) for path in collect_files([CORPUS]))


def frozen_package(tmp: Path) -> dict[str, str]:
    """Environment that runs a copy of the package taken now.

    Every run of one benchmark then uses the same code (and the same pipeline
    version, so the warm re-run hits the cache) even if the source is being edited.
    """
    shutil.copytree(ROOT / "src" / "minutemine", tmp / "src" / "minutemine",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return {**os.environ, "PYTHONPATH": str(tmp / "src")}


def run_measured(papers: Path, out: Path, workers: int, env: dict[str, str]) -> tuple[float, int, str, float, int]:
    """Run the CLI once; return (wall seconds, peak RSS bytes of the process tree, summary line,
    CPU seconds of the process tree (robust to other load on the machine), peak RSS bytes of
    the parent process alone (what holds the gathered results: flat if memory is bounded))."""
    cmd = [sys.executable, "-m", "minutemine", "run", str(papers), "--out", str(out), "--workers", str(workers)]
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = parent_peak = 0
    cpu: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, parent_peak
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
                parent_peak = max(parent_peak, root.memory_info().rss)
                for p in tree:
                    times = p.cpu_times()
                    cpu[p.pid] = times.user + times.system
            except psutil.Error:
                pass
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = proc.communicate()
    elapsed = time.perf_counter() - t0
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"minutemine run failed:\n{stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Every process of the run is waited for by its parent, so their CPU time ends up here exactly;
    # the samples (every 50 ms) are the fallback should a worker escape that accounting.
    waited = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, peak, stderr.strip().splitlines()[-1], max(waited, sum(cpu.values())), parent_peak


def pages_of(out: Path) -> int:
    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as fh:
        return sum(int(row["n_pages"] or 0) for row in csv.DictReader(fh))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1x and 10x only")
    parser.add_argument("--sizes", type=int, nargs="+", help="corpus copies to run (default 1 10 100)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    sizes = args.sizes or ([1, 10] if args.quick else [1, 10, 100])
    tokens_1x = corpus_tokens()
    tmp = Path(tempfile.mkdtemp(prefix="minutemine-bench-"))
    env = frozen_package(tmp)
    rows = []
    baseline = None
    try:
        for size in sizes:
            papers = tmp / f"corpus-{size}x"
            n_files = len(replicate_corpus(papers, size))
            for workers in args.workers:
                out = tmp / f"out-{size}x-w{workers}"
                elapsed, peak, _, cpu, parent_peak = run_measured(papers, out, workers, env)
                pages = pages_of(out)
                per_page = cpu / pages
                baseline = baseline or per_page
                rows.append(dict(size=size, files=n_files, workers=workers, pages=pages, seconds=elapsed,
                                 pages_s=pages / elapsed, tokens_s=tokens_1x * size / elapsed, cpu=cpu,
                                 cost=per_page / baseline, peak_mb=peak / 1e6, parent_mb=parent_peak / 1e6))
                print(f"{size}x w{workers}: {elapsed:.1f}s", file=sys.stderr)
        largest, most = sizes[-1], max(args.workers)
        out = tmp / f"out-{largest}x-w{most}"
        cold_row = next(r for r in rows if r["size"] == largest and r["workers"] == most)
        cold, cold_cpu = cold_row["seconds"], cold_row["cpu"]
        unchanged, _, _, unchanged_cpu, _ = run_measured(tmp / f"corpus-{largest}x", out, most, env)
        new_paper(tmp / f"corpus-{largest}x")  # joins copy 0's story block
        warm, _, summary, warm_cpu, _ = run_measured(tmp / f"corpus-{largest}x", out, most, env)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    load = os.getloadavg()[0]
    print(f"\nCorpus 1x: 14 papers, {rows[0]['pages']} pages, {tokens_1x} tokens; "
          f"{psutil.cpu_count()} CPUs, load average {load:.1f} at the end\n")
    print("| corpus | files | workers | pages | seconds | pages/s | tokens/s | CPU s | CPU/page vs 1x w1 "
          "| speed-up vs w1 | peak RSS MB (all processes) | peak RSS MB (parent) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        w1 = next(x["seconds"] for x in rows if x["size"] == r["size"] and x["workers"] == args.workers[0])
        print(f"| {r['size']}x | {r['files']} | {r['workers']} | {r['pages']} | {r['seconds']:.1f} | "
              f"{r['pages_s']:.1f} | {r['tokens_s']:.0f} | {r['cpu']:.1f} | {r['cost']:.2f} | {w1 / r['seconds']:.2f} | "
              f"{r['peak_mb']:.0f} | {r['parent_mb']:.0f} |")
    print(f"\nWarm re-run of {largest}x with one new paper, {most} workers: {warm:.1f}s = "
          f"{100 * warm / cold:.1f}% of the cold run ({cold:.1f}s); CPU {warm_cpu:.1f}s = "
          f"{100 * warm_cpu / cold_cpu:.1f}% of the cold run's ({cold_cpu:.1f}s). Summary: {summary}")
    print(f"Warm re-run of {largest}x with nothing new: {unchanged:.1f}s = {100 * unchanged / cold:.1f}% "
          f"of the cold run; CPU {unchanged_cpu:.1f}s = {100 * unchanged_cpu / cold_cpu:.1f}%")


if __name__ == "__main__":
    main()
