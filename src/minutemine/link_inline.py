"""An answer that names its own question is not linked by position to another one.

"In response to a supplementary question in respect of number 2, Councillor B advised …"
and "In reply to a question from Councillor C, it was confirmed …" say which question they
answer.  A `sequence` link (the ask printed before it) to an ask that is not that question
is a guess the minutes contradict: seen on real minutes, where the paragraph before held
question 1.  The link is kept only when the ask shares what the answer names: the
questioner's name, the question's number, or a word of its topic.  (An answer naming its
topic, "In response to a question concerning …", is split into the ask and its answer at
extraction: extract_minuted.py.)
"""

from __future__ import annotations

import re

from .extract_minuted import asks_a_question, named_question, opens_with_named_reply, reported_body
from .link_rows import ANSWERING, Candidate, Rows
from .link_structure import SEQUENCE_SCORE
from .models import Item

_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[A-Za-z][\w'’-]+")
_NOT_TOPIC = {"question", "questions", "query", "queries", "supplementary", "further", "number", "respect",
              "relation", "regard", "councillor", "cllr", "member", "members", "from", "about", "concerning",
              "regarding", "relating", "with", "that", "this", "those", "these", "their", "raised", "asked"}


def shares_what_it_names(named: str, ask_text: str) -> bool:
    """Whether an ask holds what an answer names of its question (a name, a number, a topic word).

    >>> shares_what_it_names("in respect of number 2", "In respect of question 1, Councillor A asked …")
    False
    >>> shares_what_it_names("in respect of number 2", "In respect of question 2, Councillor A asked …")
    True
    >>> shares_what_it_names("from Councillor Ames", "Councillor Ames asked when the pool would open.")
    True
    >>> shares_what_it_names("", "anything")
    True
    """
    if not named.strip():
        return True  # names nothing: nothing to contradict the position
    numbers = _NUMBER.findall(named)
    if numbers:
        return any(re.search(rf"(?i)\b(?:question|number|no\.?|q)\s*{n}\b", ask_text) for n in numbers)
    words = {w.lower() for w in _WORD.findall(named) if len(w) > 3} - _NOT_TOPIC
    asked = {w.lower() for w in _WORD.findall(ask_text)}
    return not words or bool(words & asked)


def drop_sequence_to_other_questions(rows: Rows, candidates: dict[int, list[Candidate]]) -> dict[int, list[Candidate]]:
    """The candidates without `sequence` links from an answer naming its question to an ask that is not it."""
    out: dict[int, list[Candidate]] = {}
    for source, cands in candidates.items():
        named = named_question(rows.commitments[source].text)
        if named is None:
            out[source] = cands
            continue
        out[source] = [c for c in cands if c.method != "sequence"
                       or shares_what_it_names(named, rows.commitments[c.target].text)]
    return out


def reply_paragraph_links(rows: Rows, items: list[Item], candidates: dict[int, list[Candidate]]):
    """Yield (answer row, ask row, "sequence", score) for a paragraph that opens with a named speaker
    answering ("The Police and Crime Commissioner advised that …", "The Leader indicated he had …")
    right after a sibling paragraph whose last row asks ("Information was requested on …", "… who
    asked if the Leader had full confidence …"), when nothing else links it.

    Real minutes print a question and its answer as two paragraphs this way, with no "Response"
    label; `link_structure` links them only when the answer's wording is one it knows.
    """
    on_item: dict[str, list[int]] = {}
    for r, c in enumerate(rows.commitments):
        on_item.setdefault(c.item_id, []).append(r)
    for rs in on_item.values():
        rs.sort(key=lambda r: (rows.commitments[r].char_start, rows.commitments[r].commitment_id))
    before: Item | None = None
    for item in items:
        if item.kind in ("agenda_item", "section"):
            before = None
            continue
        here = on_item.get(item.item_id, [])
        if not here:
            if item.text.strip():
                before = item  # a paragraph no row was read from may be the answer: the next one follows it, not the ask
            continue
        first = here[0]
        asked = on_item.get(before.item_id, []) if before is not None and before.parent_id == item.parent_id else []
        before = item
        if not asked or candidates.get(first) or rows.role[first] not in ANSWERING:
            continue
        ask = asked[-1]
        if rows.commitments[ask].kind != "request" or not asks_a_question(rows.commitments[ask].text):
            continue
        if opens_with_named_reply(rows.commitments[first].text, strong=True):
            yield first, ask, "sequence", SEQUENCE_SCORE


def minuted_links(rows: Rows, items: list[Item], candidates: dict[int, list[Candidate]]):
    """Yield (answer row, ask row, method, score) from the shapes of real minutes this module knows:
    `reply_paragraph_links` and `recommendation_report_links`."""
    yield from reply_paragraph_links(rows, items, candidates)
    yield from recommendation_report_links(rows, candidates)


def recommendation_report_links(rows: Rows, candidates: dict[int, list[Candidate]]):
    """Yield (answer row, ask row, "sequence", score) for a row reporting what was done since a body's
    recommendation ("Noted that since the recommendation of the scrutiny committee, three responses
    had been provided …") and the last recommendation recounted above it in the same paper by a body
    of that name ("The Scrutiny Co-ordination Committee agreed to recommend that the Cabinet …"),
    when nothing else links it."""
    by_doc: dict[str, list[int]] = {}
    for r, c in enumerate(rows.commitments):
        by_doc.setdefault(c.doc_id, []).append(r)
    for rs in by_doc.values():
        rs.sort(key=lambda r: (rows.commitments[r].char_start, rows.commitments[r].commitment_id))
        recommended: list[int] = []
        for r in rs:
            c = rows.commitments[r]
            if c.kind == "request" and c.modality == "recommends":
                recommended.append(r)
                continue
            named = reported_body(c.text) if rows.role[r] in ANSWERING and recommended else ""
            if not named or candidates.get(r):
                continue
            same_body = [a for a in recommended if shares_what_it_names(named, rows.commitments[a].actor)]
            if same_body:
                yield r, same_body[-1], "sequence", SEQUENCE_SCORE
