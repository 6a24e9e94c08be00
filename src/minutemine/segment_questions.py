"""Segment: the lines of a question printed in full (public and members' questions to council).

    Question 1 – Brookside Park toilets     a question's heading (segment_tree places it)
    Asked by a resident of Brookside ward   a byline: a line of the question, never a heading
    "… Will the Mayor explain why …?"       the question itself: kind `question`, its reply nests under it
    Mayor's Response / …                    the reply (headings.jsonl, role `response`)
    Supplementary question / "…?" / Reply   a follow-up: stays inside the question it follows

The wordings are data (patterns/headings.jsonl, kinds `byline` and `asks`, and the level-2
question and response headings); the tests for a line are small pure functions.
"""

from __future__ import annotations

import re

from .segment import ASK_HEADING_STYLES, Node, _patterns

FOLLOW_UP = re.compile(r"^\W*(?:supplementary|follow[- ]up|further)\b", re.I)  # a question put after the reply to another
INLINE_FOLLOW_UP = re.compile(r"^\W*(?:supplementary|follow[- ]up|further)\s+question\s*[:–—-]\s*\S", re.I)
BYLINE_MAX_WORDS = 16
_QUOTE_OPENS = "\"“‘'"
_ASKS = re.compile(r"\?(?=[\s\"”’')]|$)")
_REPLY_OPENS = re.compile(r"^\W*(?:[\w'’]+\s+){0,2}?(?:response|answer|reply)\s*:|^A\d{1,3}[.:)]", re.I)


def question_byline(text: str) -> tuple[str, str] | None:
    """(who asks, whom) as a question's byline or heading names them, else None.

    >>> question_byline("Asked by a resident of Brookside ward")
    ('a resident of Brookside ward', '')
    >>> question_byline("Question from Councillor Jane Smith to the Cabinet Member for Housing")
    ('Councillor Jane Smith', 'Cabinet Member for Housing')
    >>> question_byline("The question was asked by many residents."), question_byline(
    ...     "Asked by the Chair whether the scheme would go ahead, the Director said that it would be reviewed.")
    (None, None)
    """
    clean = " ".join(text.split())
    if len(clean.split()) > BYLINE_MAX_WORDS:
        return None  # a sentence that opens "Asked by …", not a line naming the questioner
    for row in _patterns("headings.jsonl"):
        if row.get("asker") and (m := row["regex"].match(clean)):
            addressee = re.sub(r"^the\s+", "", m["addressee"] or "", flags=re.I)
            return m["asker"].rstrip(" ,"), addressee
    return None


def replies_inline(text: str) -> bool:
    """A paragraph that opens with its reply label: "Response: There were 212 births …", "A1. We inspected …".

    >>> replies_inline("Reply: Twelve new trees will be planted."), replies_inline("Replies were mixed.")
    (True, False)
    """
    return bool(_REPLY_OPENS.match(" ".join(text.split())))


def asks_in_full(text: str) -> bool:
    """Whether a paragraph printed under a question's heading is the question itself: in quotes, or
    holding a question mark or asking wording (patterns/headings.jsonl, kind "asks").  A reply
    printed straight under the heading ("Response: …", "A1. …", "The records are attached.") is not.

    >>> asks_in_full('"The toilets have been locked since November. Will the Mayor explain why?"')
    True
    >>> asks_in_full("I would like to know whether the council will do the same."), asks_in_full("Please confirm the date.")
    (True, True)
    >>> asks_in_full("Response: There were 212 births."), asks_in_full("The records are attached.")
    (False, False)
    """
    clean = " ".join(text.split())
    if not clean or _REPLY_OPENS.match(clean):
        return False
    if clean[0] in _QUOTE_OPENS or _ASKS.search(clean):
        return True
    return any(row["regex"].search(clean) for row in _patterns("headings.jsonl") if row["kind"] == "asks")


def awaits_its_question(holder: Node) -> bool:
    """Whether a paragraph placed under `holder` may be the question printed in full: the holder is a
    question's heading ("Question 1 – Brookside Park toilets", "Supplementary question") that is not a
    question itself ("Q1. How many homes were inspected?") and has no reply under it yet."""
    if holder.answered or holder.block is None:
        return False
    if holder.role == "labelled":
        return holder.style in ASK_HEADING_STYLES and not holder.block.bulleted \
            and not holder.label.rest.rstrip().rstrip("\"”’'").endswith("?")
    paired = holder.role == "section" and (holder.block.known or {}).get("level") == 2
    return paired and holder.list_role in ("question", "request")
