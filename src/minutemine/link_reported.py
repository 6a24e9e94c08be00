"""Reported decisions: a later paper that tells of an earlier meeting's decision, and the progress it reports on it.

An update report opens by telling what a meeting decided and when ("In September 2024,
the Transport and Connectivity Committee approved to spend up to £1million on the Stage
One development of a Workplace Parking Levy …  It was agreed this would be funded from
Clean Air Zone revenue funding"), then reports the work done since ("Work on the
Supporting Studies … has already begun", "The OBC programme is currently in progress").
Its wording is the report's own, so it is little like the record of the decision
(similarity 0.1–0.2), but the date it gives names the meeting:

- **reported** — a decision dated before its own paper's meeting restates a decision
  recorded at a meeting held in that time (a paper of that day with decisions), the
  best worded of them (a shared sum counts); a decision right after it in the same
  paragraph ("It was agreed this would be funded …") tells of the same meeting.
- **progress** — when a paper opens by reporting such a decision, the progress it
  gives (its assurances, and work it reports done: "The Stage One proposal has been
  reviewed by officers") answers the decisions taken with it under the same item of
  that meeting: the one it is worded most like, or, when it shares next to no words
  with any, the decision the paper opened with.  It is the weakest evidence kept, so
  any other link of the same answer wins.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import numpy as np

from .answer_cues import vocabulary_pattern
from .link_rows import Rows
from .models import DocumentRow, Item
from .similarity import topic_stems
from .stories import meeting_day_range

REPORTED_SCORE = 0.8  # a date that names the meeting and a decision worded alike: a restatement
PROGRESS_SCORE = 0.5  # the least a kept link scores (link.THRESHOLD): anything else the answer has wins
REPORTED_MIN_SIMILARITY = 0.1  # the report's own words: "approved up to £1 million for development of a WPL"
# A date and a sum name a decision ("up to £1million" for "at a cost of up to £1m": 0.12 + 0.1); without
# a shared sum the wording must say it on its own.
REPORTED_MIN_SCORE = 0.2
AMOUNTS_BONUS = 0.1  # the same sum restated ("up to £1million" for "at a cost of up to £1m")
MIN_SIMILARITY = 0.05  # link_similarity.MIN_TEXT_SIMILARITY: a pair sharing next to no words is never linked
PROGRESS_MIN_SHARED_WORDS = 2  # words of its own a progress line must share with another decision than the opening one
COMMON_IN_PAPER = 3  # a word in this many of a paper's commitments is the paper's subject, not a point's
OPENING_CHARS = 3000  # a paper tells what it reports on before it reports (link_similarity.OPENING_CHARS)
_ISO = re.compile(r"\d{4}(?:-\d{2}){0,2}")


def reported_decision_links(rows: Rows, items: list[Item], documents: list[DocumentRow]):
    """Yield (source row, target row, method, score) for reported decisions and the progress on them."""
    items_by_id = {i.item_id: i for i in items}
    days = {d.doc_id: meeting_day_range(d.meeting_date) for d in documents}
    decisions_of: dict[str, list[int]] = defaultdict(list)
    rows_of: dict[str, list[int]] = defaultdict(list)
    for r in sorted(range(len(rows.commitments)), key=lambda r: (rows.commitments[r].char_start,
                                                                  rows.commitments[r].commitment_id)):
        rows_of[rows.commitments[r].doc_id].append(r)
        if rows.role[r] == "decision" and not vocabulary_pattern("takes_note").match(rows.commitments[r].text) \
                and not vocabulary_pattern("on_the_record").search(rows.commitments[r].text):
            decisions_of[rows.commitments[r].doc_id].append(r)
    decision_share = {doc: sum(rows.role[r] == "decision" for r in rs) / len(rs) for doc, rs in rows_of.items()}
    for doc in sorted(rows_of):
        reported = _reported_decisions(rows, doc, rows_of[doc], days, decisions_of, decision_share, items_by_id)
        for r, target in reported:
            yield r, target, "reported", REPORTED_SCORE
        opening = [(r, t) for r, t in reported if rows.commitments[r].char_start < OPENING_CHARS]
        # A report tells of decisions and reports on them; minutes take decisions of their own, and what
        # is said at their meeting answers what is asked there, not a decision they mention.
        told = {r for r, _ in reported}
        takes_decisions = any(r not in told for r in decisions_of.get(doc, []))
        if opening and not takes_decisions:
            yield from _progress_links(rows, rows_of[doc], opening, reported, items_by_id, decisions_of)


def _reported_decisions(rows: Rows, doc: str, in_print_order: list[int], days, decisions_of, decision_share,
                        items_by_id: dict[str, Item]) -> list[tuple[int, int]]:
    """(decision row, the earlier meeting's decision it tells of), in print order."""
    first_day = days.get(doc, (float("-inf"),))[0]
    if first_day == float("-inf"):
        return []
    out: list[tuple[int, int]] = []
    told: tuple[str, list[int]] | None = None  # (item, the other decisions of its item) of the one just read
    for r in in_print_order:
        c = rows.commitments[r]
        if rows.role[r] != "decision":
            told = None
            continue
        papers = _papers_of_days_named(c.dates, first_day, days, decisions_of)
        if papers:
            target = _best_decision(rows, r, sorted(t for doc in papers for t in decisions_of[doc]),
                                    REPORTED_MIN_SIMILARITY, decision_share, REPORTED_MIN_SCORE)
        elif told is not None and told[0] == c.item_id and not c.dates:
            # "It was agreed this would be funded …" goes on telling of that meeting's item: one of its
            # decisions, however few words it shares with them
            target = _best_decision(rows, r, told[1], MIN_SIMILARITY, decision_share)
        else:
            target = None
        told = (c.item_id, _same_item(rows, target, decisions_of, items_by_id)) if target is not None else None
        if target is not None:
            out.append((r, target))
    return out


def _same_item(rows: Rows, target: int, decisions_of, items_by_id: dict[str, Item]) -> list[int]:
    """The decisions recorded under the same top-level item as `target`, `target` itself left out."""
    root = _root(rows.item[target], items_by_id)
    return [t for t in decisions_of[rows.commitments[target].doc_id]
            if t != target and _root(rows.item[t], items_by_id) == root]


def _papers_of_days_named(dates: list[str], before: float, days, decisions_of) -> set[str]:
    """Earlier papers with decisions whose meeting falls inside a date the text gives before `before`."""
    papers: set[str] = set()
    for written in dates:
        found = _ISO.findall(written)
        if not found:
            continue
        start, end = meeting_day_range(found[0])[0], meeting_day_range(found[-1])[1]
        if end >= before or start == float("-inf"):
            continue  # not a past time: a plan or a deadline
        papers |= {doc for doc, (first, last) in days.items()
                   if doc in decisions_of and start <= first and last <= end and last < before}
    return papers


def _best_decision(rows: Rows, r: int, targets: list[int], min_similarity: float, decision_share,
                   min_score: float = 0.0) -> int | None:
    """The decision of `targets` worded most like row `r` (a shared sum counts), if alike enough.

    Two records of one meeting (decision notice and minutes) word a decision the same;
    the notice, nothing but decisions, is its formal record.
    """
    if not targets:
        return None
    similarity = rows.text_index.pair_similarity(np.full(len(targets), r), np.asarray(targets))
    best = None
    for t, sim in zip(targets, similarity.tolist()):
        if sim < min_similarity:
            continue
        score = sim + (AMOUNTS_BONUS if not rows.amounts[r].isdisjoint(rows.amounts[t]) else 0.0)
        if score < min_score:
            continue
        key = (-round(score, 4), -decision_share[rows.commitments[t].doc_id], rows.commitments[t].commitment_id)
        if best is None or key < best[0]:
            best = (key, t)
    return best[1] if best else None


def _progress_links(rows: Rows, in_print_order: list[int], opening: list[tuple[int, int]],
                    reported: list[tuple[int, int]], items_by_id: dict[str, Item], decisions_of):
    """Each assurance printed after the opening report of a decision answers one of that item's decisions.

    The decision the paper opened with, unless the assurance shares at least
    `PROGRESS_MIN_SHARED_WORDS` words with another decision of the item (its record or the
    paper's own telling of it) that are neither the opening decision's words (the project's
    name: "Stage One", "development", "OBC") nor common in the paper (in
    `COMMON_IN_PAPER` of its commitments: "scheme" in a scheme's update): "being funded
    with Clean Air Zone revenue" answers "It was agreed this would be funded from Clean Air
    Zone revenue funding", "initiated the procurement process to secure a consultant" the
    delegation to "procure … in consultation with", but "the subsequent stages of
    modelling, scheme development, and OBC preparation were pushed back" is not about
    "OBC costs … repaid from subsequent income generated from the scheme".
    """
    lead = opening[0][1]
    record = rows.commitments[lead].doc_id
    roots = {_root(rows.item[t], items_by_id) for _, t in reported if rows.commitments[t].doc_id == record}
    group = [t for t in decisions_of[record] if _root(rows.item[t], items_by_id) in roots and t != lead]
    told_as = defaultdict(list)  # decision -> the paper's own rows telling of it
    for r, t in reported:
        told_as[t].append(r)
    stems_in = Counter(s for r in in_print_order for s in topic_stems(rows.commitments[r].text))
    background = {s for s, n in stems_in.items() if n >= COMMON_IN_PAPER}
    for r in [lead] + told_as[lead]:
        background |= topic_stems(rows.commitments[r].text)
    start = rows.commitments[opening[0][0]].char_start
    for a in in_print_order:
        if rows.commitments[a].char_start <= start or not (rows.role[a] == "assurance" or rows.role[a] == "action" and (
                vocabulary_pattern("reports_done").search(rows.commitments[a].text))):
            continue  # a plan for later is progress on nothing yet
        own = topic_stems(rows.commitments[a].text) - background
        best, target = PROGRESS_MIN_SHARED_WORDS - 1, lead
        for t in group:
            shared = max(len(own & topic_stems(rows.commitments[w].text)) for w in [t] + told_as.get(t, []))
            if shared > best:
                best, target = shared, t
        yield a, target, "progress", PROGRESS_SCORE


def _root(item: Item | None, items_by_id: dict[str, Item]) -> str:
    """The top-level item an item sits under (the agenda item or decision of a record)."""
    while item is not None and item.parent_id and item.parent_id in items_by_id:
        item = items_by_id[item.parent_id]
    return item.item_id if item is not None else ""
