"""Asks in minutes that carry no request cue of their own.

Three layouts a reader of any council's minutes knows (issue #4):

* a lead-in whose items finish its ask: "… and that the Cabinet Member be asked: (a) to consider …;
  (b) to allow …" (a call-in), or "Members raised further questions, which the Director agreed to
  answer in writing: - whether …" — each item is a request by the committee to the one named, and
  the lead-in itself is no row (its substance is its items);
* a resolution item in the subjunctive naming an officer: "(c) officers circulate the plan",
  "(d) the Scrutiny Officer arrange a visit" — the committee asks that officer to act;
* a reply in the same paragraph as the question, with a reporting verb that is no cue on its own:
  "A resident asked when the works would start. The Head of Regeneration said that work …".
"""

from __future__ import annotations

import re

from .extract_paper import Context, Paper

ASKED_IN_LEAD_IN = "asked in lead-in"  # modality of the items under a lead-in that asks (their item kind is overridden)

# "… and that the Cabinet Member be asked:", "That the Director be requested to:"
_BE_ASKED = re.compile(r"(?:^|\bthat\s+|[,;]\s*)(?P<who>(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:of|for|and|the|[A-Z][\w'’&-]*))*?|"
                       r"officers)\s+be\s+(?:asked|requested|invited)(?:\s+to)?\s*[:–-]\s*$")
# "Members raised further questions, which the Director of Adult Social Care agreed to answer in writing:"
_QUESTIONS_TO_ANSWER = re.compile(
    r"(?i)\bquestions?\b[^.:]*?\bwhich\s+(?P<who>(?:the\s+)?[A-Z][^.:]*?)\s+(?:agreed|undertook|promised|offered)\s+to\s+"
    r"(?:answer|respond\s+to|reply\s+to|provide\s+(?:written\s+)?answers)\b[^.]*:\s*$")

_ROLE = r"(?:Officers?|Director|Head|Manager|Clerk|Executive|Member|Holder|Leader|Lead|Chair|Secretary|Adviser|Advisor)"
_TITLE_WORD = r"[A-Z][\w'’&-]*"
# "officers circulate …", "the Scrutiny Officer arrange …", "the Director of Public Health provide …"
_OFFICER_SUBJUNCTIVE = re.compile(
    rf"^\s*(?:that\s+)?(?P<who>[Oo]fficers|(?:the\s+)?(?:{_TITLE_WORD}\s+)*?{_ROLE}"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_TITLE_WORD}(?:\s+(?:and\s+|&\s+)?{_TITLE_WORD})*)?)\s+(?P<verb>[a-z]+)\b")
_NOT_BARE_VERBS = {"be", "is", "are", "was", "were", "will", "would", "should", "shall", "may", "might", "must", "can",
                   "could", "has", "have", "had", "do", "does", "did", "to", "and", "or", "of", "for", "in", "on", "at",
                   "with", "who", "which", "that", "also", "not"}

# "The Head of Waste Services said that …", "The Cabinet Member replied\nthat …": a named speaker's answer
_SPEAKER_SAYS = re.compile(rf"^\s*(?P<who>(?:The\s+|the\s+)?(?:{_TITLE_WORD}\s+){{0,3}}(?:{_ROLE}|Officers?|Councillor\s+{_TITLE_WORD})"
                           rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_TITLE_WORD}(?:\s+(?:and\s+|&\s+)?{_TITLE_WORD})*)?)"
                           r"\s+(?:said|replied|responded|answered|explained|advised|stated|added|indicated)\s+that\b")


def items_asked(text: str, paper: Paper) -> Context | None:
    """The request context a lead-in gives the items that finish its ask, or None.

    >>> from types import SimpleNamespace as N
    >>> paper = N(committee="Scrutiny Committee", decider="Scrutiny Committee", canonical=lambda s: s)
    >>> items_asked("RESOLVED - That the decision be referred back, and that the Cabinet Member be asked:", paper)
    Context(kind='request', modality='asked in lead-in', actor='Scrutiny Committee', addressee='the Cabinet Member')
    >>> items_asked("Members asked further questions, which the Head of Housing agreed to answer in writing:", paper)
    Context(kind='request', modality='questions', actor='Scrutiny Committee', addressee='the Head of Housing')
    >>> items_asked("RESOLVED - That:", paper) is None
    True
    """
    text = " ".join(text.split())
    asked = _BE_ASKED.search(text)
    if asked:
        return Context("request", ASKED_IN_LEAD_IN, paper.committee or paper.decider,
                       paper.canonical(asked["who"]) or asked["who"])
    questions = _QUESTIONS_TO_ANSWER.search(text)
    if questions:
        return Context("request", "questions", paper.committee or paper.decider,
                       paper.canonical(questions["who"]) or questions["who"])
    return None


def officer_asked(text: str) -> str:
    """The officer a resolution item in the subjunctive asks to act, or "".

    >>> officer_asked("officers circulate the Trust's recruitment plan;")
    'officers'
    >>> officer_asked("the Scrutiny Officer arrange a visit by members to the depot;")
    'the Scrutiny Officer'
    >>> officer_asked("the Director of Public Health provide the Committee with the audit findings.")
    'the Director of Public Health'
    >>> officer_asked("the report be noted;"), officer_asked("the Director's report be noted;")
    ('', '')
    >>> officer_asked("the Head of Planning will attend the next meeting;"), officer_asked("officers reported that …")
    ('', '')
    """
    found = _OFFICER_SUBJUNCTIVE.match(" ".join(text.split()))
    if not found:
        return ""
    verb = found["verb"]
    if verb in _NOT_BARE_VERBS or verb.endswith(("ed", "ing")) or verb.endswith("s") and not verb.endswith("ss"):
        return ""  # "officers reported", "the Director attends": a statement, not an ask
    return found["who"]


def reply_speaker(text: str) -> str:
    """Who answers in a sentence where a named speaker replies ("The Head of Regeneration said that …"), or "".

    >>> reply_speaker("The Head of Regeneration said that work was expected to begin in January.")
    'The Head of Regeneration'
    >>> reply_speaker("The Cabinet Member replied\\nthat no posts would be lost.")
    'The Cabinet Member'
    >>> reply_speaker("Members said that the scheme was welcome."), reply_speaker("The report said that …")
    ('', '')
    """
    found = _SPEAKER_SAYS.match(" ".join(text.split()))
    return found["who"] if found else ""
