"""Throughput of the extract pipeline against spaCy's bare tokenizer, on the same text, in one run.

Reports tokens per second of
  - baseline: `nlp.make_doc` (the tokenizer alone) over every item text of the corpus papers;
  - pipeline: the full rule pipeline (`nlp.pipe`: sentencizer, entity ruler, cue span ruler);
  - extract:  `extract_commitments` end to end (pipeline + kinds, actors, dates, money);
and the ratios to the baseline.  Target: pipeline/baseline >= 0.3.

Run: .venv/bin/python benchmarks/bench_extract.py [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from minutemine.extract import extract_commitments, own_text
from minutemine.ingest import ingest_file
from minutemine.nlp import get_nlp
from minutemine.pipeline import collect_files
from minutemine.segment import segment_document

ROOT = Path(__file__).resolve().parents[1]


def corpus_pairs():
    pairs = []
    for path in collect_files([ROOT / "corpus"]):
        if "gold" in path.parts:
            continue
        doc = ingest_file(path)
        if doc.status == "ok":
            pairs.append((doc, segment_document(doc)))
    return pairs


def item_texts(pairs) -> list[str]:
    texts = []
    for doc, items in pairs:
        children: dict[str, list[int]] = {}
        for it in items:
            children.setdefault(it.parent_id, []).append(it.char_start)
        texts += [own_text(doc, it, children.get(it.item_id, []))[1] for it in items]
    return texts


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each; the best is kept")
    parser.add_argument("--scale", type=int, default=4, help="copies of the corpus text to time over")
    args = parser.parse_args()

    pairs = corpus_pairs()
    texts = item_texts(pairs) * args.scale
    nlp = get_nlp()
    n_tokens = sum(len(nlp.make_doc(t)) for t in texts)
    extract_commitments(pairs)  # warm caches (dateparser, patterns) outside the timing

    baseline = best_of(args.repeat, lambda: [nlp.make_doc(t) for t in texts])
    pipeline = best_of(args.repeat, lambda: list(nlp.pipe(texts, batch_size=256)))
    extract = best_of(args.repeat, lambda: [extract_commitments(pairs) for _ in range(args.scale)])

    rate = {name: n_tokens / secs for name, secs in
            (("baseline (make_doc)", baseline), ("pipeline (nlp.pipe)", pipeline), ("extract (end to end)", extract))}
    base = rate["baseline (make_doc)"]
    print(f"{len(pairs)} papers x{args.scale}, {len(texts)} item texts, {n_tokens} tokens; best of {args.repeat}")
    for name, r in rate.items():
        print(f"{name:22s} {r:12,.0f} tokens/s   ratio to baseline {r / base:.3f}")
    ratio = rate["pipeline (nlp.pipe)"] / base
    print(f"pipeline/baseline {ratio:.3f} (target >= 0.3): {'ok' if ratio >= 0.3 else 'BELOW TARGET'}")


if __name__ == "__main__":
    main()
