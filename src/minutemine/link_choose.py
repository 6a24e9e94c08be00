"""Choosing among candidates: one reply per paper, replies to the papers they cite, restatements one to one and never
alone, ranking, no mutual links."""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
from scipy.optimize import linear_sum_assignment

from .answer_cues import reads_as_done, vocabulary_pattern
from .link_rows import ASKING, Candidate, Rows, ancestors
from .link_similarity import TOP_K

# In the one-to-one assignment only: tips near-ties, never makes a link.  0.1, not 0.05: a reply's
# "Question 1 – Births at Fernley" (0.30) must beat the introduction above the questions (0.36) to (a).
SAME_PLACE_BONUS = 0.1
# A second restatement of one ask, left out of the one-to-one assignment, stays (at `sure` or more) only when it is
# about as like the ask as the one assigned: two deck asks restating 2.e score 0.40 and 0.37; "Torbay's Medium Term
# Financial Planning makes sufficient provision …" (0.37) beside "There is sufficient ongoing visibility of Torbay
# Council's overall budget and financial planning" (0.56) shares with 2.d only the list's topic words.
SECOND_RESTATEMENT_SHARE = 0.8
from .models import Item
from .similarity import linking_vocabulary, topic_stems


def one_reply_per_paper(rows: Rows, candidates: dict[int, list[Candidate]],
                         items_by_id: dict[str, Item]) -> dict[int, list[Candidate]]:
    """Keep one reply per paper and target.

    A proposal is recorded once in the minutes of its meeting, however many other
    "noted the report" lines look like it: the best scored record is kept.  When the
    body asked replies with a list of its own asks, the list's lead-in is the reply:
    the scrutiny minute answers Cabinet's request with "The committee advises council
    to consider ... the following -" and its recommendations 1-4, all the committee's
    and all like the request, so the one highest in the item tree is kept.  Of records
    scored alike, one that reads as done beats a quoted proposal.
    """
    best: dict[tuple[str, int], tuple] = {}
    for s, cands in candidates.items():
        for cand in cands:
            if cand.reply:
                c = rows.commitments[s]
                depth = len(ancestors(rows.item[s], items_by_id)) if rows.role[s] in ASKING else 0
                # Minutes quote an amendment's "Approve, subject to ..." before recording
                # "Approved, subject to ...": the record is the line that says it was done.
                key = (depth, not reads_as_done(c.text), -cand.score, c.commitment_id)
                slot = (c.doc_id, cand.target)
                if slot not in best or key < best[slot][0]:
                    best[slot] = (key, s)
    winners = {(slot, s) for slot, (_, s) in best.items()}
    return {s: [c for c in cands if not c.reply or ((rows.commitments[s].doc_id, c.target), s) in winners]
            for s, cands in candidates.items()}


def assign_restatements(rows: Rows, candidates: dict[int, list[Candidate]],
                         sure: float) -> dict[int, list[Candidate]]:
    """Match restatements one to one between each pair of papers, by the best total score.

    A later paper restates each earlier ask once, as a rule: when several of its asks
    look like one earlier ask ("Provides clarity about the communications approach to the
    people of Plymouth" and "Includes a comprehensive communication plan", both like "how
    this was being communicated to our staff"), a greedy best match per row sends them all
    there.  The Hungarian assignment (scipy's linear_sum_assignment) over the pair's
    restatement scores keeps the set of pairs with the best total; a pair it leaves out
    stays only when its score alone reaches `sure` (two deck asks that both restate 2.e), and is near
    (SECOND_RESTATEMENT_SHARE) the assigned pair's score for the same ask.
    Between near-equal pairs, the one in the same place of both lists wins the assignment.
    """
    by_pair: dict[tuple[str, str], list[tuple[int, Candidate]]] = defaultdict(list)
    for s, cands in candidates.items():
        for cand in cands:
            if cand.method == "restatement":
                by_pair[rows.commitments[s].doc_id, rows.commitments[cand.target].doc_id].append((s, cand))
    dropped: set[tuple[int, int]] = set()
    for pair in sorted(by_pair):
        entries = by_pair[pair]
        sources = sorted({s for s, _ in entries})
        targets = sorted({c.target for _, c in entries})
        if len(sources) == 1 and len(targets) == 1:
            continue
        at_s = {s: n for n, s in enumerate(sources)}
        at_t = {t: n for n, t in enumerate(targets)}
        scores = np.zeros((len(sources), len(targets)))
        for s, c in entries:
            # A point-by-point reply follows the asker's order: "Question 1" answers (a).
            same_place = _list_position(rows.item[s]) == _list_position(rows.item[c.target]) is not None
            weight = c.score + (SAME_PLACE_BONUS if same_place else 0.0)
            scores[at_s[s], at_t[c.target]] = max(scores[at_s[s], at_t[c.target]], weight)
        assigned = set(zip(*linear_sum_assignment(scores, maximize=True)))
        assigned_score = {c.target: c.score for s, c in entries if (at_s[s], at_t[c.target]) in assigned}
        for s, c in entries:
            if (at_s[s], at_t[c.target]) in assigned:
                continue
            if c.score < sure or c.score < SECOND_RESTATEMENT_SHARE * assigned_score.get(c.target, 0.0):
                dropped.add((s, c.target))
    return {s: [c for c in cands if c.method != "restatement" or (s, c.target) not in dropped]
            for s, cands in candidates.items()}


