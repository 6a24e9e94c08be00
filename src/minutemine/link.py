"""Link: every answer to the request it answers, inside one paper and across papers.

Evidence, strongest first:

- **tree** — an answer sits under a request in the item tree (the due-diligence deck's
  restated request with its answer bullets), or after it in the same item (an
  "Issue raised | Response" table row);
- **sequence** — a "Response" item, or a "... it was confirmed that" paragraph, follows
  a question among its siblings ("Question 3 – name" then "Mayor's Response");
- **restatement** — a later paper restates an earlier request in close wording; the
  restated request links to the original, so answers reach the original through it;
- **tfidf** / **tfidf+structure** — text similarity (see `similarity.py`) within a
  block of papers of one story (councils that mention each other), with bonuses when
  the body asked is the one answering, or the two share dates, amounts or names.
  Two kinds of reply are kept once per paper: the body asked answering with its own
  advice (the scrutiny minute answering Cabinet's item 3), and a meeting's record of
  a decision answering the proposal put to that meeting (decision form → report).

Only a pair scoring at least `THRESHOLD` is kept (a restatement or a reply: at least
`RESTATEMENT_MIN_SIMILARITY` of wording): a wrong link is worse than none.  Each
answer's candidates are ranked by score, ties by request id (rank 1 is chosen), and
requests get a status: answered; partly answered (only some of its numbered parts
answered, only promised an answer — "review in progress" — or only restated by a later
paper with no substantive answer under the restatement); outstanding (nothing answers or
restates it).  These are the definitions of the issue and of corpus/gold/GUIDE.md.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from .answer_cues import defers, is_just_a_name, names_only, reads_as_done, same_body
from .models import Commitment, DocumentRow, Item, Link
from .stories import meeting_day_range, story_blocks
from .similarity import AllowedPairs, TextIndex, content_words, nearest_targets, normalise_for_matching

# Chosen with benchmarks/sweep_link_threshold.py on corpus/gold.  Re-swept 22 Nov 2026 ~23:00 UTC
# (188 gold links, after one-to-one restatements and the decision rules): RESTATEMENT_MIN 0.20/0.25/0.30
# gave precision 0.70/0.727/0.729 at recall 0.537/0.537/0.516 (threshold 0.5, sure 0.35): 0.25 keeps
# every correct restatement.  RESTATEMENT_SURE 0 (no one-to-one)/0.30/0.35/0.40/1.0 gave precision
# 0.711/0.721/0.727/0.725/0.725, recall 0.537 up to 0.35 and 0.532 above: 0.35 is best at every
# threshold.  THRESHOLD 0.45/0.5/0.6/0.8 gave precision 0.711/0.727/0.732/0.732 at recall 0.537:
# the one link lost between 0.5 and 0.6 is wrong, but the gold's similarity links (Bristol updates
# answering the 2024 decisions) are ones extraction does not yet find and score 0.5-0.6 when it
# does (the earlier sweep lost the first correct one at 0.6), so 0.5 is kept.
THRESHOLD = 0.5  # score (similarity + structure bonuses) an answer needs
RESTATEMENT_MIN_SIMILARITY = 0.25  # similarity (no bonuses) a later ask needs to count as restating an earlier one
# Between two papers restatements are matched one to one (best total score); a second
# restatement of the same ask is kept only when its own score reaches this.
RESTATEMENT_SURE = 0.35
TOP_K = 5  # candidates kept per answer in links.csv
TREE_SCORE, SEQUENCE_SCORE = 1.0, 0.9
HEADING_REACH = 8  # siblings an answer paragraph may sit below its questioner's heading
HEADING_MAX_CHARS = 100  # a heading is a short line, not a sentence
BONUS = {"asked": 0.15, "reports_to": 0.1, "amounts": 0.1, "dates": 0.05, "names": 0.05}
MAX_SIMILARITY_SCORE = 0.99  # text evidence never outranks the tree

KINDS = ("request", "recommendation", "decision", "assurance", "action")
ASKING = {"request", "recommendation"}
ANSWERING = {"assurance", "action"}
# Which role may answer which: an assurance answers anything asked or decided; a decision
# answers a request or adopts a recommendation; an ask answers an ask only as a
# restatement, or when the body asked replies with its own advice (scrutiny's advice on
# Cabinet's "Requests the ... Committee to examine").
MAY_ANSWER = {
    "assurance": {"request", "recommendation", "decision"},
    "action": {"request", "recommendation", "decision"},
    "decision": {"request", "recommendation", "decision"},  # another paper's decision: the record of a proposed one
    "request": {"request", "recommendation", "decision"},
    "recommendation": {"request", "recommendation", "decision"},
}
# Inside one paper sibling requests are worded alike, so asks never pair there.
# Nor does a decision answer anything in its own paper: minutes quote the report's
# recommendations and then record the same words decided (and the debate's requests
# before them are worded alike); that is the record of a proposal of another paper.
MAY_ANSWER_IN_PAPER = {k: (v - {"decision"} if k not in ASKING | {"decision"} else set())
                       for k, v in MAY_ANSWER.items()}
ASK_ITEM_KINDS = {"request", "question"}
SUB_ASK_ITEM_KINDS = {"request", "question", "recommendation"}
CONTEXT_PARENT_KINDS = {"request", "question", "recommendation", "resolution"}
_RESPONSE_CUE = re.compile(
    r"^\W*(?:(?:the\s+)?(?:mayor'?s?|cabinet member'?s?|officers?'?)?\s*response\b|in response\b|"
    r"it was (?:confirmed|explained|clarified|noted)\b|officers? (?:confirmed|explained|clarified)\b)",
    re.IGNORECASE)



@dataclass
class _Candidate:
    target: int
    score: float
    method: str
    reply: bool = False  # one per paper and target: an ask from the body asked, or a record of a proposal


@dataclass
class _Rows:
    """The commitments in id order, with what linking needs to know about each."""

    commitments: list[Commitment]
    role: list[str]
    item: list[Item | None]
    row_of: dict[str, int] = field(default_factory=dict)
    record_paper: dict[str, bool] = field(default_factory=dict)  # doc_id -> its decisions read as done
    meeting: list[tuple[float, float]] = field(default_factory=list)  # per row: meeting_day_range of its paper
    items_said: set[str] = field(default_factory=set)  # item ids that hold at least one commitment
    # Per row, computed once rather than for each of the row's candidate pairs:
    amounts: list[frozenset] = field(default_factory=list)
    dates: list[frozenset] = field(default_factory=list)
    names: list[frozenset[str]] = field(default_factory=list)  # people and organisations, lower-case
    names_only: dict[int, bool] = field(default_factory=dict)  # row -> answer_cues.names_only, when asked

    def says_names_only(self, r: int) -> bool:
        if r not in self.names_only:
            self.names_only[r] = names_only(self.commitments[r])
        return self.names_only[r]


def link_commitments(documents: list[DocumentRow], items: list[Item], commitments: list[Commitment], *,
                     threshold: float = THRESHOLD,
                     restatement_min: float = RESTATEMENT_MIN_SIMILARITY,
                     restatement_sure: float = RESTATEMENT_SURE) -> tuple[list[Commitment], list[Link]]:
    """Fill answers/answer_score/answer_method/status on `commitments` and return the links.

    The result does not depend on the order of the inputs: commitments come back in
    the order given, links sorted by answer id and rank.  `threshold`,
    `restatement_min` and `restatement_sure` (0 turns the one-to-one matching off) are parameters only so that benchmarks/sweep_link_threshold.py
    can sweep them against the gold set.
    """
    rows = _index_rows(items, commitments)
    items_by_id = {i.item_id: i for i in items}
    candidates: dict[int, list[_Candidate]] = defaultdict(list)
    for source, target, method, score in _structural_links(rows, items):
        candidates[source].append(_Candidate(target, score, method))
    for source, target, method, score, reply in _similarity_links(rows, documents, items_by_id, threshold,
                                                                  restatement_min):
        candidates[source].append(_Candidate(target, score, method, reply))
    candidates = _one_reply_per_paper(rows, candidates, items_by_id)
    candidates = _assign_restatements(rows, candidates, restatement_sure)
    ranked = _rank(rows, candidates)
    ranked = _break_mutual_links(rows, ranked)
    chosen = {s: cands[0] for s, cands in ranked.items() if cands}
    statuses = _statuses(rows, chosen, items_by_id)

    updated: dict[str, Commitment] = {}
    for r, c in enumerate(rows.commitments):
        pick = chosen.get(r)
        updated[c.commitment_id] = c.model_copy(update={
            "answers": rows.commitments[pick.target].commitment_id if pick else "",
            "answer_score": round(pick.score, 4) if pick else None,
            "answer_method": pick.method if pick else "",
            "status": statuses.get(r, "") if c.kind == "request" else "",
        })
    links = [Link(answer_id=rows.commitments[s].commitment_id, request_id=rows.commitments[cand.target].commitment_id,
                  score=round(cand.score, 4), method=cand.method, rank=rank)
             for s in sorted(ranked, key=lambda s: rows.commitments[s].commitment_id)
             for rank, cand in enumerate(ranked[s], start=1)]
    return [updated[c.commitment_id] for c in commitments], links


def _index_rows(items: list[Item], commitments: list[Commitment]) -> _Rows:
    items_by_id = {i.item_id: i for i in items}
    ordered = sorted(commitments, key=lambda c: (c.commitment_id, c.char_start))
    first_on_item: dict[str, str] = {}
    for c in sorted(ordered, key=lambda c: (c.item_id, c.char_start, c.commitment_id)):
        first_on_item.setdefault(c.item_id, c.commitment_id)
    roles = []
    for c in ordered:
        item = items_by_id.get(c.item_id)
        # A deck's restated request ("Provides reassurance that ...") reads like an
        # assurance; the segmenter knows it is the request its bullets answer.
        restated = item is not None and item.kind in ("request", "question") \
            and first_on_item[c.item_id] == c.commitment_id
        roles.append("request" if restated else c.kind)
    rows = _Rows(ordered, roles, [items_by_id.get(c.item_id) for c in ordered])
    rows.row_of = {c.commitment_id: r for r, c in enumerate(ordered)}
    rows.items_said = {c.item_id for c in ordered}
    rows.amounts = [frozenset(c.amounts_gbp) for c in ordered]
    rows.dates = [frozenset(c.dates) for c in ordered]
    rows.names = [frozenset(n.lower() for n in c.people + c.organisations) for c in ordered]
    return rows


def _ancestors(item: Item | None, items_by_id: dict[str, Item]) -> list[Item]:
    out, seen = [], set()
    while item is not None and item.parent_id and item.parent_id not in seen:
        seen.add(item.parent_id)
        item = items_by_id.get(item.parent_id)
        if item is not None:
            out.append(item)
    return out


def _structural_links(rows: _Rows, items: list[Item]):
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
        for ancestor in _ancestors(item, items_by_id):
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


def _first_said(rows: _Rows) -> dict[int, int]:
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


def _looks_like_heading(rows: _Rows, r: int) -> bool:
    """A questioner's heading ("Q31, 32, 33 – Sue Hughes", "Matt Saunders - Bus Gates"): no sentence."""
    text = rows.commitments[r].text.strip()
    return rows.says_names_only(r) or (len(text) <= HEADING_MAX_CHARS and not text.endswith((".", ";", ":", "?")))


