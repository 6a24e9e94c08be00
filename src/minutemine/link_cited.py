"""Cited entries: an answer that names the ask it answers by its place in a list.

A body answering a numbered list of asks often cites each ask by its number or its place
rather than its words: a Cabinet minute resolving "That the recommendations of the
Overview and Scrutiny Committee be accepted, save that: (a) the second recommendation is
not accepted, because …; (c) the fifth recommendation will be considered once …", a
response report's "Recommendation 4: Accepted", a written answer's "(question 3)".  The
wording of such an answer paraphrases or says nothing of the ask ("will be considered
once the national database has been launched" against "an independent review be
commissioned …"); its number is the evidence, once we know which list it counts in.

That list is found, not assumed.  It is a numbered list of asks (two or more entries) of
an earlier paper of the same block, which
- the answer's own agenda item names, by that paper's meeting day ("the recommendations
  made to Cabinet by the Overview and Scrutiny Committee on 16 October 2024"), or
- the answer's paper names in its opening (link_similarity.cited_papers), or
- the citing answers of the paper agree with by wording (for most of them the cited
  entry is the best worded match of all the list's entries).
Two lists that fit equally leave it unknown: a wrong link is worse than none.  Only
another paper's list is cited so: inside minutes "the first question" is as often a
speaker's supplementary one as an entry of the paper's own list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

import numpy as np

from .dates import find_dates
from .link_numbered import list_number
from .link_similarity import FULL_DATE
from .answer_cues import vocabulary_pattern
from .link_rows import ANSWERING, ASKING, Rows, ancestors
from .models import DocumentRow, Item
from .similarity import TextIndex, linking_vocabulary, normalise_for_matching
from .stories import meeting_day_range

CITED_SCORE = 0.9  # as strong as a numbered reply (link_numbered.NUMBERED_SCORE)
MIN_ENTRIES = 2  # a list of one is no list
CITING_ROLES = ANSWERING | {"decision"}  # "RESOLVED - That recommendation 3 be accepted" answers it too


@cache
def _citation_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, dict[str, int]]:
    vocabulary = linking_vocabulary()
    ordinals = vocabulary["entry_ordinals"]["words"]
    nouns = vocabulary["entry_nouns"]["pattern"]
    by_place = re.compile(rf"\b(?P<place>{'|'.join(ordinals)})\s+(?P<noun>{nouns})\b(?!s\b)", re.IGNORECASE)
    # "Recommendation 4: Accepted", "(question 3)", "request no. 2"; not "recommendation 2.1" nor "question 3 and 4"
    by_number = re.compile(rf"\b(?P<noun>{nouns})\s+(?:no\.?\s*|number\s+)?(?P<number>\d{{1,2}})(?!\.?\d)"
                           rf"(?!\s*(?:,|and|&|or|to|-|–)\s*\d)", re.IGNORECASE)
    # "recommendation (c)": a lettered list's entry, counted by its place
    by_letter = re.compile(rf"\b(?P<noun>{nouns})\s+\((?P<letter>[a-h])\)(?!\s*(?:,|and|&|or|to|-|–)\s*\(?[a-h]\))",
                           re.IGNORECASE)
    return by_place, by_number, by_letter, {word: n for n, word in enumerate(ordinals, start=1)}


def cited_entry(text: str) -> tuple[int, bool] | None:
    """(the place or number of the one list entry `text` cites, whether by place), or None.

    >>> [cited_entry(t) for t in ("the second recommendation is not accepted, because …", "Recommendation 4: Accepted",
    ...  "A written answer will be sent (question 3).", "In respect of the committee's third request, we agree",
    ...  "Recommendations 2 and 3 are accepted", "recommendation 2.1 is agreed", "the first and second questions",
    ...  "the second recommendation, unlike the third recommendation, is agreed", "It was accepted",
    ...  "Recommendation (c) is accepted", "recommendations (a) and (b)", "On the Panel's second point, I agree")]
    [(2, True), (4, False), (3, False), (3, True), None, None, None, None, None, (3, True), None, (2, True)]
    """
    by_place, by_number, by_letter, place_of = _citation_patterns()
    found = {(place_of[m.group("place").lower()], True) for m in by_place.finditer(text)}
    found |= {(ord(m.group("letter").lower()) - ord("a") + 1, True) for m in by_letter.finditer(text)}
    found |= {(int(m.group("number")), False) for m in by_number.finditer(text)}
    return found.pop() if len(found) == 1 else None


def cited_entry_links(rows: Rows, items: list[Item], documents: list[DocumentRow]):
    """Yield (answer row, ask row, "cited", CITED_SCORE) for answers that cite an entry of an earlier paper's list."""
    citing: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)  # doc -> (row, entry, by place)
    for r, c in enumerate(rows.commitments):
        if rows.role[r] in CITING_ROLES:
            entry = cited_entry(c.text)
            if entry is not None:
                citing[c.doc_id].append((r, *entry))
    if not citing:
        return
    lists = _entry_lists(rows)
    days = {d.doc_id: meeting_day_range(d.meeting_date) for d in documents}
    meeting_date = {d.doc_id: d.meeting_date for d in documents}
    items_by_id = {i.item_id: i for i in items}
    items_of: dict[str, list[Item]] = defaultdict(list)
    for i in items:
        items_of[i.doc_id].append(i)
    for doc in sorted(citing):
        cites = sorted(citing[doc], key=lambda x: rows.commitments[x[0]].commitment_id)
        last_day = days.get(doc, (float("-inf"), float("inf")))[1]
        earlier = [(key, entries) for key, entries in sorted(lists.items()) if key[0] != doc
                   and days.get(key[0], (float("-inf"), float("inf")))[0] <= last_day]
        agreeing = _list_by_wording(rows, cites, earlier)
        resolved: list[tuple[int, tuple[str, str], list[int], int]] = []  # (row, list key, entries, entry cited)
        for r, entry, _ in cites:
            context = _agenda_item_before(rows, r, items_of[doc], items_by_id)
            named = _papers_whose_day_it_names(context, doc, meeting_date) | rows.cited.get(doc, set())
            fitting = [(key, entries) for key, entries in earlier if key[0] in named and entry <= len(entries)]
            if len(fitting) > 1 and agreeing is not None:
                fitting = [(key, entries) for key, entries in fitting if key == agreeing[0]]
            if not fitting and agreeing is not None and entry <= len(agreeing[1]):
                fitting = [agreeing]
            if not fitting:
                last = _last_meeting_of_the_body_it_names(context, doc, documents)
                fitting = [(key, entries) for key, entries in earlier if key[0] in last and entry <= len(entries)]
            if len(fitting) == 1:
                resolved.append((r, fitting[0][0], fitting[0][1], entry))
                yield r, fitting[0][1][entry - 1], "cited", CITED_SCORE
        yield from _accepted_but_those_cited(rows, resolved, items_by_id)


