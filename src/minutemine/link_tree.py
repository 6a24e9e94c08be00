"""The item tree of the papers, and where each ask sits in it: what link_structure reads answers' places by.

Also the small judgements about headings it needs: a questioner's heading ("Q31, 32, 33 –
Sue Hughes"), a heading line read as no ask ("Ian Pond, Bristol Cycling Campaign"), and the
question a heading repeats.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .answer_cues import vocabulary_pattern
from .link_rows import ASKING, Rows
from .models import Item
from .similarity import content_words, normalise_for_matching

HEADING_MAX_CHARS = 100  # a heading is a short line, not a sentence
QUESTION_HEADING_MIN_CHARS = 12  # a question's heading an answer opens with names someone, not "Q1"


@dataclass
class Tree:
    """The item tree of the papers, and where each ask sits in it."""

    children: dict[tuple[str, str], list[Item]]  # (doc, parent item) -> items in printed order
    position: dict[str, int]  # item -> its place among its siblings
    asks_on_item: dict[str, list[int]]  # item -> ask rows read in it, in printed order
    first_said: dict[int, int]  # ask row -> the first ask of its paper worded the same
    question_of_heading: dict[tuple[str, str], int]  # (doc, normalised heading) -> first ask under that heading
    headings_of_doc: dict[str, list[tuple[str, int]]]  # doc -> (normalised heading, ask) of its questions
    previous: dict[str, Item]  # item -> the item printed just before it in its paper
    first_on_item: dict[str, int]  # item -> the first row read in it
    asking_on_item: dict[str, list[int]]  # item -> rows read in it that ask or recommend (an amendment moved)
    previous_row: dict[int, int]  # row -> the row read just before it in the same item


def build_tree(rows: Rows, items: list[Item]) -> Tree:
    """The tree of `items` with the asks of `rows` placed in it, and the headings of the papers' questions."""
    asks_on_item: dict[str, list[int]] = defaultdict(list)
    for r, role in enumerate(rows.role):
        if role == "request":
            asks_on_item[rows.commitments[r].item_id].append(r)
    for rs in asks_on_item.values():
        rs.sort(key=lambda r: (rows.commitments[r].char_start, rows.commitments[r].commitment_id))
    # Keyed by paper too: every paper's top-level items share the parent "".
    children: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for i in items:
        children[i.doc_id, i.parent_id].append(i)
    position: dict[str, int] = {}
    for sibs in children.values():
        sibs.sort(key=lambda i: (i.char_start, i.item_id))
        position.update((s.item_id, n) for n, s in enumerate(sibs))
    first_said = first_said_of(rows)
    question_of_heading: dict[tuple[str, str], int] = {}
    for i in sorted(items, key=lambda i: (i.doc_id, i.char_start, i.item_id)):
        asks = asks_on_item.get(i.item_id)
        heading = normalise_for_matching(i.text)
        if asks and len(heading) >= QUESTION_HEADING_MIN_CHARS and \
                (i.kind == "question" or looks_like_heading(rows, asks[0])):
            question_of_heading.setdefault((i.doc_id, heading), first_said.get(asks[0], asks[0]))
    headings_of_doc: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (doc, heading), ask in sorted(question_of_heading.items()):
        headings_of_doc[doc].append((heading, ask))
    previous: dict[str, Item] = {}
    in_print_order = sorted(items, key=lambda i: (i.doc_id, i.char_start, i.item_id))
    for before, item in zip(in_print_order, in_print_order[1:]):
        if before.doc_id == item.doc_id:
            previous[item.item_id] = before
    first_on_item: dict[str, int] = {}
    previous_row: dict[int, int] = {}
    last_on_item: dict[str, int] = {}
    for r in sorted(range(len(rows.commitments)), key=lambda r: (rows.commitments[r].char_start,
                                                                  rows.commitments[r].commitment_id)):
        item_id = rows.commitments[r].item_id
        first_on_item.setdefault(item_id, r)
        if item_id in last_on_item:
            previous_row[r] = last_on_item[item_id]
        last_on_item[item_id] = r
    asking_on_item: dict[str, list[int]] = defaultdict(list)
    for r, role in enumerate(rows.role):
        if role in ASKING:
            asking_on_item[rows.commitments[r].item_id].append(r)
    return Tree(children, position, asks_on_item, first_said, question_of_heading, headings_of_doc, previous,
                 first_on_item, asking_on_item, previous_row)


def first_said_of(rows: Rows) -> dict[int, int]:
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


def looks_like_heading(rows: Rows, r: int) -> bool:
    """A questioner's heading ("Q31, 32, 33 – Sue Hughes", "Matt Saunders - Bus Gates"): no sentence."""
    text = rows.commitments[r].text.strip()
    item = rows.item[r]
    # An ask cut from a longer point ("in terms of how long … would remain in force" before ", the Assistant
    # Director advised that …") has no full stop either, but it is a clause, not a line of its own.
    whole_line = item is None or len(item.text.strip()) <= max(HEADING_MAX_CHARS, len(text))
    return rows.says_names_only(r) or (whole_line and len(text) <= HEADING_MAX_CHARS
                                       and not text.endswith((".", ";", ":", "?")))


def unread_heading(rows: Rows, item: Item) -> bool:
    """A short line with no sentence end and no commitment read in it: a heading ("Ian Pond, Bristol Cycling Campaign")."""
    text = item.text.strip()
    # "Officer: Community Safety Manager" is a field of a tracker's record, between its request and its update.
    return len(text) <= HEADING_MAX_CHARS and not text.endswith((".", ";", ":", ")")) \
        and item.item_id not in rows.items_said and not vocabulary_pattern("record_field").match(text)


def asks_in_subtree(item: Item, tree: Tree, on_item: dict[str, list[int]] | None = None) -> list[int]:
    on_item = tree.asks_on_item if on_item is None else on_item
    out, stack = [], [item]
    while stack:
        node = stack.pop()
        out.extend(on_item.get(node.item_id, []))
        stack.extend(tree.children.get((node.doc_id, node.item_id), []))
    return out


def closing_heading(rows: Rows, tree: Tree, sibling: Item) -> Item | None:
    """The unread heading a sibling above ends with: itself, or its last line ("Those who attended ... asked
    supplementary questions ..." with "Chris Whitfield - EV Charging for terraced homes" under it)."""
    last = sibling
    while tree.children.get((last.doc_id, last.item_id)):
        last = tree.children[last.doc_id, last.item_id][-1]
    for candidate in (last, sibling):
        if candidate.item_id not in tree.asks_on_item and unread_heading(rows, candidate):
            return candidate
    return None


def question_under(tree: Tree, heading_item: Item) -> int | None:
    """The question a heading line repeats ("Matt Saunders - Bus Gates" over the replies, as in the list of questions)."""
    return tree.question_of_heading.get((heading_item.doc_id, normalise_for_matching(heading_item.text)))
