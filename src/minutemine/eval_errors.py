"""The errors behind the link and status figures, one line each, to read before changing a rule.

`minutemine eval GOLD --errors` prints them after the figures; `--json` always carries them.
A gold link is *missed* when its answer's top-1 request is neither the gold request nor one
it restates (the same test that counts it as found); a predicted link is *wrong* when it is
not in the closure of the gold links.  Each says why, in the terms a rule-writer needs:
which end extraction missed, or where the answer pointed instead.
"""

from __future__ import annotations

from .gold_match import Record

SNIPPET = 70  # characters of text shown per commitment: enough to find it in the paper


def snippet(text: str, width: int = SNIPPET) -> str:
    """One line of at most `width` characters.

    >>> snippet("a  long\\ntext", 20)
    'a long text'
    >>> snippet("x" * 10, 6)
    'xxxxx…'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1] + "…"


def why_missed(answer: str | None, request: str | None, pointed_at: str, gold_of: dict[str, str]) -> str:
    """Why a gold link was not found, given the matched predicted ends (None: not extracted)
    and the predicted request the answer points at ("" when it points at nothing).

    >>> why_missed(None, "p2", "", {})
    'answer not extracted'
    >>> why_missed("p1", "p2", "", {"p1": "g1"})
    'answer linked to nothing'
    >>> why_missed("p1", "p2", "p9", {"p9": "g7"})
    'answer points at g7'
    >>> why_missed("p1", None, "p9", {})
    'request not extracted; answer points at an unmatched commitment'
    """
    if answer is None:
        return "answer not extracted"
    reasons = [] if request is not None else ["request not extracted"]
    if not pointed_at:
        reasons.append("answer linked to nothing")
    else:
        reasons.append(f"answer points at {gold_of.get(pointed_at, 'an unmatched commitment')}")
    return "; ".join(reasons)


def link_errors(preds: list[Record], gold_links: list[tuple[str, str]], found: list[tuple[str, str]],
                wrong: list[tuple[str, str]], gold_texts: dict[str, str], pairs: dict[str, str]) -> dict:
    """Missed gold links and wrong predicted links as JSON-ready rows (ids and text snippets)."""
    pred_of = {g: p for p, g in pairs.items()}
    by_id = {p.id: p for p in preds}
    found_set = set(found)
    missed = []
    for a, r in gold_links:
        if (a, r) in found_set:
            continue
        answer = pred_of.get(a)
        pointed_at = by_id[answer].answers if answer in by_id else ""
        missed.append({"answer_gold_id": a, "request_gold_id": r,
                       "why": why_missed(answer, pred_of.get(r), pointed_at, pairs),
                       "answer_text": snippet(gold_texts.get(a, "")), "request_text": snippet(gold_texts.get(r, ""))})
    wrong_rows = [{"answer_id": a, "request_id": r,
                   "answer_gold_id": pairs.get(a, ""), "request_gold_id": pairs.get(r, ""),
                   "answer_text": snippet(by_id[a].text) if a in by_id else "",
                   "request_text": snippet(by_id[r].text) if r in by_id else ""}
                  for a, r in wrong]
    return {"missed_links": missed, "wrong_links": wrong_rows}


def status_errors(predicted: dict[str, str], expected: dict[str, str], gold_texts: dict[str, str]) -> list[dict]:
    """Gold requests whose predicted status differs ("" when the request was not extracted).

    >>> status_errors({"g1": "answered", "g2": ""}, {"g1": "answered", "g2": "outstanding"}, {"g2": "why?"})
    [{'request_gold_id': 'g2', 'expected': 'outstanding', 'predicted': '', 'request_text': 'why?'}]
    """
    return [{"request_gold_id": r, "expected": s, "predicted": predicted.get(r, ""),
             "request_text": snippet(gold_texts.get(r, ""))}
            for r, s in expected.items() if predicted.get(r, "") != s]


def format_errors(errors: dict) -> str:
    """The three lists as aligned text lines, each headed by its count."""
    lines = [f"missed gold links ({len(errors['missed_links'])})"]
    lines += [f"  {e['answer_gold_id']:<16} -> {e['request_gold_id']:<16} {e['why']}\n"
              f"      A: {e['answer_text']}\n      R: {e['request_text']}" for e in errors["missed_links"]]
    lines.append(f"wrong predicted links ({len(errors['wrong_links'])})")
    lines += [f"  {e['answer_gold_id'] or '(no gold)':<16} -> {e['request_gold_id'] or '(no gold)':<16} "
              f"{e['answer_id']} -> {e['request_id']}\n      A: {e['answer_text']}\n      R: {e['request_text']}"
              for e in errors["wrong_links"]]
    lines.append(f"request status errors ({len(errors['status'])})")
    lines += [f"  {e['request_gold_id']:<16} expected {e['expected']!r}, got {e['predicted'] or 'not extracted'!r}"
              f"\n      R: {e['request_text']}" for e in errors["status"]]
    return "\n".join(lines)