def _questioner_heading_above(rows: _Rows, earlier: list[Item], children: dict[tuple[str, str], list[Item]],
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


def _unread_heading(rows: _Rows, item: Item) -> bool:
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


def _similarity_links(rows: _Rows, documents: list[DocumentRow], items_by_id: dict[str, Item], threshold: float,
                      restatement_min: float):
    """Yield (source row, target row, method, score, reply) from text similarity inside each block."""
    if not rows.commitments:
        return
    texts = [_matching_text(c, item, items_by_id) for c, item in zip(rows.commitments, rows.item)]
    index = TextIndex.fit(texts)
    docs = {d.doc_id: d for d in documents}
    doc_code = {d: n for n, d in enumerate(sorted({c.doc_id for c in rows.commitments}))}
    days = [meeting_day_range(docs[c.doc_id].meeting_date if c.doc_id in docs else "") for c in rows.commitments]
    rows.meeting = days
    rows.record_paper = _record_papers(rows)
    code = {k: n for n, k in enumerate(KINDS)}
    allowed = AllowedPairs(
        kind=np.array([code[r] for r in rows.role]),
        kind_ok=np.array([[t in MAY_ANSWER[s] for t in KINDS] for s in KINDS]),
        first_day=np.array([d[0] for d in days], dtype=float),
        last_day=np.array([d[1] for d in days], dtype=float),
        doc=np.array([doc_code[c.doc_id] for c in rows.commitments]),
        position=np.array([c.char_start for c in rows.commitments]),
        same_doc_ok=np.array([[t in MAY_ANSWER_IN_PAPER[s] for t in KINDS] for s in KINDS]),
    )
    block_of_doc = story_blocks(documents, items_by_id.values())
    blocks: dict[str, list[int]] = defaultdict(list)
    for r, c in enumerate(rows.commitments):
        blocks[block_of_doc.get(c.doc_id, "")].append(r)
    # best case: every bonus but one of the exclusive pair
    floor = min(restatement_min, threshold - (sum(BONUS.values()) - BONUS["reports_to"]))
    for block in sorted(blocks):
        members = np.array(blocks[block])
        for src, tgt, sim in nearest_targets(index, members, members, allowed, k=TOP_K * 2, min_similarity=floor):
            for s, t, similarity in zip(src.tolist(), tgt.tolist(), sim.tolist()):
                scored = _score_pair(rows, s, t, similarity, restatement_min)
                # A restatement, or an ask from the body asked, is judged on its wording alone.
                if scored is not None and (scored[1] >= threshold or similarity >= restatement_min and (
                        scored[0] == "restatement" or scored[2] and rows.role[s] in ASKING)):
                    yield s, t, *scored


def _matching_text(c: Commitment, item: Item | None, items_by_id: dict[str, Item]) -> str:
    """The commitment's words plus its lead-in's: "a. that ..." means little without "2. seeks assurance"."""
    parent = items_by_id.get(item.parent_id) if item is not None and item.parent_id else None
    # Only a list's lead-in gives context; a section heading over everything would make all its items alike.
    context = parent.text[:200] if parent is not None and parent.kind in CONTEXT_PARENT_KINDS else ""
    return normalise_for_matching(f"{c.text} {normalise_for_matching(context)}")


def _score_pair(rows: _Rows, s: int, t: int, similarity: float,
                restatement_min: float) -> tuple[str, float, bool] | None:
    """(method, score, reply) for source row `s` answering target row `t`, or None if it may not."""
    a, q = rows.commitments[s], rows.commitments[t]
    evidence = []
    if same_body(q.addressee, a.actor):
        evidence.append("asked")  # the body the request was addressed to answers it
    elif same_body(a.addressee, q.actor):
        evidence.append("reports_to")  # the answer is addressed to the body that asked
    if not rows.amounts[s].isdisjoint(rows.amounts[t]):
        evidence.append("amounts")
    if not rows.dates[s].isdisjoint(rows.dates[t]):
        evidence.append("dates")
    if not rows.names[s].isdisjoint(rows.names[t]):
        evidence.append("names")
    score = min(MAX_SIMILARITY_SCORE, similarity + sum(BONUS[e] for e in evidence))
    source_role, target_role = rows.role[s], rows.role[t]
    if source_role == "decision" and target_role in ("decision", "recommendation"):
        # A decision adopts a proposal once: in the record of the meeting it was put to.
        if not _records_proposal(rows, s, t):
            return None
        return ("tfidf+structure" if evidence else "tfidf"), score, True
    if source_role in ASKING and "asked" in evidence:
        return "tfidf+structure", score, True  # the body asked replies, even when it repeats the words
    if source_role in ASKING and target_role in ASKING and similarity >= restatement_min:
        if is_just_a_name(a.text, q) or rows.says_names_only(s) or rows.says_names_only(t):
            return None  # "Wellbeing and Overview Scrutiny Committee" in a list names the body, asks nothing
        return "restatement", score, False
    if source_role in ASKING:
        return None  # an ask that neither restates nor comes from the body asked answers nothing
    return ("tfidf+structure" if evidence else "tfidf"), score, False


def _record_papers(rows: _Rows) -> dict[str, bool]:
    """Which papers record decisions taken ("Approved ...", "It was APPROVED") rather than propose them.

    Minutes and decision forms: 45–85% of their decisions read as done on the sample
    corpus; reports and updates: 0–33%.  The cut is at 40%.
    """
    done: dict[str, list[bool]] = defaultdict(list)
    for c, role in zip(rows.commitments, rows.role):
        if role == "decision":
            done[c.doc_id].append(reads_as_done(c.text))
    return {doc: sum(flags) >= 0.4 * len(flags) for doc, flags in done.items()}


def _records_proposal(rows: _Rows, s: int, t: int) -> bool:
    """A decision answers a decision or recommendation only as the record of a proposal made to the same meeting.

    Two records of one meeting (decision form and minutes) restate each other and answer
    nothing; a later meeting's delegations, worded alike, are other decisions.
    """
    a, q = rows.commitments[s], rows.commitments[t]
    (a_first, a_last), (q_first, q_last) = rows.meeting[s], rows.meeting[t]
    same_meeting = a_first <= q_last and q_first <= a_last and a_first > float("-inf")
    # A recommendation is a proposal wherever it is printed (an update report that tells
    # of past decisions still recommends "notes this update report").
    proposal = rows.role[t] == "recommendation" or not rows.record_paper.get(q.doc_id, False)
    return same_meeting and rows.record_paper.get(a.doc_id, False) and proposal


def _one_reply_per_paper(rows: _Rows, candidates: dict[int, list[_Candidate]],
                         items_by_id: dict[str, Item]) -> dict[int, list[_Candidate]]:
    """Keep one reply per paper and target.

    A proposal is recorded once in the minutes of its meeting, however many other
    "noted the report" lines look like it: the best scored record is kept.  When the
    body asked replies with a list of its own asks, the list's lead-in is the reply:
    the scrutiny minute answers Cabinet's request with "The committee advises council
    to consider ... the following -" and its recommendations 1-4, all the committee's
    and all like the request, so the one highest in the item tree is kept.
    """
    best: dict[tuple[str, int], tuple] = {}
    for s, cands in candidates.items():
        for cand in cands:
            if cand.reply:
                c = rows.commitments[s]
                depth = len(_ancestors(rows.item[s], items_by_id)) if rows.role[s] in ASKING else 0
                key = (depth, -cand.score, c.commitment_id)
                slot = (c.doc_id, cand.target)
                if slot not in best or key < best[slot][0]:
                    best[slot] = (key, s)
    winners = {(slot, s) for slot, (_, s) in best.items()}
    return {s: [c for c in cands if not c.reply or ((rows.commitments[s].doc_id, c.target), s) in winners]
            for s, cands in candidates.items()}


def _assign_restatements(rows: _Rows, candidates: dict[int, list[_Candidate]],
                         sure: float) -> dict[int, list[_Candidate]]:
    """Match restatements one to one between each pair of papers, by the best total score.

    A later paper restates each earlier ask once, as a rule: when several of its asks
    look like one earlier ask ("Provides clarity about the communications approach to the
    people of Plymouth" and "Includes a comprehensive communication plan", both like "how
    this was being communicated to our staff"), a greedy best match per row sends them all
    there.  The Hungarian assignment (scipy's linear_sum_assignment) over the pair's
    restatement scores keeps the set of pairs with the best total; a pair it leaves out
    stays only when its score alone reaches `sure` (two deck asks that both restate 2.e).
    """
    by_pair: dict[tuple[str, str], list[tuple[int, _Candidate]]] = defaultdict(list)
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
            scores[at_s[s], at_t[c.target]] = max(scores[at_s[s], at_t[c.target]], c.score)
        assigned = set(zip(*linear_sum_assignment(scores, maximize=True)))
        for s, c in entries:
            if (at_s[s], at_t[c.target]) not in assigned and c.score < sure:
                dropped.add((s, c.target))
    return {s: [c for c in cands if c.method != "restatement" or (s, c.target) not in dropped]
            for s, cands in candidates.items()}


def _rank(rows: _Rows, candidates: dict[int, list[_Candidate]]) -> dict[int, list[_Candidate]]:
    """Best first, one candidate per target (the structural one wins), at most TOP_K."""
    out = {}
    for s, cands in candidates.items():
        best: dict[int, _Candidate] = {}
        for cand in sorted(cands, key=lambda c: (-c.score, rows.commitments[c.target].commitment_id)):
            best.setdefault(cand.target, cand)
        out[s] = sorted(best.values(), key=lambda c: (-round(c.score, 4), rows.commitments[c.target].commitment_id))[:TOP_K]
    return out


def _break_mutual_links(rows: _Rows, ranked: dict[int, list[_Candidate]]) -> dict[int, list[_Candidate]]:
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


def _statuses(rows: _Rows, chosen: dict[int, _Candidate], items_by_id: dict[str, Item]) -> dict[int, str]:
    """answered / partly answered / outstanding for every ask, through restatements and sub-requests."""
    answered_by: dict[int, list[int]] = defaultdict(list)
    restated_by: dict[int, list[int]] = defaultdict(list)
    for s, cand in chosen.items():
        (restated_by if cand.method == "restatement" else answered_by)[cand.target].append(s)
    ask_rows_on_item: dict[str, list[int]] = defaultdict(list)
    for r, role in enumerate(rows.role):
        if role in ASKING:
            ask_rows_on_item[rows.commitments[r].item_id].append(r)
    sub_asks: dict[int, list[int]] = defaultdict(list)
    for r, role in enumerate(rows.role):
        # Parts of a request are numbered asks of their own (2.a-2.e); an ask read into an
        # answer bullet ("Phase 1 Initial discussion:") is not one.
        if role not in ASKING or rows.item[r] is None or rows.item[r].kind not in SUB_ASK_ITEM_KINDS:
            continue
        for ancestor in _ancestors(rows.item[r], items_by_id):
            if ask_rows_on_item.get(ancestor.item_id):
                sub_asks[ask_rows_on_item[ancestor.item_id][0]].append(r)
                break

    memo: dict[int, str] = {}

    def status(r: int, visiting: frozenset = frozenset()) -> str:
        if r in memo:
            return memo[r]
        if r in visiting:
            return "outstanding"
        visiting = visiting | {r}
        via_restatement = [status(x, visiting) for x in restated_by.get(r, [])]
        answers = answered_by.get(r, [])
        if any(not defers(rows.commitments[a].text) for a in answers) or "answered" in via_restatement:
            own = "answered"
        elif answers or via_restatement:
            # Only promised ("review in progress"), or taken up by a later paper that restates
            # it with no substantive answer yet (the deck's ICT items restate OSC (h)): the
            # request is on someone's list, which is more than outstanding and less than answered.
            own = "partly answered"
        else:
            own = "outstanding"
        parts = [status(x, visiting) for x in sub_asks.get(r, [])]
        if parts:
            if own == "answered":
                own = "answered" if all(p == "answered" for p in parts) else "partly answered"
            elif all(p == "answered" for p in parts):
                own = "answered"
            elif any(p != "outstanding" for p in parts) or own == "partly answered":
                own = "partly answered"
        memo[r] = own
        return own

    return {r: status(r) for r, role in enumerate(rows.role) if role in ASKING}
