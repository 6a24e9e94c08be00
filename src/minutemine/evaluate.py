"""Evaluate: score a run's tables against the hand-made gold set in corpus/gold/.

The gold set and the scoring rules are described in corpus/gold/GUIDE.md.  In short:
each predicted commitment is matched, one-to-one and best first, to a gold
commitment of the same source file whose text it overlaps (token-set overlap
coefficient >= MATCH_THRESHOLD); fields are then scored on the matched pairs.
Only papers that have a gold file are scored, so unannotated papers neither help
nor hurt.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import click

from .eval_errors import format_errors, link_errors, status_errors
from .gold_match import MATCH_THRESHOLD, Record, match, norm_amount, same_name, split_list

GOLD_TABLES = {"links.csv", "request_status.csv"}  # files in GOLD_DIR that are not per-paper gold
FIELDS = ("commitment", "kind", "actor", "addressee", "dates", "deadline", "amounts")
HEADLINE_EXTRAS = ("links", "link_top1", "request_status", "outstanding")  # figures beyond the fields' F1


def record_from_row(row: dict, id_field: str, source: str) -> Record:
    return Record(id=row[id_field], source=source, kind=row.get("kind", "").strip(), text=row.get("text", ""),
                  actor=row.get("actor", "").strip(), addressee=row.get("addressee", "").strip(),
                  dates=frozenset(split_list(row.get("dates", ""))), deadline=row.get("deadline", "").strip(),
                  amounts=frozenset(map(norm_amount, split_list(row.get("amounts_gbp", "")))),
                  status=row.get("status", "").strip(), answers=row.get("answers", "").strip())


def read_csv_rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


@dataclass
class Gold:
    commitments: list[Record]
    links: list[tuple[str, str]]  # (answer_gold_id, request_gold_id)
    status: dict[str, str]  # request_gold_id -> answered / partly answered / outstanding

    @property
    def sources(self) -> set[str]:
        return {g.source for g in self.commitments}


def load_gold(gold_dir: str | Path) -> Gold:
    """Read every per-paper gold CSV, links.csv and request_status.csv of a gold folder."""
    gold_dir = Path(gold_dir)
    commitments = [record_from_row(row, "gold_id", row["source"].strip())
                   for path in sorted(gold_dir.glob("*.csv")) if path.name not in GOLD_TABLES
                   for row in read_csv_rows(path)]
    links_path, status_path = gold_dir / "links.csv", gold_dir / "request_status.csv"
    links = [(r["answer_gold_id"].strip(), r["request_gold_id"].strip())
             for r in (read_csv_rows(links_path) if links_path.exists() else [])]
    status = {r["request_gold_id"].strip(): r["status"].strip()
              for r in (read_csv_rows(status_path) if status_path.exists() else [])}
    return Gold(commitments, links, status)


@dataclass
class Predictions:
    commitments: list[Record]
    links: list[tuple[str, str]]  # every candidate (answer_id, request_id) in links.csv


def load_predictions(out_dir: str | Path) -> Predictions:
    """Read documents, commitments and links of a run; each commitment gets its paper's file name."""
    from .store import read_table

    out_dir = Path(out_dir)
    for name in ("documents", "commitments"):
        if not (out_dir / f"{name}.csv").exists():
            raise click.ClickException(f"{out_dir / (name + '.csv')} not found: run `minutemine run --out {out_dir}` first")
    source_of = {r["doc_id"]: Path(r["source_path"]).name for r in read_table(out_dir, "documents").to_dict("records")}
    commitments = [record_from_row(row, "commitment_id", source_of.get(row["doc_id"], ""))
                   for row in read_table(out_dir, "commitments").to_dict("records")]
    links = []
    if (out_dir / "links.csv").exists():
        links = [(r["answer_id"], r["request_id"]) for r in read_table(out_dir, "links").to_dict("records")]
    return Predictions(commitments, links)


def prf(correct: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    """Precision, recall and F1 from counts (0 when undefined).

    >>> prf(3, 4, 6)
    {'precision': 0.75, 'recall': 0.5, 'f1': 0.6, 'correct': 3, 'predicted': 4, 'gold': 6}
    """
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "correct": correct, "predicted": n_pred, "gold": n_gold}


def score_fields(preds: list[Record], golds: list[Record], pairs: dict[str, str]) -> dict[str, dict]:
    """P/R/F1 of every field over one set of predictions and gold commitments (see corpus/gold/GUIDE.md)."""
    gold_by_id = {g.id: g for g in golds}
    matched = [(p, gold_by_id[pairs[p.id]]) for p in preds if p.id in pairs]
    out = {"commitment": prf(len(matched), len(preds), len(golds)),
           "kind": prf(sum(p.kind == g.kind for p, g in matched), len(preds), len(golds))}
    for name in ("actor", "addressee"):
        correct = sum(same_name(getattr(p, name), getattr(g, name)) for p, g in matched)
        out[name] = prf(correct, sum(bool(getattr(p, name)) for p in preds),
                        sum(bool(getattr(g, name)) for g in golds))
    out["deadline"] = prf(sum(bool(p.deadline) and p.deadline == g.deadline for p, g in matched),
                          sum(bool(p.deadline) for p in preds), sum(bool(g.deadline) for g in golds))
    for name in ("dates", "amounts"):
        correct = sum(len(getattr(p, name) & getattr(g, name)) for p, g in matched)
        out[name] = prf(correct, sum(len(getattr(p, name)) for p in preds),
                        sum(len(getattr(g, name)) for g in golds))
    return out


