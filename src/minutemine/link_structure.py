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
from dataclasses import dataclass

from .answer_cues import vocabulary_pattern
from .link_rows import ANSWERING, ASKING, Rows, ancestors
from .models import Item
from .similarity import content_words, normalise_for_matching, topic_stems

TREE_SCORE, SEQUENCE_SCORE = 1.0, 0.9
HEADING_REACH = 8  # siblings an answer paragraph may sit below its questioner's heading
HEADING_MAX_CHARS = 100  # a heading is a short line, not a sentence
ASK_ITEM_KINDS = {"request", "question"}
# A reply by its label or opening words: its place after a question says which one it answers.
_REPLY_CUE = re.compile(
    r"^\W*(?:(?:the\s+)?(?:mayor'?s?|cabinet member'?s?|officers?'?)?\s*response\b|in response\b(?! to (?:a|an|one)\b))",
    re.IGNORECASE)
# "It was confirmed that ...": minutes use it for replies to questions they do not record
# too, so it answers an ask above only when the two share what they talk about.
# "In response to a question, ..." replies to a question the minutes do not record, as a rule.
_CONFIRMED_CUE = re.compile(
    r"^\W*(?:it was (?:also )?(?:confirmed|explained|clarified|noted)\b|officers? (?:confirmed|explained|clarified)\b|"
    r"in response to (?:a|an|one) (?:\w+ ){0,2}(?:question|query|point|comment)s?\b)",
    re.IGNORECASE)
QUESTION_HEADING_MIN_CHARS = 12  # a question's heading an answer opens with names someone, not "Q1"


@dataclass
class _Tree:
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


def structural_links(rows: Rows, items: list[Item]):
    """Yield (source row, target row, method, score) from the item tree and sibling order."""
    items_by_id = {i.item_id: i for i in items}
    tree = _build_tree(rows, items)
    replied: dict[int, int] = {}  # row -> the ask its paragraph was found to answer in sequence
    in_print_order = sorted(range(len(rows.role)), key=lambda r: (rows.commitments[r].doc_id,
                                                                  rows.commitments[r].char_start,
                                                                  rows.commitments[r].commitment_id))
    for r in in_print_order:
        role = rows.role[r]
        if role == "decision" and rows.item[r] is not None:
            petition = _petition_decided(rows, tree, r, rows.item[r])
            if petition is not None:
                yield r, tree.first_said.get(petition, petition), "sequence", SEQUENCE_SCORE
            continue
        if role not in ANSWERING:
            continue
        c, item = rows.commitments[r], rows.item[r]
        earlier_here = [a for a in tree.asks_on_item.get(c.item_id, []) if rows.commitments[a].char_start < c.char_start]
        target = earlier_here[-1] if earlier_here else None
        if target is not None and _continues_the_ask(rows, tree, r, target):
            continue
        for ancestor in ancestors(item, items_by_id):
            if target is not None:
                break
            # Only a request or question item has answers as children; an agenda item whose
            # text holds a request has the whole debate under it.
            if ancestor.kind in ASK_ITEM_KINDS and tree.asks_on_item.get(ancestor.item_id):
                target = tree.asks_on_item[ancestor.item_id][-1]
        if target is not None:
            yield r, tree.first_said[target], "tree", TREE_SCORE
            continue
        if item is None:
            continue
        named = _ask_it_names(rows, tree, r, item)
        if named is not None:
            replied[r] = named
            yield r, tree.first_said.get(named, named), "sequence", SEQUENCE_SCORE
            continue
        target = _ask_whose_sentence_it_ends(rows, tree, r, item)
        if target is not None:
            yield r, tree.first_said[target], "tree", TREE_SCORE
            continue
        target = _ask_a_reported_reply_follows(rows, tree, r, item)
        if target is not None:
            replied[r] = target
            yield r, tree.first_said.get(target, target), "sequence", SEQUENCE_SCORE
            continue
        # One paragraph is one reply: what its first sentence answers, the rest does too.
        first = tree.first_on_item.get(item.item_id)
        target = replied.get(first) if first is not None and first != r else _sequence_target(rows, tree, r, item)
        if target is not None:
            replied[r] = target
            yield r, tree.first_said.get(target, target), "sequence", SEQUENCE_SCORE


