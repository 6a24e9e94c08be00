"""Benchmark the link stage on a synthetic corpus grown from the sample corpus.

Each synthetic paper is a perturbed copy of one sample paper: words dropped and
swapped, labels renumbered, new doc/item/commitment ids, a new meeting date and one
of `--councils` invented councils (so blocking by council has real work to do).
The baseline is fitting the same word + character TF-IDF vectorisers on the same
texts in the same run; the link time is reported as a ratio to it.

If extraction finds no commitments in the sample corpus (it was a stub while linking
was built), commitments are derived from the segmented items instead, with a kind
taken from the item kind; the shape of the work is the same.

Usage: .venv/bin/python benchmarks/bench_link.py [--n 50000] [--councils 25] [--seed 0]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the target says
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from datetime import date, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

from minutemine.link import link_commitments  # noqa: E402
from minutemine.models import Commitment, DocResult, DocumentRow, Item  # noqa: E402
from minutemine.pipeline import collect_files, process_file  # noqa: E402
from minutemine.similarity import TextIndex, normalise_for_matching  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
KIND_OF_ITEM = {"request": "request", "question": "request", "response": "assurance",
                "recommendation": "recommendation", "resolution": "decision"}


def sample_papers() -> list[DocResult]:
    results = [process_file(f) for f in collect_files([ROOT / "corpus"])]
    results = [r for r in results if r.items]
    if sum(len(r.commitments) for r in results) >= 20:
        return results
    derived = []
    for r in results:
        commitments = [Commitment(commitment_id=f"c{i.item_id}", doc_id=i.doc_id, item_id=i.item_id,
                                  kind=KIND_OF_ITEM.get(i.kind, ("assurance", "action", "request")[n % 3]),
                                  label_path=i.label_path, text=i.text, char_start=i.char_start, char_end=i.char_end)
                       for n, i in enumerate(r.items) if len(i.text) > 20]
        derived.append(DocResult(document=r.document, items=r.items, commitments=commitments))
    return derived


def perturb(text: str, rng: random.Random) -> str:
    words = text.split()
    words = [w for w in words if rng.random() > 0.1] or words[:1]
    if len(words) > 3:
        at = rng.randrange(len(words) - 1)
        words[at], words[at + 1] = words[at + 1], words[at]
    if words and words[0][:1].isdigit():
        words[0] = f"{rng.randint(1, 40)}."
    return " ".join(words)


def council_name(n: int) -> str:
    """An invented council, one per number, named nowhere in the sample papers: "Zarwick Council", ...

    A real-sounding name ("Hartley") could occur in the copied text and join blocks.
    """
    heads = ("Zar", "Quil", "Vex", "Yor", "Xan", "Pim", "Trel", "Wix", "Oom", "Ux")
    tails = ("wick", "thorp", "holm", "stow", "dale", "mere", "gate", "ness", "cott", "by")
    return f"{heads[n % 10]}{tails[n // 10 % 10]}{'' if n < 100 else n // 100} Council"


def synthetic_corpus(n: int, councils: int, seed: int):
    rng = random.Random(seed)
    samples = sample_papers()
    documents: list[DocumentRow] = []
    items: list[Item] = []
    commitments: list[Commitment] = []
    copy = 0
    while len(commitments) < n:
        source = samples[copy % len(samples)]
        doc_id = f"s{copy:06d}"
        day = date(2017, 1, 1) + timedelta(days=rng.randrange(3000))
        body = council_name(rng.randrange(councils))
        documents.append(source.document.model_copy(update={
            "doc_id": doc_id, "body": body, "meeting_date": day.isoformat(), "source_path": f"{doc_id}.txt"}))
        new_id = {i.item_id: f"{doc_id}/{k}" for k, i in enumerate(source.items)}
        for i in source.items:
            items.append(i.model_copy(update={"item_id": new_id[i.item_id], "doc_id": doc_id,
                                              "parent_id": new_id.get(i.parent_id, ""),
                                              "text": perturb(i.text, rng)}))
        for k, c in enumerate(source.commitments):
            commitments.append(c.model_copy(update={"commitment_id": f"{doc_id}/c{k}", "doc_id": doc_id,
                                                    "item_id": new_id.get(c.item_id, ""),
                                                    "text": perturb(c.text, rng)}))
        copy += 1
    return documents, items, commitments[:n]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50_000, help="commitments in the synthetic corpus")
    parser.add_argument("--councils", type=int, default=25, help="invented councils the papers belong to")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    documents, items, commitments = synthetic_corpus(args.n, args.councils, args.seed)
    print(f"synthetic corpus: {len(documents)} papers, {len(items)} items, {len(commitments)} commitments, "
          f"{args.councils} councils")

    # CPU time is reported beside wall time: on a shared machine the wall clock measures the neighbours.
    t0, c0 = time.perf_counter(), time.process_time()
    TextIndex.fit([normalise_for_matching(c.text) for c in commitments])
    baseline, baseline_cpu = time.perf_counter() - t0, time.process_time() - c0

    t0, c0 = time.perf_counter(), time.process_time()
    linked, links = link_commitments(documents, items, commitments)
    elapsed, elapsed_cpu = time.perf_counter() - t0, time.process_time() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    answered = sum(1 for c in linked if c.answers)
    print(f"baseline (fit word+char TF-IDF on the same texts): {baseline:.2f} s wall, {baseline_cpu:.2f} s CPU")
    print(f"link_commitments: {elapsed:.2f} s wall, {elapsed_cpu:.2f} s CPU = {elapsed_cpu / baseline_cpu:.1f} x baseline "
          f"CPU; {len(links)} links, {answered} commitments linked")
    print(f"peak RSS of the whole process (corpus included): {peak_mb:.0f} MB")
    ok = min(elapsed, elapsed_cpu) < 60 and peak_mb < 2048
    print("target (< 60 s, < 2 GB):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
