"""A question and its answer minuted in one sentence, split into a request and an assurance;
an "(ACTION: …)" note split from the point it answers; and an answer that goes on "… and
officers would provide that information" split into its two undertakings.

"in terms of how long it was envisaged that the Statutory Direction would remain in force,
the Assistant Director advised that it would remain in place…" holds what members asked
and what they were told (corpus/gold/GUIDE.md: two commitments); so does "In response to a
question concerning the recording of meetings, the Town Clerk advised …" (seen on real
minutes), an answer that carries its own question and so answers no point before it.  The
wording that marks the split is data (patterns/lead_ins.jsonl, kind `asked_and_answered`).
Minutes are split whatever a row's kind; other papers only where the row is an answer.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .cues import first_cue
from .extract_paper import Context, Paper
from .extract_rows import make_commitment
from .models import Commitment, Item
from .nlp import kind_regexes


def asked_and_answered(text: str) -> tuple[int, int] | None:
    """(end of the question, start of the answer) when one sentence holds both, else None.

    >>> t = "in terms of how long the Direction would remain in force, the Assistant Director advised that it would."
    >>> q_end, a_start = asked_and_answered(t); t[:q_end], t[a_start:a_start + 22]
    ('in terms of how long the Direction would remain in force', 'the Assistant Director')
    >>> t = "In response to a question concerning the hire of the hall, the Town Clerk advised that it was free."
    >>> q_end, a_start = asked_and_answered(t); t[:q_end], t[a_start:a_start + 14]
    ('In response to a question concerning the hire of the hall', 'the Town Clerk')
    >>> asked_and_answered("The Assistant Director advised that it would remain in place.") is None
    True
    """
    return _ask_and_answer("lead_ins", "asked_and_answered", text)


def answered_in_sentence(text: str) -> tuple[int, int] | None:
    """(end of the ask, start of its answer) when an ask is answered in its own sentence, else None.

    >>> t = "The Chair asked Members if they wished to visit the site but there was no support for a visit."
    >>> q_end, a_start = answered_in_sentence(t); t[:q_end], t[a_start:]
    ('The Chair asked Members if they wished to visit the site', 'but there was no support for a visit.')
    >>> answered_in_sentence("The Chair asked Members if they wished to visit the site.") is None
    True
    """
    return _ask_and_answer("minuted", "answered_in_sentence", text)


def _ask_and_answer(patterns: str, kind: str, text: str) -> tuple[int, int] | None:
    """(end of group "ask", start of group "answer") of the first of the kind's patterns that matches."""
    for regex in kind_regexes(patterns, kind):
        m = regex.match(text)
        if m:
            return m.end("ask"), m.start("answer")
    return None


_ACTION_NOTE = re.compile(r"\(\s*ACTION\s*:")  # "(ACTION: PCO to arrange Members’ briefing sessions.)"


def action_note_at(text: str) -> int | None:
    """Where a minuted "(ACTION: …)" note starts after the point it acts on, else None.

    >>> action_note_at("There had been a Member request for a briefing. (ACTION: PCO to arrange briefing sessions.)")
    48
    >>> action_note_at("Officers confirmed the dates. (ACTION: EP)") is None
    True
    """
    m = _ACTION_NOTE.search(text)
    if m is None or m.start() == 0 or sum(w.isalpha() for w in text[m.end():].split()) < 3:
        return None  # "(ACTION: EP)" only names who acts on the sentence before
    return m.start()


# ", and officers would provide that information", "and officers have initiated the procurement process"
_SECOND_UNDERTAKING = re.compile(r",?\s+and\s+(?=(?:the\s+)?(?:[Oo]fficers|Chair)\s+(?:have|has|would|will|agreed|undertook)\b)")


def second_undertaking_at(text: str) -> tuple[int, int] | None:
    """(end of the first answer, start of the second) when an answer goes on with officers
    undertaking something more, else None.

    >>> t = "Officers confirmed the recruitment to two posts and officers would provide that information."
    >>> first_end, second = second_undertaking_at(t); t[:first_end], t[second:]
    ('Officers confirmed the recruitment to two posts', 'officers would provide that information.')
    >>> second_undertaking_at("Officers and the Chair would review it.") is None
    True
    """
    m = _SECOND_UNDERTAKING.search(text)
    return (m.start(), m.end()) if m and m.start() >= 20 else None


def split_asked_and_answered(paper: Paper, item: Item, rows: list[Commitment], sdoc: Doc,
                             base: int) -> list[Commitment]:
    """The item's rows with every question-and-answer row split in two, numbered again in order."""
    if not (paper.is_minutes or paper.is_update or any(row.kind == "assurance" for row in rows)):
        return rows
    out: list[Commitment] = []
    for row in rows:
        start, end = row.char_start - base, row.char_end - base
        text = sdoc.text[start:end] if 0 <= start < end <= len(sdoc.text) else ""
        found = asked_and_answered(text) if text and (paper.is_minutes or row.kind == "assurance") else None
        note = action_note_at(text) if text and not found and (paper.is_minutes or paper.is_update) else None
        if note is not None:  # the undertaking minuted under a point is an answer of its own
            found = (len(text[:note].rstrip()), note)
        elif text and not found and row.kind == "assurance" and (paper.is_minutes or paper.is_update) \
                and second_undertaking_at(text):
            note = 0  # "Officers confirmed … and officers would provide that information": two answers
            found = second_undertaking_at(text)
        elif text and not found and row.kind == "request" and paper.is_minutes and answered_in_sentence(text):
            note = 0  # "… asked Members if … but there was no support": the ask stays, the refusal answers it
            found = answered_in_sentence(text)
        ask = sdoc.char_span(start, start + found[0], alignment_mode="contract") if found else None
        answer = sdoc.char_span(start + found[1], end, alignment_mode="contract") if found else None
        if ask is None or answer is None or not len(ask) or not len(answer):
            out.append(row)
            continue
        if note is not None:
            out.append(row.model_copy(update={"text": " ".join(ask.text.split()), "char_end": base + ask.end_char}))
        else:
            # the one who answers is the one who was asked
            asked = row.actor if row.kind == "assurance" and row.actor else "Officers"
            out.append(make_commitment(paper, item, 0, ask, base, "request", None, Context(
                modality="asks", actor=paper.committee, addressee=asked)))
        out.append(make_commitment(paper, item, 0, answer, base, "assurance", first_cue(answer, weak_ok=True),
                                   Context(addressee=row.addressee if note is not None else paper.committee)))
    if len(out) == len(rows):
        return rows
    return [row.model_copy(update={"commitment_id": f"{item.item_id}/c{n}"}) for n, row in enumerate(out, 1)]
