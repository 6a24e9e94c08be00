"""Numbered replies: a response paper's "Response N – title" answers the other paper's item N.

A council answering a task group's or committee's list of recommendations prints one
reply per recommendation, numbered after it ("Response 2 – Policy for tenants" over
"Accepted. A Damp and Mould Policy was drafted …").  The reply paraphrases, so its
wording alone is weak evidence; its number is strong evidence once we know which
earlier list it follows.  That list is found, not assumed: an earlier paper's numbered
list of asks that holds every reply number, and whose items agree with the replies by
wording (for most replies, item N is the best match of all the list's items).  Every
answer printed under the reply then answers item N — the second sentence of a reply
("It sets out the stages of our response …") as much as the first.

A paper of written answers to questions ("Responses to written questions submitted for the
meeting on 27 June" over "Q1 - Call handling", "Q2 - Vehicles", …: see question_answers) is
read the same way: its heading N is a reply to question N of the earlier paper that asked
("Question 1, from the councillor member for …" over the question printed in full).
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from .link_rows import ANSWERING, ASKING, Rows
from .models import DocumentRow, Item
from .question_answers import AnsweredQuestions
from .similarity import TextIndex, normalise_for_matching
from .stories import meeting_day_range

NUMBERED_SCORE = 0.9  # as strong as a reply printed after its question (link_structure.SEQUENCE_SCORE)
MIN_REPLIES = 2  # one "Response 1" could be anything; a numbered series is a point-by-point reply
REPLY_HEADING_MAX_CHARS = 100
# "Response 1 – Inspection times", "Reply to recommendation 3", "Answer 2"; and a response report's
# "Recommendation 4" heading over its reply ("Accepted in part. A fund of £30,000 will be set up"): a
# heading only counts as a reply when answers are printed under it (see _replies_by_paper).
NUMBERED_REPLY = re.compile(r"^\W*(?:(?:response|reply|answer)\s+(?:to\s+(?:recommendation|question)\s+)?|"
                            r"recommendation\s+(?:no\.?\s*)?)(\d{1,3})\b(?!\.\d)", re.IGNORECASE)
_ENDS_REPLY = {"section", "agenda_item"}  # a new section or agenda item ends the reply above it


def reply_number(text: str) -> str:
    """The N of a "Response N – title" heading, or "".

    >>> [reply_number(t) for t in ("Response 2 – Policy for tenants", "Reply to recommendation 3", "Responses", "",
    ...                            "Recommendation 4", "Recommendation 2.1 – Play areas")]
    ['2', '3', '', '', '4', '']
    """
    m = NUMBERED_REPLY.match(text)
    return m.group(1) if m else ""


def list_number(item: Item | None) -> str:
    """The number an item is printed with in its list: "3" for "3." or "(3)" (4.1.3 in the tree).

    >>> list_number(Item(item_id="d/4.1.3", doc_id="d", parent_id="d/4.1", kind="recommendation", label="3.",
    ...                  label_path="4.1.3", text="That …", char_start=0, char_end=6))
    '3'
    """
    numbers = re.findall(r"\d+", item.label) if item is not None else []
    return numbers[-1] if numbers else ""


def numbered_reply_links(rows: Rows, items: list[Item], documents: list[DocumentRow]):
    """Yield (answer row, ask row, "numbered", NUMBERED_SCORE) for answers under a paper's numbered replies."""
    replies = _replies_by_paper(rows, items)
    if not replies:
        return
    lists = _numbered_ask_lists(rows, {it.item_id: it for it in items})
    days = {d.doc_id: meeting_day_range(d.meeting_date) for d in documents}
    for doc in sorted(replies):
        by_number = replies[doc]
        numbers = set(by_number)
        if len(numbers) < MIN_REPLIES:
            continue
        first_day = days.get(doc, (float("-inf"), float("inf")))[1]
        fitting = [(key, asks) for key, asks in sorted(lists.items())
                   if key[0] != doc and numbers <= set(asks)
                   and days.get(key[0], (float("-inf"), float("inf")))[0] <= first_day]
        chosen = _list_the_replies_follow(rows, by_number, fitting)
        if chosen is None:
            continue
        for number, (_, answer_rows) in sorted(by_number.items()):
            for r in answer_rows:
                yield r, chosen[number], "numbered", NUMBERED_SCORE


