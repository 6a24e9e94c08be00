"""Sweep the link thresholds against the gold set: how THRESHOLD, RESTATEMENT_MIN_SIMILARITY and RESTATEMENT_SURE were chosen.

Re-links the tables of an existing run (so ingest/segment/extract are not repeated)
with each set of values, one story block at a time as the pipeline does, and scores the
result with `minutemine eval`'s own code.

Usage:
    .venv/bin/minutemine run corpus/ --out /tmp/run
    .venv/bin/python benchmarks/sweep_link_threshold.py /tmp/run [--gold corpus/gold]
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from pathlib import Path

import pandas as pd

from minutemine.evaluate import evaluate, load_gold, load_predictions
from minutemine.link import link_commitments
from minutemine.models import Commitment, DocumentRow, Item, Link
from minutemine.stories import story_blocks
from minutemine.store import write_tables

LISTS = ("dates", "amounts_gbp", "people", "organisations")


def read_run(out: Path) -> tuple[list[DocumentRow], list[Item], list[Commitment]]:
    def rows(name: str) -> list[dict]:
        return pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False).to_dict("records")

    def unlinked(row: dict) -> dict:
        row.update({k: [x for x in row[k].split(";") if x] for k in LISTS})
        row.update(answers="", answer_score=None, answer_method="", status="")
        return row

    return ([DocumentRow(**r) for r in rows("documents")], [Item(**r) for r in rows("items")],
            [Commitment(**unlinked(r)) for r in rows("commitments")])


def link_per_block(documents: list[DocumentRow], items: list[Item], commitments: list[Commitment],
                   **settings) -> tuple[list[Commitment], list[Link]]:
    """`link_commitments` once per story block with `settings`, as the pipeline (link_blocks.link_by_block) runs it."""
    block_of = story_blocks(documents, items)
    linked: list[Commitment] = []
    links: list[Link] = []
    for block in sorted(set(block_of.values())):
        docs = [d for d in documents if block_of.get(d.doc_id) == block]
        ids = {d.doc_id for d in docs}
        block_commitments = [c for c in commitments if c.doc_id in ids]
        if block_commitments:
            got, got_links = link_commitments(docs, [i for i in items if i.doc_id in ids], block_commitments,
                                              **settings)
            linked += got
            links += got_links
    return linked, sorted(links, key=lambda link: (link.answer_id, link.rank))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", type=Path, help="output folder of a `minutemine run`")
    parser.add_argument("--gold", type=Path, default=Path(__file__).resolve().parents[1] / "corpus" / "gold")
    args = parser.parse_args()
    documents, items, commitments = read_run(args.run)
    gold = load_gold(args.gold)
    print(f"{'threshold':>9} {'restate':>7} {'sure':>5} {'P':>6} {'R':>6} {'F1':>6} {'top1':>6} {'status':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        # sure 0.0 = no one-to-one matching of restatements (every pair above `restate` kept)
        for threshold, restate, sure in itertools.product((0.4, 0.45, 0.5, 0.55, 0.6, 0.7),
                                                          (0.2, 0.22, 0.25, 0.28, 0.3), (0.0, 0.3, 0.35, 0.4)):
            linked, links = link_per_block(documents, items, commitments, threshold=threshold,
                                           restatement_min=restate, restatement_sure=sure)
            write_tables(tmp, {"documents": documents, "items": items, "commitments": linked, "links": links})
            report = evaluate(gold, load_predictions(tmp))
            s = report["links"]
            print(f"{threshold:>9.2f} {restate:>7.2f} {sure:>5.2f} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
                  f"{report['link_top1']['accuracy']:>6.3f} {report['request_status']['accuracy']:>6.3f}")


if __name__ == "__main__":
    main()
