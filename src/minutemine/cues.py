"""Commitment cues found by the pipeline (`doc.spans["cues"]`, from patterns/cues.jsonl), read in context.

A cue's label is the kind of commitment it signals and its id the modality.  `NOT` cues
mark procedure ("On being put to the vote", "seconded by"), which is never a commitment,
and hedges ("could"), which take away an undertaking but not a suggestion or concern.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from .dates import find_dates
from .nlp import CUES_KEY, matches_kind, read_patterns

WEAK_CUES = {"would", "should"}  # cues only inside a request/assurance/discussion context


def cues_in(span: Span, weak_ok: bool = False) -> list[Span]:
    """The cues inside a span, in order, longest first where they overlap; none for procedure.

    >>> from minutemine.nlp import get_nlp
    >>> [c.text for c in cues_in(get_nlp()("Officers will report; it would help.")[:])]
    ['will']
    >>> cues_in(get_nlp()("On being put to the vote the recommendation was CARRIED.")[:])
    []
    """
    found = [c for c in span.doc.spans[CUES_KEY] if c.start >= span.start and c.end <= span.end]
    nots = {c.id_ for c in found if c.label_ == "NOT"}
    if any(c.id_ == "moves" for c in found):
        # "Councillor Self moved an amendment which was seconded by …" proposes (GUIDE: an amendment moved
        # is a recommendation); the seconder's name does not make it a vote line
        nots.discard("")
        found = [c for c in found if c.label_ != "NOT"]
    if nots - {"hedge"}:
        return []  # procedure: "On being put to the vote…", "seconded by"
    if nots:  # "could" hedges an undertaking, not a suggestion or a concern
        hedges = [c for c in found if c.label_ == "NOT"]
        found = [c for c in found if c.label_ != "NOT" and not (
            c.label_ in ("action", "assurance") and any(hedged(h, c) for h in hedges))]
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Span] = []
    for c in found:
        if out and c.start < out[-1].end:
            continue
        if c.id_ in WEAK_CUES and not weak_ok:
            continue
        out.append(c)
    return out


_NEW_CLAUSE = {"which", ";"}  # ", which is scheduled to …" is a clause of its own, out of the hedge's reach


def hedged(hedge: Span, cue: Span) -> bool:
    """The hedge takes away the undertaking unless the undertaking stands in a later relative clause:
    "This could be addressed within the policy, which is scheduled to be presented …" still schedules.

    >>> from minutemine.nlp import get_nlp
    >>> [c.text for c in cues_in(get_nlp()("It could be addressed in the policy, which is scheduled to be presented.")[:])]
    ['is scheduled to']
    >>> cues_in(get_nlp()("Officers could look at it and will report.")[:])
    []
    """
    if cue.start < hedge.start:
        return True
    return not any(t.lower_ in _NEW_CLAUSE for t in hedge.doc[hedge.end:cue.start])


def first_cue(span: Span, weak_ok: bool = False) -> Span | None:
    cues = cues_in(span, weak_ok)
    return cues[0] if cues else None


def decides(sent: Span, cue: Span) -> bool:
    """ "noted"/"approved" decide when they open the sentence ("Approved the…"), follow the
    body that decides ("The Committee … noted the update report"), or are a phrase ("It was agreed")."""
    if cue.start - sent.start <= 3 or " " in cue.text:
        return True
    return any(e.end == cue.start and e.label_ == "ORG" for e in sent.ents)


def remarks(sent: Span, cue: Span) -> bool:
    """ "Members noted that…", "The Committee noted that the following…" record a remark in
    discussion; a resolution opens with its verb ("Noted that the CRSTS schemes follow…").

    >>> from minutemine.nlp import get_nlp
    >>> [remarks(s[:], first_cue(s[:])) for s in map(get_nlp(), ["Members noted that costs rose.", "Noted that the schemes follow the plan."])]
    [True, False]
    """
    return (cue.id_ == "notes" and cue.start > sent.start and cue.end < sent.end
            and sent.doc[cue.end].lower_ == "that")


# what follows a "will"/"will be" cue in "will be brought", "will now be produced", "will need to be assessed"
PASSIVE_UNDERTAKING = re.compile(r"^\s*(?:now |also )?(?:be )?(?:\w+(?:ed|wn|ght|ne|ilt|ent|aken|iven|itten)\b|need to be\b)")


@lru_cache(maxsize=1)
def _progress_regexes() -> list[re.Pattern[str]]:
    return [re.compile(r["regex"]) for r in read_patterns("cues") if r["label"] == "progress" and "regex" in r]


def reports_progress(text: str) -> bool:
    """A sentence saying what has been done ("Work on … has already begun", "Initial engagement
    … took place", "The OBC programme is currently in progress"); in an update report that is
    progress on an earlier decision, an assurance.  Patterns: `label: progress` in cues.jsonl.

    >>> reports_progress("Work on the Supporting Studies workstream has already begun.")
    True
    >>> reports_progress("A Workplace Parking Levy is proposed to reduce congestion.")
    False
    """
    return any(r.search(text) for r in _progress_regexes())


@lru_cache(maxsize=1)
def _report_requested_regexes() -> list[re.Pattern[str]]:
    return [re.compile(r["regex"]) for r in read_patterns("cues") if r["label"] == "report_requested"]


def asks_for_report(text: str) -> bool:
    """A minuted resolution that asks for a report ("That a report on … be brought to the
    Committee in six months"): the committee's request to officers, though no cue word asks.
    Patterns: `label: report_requested` in cues.jsonl.

    >>> asks_for_report("That a report on the number of people who stopped care be brought to the Committee in six months.")
    True
    >>> asks_for_report("That the report be noted.")
    False
    """
    return any(r.search(text) for r in _report_requested_regexes())


def tells_history(text: str, meeting_date: str) -> bool:
    """A sentence dated only years before the meeting tells background, not progress since the last report.

    >>> tells_history("Subsequent discussions took place, but no firm actions were taken until 2021.", "2025-05-15")
    True
    >>> tells_history("Initial engagement took place in November and December 2025.", "2026-03-19")
    False
    """
    ends = [d.iso.split("/")[-1][:4] for d in find_dates(text, meeting_date=meeting_date)]
    return bool(ends and meeting_date) and max(ends) < str(int(meeting_date[:4]) - 1)


def is_procedural_rubric(text: str) -> bool:
    """A paper's standing rules for its own business, which commit no one to anything (patterns/lead_ins.jsonl,
    kind `procedural_rubric`).

    >>> is_procedural_rubric("Under Council Procedure Rule 10 each questioner may ask one supplementary question.")
    True
    >>> is_procedural_rubric("Questions must be received by noon three working days before the meeting.")
    True
    >>> is_procedural_rubric("Under Standing Order 12 the Committee agreed to extend the meeting by 30 minutes.")
    False
    >>> is_procedural_rubric("Officers must be received by the Chair."), is_procedural_rubric("The questioner will be sent a reply.")
    (False, False)
    """
    return matches_kind("lead_ins", "procedural_rubric", " ".join(text.split()))
