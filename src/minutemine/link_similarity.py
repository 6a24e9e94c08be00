"""Text evidence: TF-IDF similarity inside a block of papers of one story, with structure bonuses.

- **restatement** — a later paper restates an earlier request in close wording; the
  restated request links to the original, so answers reach the original through it;
- **tfidf** / **tfidf+structure** — text similarity (see `similarity.py`) with bonuses
  when the body asked is the one answering, or the two share dates, amounts or names.
  Two kinds of reply are kept once per paper (see link_choose.one_reply_per_paper): the
  body asked answering with its own advice (the scrutiny minute answering Cabinet's
  item 3), and a meeting's record of a decision answering the proposal put to that meeting.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from .asked_actions import does_the_asked_action
from .answer_cues import (confirms_what_was_asked, is_just_a_name, is_person_name, only_notes, reads_as_done,
                          refers_to_own_paper, same_body)
from .link_numbered import REPLY_HEADING_MAX_CHARS, list_number, reply_number
from .link_order import tells_of_the_report
from .link_rows import ASKING, KINDS, Rows
from .models import Commitment, DocumentRow, Item
from .similarity import AllowedPairs, TextIndex, nearest_targets, normalise_for_matching, topic_stems
from .stories import meeting_day_range, story_blocks

TOP_K = 5  # candidates kept per answer in links.csv
BONUS = {"asked": 0.15, "reports_to": 0.1, "amounts": 0.1, "dates": 0.05, "names": 0.05, "numbered": 0.1,
         "cites": 0.1, "confirms": 0.1, "does": 0.1}
# A reply says what it replies to in its opening ("Thank you for your letter of 28 November 2024",
# "The Committee considered the report of its Task Group on 11 March 2025"): the dates there.
OPENING_CHARS = 3000
MIN_TEXT_SIMILARITY = 0.05
MAX_SIMILARITY_SCORE = 0.99  # text evidence never outranks the tree
MIN_RESTATED_STEMS = 2  # topic stems (similarity.topic_stems) a restatement by wording shares with the ask it restates
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
CONTEXT_PARENT_KINDS = {"request", "question", "recommendation", "resolution"}


def fit_text_index(rows: Rows, items_by_id: dict[str, Item]) -> TextIndex | None:
    """The TF-IDF index of each row's matching text: similarity links and reply order compare by it."""
    if not rows.commitments:
        return None
    return TextIndex.fit([_matching_text(c, item, items_by_id) for c, item in zip(rows.commitments, rows.item)])


def similarity_links(rows: Rows, documents: list[DocumentRow], items_by_id: dict[str, Item], threshold: float,
                      restatement_min: float):
    """Yield (source row, target row, method, score, reply) from text similarity inside each block."""
    if not rows.commitments:
        return
    index = rows.text_index
    docs = {d.doc_id: d for d in documents}
    doc_code = {d: n for n, d in enumerate(sorted({c.doc_id for c in rows.commitments}))}
    days = [meeting_day_range(docs[c.doc_id].meeting_date if c.doc_id in docs else "") for c in rows.commitments]
    rows.meeting = days
    rows.record_paper = _record_papers(rows)
    code = {k: n for n, k in enumerate(KINDS)}
    lead_in_code: dict[str, int] = {}
    allowed = AllowedPairs(
        kind=np.array([code[r] for r in rows.role]),
        kind_ok=np.array([[t in MAY_ANSWER[s] for t in KINDS] for s in KINDS]),
        first_day=np.array([d[0] for d in days], dtype=float),
        last_day=np.array([d[1] for d in days], dtype=float),
        doc=np.array([doc_code[c.doc_id] for c in rows.commitments]),
        position=np.array([c.char_start for c in rows.commitments]),
        same_doc_ok=np.array([[t in MAY_ANSWER_IN_PAPER[s] for t in KINDS] for s in KINDS]),
        lead_in=np.array([lead_in_code.setdefault(lead_in.item_id, len(lead_in_code)) if lead_in else -1
                          for lead_in in (_lead_in(item, items_by_id) for item in rows.item)]),
    )
    rows.reply_number = _reply_numbers(rows, items_by_id)
    block_of_doc = story_blocks(documents, items_by_id.values())
    blocks: dict[str, list[int]] = defaultdict(list)
    for r, c in enumerate(rows.commitments):
        blocks[block_of_doc.get(c.doc_id, "")].append(r)
    # best case: every bonus but one of the exclusive pair
    # but never below MIN_TEXT_SIMILARITY: a pair sharing next to no words is not linked on bonuses alone
    floor = min(restatement_min, max(MIN_TEXT_SIMILARITY, threshold - (sum(BONUS.values()) - BONUS["reports_to"])))
    for block in sorted(blocks):
        members = np.array(blocks[block])
        for src, tgt, sim in nearest_targets(index, members, members, allowed, k=TOP_K * 2, min_similarity=floor):
            for s, t, similarity in zip(src.tolist(), tgt.tolist(), sim.tolist()):
                scored = _score_pair(rows, s, t, similarity, restatement_min)
                # A restatement, or an ask from the body asked, is judged on its wording alone.
                if scored is not None and (scored[1] >= threshold or similarity >= restatement_min and (
                        scored[0] == "restatement" or scored[2] and rows.role[s] in ASKING)):
                    yield s, t, *scored