def _build_tree(rows: Rows, items: list[Item]) -> _Tree:
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
    first_said = _first_said(rows)
    question_of_heading: dict[tuple[str, str], int] = {}
    for i in sorted(items, key=lambda i: (i.doc_id, i.char_start, i.item_id)):
        asks = asks_on_item.get(i.item_id)
        heading = normalise_for_matching(i.text)
        if asks and len(heading) >= QUESTION_HEADING_MIN_CHARS and \
                (i.kind == "question" or _looks_like_heading(rows, asks[0])):
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
    return _Tree(children, position, asks_on_item, first_said, question_of_heading, headings_of_doc, previous,
                 first_on_item, asking_on_item, previous_row)


def _continues_the_ask(rows: Rows, tree: _Tree, r: int, ask: int) -> bool:
    """Whether row `r` goes on in the voice of the ask printed just before it: "They stressed that …" right
    after "Members highlighted …" is the members speaking again, not a reply to them."""
    return tree.previous_row.get(r) == ask and bool(vocabulary_pattern("continues_speaker").match(
        rows.commitments[r].text))


def _ask_whose_sentence_it_ends(rows: Rows, tree: _Tree, r: int, item: Item) -> int | None:
    """The ask of the item printed just before, when that item stops mid-sentence and this one goes on.

    Layout splits a bullet ("Members asked how many season tickets were sold to local
    businesses. The Parking" / "Services Manager undertook to provide the figures"): the
    reply is in the same point as the question, as under a restated request.
    """
    before = tree.previous.get(item.item_id)
    if before is None or tree.first_on_item.get(item.item_id) != r or not tree.asks_on_item.get(before.item_id):
        return None
    # A new bullet is a new point, punctuated or not (Worcestershire's minute ends no bullet with a full stop).
    if before.text.rstrip().endswith((".", ";", ":", "?", "!", ")")) or item.kind in ("agenda_item", "section", "bullet"):
        return None
    ask = tree.asks_on_item[before.item_id][-1]
    # A questioner's heading has no full stop either; its replies follow it in sequence.
    return None if _looks_like_heading(rows, ask) else ask


def _ask_a_reported_reply_follows(rows: Rows, tree: _Tree, r: int, item: Item) -> int | None:
    """The ask minuted in the paragraph just before a paragraph that reports an officer's answer.

    "A member asked whether any of the card spending had been fraudulent." then "The Chief
    Finance Officer said that the audit had found no evidence of fraud": the minutes give
    the answer to what was asked right before it, and name who gave it.  Only a paragraph
    that opens so, right after a sibling paragraph whose last commitment is an ask.
    """
    if tree.first_on_item.get(item.item_id) != r or not (
            vocabulary_pattern("reports_reply").match(rows.commitments[r].text)
            or vocabulary_pattern("reports_reply").match(item.text)):
        return None
    before = tree.previous.get(item.item_id)
    if before is None or before.parent_id != item.parent_id or before.item_id not in tree.asks_on_item:
        return None
    ask = tree.asks_on_item[before.item_id][-1]
    said_after = [a for a in tree.asking_on_item.get(before.item_id, [])
                  if rows.commitments[a].char_start > rows.commitments[ask].char_start]
    return None if said_after or _looks_like_heading(rows, ask) else ask


def _sequence_target(rows: Rows, tree: _Tree, r: int, item: Item) -> int | None:
    """The ask a reply outside its request's subtree answers, from its place and its words, or None."""
    opened_with = _question_it_opens_with(tree, item)
    if opened_with is not None:
        return opened_with
    c = rows.commitments[r]
    siblings = tree.children[item.doc_id, item.parent_id]
    at = tree.position.get(item.item_id, 0)
    if item.kind == "response" or _REPLY_CUE.match(c.text) or _REPLY_CUE.match(item.text):
        before = tree.previous.get(item.item_id)
        if before is not None and before.kind in ASK_ITEM_KINDS and tree.asks_on_item.get(before.item_id):
            # "Question 1 – Births at Fernley" then "Response: There were 212 births …": printed
            # right after the question, whatever the segmenter made its parent
            return tree.asks_on_item[before.item_id][-1]
        for sibling in reversed(siblings[max(0, at - 3):at]):
            heading = _closing_heading(rows, tree, sibling)
            if heading is not None and heading is not sibling:
                return _question_under(tree, heading)
            asks = _asks_in_subtree(sibling, tree)
            if asks:
                return asks[-1]
            if _unread_heading(rows, sibling):
                return _question_under(tree, sibling)  # None: the reply is to a question we do not have
        return None
    earlier = siblings[max(0, at - HEADING_REACH):at]
    if _CONFIRMED_CUE.match(c.text) or _CONFIRMED_CUE.match(item.text):
        return _ask_on_the_same_topic_above(rows, tree, r, earlier)
    return _questioner_heading_above(rows, tree, earlier)


