"""Structural evidence: an answer under its request in the item tree, or after it among its siblings.

- **tree** — an answer sits under a request in the item tree (the due-diligence deck's
  restated request with its answer bullets), or after it in the same item (an
  "Issue raised | Response" table row);
- **sequence** — a "Response" item, or a "... it was confirmed that" paragraph, follows
  a question among its siblings ("Question 3 – name" then "Mayor's Response").

The item tree they are read from, and the judgements about headings, are in link_tree.py.
"""

from __future__ import annotations

import re

from .answer_cues import vocabulary_pattern
from .link_rows import ANSWERING, Rows, ancestors
from .link_tree import (Tree, asks_in_subtree, build_tree, closing_heading, looks_like_heading, question_under,
                        unread_heading)
from .models import Item
from .similarity import normalise_for_matching, topic_stems

TREE_SCORE, SEQUENCE_SCORE = 1.0, 0.9
HEADING_REACH = 8  # siblings an answer paragraph may sit below its questioner's heading
ASK_ITEM_KINDS = {"request", "question"}
# A reply by its label or opening words: its place after a question says which one it answers.
# An action tracker's "Update:" field is the reply to the "Information requested:" field of its record.
_REPLY_CUE = re.compile(
    r"^\W*(?:(?:the\s+)?(?:mayor'?s?|cabinet member'?s?|officers?'?|management)?\s*response\b|in response\b"
    r"(?! to (?:a|an|one)\b)|(?:progress\s+)?update\s*:)",
    re.IGNORECASE)
# "It was confirmed that ...": minutes use it for replies to questions they do not record
# too, so it answers an ask above only when the two share what they talk about.
# "In response to a question, ..." replies to a question the minutes do not record, as a rule.
_CONFIRMED_CUE = re.compile(
    r"^\W*(?:it was (?:also )?(?:confirmed|explained|clarified|noted)\b|officers? (?:confirmed|explained|clarified)\b|"
    r"in response to (?:a|an|one) (?:\w+ ){0,2}(?:question|query|point|comment)s?\b)",
    re.IGNORECASE)


def structural_links(rows: Rows, items: list[Item]):
    """Yield (source row, target row, method, score) from the item tree and sibling order."""
    items_by_id = {i.item_id: i for i in items}
    tree = build_tree(rows, items)
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


def _continues_the_ask(rows: Rows, tree: Tree, r: int, ask: int) -> bool:
    """Whether row `r` goes on in the voice of the ask printed just before it: "They stressed that …" right
    after "Members highlighted …" is the members speaking again, not a reply to them."""
    return tree.previous_row.get(r) == ask and bool(vocabulary_pattern("continues_speaker").match(
        rows.commitments[r].text))


def _ask_whose_sentence_it_ends(rows: Rows, tree: Tree, r: int, item: Item) -> int | None:
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
    return None if looks_like_heading(rows, ask) else ask


def _ask_a_reported_reply_follows(rows: Rows, tree: Tree, r: int, item: Item) -> int | None:
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
    return None if said_after or looks_like_heading(rows, ask) else ask


def _sequence_target(rows: Rows, tree: Tree, r: int, item: Item) -> int | None:
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
            heading = closing_heading(rows, tree, sibling)
            if heading is not None and heading is not sibling:
                return question_under(tree, heading)
            asks = asks_in_subtree(sibling, tree)
            if asks:
                return asks[-1]
            if unread_heading(rows, sibling):
                return question_under(tree, sibling)  # None: the reply is to a question we do not have
        return None
    earlier = siblings[max(0, at - HEADING_REACH):at]
    if _CONFIRMED_CUE.match(c.text) or _CONFIRMED_CUE.match(item.text):
        return _ask_on_the_same_topic_above(rows, tree, r, earlier)
    return _questioner_heading_above(rows, tree, earlier)


_NAMED_REFERENT = re.compile(r"^\W*in response to the ([a-z]+)\b", re.IGNORECASE)


def _ask_it_names(rows: Rows, tree: Tree, r: int, item: Item) -> int | None:
    """The ask a reply names ("In response to the amendment, officers confirmed ..."): the nearest above that
    mentions it ("Councillor Self moved an amendment ..."), whatever was said in between."""
    m = _NAMED_REFERENT.match(rows.commitments[r].text) or _NAMED_REFERENT.match(item.text)
    if m is None:
        return None
    word = m.group(1).lower()
    siblings = tree.children[item.doc_id, item.parent_id]
    at = tree.position.get(item.item_id, 0)
    for sibling in reversed(siblings[max(0, at - HEADING_REACH):at]):
        in_order = sorted(asks_in_subtree(sibling, tree, tree.asking_on_item),
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


def _petition_decided(rows: Rows, tree: Tree, r: int, item: Item) -> int | None:
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
        asks = [a for a in asks_in_subtree(sibling, tree) if "petition" in rows.commitments[a].text.lower()]
        if asks:
            return max(asks, key=lambda a: (rows.commitments[a].char_start, rows.commitments[a].commitment_id))
    return None


def _question_it_opens_with(tree: Tree, item: Item) -> int | None:
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


def _ask_on_the_same_topic_above(rows: Rows, tree: Tree, r: int, earlier: list[Item]) -> int | None:
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
        heading = closing_heading(rows, tree, sibling)
        if heading is not None and heading is not sibling:
            return best if best is not None else question_under(tree, heading)
        asks = sorted(asks_in_subtree(sibling, tree),
                      key=lambda a: (rows.commitments[a].char_start, rows.commitments[a].commitment_id))
        for ask in reversed(asks):
            if looks_like_heading(rows, ask):
                return best if best is not None else ask
            shared = len(words & topic_stems(rows.commitments[ask].text))
            if shared > best_shared:
                best, best_shared = ask, shared
        if not asks and unread_heading(rows, sibling):
            return best if best is not None else question_under(tree, sibling)
    return best


def _questioner_heading_above(rows: Rows, tree: Tree, earlier: list[Item]) -> int | None:
    """The questioner's heading an answer paragraph sits under, if the nearest ask above is one.

    Supplementary questions are minuted as a heading naming the questioner, then the
    replies as plain paragraphs, up to the next heading.  A heading-like paragraph that
    was read as no ask at all ("Ian Pond, Bristol Cycling Campaign") also ends the
    search: the replies under it answer the question listed under that heading, if any.
    """
    for sibling in reversed(earlier):
        heading = closing_heading(rows, tree, sibling)
        if heading is not None and heading is not sibling:
            return question_under(tree, heading)
        asks = asks_in_subtree(sibling, tree)
        if asks:
            return asks[-1] if looks_like_heading(rows, asks[-1]) else None
        if unread_heading(rows, sibling):
            return question_under(tree, sibling)
    return None