FULL_DATE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\b",
                        re.IGNORECASE)


def cited_papers(documents: list[DocumentRow], items, opening_chars: float = OPENING_CHARS) -> dict[str, set[str]]:
    """doc -> the earlier papers whose meeting day its opening names ("your letter of 28 November 2024").

    Only a full date counts, and only against a paper dated to the day: a month or a year
    ("In September 2024") names a time, not a paper.  With `opening_chars` infinite, a day
    named anywhere in the paper counts (a tracker's rows each name their meeting).
    """
    from .dates import find_dates

    day_of = {d.doc_id: d.meeting_date for d in documents if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.meeting_date)}
    papers_on: dict[str, set[str]] = defaultdict(set)
    for doc, day in day_of.items():
        papers_on[day].add(doc)
    meeting = {d.doc_id: d.meeting_date for d in documents}
    opening: dict[str, list[str]] = defaultdict(list)
    for item in sorted(items, key=lambda i: (i.doc_id, i.char_start, i.item_id)):
        if item.char_start < opening_chars and item.doc_id in meeting:
            opening[item.doc_id].append(item.text)
    cited: dict[str, set[str]] = {}
    for doc, texts in opening.items():
        # Only a written day, month and year can name a paper's meeting: the date parser runs on those alone.
        days = {span.iso for written in FULL_DATE.findall("\n".join(texts))
                for span in find_dates(written, meeting_date=meeting[doc])}
        # Only earlier papers: papers of one meeting name its day, and answer nothing by it.
        others = {other for day in days if day < meeting[doc] for other in papers_on.get(day, ())}
        if others:
            cited[doc] = others
    return cited


def _reply_numbers(rows: Rows, items_by_id: dict[str, Item]) -> dict[int, str]:
    """Row -> N, for rows in the paragraph printed right under a "Response N – …" heading."""
    in_print_order = sorted(items_by_id.values(), key=lambda i: (i.doc_id, i.char_start, i.item_id))
    under: dict[str, str] = {}
    for before, item in zip(in_print_order, in_print_order[1:]):
        number = reply_number(before.text)
        if number and before.doc_id == item.doc_id and len(before.text) < REPLY_HEADING_MAX_CHARS:
            under[item.item_id] = number
    return {r: under[c.item_id] for r, c in enumerate(rows.commitments) if c.item_id in under}


def _lead_in(item: Item | None, items_by_id: dict[str, Item]) -> Item | None:
    """The list lead-in an item continues ("2. That council seeks assurance –" over "a. that ..."), if any."""
    parent = items_by_id.get(item.parent_id) if item is not None and item.parent_id else None
    # Only a list's lead-in gives context; a section heading over everything would make all its items alike.
    return parent if parent is not None and parent.kind in CONTEXT_PARENT_KINDS else None


def _matching_text(c: Commitment, item: Item | None, items_by_id: dict[str, Item]) -> str:
    """The commitment's words plus its lead-in's: "a. that ..." means little without "2. seeks assurance"."""
    lead_in = _lead_in(item, items_by_id)
    context = lead_in.text[:200] if lead_in is not None else ""
    return normalise_for_matching(f"{c.text} {normalise_for_matching(context)}")