_NAMED_REFERENT = re.compile(r"^\W*in response to the ([a-z]+)\b", re.IGNORECASE)


def _ask_it_names(rows: Rows, tree: _Tree, r: int, item: Item) -> int | None:
    """The ask a reply names ("In response to the amendment, officers confirmed ..."): the nearest above that
    mentions it ("Councillor Self moved an amendment ..."), whatever was said in between."""
    m = _NAMED_REFERENT.match(rows.commitments[r].text) or _NAMED_REFERENT.match(item.text)
    if m is None:
        return None
    word = m.group(1).lower()
    siblings = tree.children[item.doc_id, item.parent_id]
    at = tree.position.get(item.item_id, 0)
    for sibling in reversed(siblings[max(0, at - HEADING_REACH):at]):
        in_order = sorted(_asks_in_subtree(sibling, tree, tree.asking_on_item),
                          key=lambda a: (rows.commitments[a].char_start, rows.commitments[a].commitment_id))
        asks = [a for a in in_order if word in rows.commitments[a].text.lower()]
        if asks:
            return _what_a_lead_in_introduces(rows, asks[-1], in_order)
    return None


def _what_a_lead_in_introduces(rows: Rows, ask: int, in_order: list[int]) -> int:
    """The ask itself, or, when it only introduces what follows ("An amendment was moved by Councillor Coombes as
    follows:"), the first ask printed under it that says something ("Subject to the removal of scheme elements …")."""
    if not rows.commitments[ask].text.rstrip().endswith(":"):
        return ask
    start = rows.commitments[ask].char_start
    content = [a for a in in_order if rows.commitments[a].char_start > start
               and not rows.commitments[a].text.rstrip().endswith(":")]
    return content[0] if content else ask


def _petition_decided(rows: Rows, tree: _Tree, r: int, item: Item) -> int | None:
    """The petition a decision on "the petition" answers: the one considered just before it in the same item.

    "It was AGREED that the Policy Committee debated and noted the petition" shares no
    words with "The Committee considered a petition submitted by ... titled 'Stop
    Southville Roadblocks!'", but follows it: it is the committee's answer, in part.
    """
    if not vocabulary_pattern("petition_decision").search(rows.commitments[r].text):
        return None
    siblings = tree.children[item.doc_id, item.parent_id]
    at = tree.position.get(item.item_id, 0)
    for sibling in reversed(siblings[max(0, at - HEADING_REACH):at]):
        asks = [a for a in _asks_in_subtree(sibling, tree) if "petition" in rows.commitments[a].text.lower()]
        if asks:
            return max(asks, key=lambda a: (rows.commitments[a].char_start, rows.commitments[a].commitment_id))
    return None


def _question_it_opens_with(tree: _Tree, item: Item) -> int | None:
    """The question whose heading a reply paragraph opens with.

    PDF text runs a questioner's heading into the reply below it ("David Redgewell, South
    West Transport Network and Railfuture Severnside - Bus Services Officers confirmed
    that ..."): the reply answers that questioner's question, wherever it sits.
    """
    text = normalise_for_matching(item.text)
    for heading, ask in tree.headings_of_doc.get(item.doc_id, []):
        if len(text) > len(heading) and text.startswith(heading) and text[len(heading)] == " ":
            return ask
    return None


