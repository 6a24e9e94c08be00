"""Replies in the asker's order: a reply paper that names the asking paper answers its asks point by point.

A letter or briefing written in reply opens by naming the paper it answers ("Thank you
for your letter of 28 November 2024", "The Committee considered the report of its Task
Group on 11 March 2025") and then takes the asks in the order they were put, each in
its own words: "On Saturday opening, I have accepted the Panel's view" after "You asked
how the new hours were set".  Any one reply paragraph is a weak match for its ask on
wording alone (0.3–0.4); the order of all of them together is strong evidence.  So the
reply's paragraphs are aligned with the asks of the paper it names, in order, by the
best total similarity (a monotone alignment, as in sequence alignment: each paragraph
to at most one ask, never crossing), and a paragraph aligned with an ask answers it.
A request inside such a paragraph that quotes the ask back ("You asked how …")
restates it.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from .answer_cues import only_notes, vocabulary_pattern
from .link_rows import ANSWERING, ASKING, Rows
from .models import DocumentRow, Item

ORDER_SCORE = 0.6  # above THRESHOLD: the order is the evidence; below a reply printed under its question (0.9)
ALIGN_MIN_SIMILARITY = 0.2  # a paragraph and an ask sharing less than this are not paired, whatever the order
# A paragraph is paired only with the ask it is most like: the asks of one paper share their
# topic's words ("Brook Street Pool" in every ask of a petition about it), and so does every
# paragraph of the reply, so a paragraph that clears the floor with one ask only through those
# words is as like, or more like, a sibling ask.  What tells the ask a paragraph answers is
# the wording that ask does not share with the others, and that makes it the closest.
# A paragraph left out of the alignment may answer, as well, the ask its neighbours in order took, when
# it is plainly more like that ask than any other (a record of decision states the decision on a
# point, then its reasons under the point's name: "2.2 On Thursdays it will open …", then "3.1
# Thursday opening: I accept the Committee's point").  A background paragraph that is a little
# more like one ask than the next ("The Cabinet Member met the lead petitioner …") is not.
SHARED_ASK_MARGIN = 1.5  # its similarity to that ask, over its similarity to the next most like ask
MIN_ALIGNED = 2  # one pair in order proves nothing
MIN_SHARE_ALIGNED = 1 / 3  # of the reply paper's answering paragraphs
ALIGNMENT_PASSES = 2  # the asks of two lists, answered list by list in another order than they were put
MAX_CELLS = 250_000  # paragraphs x asks of one pair of papers; larger pairs are left to the other evidence


def reply_order_links(rows: Rows, items: list[Item], documents: list[DocumentRow]):
    """Yield (row, ask row, method, score) for the paragraphs of a reply paper aligned with the asks it answers."""
    cited = rows.cited  # set by link.link_commitments before any evidence is gathered
    if not cited:
        return
    units_of: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))  # doc -> item -> rows
    asks_of: dict[str, list[int]] = defaultdict(list)
    for r in sorted(range(len(rows.commitments)), key=lambda r: (rows.commitments[r].char_start,
                                                                  rows.commitments[r].commitment_id)):
        c = rows.commitments[r]
        units_of[c.doc_id][c.item_id].append(r)
        if rows.role[r] in ASKING and not only_notes(c.text) and not rows.says_names_only(r):
            asks_of[c.doc_id].append(r)
    for doc in sorted(cited):
        answering = {r for unit in units_of.get(doc, {}).values() for r in unit
                     if rows.role[r] in ANSWERING and not tells_of_the_report(rows.commitments[r].text)}
        units = [unit for unit in units_of.get(doc, {}).values() if any(r in answering for r in unit)]
        for asked in sorted(cited[doc]):
            asks = asks_of.get(asked, [])
            if len(units) * len(asks) > MAX_CELLS or min(len(units), len(asks)) < MIN_ALIGNED:
                continue
            for unit, ask in _aligned_in_blocks(rows, units, asks):
                for r in unit:
                    if r in answering:
                        yield r, ask, "order", ORDER_SCORE
                    elif rows.role[r] in ASKING and vocabulary_pattern("quotes_ask").search(rows.commitments[r].text):
                        yield r, ask, "restatement", ORDER_SCORE


def tells_of_the_report(text: str) -> bool:
    """Whether a reply paper's paragraph only tells of the paper it answers, and so answers none of its asks.

    A response report opens with background ("The Committee published the report of its inquiry on 17
    January 2024.  The report made seven recommendations …"): it is in order before the answers, and a
    little like the first or last ask, but it tells of the asks.  One that decides on them answers.

    >>> tells_of_the_report("The Select Committee published the report of its inquiry on 17 January 2024. "
    ...                     "The report made seven recommendations to the Executive.")
    True
    >>> tells_of_the_report("At its meeting on 13 May the Panel considered the report of its task group.")
    True
    >>> tells_of_the_report("The Cabinet considered the Panel's report and accepted all of its recommendations.")
    False
    >>> tells_of_the_report("A register of 31 locations was published on the Council's website on 2 April 2024.")
    False
    """
    return bool(vocabulary_pattern("tells_of_the_report").search(text)) and \
        not vocabulary_pattern("decides_on_asks").search(text)


def _aligned_in_blocks(rows: Rows, units: list[list[int]], asks: list[int]) -> list[tuple[list[int], int]]:
    """The best alignment, then the best of what it left: a reply may take one list of asks before another
    (the information asked for, then the recommendations), and each run of asks is answered in order."""
    pairs: list[tuple[list[int], int]] = []
    for _ in range(ALIGNMENT_PASSES):
        taken_units = {id(unit) for unit, _ in pairs}
        taken_asks = {ask for _, ask in pairs}
        left_units = [unit for unit in units if id(unit) not in taken_units]
        left_asks = [ask for ask in asks if ask not in taken_asks]
        if min(len(left_units), len(left_asks)) < MIN_ALIGNED:
            break
        found = _aligned(rows, left_units, left_asks)
        if len(found) < MIN_ALIGNED:
            break
        pairs += found
    # A point-by-point reply is mostly replies: two paragraphs of a long update that happen to
    # follow the order of a cited paper's two asks are not one.
    return pairs if len(pairs) >= MIN_SHARE_ALIGNED * len(units) else []


def _aligned(rows: Rows, units: list[list[int]], asks: list[int]) -> list[tuple[list[int], int]]:
    """The (paragraph, ask) pairs of the best monotone alignment, each pair at least ALIGN_MIN_SIMILARITY alike."""
    index = rows.text_index  # link_similarity.fit_text_index's, over every row of the block
    n, m = len(units), len(asks)
    similarity = np.zeros((n, m))
    for i, unit in enumerate(units):
        for r in unit:  # a paragraph is as like an ask as its closest sentence
            similarity[i] = np.maximum(similarity[i], index.pair_similarity(np.full(m, r), np.asarray(asks)))
    closest = similarity.max(axis=1, keepdims=True)
    gain = np.where((similarity >= ALIGN_MIN_SIMILARITY) & (similarity >= closest), similarity, 0.0)
    # best[i, j]: the best total over the first i paragraphs and the first j asks
    best = np.zeros((n + 1, m + 1))
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best[i, j] = max(best[i - 1, j], best[i, j - 1], best[i - 1, j - 1] + gain[i - 1, j - 1])
    pairs, i, j = [], n, m
    while i > 0 and j > 0:
        if gain[i - 1, j - 1] > 0 and best[i, j] == best[i - 1, j - 1] + gain[i - 1, j - 1]:
            pairs.append((units[i - 1], asks[j - 1]))
            i, j = i - 1, j - 1
        elif best[i, j] == best[i - 1, j]:
            i -= 1
        else:
            j -= 1
    return _with_shared_asks(units, asks, similarity, gain, pairs[::-1])


def _with_shared_asks(units: list[list[int]], asks: list[int], similarity: np.ndarray, gain: np.ndarray,
                      pairs: list[tuple[list[int], int]]) -> list[tuple[list[int], int]]:
    """`pairs` (in order) and the left-out paragraphs that answer an aligned ask too: in order, and plainly its."""
    at_unit = {id(unit): i for i, unit in enumerate(units)}
    at_ask = {ask: j for j, ask in enumerate(asks)}
    taken = {at_unit[id(unit)]: at_ask[ask] for unit, ask in pairs}
    out = dict(taken)
    for i in range(len(units)):
        if i in taken or not gain[i].any() or len(asks) < 2:
            continue
        j = int(np.argmax(gain[i]))
        runner_up = np.partition(similarity[i], -2)[-2]
        in_order = all(tj <= j if ti < i else tj >= j for ti, tj in taken.items())
        if j in taken.values() and in_order and similarity[i, j] >= SHARED_ASK_MARGIN * runner_up:
            out[i] = j
    return [(units[i], asks[j]) for i, j in sorted(out.items())]