def _score_pair(rows: Rows, s: int, t: int, similarity: float,
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
    if q.doc_id in rows.cited.get(a.doc_id, ()) and rows.role[s] not in ASKING:
        # The answer's paper opens by naming the day of the asking paper's meeting.  Not for a
        # restatement: a reply paper restates the asks it answers, and that is judged on wording.
        evidence.append("cites")
    if rows.role[s] not in ASKING and confirms_what_was_asked(a.text, q.text):
        evidence.append("confirms")  # "I can confirm that …" gives the assurance "asked for an assurance that …" wants
    if "asked" in evidence and rows.role[s] not in ASKING and does_the_asked_action(a.text, q.text):
        # The body asked tells of doing the very thing asked of it ("The Cabinet Member met the lead petitioner"
        # for "invited the Cabinet Member to meet the petitioners").
        evidence.append("does")
    if s in rows.reply_number and rows.reply_number[s] == list_number(rows.item[t]) and a.doc_id != q.doc_id:
        evidence.append("numbered")  # "Response 3" under a paper's replies answers the other paper's "3. That …"
    score = min(MAX_SIMILARITY_SCORE, similarity + sum(BONUS[e] for e in evidence))
    source_role, target_role = rows.role[s], rows.role[t]
    if source_role != "decision" and only_notes(q.text):
        # "(That) the Committee note(d) the report" asks for nothing an answer could give; only
        # the record of the meeting it was put to adopts it.
        return None
    if source_role == "decision" and target_role in ("decision", "recommendation"):
        # A decision adopts a proposal once: in the record of the meeting it was put to.
        if not _records_proposal(rows, s, t):
            return None
        return ("tfidf+structure" if evidence else "tfidf"), score, True
    if source_role in ASKING and "asked" in evidence:
        if target_role == "recommendation":
            # A proposal put to a body is answered by its decision on it; the body's later asks
            # ("Members suggested CAZ funds could alternatively support subsidised bus services",
            # Bristol minutes 2025-10-23, against the 2024 report's "OBC costs to be funded through
            # CAZ funding") are asks of their own.
            return None
        return "tfidf+structure", score, True  # the body asked replies, even when it repeats the words
    if source_role in ASKING and target_role in ASKING and similarity >= restatement_min:
        if is_just_a_name(a.text, q) or rows.says_names_only(s) or rows.says_names_only(t):
            return None  # "Wellbeing and Overview Scrutiny Committee" in a list names the body, asks nothing
        if "reports_to" in evidence:
            return None  # asking the body that asked is a reply or a new ask, never the same ask again
        if _named_person(a.actor) and _named_person(q.actor) and not same_body(a.actor, q.actor):
            return None  # one resident's petition or question is not another's, however alike the wording
        if refers_to_own_paper(a.text) or refers_to_own_paper(q.text) or only_notes(a.text):
            return None  # every update report "notes this update report": each its own; noting asks nothing
        if rows.amounts[s] and rows.amounts[t] and rows.amounts[s].isdisjoint(rows.amounts[t]):
            return None  # "how the £12,000 … was spent" is not "how the £150,000 grant was spent" asked again
        if len(topic_stems(a.text) & topic_stems(q.text)) < MIN_RESTATED_STEMS:
            # "Provides clarity about the communications approach to the people of Plymouth" and "how this was
            # being communicated to our staff" share one rare stem, which TF-IDF weighs high; an ask put again
            # names again at least two of the things it was about (the deck's "Torbay's IT systems" restated
            # as "review and map existing ICT systems across … Torbay Council": systems, Torbay).
            return None
        if _concern_and_recommendation(a, q, source_role, target_role):
            # "Members were concerned that seven waivers had been signed after the order was placed"
            # voices a worry about what happened; a recommendation ("No waiver should be accepted after
            # an order is placed") asks someone to act.  However alike the words, neither puts the other
            # again (papers of one day may be read in either order).
            return None
        if "recommendation" in (source_role, target_role) and "asks" in (a.modality, q.modality):
            return None  # a member's own question is answered by the one asked; a committee's recommendation is its own ask
        return "restatement", score, False
    if source_role in ASKING:
        return None  # an ask that neither restates nor comes from the body asked answers nothing
    if source_role in ("assurance", "action") and tells_of_the_report(a.text):
        return None  # background that tells of the asking paper ("The Committee published the report …") answers none
    return ("tfidf+structure" if evidence else "tfidf"), score, False


def _concern_and_recommendation(a: Commitment, q: Commitment, a_role: str, q_role: str) -> bool:
    """Whether one of two asks is a concern ("Members were concerned that …") and the other a recommendation."""
    return (a.modality == "concern" and q_role == "recommendation") or \
        (q.modality == "concern" and a_role == "recommendation")


_TITLED_NAME = re.compile(r"^(?:councillor|cllr|mr|mrs|ms|miss|dr)\.?\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3}$",
                          re.IGNORECASE)


def _named_person(actor: str) -> bool:
    """A person by name, with a title and a surname alone too: two councillors' amendments are two asks.

    >>> [_named_person(a) for a in ("Councillor Coombes", "Cllr Rob Bryher", "Alison Bramall", "Officers",
    ...                             "Transport and Connectivity Policy Committee", "Councillor")]
    [True, True, True, False, False, False]
    """
    return is_person_name(actor) or bool(_TITLED_NAME.match(actor.strip()))


def _record_papers(rows: Rows) -> dict[str, bool]:
    """Which papers record decisions taken ("Approved ...", "It was APPROVED") rather than propose them.

    Minutes and decision forms: 45–85% of their decisions read as done on the sample
    corpus; reports and updates: 0–33%.  The cut is at 40%.
    """
    done: dict[str, list[bool]] = defaultdict(list)
    for c, role in zip(rows.commitments, rows.role):
        if role == "decision":
            done[c.doc_id].append(reads_as_done(c.text))
    return {doc: sum(flags) >= 0.4 * len(flags) for doc, flags in done.items()}


def _records_proposal(rows: Rows, s: int, t: int) -> bool:
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

