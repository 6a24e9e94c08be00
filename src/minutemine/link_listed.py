"""Listed public questions: each meeting's questions are its own.

Minutes list the public questions received ("01 & 02 | Melissa Topping | Making Bristol the
UK's most accessible city"); extraction makes the one the minutes take up (under "Q1 & Q2 –
Melissa Topping") a request by its asker, quoting its row (see `extract_forum.question_request`),
and the replies under the heading answer it.  A resident who asks again at a later meeting
asks a new question: the two rows share the asker's name and often a topic ("Transport
issues"), which text similarity reads as one ask restated.  A restatement between listed
questions of two papers is dropped; the later question stays a request of its own, answered
(or not) by the replies its own meeting records.
"""

from __future__ import annotations

from .answer_cues import is_person_name
from .link_rows import Candidate, Rows
from .models import Commitment

PUBLIC_QUESTION_MODALITY = "asks"  # what extract_forum.question_request records for a public question


def is_public_question(c: Commitment) -> bool:
    """A request a member of the public put to a meeting (a listed or headed forum question).

    >>> row = Commitment(commitment_id="d/6#11/c1", doc_id="d", item_id="d/6#11", kind="request",
    ...                  text="01 & 02 | Melissa Topping | Making Bristol accessible", actor="Melissa Topping",
    ...                  modality="asks")
    >>> is_public_question(row), is_public_question(row.model_copy(update={"actor": "Transport Committee"}))
    (True, False)
    """
    return c.kind == "request" and c.modality == PUBLIC_QUESTION_MODALITY and is_person_name(c.actor)


def drop_restated_public_questions(rows: Rows, candidates: dict[int, list[Candidate]]) -> dict[int, list[Candidate]]:
    """The candidates without restatements between public questions of different papers."""
    out: dict[int, list[Candidate]] = {}
    for source, cands in candidates.items():
        asked = rows.commitments[source]
        if not is_public_question(asked):
            out[source] = cands
            continue
        out[source] = [c for c in cands if not (
            c.method == "restatement" and is_public_question(rows.commitments[c.target])
            and rows.commitments[c.target].doc_id != asked.doc_id)]
    return out
