"""Replies in the asker's order (link_order.py): which paragraphs of a reply paper answer which asks.

Regression tests named after the bug, on tiny fixtures in council wording; the real case is in the
fourth held-out set (tests/test_link_heldout4.py, Kelsham record of decision).
"""

from __future__ import annotations

import numpy as np
from test_link import Paper, run

from minutemine.link_order import ALIGN_MIN_SIMILARITY, _with_shared_asks


def call_in_minute() -> Paper:
    minute = Paper("callin", "2024-10-22", body="Wexcombe Borough Council")
    for label, text in (("a", "to consider keeping the library open on Thursday evenings instead of closing it all "
                              "day on Thursdays;"),
                        ("b", "to allow residents to borrow without a library card during the first three months;"),
                        ("c", "to publish the equality impact assessment of the decision before reconsidering it;")):
        minute.add(label, text, "request", "request")
    return minute


def split_paragraph(paper: Paper, label: str, first: str, second: str) -> None:
    """One paragraph item holding two assurances, as the extractor splits a point's label sentence from its reason."""
    paper.add(label, f"{first} {second}", "paragraph", "assurance")
    whole = paper.commitments.pop()
    paper.commitments += [
        whole.model_copy(update={"commitment_id": f"{whole.commitment_id}a", "text": first,
                                 "char_end": whole.char_start + len(first)}),
        whole.model_copy(update={"commitment_id": f"{whole.commitment_id}b", "text": second,
                                 "char_start": whole.char_end - len(second)})]


def record_of_decision(background: str = "") -> Paper:
    record = Paper("record", "2024-11-27", body="Wexcombe Borough Council")
    record.add("1.1", "On 22 October 2024 the Overview and Scrutiny Committee referred the decision back to me "
                      "with three requests.", "paragraph")
    if background:
        record.add("1.2", background, "paragraph", "assurance")
    record.add("2.2", "On Thursdays the library will open from 12 noon to 8 pm, instead of closing.", "paragraph",
               "assurance")
    split_paragraph(record, "3.1", "Thursday evening opening: I accept the Committee's point.",
                    "Opening from noon into the evening on Thursdays gives residents who work a chance to visit.")
    record.add("3.2", "Borrowing without a card: I have not agreed to three months of borrowing without a card.",
               "paragraph", "assurance")
    record.add("3.3", "The equality impact assessment was published on the Council's website on 4 November 2024.",
               "paragraph", "assurance")
    return record


def test_a_reasons_paragraph_on_a_point_already_decided_above_was_linked_to_nothing():
    """Regression: a record of decision states the decision on point (a) ("2.2 On Thursdays it will open …"), then
    its reasons under the point's name ("3.1 Thursday opening: I accept the Committee's point.").  The alignment took
    each ask once, so 3.1 was left out and its acceptance linked to nothing.  A left-out paragraph, in order, that is
    plainly more like the ask its neighbours took than any other answers it too."""
    linked, _ = run(call_in_minute(), record_of_decision())
    assert linked["c:record/2.2"].answers == "c:callin/a"
    assert (linked["c:record/3.1a"].answers, linked["c:record/3.1a"].answer_method) == ("c:callin/a", "order")
    assert linked["c:record/3.1b"].answers == "c:callin/a"
    assert linked["c:record/3.2"].answers == "c:callin/b"
    assert linked["c:record/3.3"].answers == "c:callin/c"


def test_a_background_paragraph_about_as_like_two_asks_does_not_share_the_ask_of_the_one_after_it():
    """The counter-case (third held-out set, Pellbury: "3.2 The Cabinet Member met the lead petitioner … at the
    pool", 0.23 like "keep the pool open", 0.20 like "meet the petitioners", before "4.1 Brook Street Pool will
    stay open all year", 0.65): a paragraph only a little more like one ask than another is no answer to it;
    one plainly more like it (0.24 against 0.13, the Kelsham reasons paragraph) is."""
    units, asks = [[0], [1], [2]], [10, 11, 12]
    similarity = np.array([[0.23, 0.05, 0.20],   # background: the closest ask only just
                           [0.65, 0.00, 0.05],   # the answer on the point
                           [0.00, 0.37, 0.03]])  # the next point
    gain = np.where((similarity >= ALIGN_MIN_SIMILARITY) & (similarity >= similarity.max(axis=1, keepdims=True)),
                    similarity, 0.0)
    aligned = [(units[1], 10), (units[2], 11)]
    assert _with_shared_asks(units, asks, similarity, gain, aligned) == aligned
    similarity[0] = [0.24, 0.05, 0.13]
    gain[0] = [0.24, 0.0, 0.0]
    assert _with_shared_asks(units, asks, similarity, gain, aligned) == [([0], 10), *aligned]


def test_a_background_paragraph_telling_of_the_asks_answered_the_one_left_unanswered():
    """Regression: a response report's background ("1.1 The Select Committee published the report of its inquiry
    … The report made seven recommendations and asked for information on three further points", held-out set 5)
    was aligned, by order, with the one ask nothing answered, and that ask read as answered.  A paragraph that only
    tells of the paper it answers answers none of its asks; one that decides on them still does."""
    minute = call_in_minute()
    record = Paper("record", "2024-11-27", body="Wexcombe Borough Council")
    record.add("1.1", "The Overview and Scrutiny Committee considered the call-in on 22 October 2024 and made three "
                      "requests: Thursday evening opening, borrowing without a card, and publishing the equality "
                      "impact assessment of the decision.", "paragraph", "assurance")
    record.add("2.1", "Thursday evenings: the library will open on Thursdays from 12 noon to 8 pm, instead of "
                      "closing all day.", "paragraph", "assurance")
    record.add("2.2", "Borrowing without a card: residents may borrow without a library card during their first "
                      "three months of membership.", "paragraph", "assurance")
    linked, _ = run(minute, record)
    assert linked["c:record/1.1"].answers == ""
    assert linked["c:callin/c"].status == "outstanding"
    assert [linked[f"c:record/{n}"].answers for n in ("2.1", "2.2")] == ["c:callin/a", "c:callin/b"]
