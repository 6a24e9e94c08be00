"""Segment scales linearly: time per line at 10x and 100x the size, against a baseline in the same run.

The document is the due-diligence deck's text repeated N times (numbered requests,
answer bullets, slide titles).  Baseline: `ingest.lines_from_text` on the same text,
which touches every line once.  Reported: segment time / baseline time at each size.
A linear segmenter keeps that ratio flat as N grows; a quadratic one multiplies it by ~10
per step.  Target: ratio at the largest size <= 2 x ratio at the smallest.

Run: .venv/bin/python benchmarks/bench_segment.py [--sizes 10 100 1000]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from minutemine.ingest import join_lines, lines_from_text
from minutemine.models import Document
from minutemine.segment import segment_document

ROOT = Path(__file__).resolve().parents[1]
DECK = ROOT / "corpus" / "plymouth-2017-12-13-due-diligence-assurance-update.txt"


def timed(fn, *args):
    start = time.process_time()
    result = fn(*args)
    return time.process_time() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    args = parser.parse_args()
    source = DECK.read_text(encoding="utf-8")
    ratios = []
    print(f"{'copies':>7} {'lines':>8} {'baseline s':>11} {'segment s':>10} {'items':>8} {'ratio':>7}")
    for n in args.sizes:
        text = (source + "\n") * n
        base_t, lines = timed(lines_from_text, text)
        doc = Document(doc_id="dbench", source_path="bench.txt", sha256="0" * 64, format="txt",
                       n_pages=1, text=join_lines(lines), lines=lines)
        seg_t, items = timed(segment_document, doc)
        ratio = seg_t / max(base_t, 1e-9)
        ratios.append(ratio)
        print(f"{n:>7} {len(lines):>8} {base_t:>11.3f} {seg_t:>10.3f} {len(items):>8} {ratio:>7.2f}")
    growth = ratios[-1] / ratios[0]
    print(f"ratio growth from smallest to largest: {growth:.2f}x (linear: ~1x; target <= 2x)")


if __name__ == "__main__":
    main()