def closure(links: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Every (answer, request) pair reachable along gold links: an answer to a restated
    request also answers the original request that one restates.

    >>> sorted(closure([("a1", "r2"), ("r2", "r1")]))
    [('a1', 'r1'), ('a1', 'r2'), ('r2', 'r1')]
    """
    parents: dict[str, set[str]] = defaultdict(set)
    for a, r in links:
        parents[a].add(r)
    reach = set()
    for start in list(parents):
        stack, seen = list(parents[start]), set()
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                reach.add((start, node))
                stack.extend(parents.get(node, ()))
    return reach


def score_links(preds: list[Record], pred_links: list[tuple[str, str]], gold: Gold,
                pairs: dict[str, str], source_of: dict[str, str] | None = None) -> dict[str, dict | float]:
    """Link precision/recall/F1 of the top-1 answers, candidate recall, top-1 accuracy, status accuracy.

    `source_of` maps every predicted id to its paper; a link whose request lies in a paper
    without gold cannot be judged and is left out (it is neither right nor wrong).
    """
    ok = closure(gold.links)
    gold_of = pairs.get
    scored = {g.source for g in gold.commitments}
    source_of = source_of or {p.id: p.source for p in preds}
    top1 = [(p.id, p.answers) for p in preds
            if p.answers and p.source in scored and source_of.get(p.answers, p.source) in scored]
    wrong = [(a, r) for a, r in top1 if (gold_of(a), gold_of(r)) not in ok]
    correct_pred = len(top1) - len(wrong)
    targets: dict[str | None, set[str | None]] = defaultdict(set)
    for a, r in top1:
        targets[gold_of(a)].add(gold_of(r))
    # a gold link is found when its answer points at its request or further up the restated chain
    found = [(a, r) for a, r in gold.links if any(x == r or (r, x) in ok for x in targets.get(a, ()))]
    links = prf(correct_pred, len(top1), len(gold.links))
    links["recall"] = round(len(found) / len(gold.links), 4) if gold.links else 0.0
    links["f1"] = round(2 * links["precision"] * links["recall"] / (links["precision"] + links["recall"]), 4) \
        if links["precision"] + links["recall"] else 0.0
    links["found"] = len(found)
    candidates = {(gold_of(a), gold_of(r)) for a, r in pred_links}
    candidate_recall = sum((a, r) in candidates for a, r in gold.links) / len(gold.links) if gold.links else 0.0
    # top-1 accuracy: of the gold answers that were extracted, how many point at a right request.
    pred_of = {g: p for p, g in pairs.items()}
    answers_of = {p.id: p.answers for p in preds}
    gold_answers = sorted({a for a, _ in gold.links if a in pred_of})
    top1_ok = sum((a, gold_of(answers_of.get(pred_of[a], ""))) in ok for a in gold_answers)
    status_of = {p.id: p.status for p in preds}
    predicted_status = {r: status_of.get(pred_of.get(r, ""), "") for r in gold.status}
    status_ok = sum(predicted_status[r] == s for r, s in gold.status.items())
    # outstanding detection: the requests a scrutiny officer must chase
    flagged = {r for r, s in predicted_status.items() if s == "outstanding"}
    outstanding = {r for r, s in gold.status.items() if s == "outstanding"}
    gold_texts = {g.id: g.text for g in gold.commitments}
    errors = link_errors(preds, gold.links, found, wrong, gold_texts, pairs)
    errors["status"] = status_errors(predicted_status, gold.status, gold_texts)
    return {"links": links, "errors": errors,
            "outstanding": prf(len(flagged & outstanding), len(flagged), len(outstanding)),
            "link_candidate_recall": round(candidate_recall, 4),
            "link_top1": {"accuracy": round(top1_ok / len(gold_answers), 4) if gold_answers else 0.0,
                          "correct": top1_ok, "answers": len(gold_answers)},
            "request_status": {"accuracy": round(status_ok / len(gold.status), 4) if gold.status else 0.0,
                               "correct": status_ok, "requests": len(gold.status)}}


def evaluate(gold: Gold, predictions: Predictions) -> dict:
    """All figures: overall and per document fields, links, and per document the gold ids
    nothing matched and the predictions that matched no gold (to read them side by side)."""
    sources = gold.sources
    preds = [p for p in predictions.commitments if p.source in sources]
    pairs = match(preds, gold.commitments)
    report = {"match_threshold": MATCH_THRESHOLD, "overall": score_fields(preds, gold.commitments, pairs)}
    report.update(score_links(preds, predictions.links, gold, pairs,
                              {p.id: p.source for p in predictions.commitments}))
    matched_gold = set(pairs.values())
    report["documents"] = {
        src: {**score_fields([p for p in preds if p.source == src], [g for g in gold.commitments if g.source == src],
                             pairs),
              "missed_gold": [g.id for g in gold.commitments if g.source == src and g.id not in matched_gold],
              "unmatched_predictions": [p.id for p in preds if p.source == src and p.id not in pairs]}
        for src in sorted(sources)}
    return report


def headline(report: dict) -> dict[str, float]:
    """The figures a floor can be set on: F1 of each field, link F1, top-1 and status accuracy."""
    figures = {name: report["overall"][name]["f1"] for name in FIELDS}
    figures["links"] = report["links"]["f1"]
    figures["link_top1"] = report["link_top1"]["accuracy"]
    figures["request_status"] = report["request_status"]["accuracy"]
    figures["outstanding"] = report["outstanding"]["f1"]
    return figures


def format_report(report: dict) -> str:
    rows = [f"{'field':<12} {'P':>6} {'R':>6} {'F1':>6}   correct/pred/gold"]
    for name in FIELDS:
        s = report["overall"][name]
        rows.append(f"{name:<12} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}   "
                    f"{s['correct']}/{s['predicted']}/{s['gold']}")
    s = report["links"]
    rows.append(f"{'links':<12} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}   "
                f"{s['correct']}/{s['predicted']}/{s['gold']} (found {s['found']})")
    rows.append(f"link candidate recall {report['link_candidate_recall']:.3f}; "
                f"top-1 accuracy {report['link_top1']['accuracy']:.3f} "
                f"({report['link_top1']['correct']}/{report['link_top1']['answers']}); "
                f"request status accuracy {report['request_status']['accuracy']:.3f} "
                f"({report['request_status']['correct']}/{report['request_status']['requests']})")
    s = report["outstanding"]
    rows.append(f"{'outstanding':<12} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}   "
                f"{s['correct']}/{s['predicted']}/{s['gold']} (requests flagged outstanding among the gold ones)")
    rows.append("")
    per_doc = ("commitment", "kind", "actor", "dates", "amounts")
    rows.append(f"{'F1 per document':<62}" + "".join(f" {name[:6]:>6}" for name in per_doc) + "  missed")
    for src, d in report["documents"].items():
        # "-" where the paper has neither gold nor predicted values: nothing to score
        rows.append(f"{src:<62}" + "".join(f" {d[name]['f1']:>6.3f}" if d[name]["gold"] or d[name]["predicted"]
                                           else f" {'-':>6}" for name in per_doc)
                    + f"  {len(d['missed_gold']):>6}")
    return "\n".join(rows)


def parse_floor(text: str) -> tuple[str, float]:
    """'kind=0.5' -> ('kind', 0.5), with a clear error for anything else.

    >>> parse_floor("commitment=0.6")
    ('commitment', 0.6)
    """
    name, sep, value = text.partition("=")
    try:
        return name.strip(), float(value) if sep else float("nan")
    except ValueError:
        raise click.BadParameter(f"expected FIELD=VALUE, got {text!r}") from None


@click.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--out", "out", default="outputs", show_default=True, type=click.Path(file_okay=False),
              help="Folder of the dataset tables to score.")
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON.")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list each missed gold link, wrong predicted link and wrong request status.")
@click.option("--min-f1", "floors", multiple=True, metavar="FIELD=VALUE",
              help="Exit non-zero if FIELD's figure is below VALUE (repeatable). FIELD: "
                   + ", ".join(FIELDS + HEADLINE_EXTRAS) + ".")
def eval_command(gold_dir: str, out: str, as_json: bool, show_errors: bool, floors: tuple[str, ...]) -> None:
    """Score a run's commitments and links against a gold set: precision, recall, F1 per field.

    Example:

        minutemine eval corpus/gold --out outputs/ --min-f1 commitment=0.5

        minutemine eval corpus/gold --errors    # and what was missed or wrong, one line each
    """
    wanted = [parse_floor(f) for f in floors]
    figures_known = set(FIELDS) | set(HEADLINE_EXTRAS)
    for name, value in wanted:
        if name not in figures_known or value != value:
            raise click.BadParameter(f"unknown figure or value in {name}=...; known: {', '.join(sorted(figures_known))}",
                                     param_hint="--min-f1")
    report = evaluate(load_gold(gold_dir), load_predictions(out))
    click.echo(json.dumps(report, indent=2) if as_json else format_report(report))
    if show_errors and not as_json:  # the JSON report always carries them
        click.echo("\n" + format_errors(report["errors"]))
    figures = headline(report)
    below = [f"{name} {figures[name]:.3f} < {value}" for name, value in wanted if figures[name] < value]
    if below:
        raise click.ClickException("below the floor: " + "; ".join(below))