def _accepted_but_those_cited(rows: Rows, resolved: list[tuple[int, tuple[str, str], list[int], int]],
                              items_by_id: dict[str, Item]):
    """Yield (decision row, ask row, "cited", CITED_SCORE) for each entry a "save that" decision accepts.

    "RESOLVED - That the recommendations of the Overview and Scrutiny Committee be accepted,
    save that: (a) the second recommendation is not accepted …; (c) the fifth …" accepts
    every entry of the cited list that its items (a)-(c) do not name.  A commitment answers
    one request (`answers`), so the first entry it accepts is its top link and the others
    follow in links.csv, in the list's order (equal scores rank by request id).  Only when
    all the items under the decision cite one and the same list: otherwise which list
    "the recommendations" are is not known.
    """
    under: dict[str, list[tuple[int, tuple[str, str], list[int], int]]] = defaultdict(list)
    for cite in resolved:
        item = rows.item[cite[0]]
        if item is not None and item.parent_id:
            under[item.parent_id].append(cite)
    decisions_on: dict[str, list[int]] = defaultdict(list)
    for r, c in enumerate(rows.commitments):
        if rows.role[r] == "decision" and c.item_id in under and vocabulary_pattern("accepts_save_that").search(c.text):
            decisions_on[c.item_id].append(r)
    for parent_id in sorted(decisions_on):
        cites = under[parent_id]
        cited_items = [i for i in items_by_id.values() if i.parent_id == parent_id]
        if len({key for _, key, _, _ in cites}) != 1 or len({rows.commitments[r].item_id for r, *_ in cites}) != len(
                cited_items):
            continue  # an item under the decision cites no entry, or another list: "the recommendations" are unknown
        entries = cites[0][2]
        named = {entry for *_, entry in cites}
        for d in decisions_on[parent_id]:
            for n, ask in enumerate(entries, start=1):
                if n not in named:
                    yield d, ask, "cited", CITED_SCORE