WORDING_METHODS = {"tfidf", "tfidf+structure", "restatement"}


def keep_to_cited_papers(rows: Rows, candidates: dict[int, list[Candidate]]) -> dict[int, list[Candidate]]:
    """A paper that names the meeting day of the papers it answers answers, by wording, only those.

    "Thank you for your letter of 28 November 2024", "the recommendations made to Cabinet by
    the Committee on 16 October 2024": the reply says what it replies to.  Another paper of
    the same council with asks worded alike (a Cabinet minute on fleet fuel cards beside an
    audit of purchasing cards) is a distractor, not a second addressee.  A paper named
    further on counts too: a tracker opens with one meeting and lists actions of others, each
    row with its meeting day.  Links made from the reply's own structure (its place under a
    question, its numbers, its order) and links inside the paper are not touched.
    """
    def keep(s: int, cand: Candidate) -> bool:
        own, asked = rows.commitments[s].doc_id, rows.commitments[cand.target].doc_id
        if cand.method not in WORDING_METHODS or not rows.cited.get(own) or asked == own:
            return True
        return asked in rows.cited[own] or asked in rows.named.get(own, ())

    return {s: [c for c in cands if keep(s, c)] for s, cands in candidates.items()}


def restate_other_bodies_only_when_named(rows: Rows, candidates: dict[int, list[Candidate]],
                                         body_of: dict[str, str]) -> dict[int, list[Candidate]]:
    """Between papers not known to be of one body, a restatement by wording needs the later paper to name the earlier.

    Two bodies of one authority ask for alike things on other topics: a Board's "Members asked for a
    breakdown by district of the £6.2 million still to be committed" (adult skills) is not its Transport
    Committee's "breakdown of the £6.2 million grant by district" put again.  A paper that takes up another
    body's asks says so: an actions sheet lists each action's meeting day, a response report dates the
    report it answers (the day it names anywhere, rows.named).  Papers of one known council (the deck and the
    scrutiny minute) keep restating by wording alone.  Links made from structure are not touched.
    """
    def keep(s: int, cand: Candidate) -> bool:
        later, earlier = rows.commitments[s].doc_id, rows.commitments[cand.target].doc_id
        if cand.method != "restatement" or later == earlier:
            return True
        body = body_of.get(later, "")
        if body and body == body_of.get(earlier):
            return True
        return earlier in rows.cited.get(later, ()) or earlier in rows.named.get(later, ())

    return {s: [c for c in cands if keep(s, c)] for s, cands in candidates.items()}


def keep_to_the_minute_cited(rows: Rows, candidates: dict[int, list[Candidate]]) -> dict[int, list[Candidate]]:
    """An action log's line that cites a minute ("Minute 23(d): visit to the crisis house") restates, by wording,
    only an ask of that minute: not a letter's "You asked whether the Council will continue to fund the crisis
    house", however alike the words.  Links made from structure are not touched."""
    def keep(s: int, cand: Candidate) -> bool:
        if cand.method not in WORDING_METHODS:
            return True
        cited = vocabulary_pattern("cites_minute").match(rows.commitments[s].text)
        if not cited or rows.commitments[cand.target].doc_id == rows.commitments[s].doc_id:
            return True
        return is_in_minute(rows.commitments[cand.target].label_path, cited.group(1), cited.group(2))

    return {s: [c for c in cands if keep(s, c)] for s, cands in candidates.items()}


def is_in_minute(label_path: str, number: str, entry: str | None) -> bool:
    """Whether an ask's label path puts it in minute `number`, entry `entry` ("23", "d") when one is cited.

    A lettered entry's own label is enough (a resolution's "(d)" is often read as a top-level label).

    >>> [is_in_minute(p, "23", "d") for p in ("d", "23/d", "(d)", "23#3#1", "e", "")]
    [True, True, True, False, False, False]
    >>> [is_in_minute(p, "23", None) for p in ("23#3#1", "23", "d", "24#1")]
    [True, True, False, False]
    """
    parts = [p.strip(" ().").lower() for p in re.split(r"[/#]", label_path) if p.strip(" ().")]
    if entry:
        return bool(parts) and parts[-1] == entry.lower()
    return bool(parts) and parts[0] == number