def _closing_heading(rows: Rows, tree: _Tree, sibling: Item) -> Item | None:
    """The unread heading a sibling above ends with: itself, or its last line ("Those who attended ... asked
    supplementary questions ..." with "Chris Whitfield - EV Charging for terraced homes" under it)."""
    last = sibling
    while tree.children.get((last.doc_id, last.item_id)):
        last = tree.children[last.doc_id, last.item_id][-1]
    for candidate in (last, sibling):
        if candidate.item_id not in tree.asks_on_item and _unread_heading(rows, candidate):
            return candidate
    return None


def _question_under(tree: _Tree, heading_item: Item) -> int | None:
    """The question a heading line repeats ("Matt Saunders - Bus Gates" over the replies, as in the list of questions)."""
    return tree.question_of_heading.get((heading_item.doc_id, normalise_for_matching(heading_item.text)))


def _ask_on_the_same_topic_above(rows: Rows, tree: _Tree, r: int, earlier: list[Item]) -> int | None:
    """The ask above that an "it was confirmed that ..." paragraph answers.

    A questioner's heading is answered by what follows it.  Otherwise the nearest ask
    above, up to the previous heading, that shares the most content words with the
    reply; an ask sharing none was not what was confirmed ("It was confirmed that the
    first car permit covered costs" does not answer "Councillors requested consideration
    of how to mitigate the impact of RPS on surrounding areas").
    """
    words = topic_stems(rows.commitments[r].text)
    best, best_shared = None, 0
    for sibling in reversed(earlier):
        heading = _closing_heading(rows, tree, sibling)
        if heading is not None and heading is not sibling:
            return best if best is not None else _question_under(tree, heading)
        asks = sorted(_asks_in_subtree(sibling, tree),
                      key=lambda a: (rows.commitments[a].char_start, rows.commitments[a].commitment_id))
        for ask in reversed(asks):
            if _looks_like_heading(rows, ask):
                return best if best is not None else ask
            shared = len(words & topic_stems(rows.commitments[ask].text))
            if shared > best_shared:
                best, best_shared = ask, shared
        if not asks and _unread_heading(rows, sibling):
            return best if best is not None else _question_under(tree, sibling)
    return best


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
    item = rows.item[r]
    # An ask cut from a longer point ("in terms of how long … would remain in force" before ", the Assistant
    # Director advised that …") has no full stop either, but it is a clause, not a line of its own.
    whole_line = item is None or len(item.text.strip()) <= max(HEADING_MAX_CHARS, len(text))
    return rows.says_names_only(r) or (whole_line and len(text) <= HEADING_MAX_CHARS
                                       and not text.endswith((".", ";", ":", "?")))


def _questioner_heading_above(rows: Rows, tree: _Tree, earlier: list[Item]) -> int | None:
    """The questioner's heading an answer paragraph sits under, if the nearest ask above is one.

    Supplementary questions are minuted as a heading naming the questioner, then the
    replies as plain paragraphs, up to the next heading.  A heading-like paragraph that
    was read as no ask at all ("Ian Pond, Bristol Cycling Campaign") also ends the
    search: the replies under it answer the question listed under that heading, if any.
    """
    for sibling in reversed(earlier):
        heading = _closing_heading(rows, tree, sibling)
        if heading is not None and heading is not sibling:
            return _question_under(tree, heading)
        asks = _asks_in_subtree(sibling, tree)
        if asks:
            return asks[-1] if _looks_like_heading(rows, asks[-1]) else None
        if _unread_heading(rows, sibling):
            return _question_under(tree, sibling)
    return None


def _unread_heading(rows: Rows, item: Item) -> bool:
    """A short line with no sentence end and no commitment read in it: a heading ("Ian Pond, Bristol Cycling Campaign")."""
    text = item.text.strip()
    return len(text) <= HEADING_MAX_CHARS and not text.endswith((".", ";", ":", ")")) \
        and item.item_id not in rows.items_said


def _asks_in_subtree(item: Item, tree: _Tree, on_item: dict[str, list[int]] | None = None) -> list[int]:
    on_item = tree.asks_on_item if on_item is None else on_item
    out, stack = [], [item]
    while stack:
        node = stack.pop()
        out.extend(on_item.get(node.item_id, []))
        stack.extend(tree.children.get((node.doc_id, node.item_id), []))
    return out