def _entry_lists(rows: Rows) -> dict[tuple[str, str], list[int]]:
    """(doc, parent item) -> the first ask of each entry of a numbered list, in the list's order.

    Entries numbered 1, 2, 3 … are counted by their numbers; entries lettered (a), (b) …
    by their place.  A list whose numbers skip or repeat cannot be counted in.
    """
    first_ask: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for r in sorted(range(len(rows.commitments)), key=lambda r: (rows.commitments[r].char_start,
                                                                  rows.commitments[r].commitment_id)):
        item = rows.item[r]
        if rows.role[r] in ASKING and item is not None and item.label.strip():
            first_ask[item.doc_id, item.parent_id].setdefault(item.item_id, r)
    lists: dict[tuple[str, str], list[int]] = {}
    for key, by_item in first_ask.items():
        asks = list(by_item.values())  # in print order
        numbers = [list_number(rows.item[a]) for a in asks]
        if all(numbers):
            if [int(n) for n in numbers] != list(range(1, len(asks) + 1)):
                continue
        if len(asks) >= MIN_ENTRIES:
            lists[key] = asks
    return lists


def _agenda_item_before(rows: Rows, r: int, paper_items: list[Item], items_by_id: dict[str, Item]) -> str:
    """The words of the answer's agenda item (its outermost item below the paper's section headings) up to it."""
    c = rows.commitments[r]
    above = ancestors(rows.item[r], items_by_id)
    outer = next((a for a in reversed(above) if a.kind != "section"), above[0] if above else None)
    start = outer.char_start if outer is not None else c.char_start
    return "\n".join(i.text for i in paper_items if start <= i.char_start <= c.char_start)


def _papers_whose_day_it_names(context: str, doc: str, meeting_date: dict[str, str]) -> set[str]:
    """The other papers whose meeting day `context` names: "the recommendations made … on 16 October 2024"."""
    days = {span.iso for written in FULL_DATE.findall(context)
            for span in find_dates(written, meeting_date=meeting_date.get(doc, ""))}
    return {other for other, day in meeting_date.items() if other != doc and day in days}


_BODY = re.compile(r"((?:[\w&'’]+\s+){0,5}?)(committee|panel|task group|task and finish group|board|forum)\b",
                   re.IGNORECASE)
_NOT_OF_A_NAME = {"of", "the", "a", "minutes", "meeting", "held", "at", "to", "by", "report", "response"}


def body_named(title: str) -> str:
    """The committee or panel a paper's title names, lower-case, or "".

    >>> [body_named(t) for t in ("COMMUNITIES SCRUTINY PANEL", "MINUTES of a meeting of the OVERVIEW AND SCRUTINY "
    ...  "COMMITTEE held on", "AUDIT COMMITTEE - 14 JANUARY 2025", "CABINET - 20 MAY 2025", "Workplace Parking Levy")]
    ['communities scrutiny panel', 'overview and scrutiny committee', 'audit committee', '', '']
    """
    m = _BODY.search(title)
    if m is None:
        return ""
    words = m.group(1).lower().split()
    while words and words[0] in _NOT_OF_A_NAME:
        words = words[1:]
    kept: list[str] = []
    for word in reversed(words):
        if word in _NOT_OF_A_NAME:
            break
        kept.insert(0, word)
    return " ".join(kept + [m.group(2).lower()]) if kept else ""


def _last_meeting_of_the_body_it_names(context: str, doc: str, documents: list[DocumentRow]) -> set[str]:
    """The papers of the latest earlier meeting of the committee the answer's agenda item names ("Recommendations
    of the Overview and Scrutiny Committee"): a body answering a committee answers its latest recommendations."""
    said = " ".join(normalise_for_matching(context).split())
    own = next((d.meeting_date for d in documents if d.doc_id == doc), "")
    named = [(d.meeting_date, d.doc_id) for d in documents
             if d.doc_id != doc and d.meeting_date and own and d.meeting_date < own
             and body_named(d.title) and re.search(rf"\b{re.escape(body_named(d.title))}\b", said)]
    latest = max(named)[0] if named else ""
    return {d for day, d in named if day == latest}


def _list_by_wording(rows: Rows, cites: list[tuple[int, int, bool]],
                     lists: list[tuple[tuple[str, str], list[int]]]) -> tuple[tuple[str, str], list[int]] | None:
    """The one list whose cited entries are, for most of a paper's citations (two or more), their best worded match."""
    if len(cites) < 2:
        return None
    scored = []
    for key, entries in lists:
        if any(entry > len(entries) for _, entry, _ in cites):
            continue
        texts = [normalise_for_matching(rows.commitments[r].text) for r, _, _ in cites] + \
                [normalise_for_matching(rows.commitments[a].text) for a in entries]
        index = TextIndex.fit(texts)
        agree = 0
        for i, (_, entry, _) in enumerate(cites):
            similarity = index.pair_similarity(np.full(len(entries), i), np.arange(len(cites), len(texts)))
            agree += int(int(np.argmax(similarity)) == entry - 1 and similarity.max() > 0)
        if 2 * agree > len(cites):
            scored.append((agree, key, entries))
    if not scored:
        return None
    scored.sort(key=lambda s: (-s[0], s[1]))
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1], scored[0][2]