def drop_lone_restatements(rows: Rows, candidates: dict[int, list[Candidate]], *, min_restated: int,
                           alone: float, items_by_id: dict[str, Item] | None = None) -> dict[int, list[Candidate]]:
    """Drop restatements by wording between two papers that share only one or two alike asks.

    A paper that takes up another's asks restates several of them (the deck 14 of the
    scrutiny minute's, a response 10 of a review's).  One council's papers on other
    matters share an ask or two worded alike by chance: "That the Council publishes the
    condition survey of its community halls" and an audit report's "That the Council
    publishes the annual fleet emissions figures"; "whether the charges for the car park
    would be reviewed for charities" and "reviews the hire charges for community halls,
    with a discount for charities".  Between two papers with fewer than `min_restated`
    restating asks, a restatement stays only when its score reaches `alone`, or when
    the later paper names the earlier one's meeting day and the later ask does not sit
    under a section titled with another topic (minutes that confirm the March minutes,
    then under "NHS dental services" ask for dental waiting times "broken down by
    locality", do not restate March's mental health waiting times "by locality").
    """
    restating: dict[tuple[str, str], set[int]] = defaultdict(set)
    for s, cands in candidates.items():
        for cand in cands:
            if cand.method == "restatement":
                restating[rows.commitments[s].doc_id, rows.commitments[cand.target].doc_id].add(s)

    def keep(s: int, cand: Candidate) -> bool:
        if cand.method != "restatement" or cand.score >= alone:
            return True
        later, earlier = rows.commitments[s].doc_id, rows.commitments[cand.target].doc_id
        if len(restating[later, earlier]) >= min_restated:
            return True
        return earlier in rows.cited.get(later, ()) and not (
            items_by_id is not None and under_another_topic(rows.item[s], rows.commitments[cand.target].text,
                                                            items_by_id))

    return {s: [c for c in cands if keep(s, c)] for s, cands in candidates.items()}


def _list_position(item: Item | None) -> int | None:
    """The place in its list that an item's printed label gives: "Question 3" and "(c)" are both third.

    >>> [_list_position(Item(item_id="i", doc_id="d", kind="question", label=label, label_path=label, text="t",
    ...                      char_start=0, char_end=1)) for label in ("Question 3", "(c)", "2.c", "12.", "", "Finance")]
    [3, 3, 3, 12, None, None]
    """
    label = item.label.strip(" .:)(").lower() if item is not None else ""
    if len(label) == 1 and label.isalpha() or re.search(r"[.\s(]([a-z])$", label):
        return ord(label[-1]) - ord("a") + 1
    numbers = re.findall(r"\d+", label)
    return int(numbers[0]) if numbers else None


def rank(rows: Rows, candidates: dict[int, list[Candidate]]) -> dict[int, list[Candidate]]:
    """Best first, one candidate per target (the structural one wins), at most TOP_K."""
    out = {}
    for s, cands in candidates.items():
        best: dict[int, Candidate] = {}
        for cand in sorted(cands, key=lambda c: (-c.score, rows.commitments[c.target].commitment_id)):
            best.setdefault(cand.target, cand)
        out[s] = sorted(best.values(), key=lambda c: (-round(c.score, 4), rows.commitments[c.target].commitment_id))[:TOP_K]
    return out


def break_mutual_links(rows: Rows, ranked: dict[int, list[Candidate]]) -> dict[int, list[Candidate]]:
    """When two rows each choose the other (papers of one meeting), keep one direction.

    The record of what was done ("Approved ...") answers the proposal ("Approve ..."),
    whatever the scores say; otherwise the stronger direction wins.
    """
    for s in sorted(ranked):
        if not ranked[s]:
            continue
        t = ranked[s][0].target
        back = ranked.get(t)
        if back and back[0].target == s:
            mine, theirs = ranked[s][0], back[0]
            if (not reads_as_done(rows.commitments[s].text), -mine.score, rows.commitments[s].commitment_id) < \
                    (not reads_as_done(rows.commitments[t].text), -theirs.score, rows.commitments[t].commitment_id):
                ranked[t] = back[1:]
            else:
                ranked[s] = ranked[s][1:]
    return ranked


def under_another_topic(item: Item | None, earlier_ask: str, items_by_id: dict[str, Item]) -> bool:
    """Whether `item` sits under a section whose title names a topic that `earlier_ask` never mentions.

    A title of business words only ("Matters arising: actions from the previous meeting") names
    no topic, and says nothing either way.
    """
    framing = frozenset(linking_vocabulary()["section_framing_words"]["words"])
    for section in ancestors(item, items_by_id):
        if section.kind not in ("section", "agenda_item"):
            continue
        title = " ".join(w for w in re.findall(r"[A-Za-z][\w'-]*", section.text) if w.lower() not in framing)
        stems = topic_stems(title)  # the nearest section only: above it are the council's and the meeting's names
        return bool(stems) and not (stems & topic_stems(earlier_ask))
    return False