def _replies_by_paper(rows: Rows, items: list[Item]) -> dict[str, dict[str, tuple[str, list[int]]]]:
    """doc -> N -> (the reply's words: heading and answers, the answer rows printed under "Response N")."""
    rows_on_item: dict[str, list[int]] = defaultdict(list)
    for r, c in enumerate(rows.commitments):
        rows_on_item[c.item_id].append(r)
    out: dict[str, dict[str, tuple[str, list[int]]]] = defaultdict(dict)
    current: tuple[str, str] | None = None  # (doc, N) of the reply being read
    words: dict[tuple[str, str], list[str]] = defaultdict(list)
    answers: dict[tuple[str, str], list[int]] = defaultdict(list)
    question_headings = _question_headings(items)
    for item in sorted(items, key=lambda i: (i.doc_id, i.char_start, i.item_id)):
        # The segmenter may keep "Recommendation 4" as the item's label, with no text of its own.
        heading = f"{item.label} {item.text}".strip() if not item.text.strip() else item.text
        number = reply_number(heading) if len(heading) <= REPLY_HEADING_MAX_CHARS else ""
        number = number or question_headings.get(item.item_id, "")
        if number:
            current = (item.doc_id, number)
            if current in words:  # the same number twice: not a point-by-point series
                current = None
                continue
        elif current is None or current[0] != item.doc_id or item.kind in _ENDS_REPLY:
            current = None
            continue
        words[current].append(item.text)
        answers[current].extend(r for r in sorted(rows_on_item.get(item.item_id, []))
                                if rows.role[r] in ANSWERING)
    for (doc, number), texts in words.items():
        if answers[doc, number]:
            out[doc][number] = (" ".join(texts), answers[doc, number])
    return dict(out)


def _question_headings(items: list[Item]) -> dict[str, str]:
    """Heading item -> N, for the question headings of the papers of written answers ("Q1 - Call handling")."""
    by_doc: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_doc[item.doc_id].append(item)
    out: dict[str, str] = {}
    for doc_items in by_doc.values():
        out.update(AnsweredQuestions.of(sorted(doc_items, key=lambda i: (i.char_start, i.item_id))).headings)
    return out


def _numbered_ask_lists(rows: Rows, items_by_id: dict[str, Item]) -> dict[tuple[str, str], dict[str, int]]:
    """(doc, parent item) -> N -> the first ask printed on the list's item numbered N.  A question printed
    in full under its numbered heading ("Question 4, from the councillor member for …" / "When will …?")
    carries its heading's number, and the headings make the list."""
    lists: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for r in sorted(range(len(rows.commitments)), key=lambda r: (rows.commitments[r].char_start,
                                                                  rows.commitments[r].commitment_id)):
        item = rows.item[r]
        if item is None or rows.role[r] not in ASKING:
            continue
        number, parent = list_number(item), item.parent_id
        heading = items_by_id.get(item.parent_id)
        if not number and item.kind == "question" and not item.label and heading is not None \
                and heading.kind == "question" and heading.label:
            number, parent = list_number(heading), heading.parent_id
        if number:
            lists[item.doc_id, parent].setdefault(number, r)
    return {key: asks for key, asks in lists.items() if len(asks) >= MIN_REPLIES}


def _list_the_replies_follow(rows: Rows, replies: dict[str, tuple[str, list[int]]],
                             fitting: list[tuple[tuple[str, str], dict[str, int]]]) -> dict[str, int] | None:
    """The one list whose item N is, for most replies N, the best worded match among its items; else None.

    A list of the same length in another paper proves nothing by its numbers: the
    wording must agree too, and two lists that agree equally well leave it unknown.
    """
    scored = []
    for key, asks in fitting:
        numbers = sorted(asks, key=int)
        texts = [normalise_for_matching(replies[n][0]) for n in sorted(replies, key=int)] + \
                [normalise_for_matching(rows.commitments[asks[n]].text) for n in numbers]
        index = TextIndex.fit(texts)
        n_replies = len(replies)
        agree, same_number = 0, []
        for i, n in enumerate(sorted(replies, key=int)):
            similarity = index.pair_similarity(np.full(len(numbers), i), np.arange(n_replies, len(texts)))
            same_number.append(float(similarity[numbers.index(n)]))
            agree += int(numbers[int(np.argmax(similarity))] == n)
        if 2 * agree > n_replies:
            scored.append((agree, float(np.mean(same_number)), key, asks))
    if not scored:
        return None
    scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
    if len(scored) > 1 and scored[1][0] == scored[0][0] and abs(scored[1][1] - scored[0][1]) < 1e-6:
        return None
    return scored[0][3]
