"""Structural evidence: an answer under its request in the item tree, or after it among its siblings.

- **tree** — an answer sits under a request in the item tree (the due-diligence deck's
  restated request with its answer bullets), or after it in the same item (an
  "Issue raised | Response" table row);
- **sequence** — a "Response" item, or a "... it was confirmed that" paragraph, follows
  a question among its siblings ("Question 3 – name" then "Mayor's Response").
"""

from __future__ import annotations

import re
from collections import defaultdict

from .link_rows import ANSWERING, ASKING, Rows, ancestors
from .models import Item
from .similarity import content_words, normalise_for_matching

TREE_SCORE, SEQUENCE_SCORE = 1.0, 0.9
HEADING_REACH = 8  # siblings an answer paragraph may sit below its questioner's heading
HEADING_MAX_CHARS = 100  # a heading is a short line, not a sentence
ASK_ITEM_KINDS = {"request", "question"}
_RESPONSE_CUE = re.compile(
    r"^\W*(?:(?:the\s+)?(?:mayor'?s?|cabinet member'?s?|officers?'?)?\s*response\b|in response\b|"
    r"it was (?:confirmed|explained|clarified|noted)\b|officers? (?:confirmed|explained|clarified)\b)",
    re.IGNORECASE)


def structural_links(rows: Rows, items: list[Item]):
    """Yield (source row, target row, method, score) from the item tree and sibling order."""
    items_by_id = {i.item_id: i for i in items}
    asks_on_item: dict[str, list[int]] = defaultdict(list)
    for r, role in enumerate(rows.role):
        if role == "request":
            asks_on_item[rows.commitments[r].item_id].append(r)
    for rs in asks_on_item.values():
        rs.sort(key=lambda r: (rows.commitments[r].char_start, rows.commitments[r].commitment_id))
    first_said = _first_said(rows)
    # Keyed by paper too: every paper's top-level items share the parent "".
    children: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for i in items:
        children[i.doc_id, i.parent_id].append(i)
    position: dict[str, int] = {}
    for sibs in children.values():
        sibs.sort(key=lambda i: (i.char_start, i.item_id))
        position.update((s.item_id, n) for n, s in enumerate(sibs))

    for r, role in enumerate(rows.role):
        if role not in ANSWERING:
            continue
        c, item = rows.commitments[r], rows.item[r]
        earlier_here = [a for a in asks_on_item.get(c.item_id, []) if rows.commitments[a].char_start < c.char_start]
        target = earlier_here[-1] if earlier_here else None
        for ancestor in ancestors(item, items_by_id):
            if target is not None:
                break
            # Only a request or question item has answers as children; an agenda item whose
            # text holds a request has the whole debate under it.
            if ancestor.kind in ASK_ITEM_KINDS and asks_on_item.get(ancestor.item_id):
                target = asks_on_item[ancestor.item_id][-1]
        if target is not None:
            yield r, first_said[target], "tree", TREE_SCORE
            continue
        if item is None:
            continue
        siblings = children[item.doc_id, item.parent_id]
        at = position.get(item.item_id, 0)
        if item.kind == "response" or _RESPONSE_CUE.match(c.text) or _RESPONSE_CUE.match(item.text):
            for sibling in reversed(siblings[max(0, at - 3):at]):
                asks = _asks_in_subtree(sibling, children, asks_on_item)
                if asks:
                    yield r, first_said[asks[-1]], "sequence", SEQUENCE_SCORE
                    break
                if _unread_heading(rows, sibling):
                    break  # the reply is to a question we do not have
            continue
        heading = _questioner_heading_above(rows, siblings[max(0, at - HEADING_REACH):at], children, asks_on_item)
        if heading is not None:
            yield r, first_said[heading], "sequence", SEQUENCE_SCORE


def _first_said(rows: Rows) -> dict[int, int]:
    """Every ask row -> the first ask of its paper worded the same.

    Minutes repeat a public-forum question's heading over the supplementary questions
    ("Chris Whitfield - EV Charging for terraced homes" under "Question 2 A,B" and again
    before the replies): it is one question, and its replies answer the first.
    """
    first: dict[tuple[str, str], int] = {}
    out = {}
    for r in sorted(range(len(rows.role)), key=lambda r: (rows.commitments[r].doc_id, rows.commitments[r].char_start,
                                                           rows.commitments[r].commitment_id)):
        if rows.role[r] in ASKING:
            key = (rows.commitments[r].doc_id, " ".join(content_words(normalise_for_matching(rows.commitments[r].text))))
            out[r] = first.setdefault(key, r) if key[1] else r
    return out


def _looks_like_heading(rows: Rows, r: int) -> bool:
    """A questioner's heading ("Q31, 32, 33 – Sue Hughes", "Matt Saunders - Bus Gates"): no sentence."""
    text = rows.commitments[r].text.strip()
    return rows.says_names_only(r) or (len(text) <= HEADING_MAX_CHARS and not text.endswith((".", ";", ":", "?")))


def _questioner_heading_above(rows: Rows, earlier: list[Item], children: dict[tuple[str, str], list[Item]],
                              asks_on_item: dict[str, list[int]]) -> int | None:
    """The questioner's heading an answer paragraph sits under, if the nearest ask above is one.

    Supplementary questions are minuted as a heading naming the questioner, then the
    replies as plain paragraphs, up to the next heading.  A heading-like paragraph that
    was read as no ask at all ("Ian Pond, Bristol Cycling Campaign") also ends the
    search: the replies under it belong to a question we do not have.
    """
    for sibling in reversed(earlier):
        asks = _asks_in_subtree(sibling, children, asks_on_item)
        if asks:
            return asks[-1] if _looks_like_heading(rows, asks[-1]) else None
        if _unread_heading(rows, sibling):
            return None
    return None


def _unread_heading(rows: Rows, item: Item) -> bool:
    """A short line with no sentence end and no commitment read in it: a heading ("Ian Pond, Bristol Cycling Campaign")."""
    text = item.text.strip()
    return len(text) <= HEADING_MAX_CHARS and not text.endswith((".", ";", ":", ")")) \
        and item.item_id not in rows.items_said


def _asks_in_subtree(item: Item, children: dict[tuple[str, str], list[Item]],
                     asks_on_item: dict[str, list[int]]) -> list[int]:
    out, stack = [], [item]
    while stack:
        node = stack.pop()
        out.extend(asks_on_item.get(node.item_id, []))
        stack.extend(children.get((node.doc_id, node.item_id), []))
    return out

