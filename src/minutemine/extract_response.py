"""Papers that answer another paper, read as a careful reader does.

A paper that says it answers another ("This report sets out the Cabinet's response to the
petition", "Response to petition", "Executive response to the scrutiny review", "follow-up of
the recommendations", "as the Committee asked") states its answers in plain sentences: "The
Cabinet Member met the lead petitioner and four members…" answers an invitation with no cue
word.  In such a paper every factual sentence of the body is a candidate answer, and linking
decides what (if anything) it answers.  The report's standard sections (purpose, summary, its
own recommendations, the implications rubric, background papers, contact officer) recount or
describe, and answer nothing.

Patterns: `patterns/response_papers.jsonl` (`responds`, `rubric`, `accepts_with_exceptions`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from . import actors
from .extract_paper import Context, Paper
from .extract_reply import answer_heading, is_heading_line
from .extract_rows import make_commitment
from .models import Commitment, Document, Item
from .nlp import matches_kind

OPENING_CHARS = 1500  # a paper's title block and the first paragraph of its summary
_TITLE_MAX_CHARS = 120
# "This report sets out …", "The appendix lists …": what the paper is, not what it answers
_DESCRIBES_PAPER = re.compile(r"(?i)^\W*(?:this|the|our)\s+(?:[\w'’]+\s+)?(?:report|paper|document|letter|note|response|"
                              r"appendix|annex|table)\b")
# "The Cabinet Member presented the report.", "The Chair thanked …": how the meeting ran; "The Panel considered
# the hours on 4 February and made five recommendations", "The Council received a petition": the ask recounted
_PROCEDURE = re.compile(r"(?i)\b(?:presented|introduced|welcomed|thanked|seconded|considered|received|discussed|debated|"
                        r"referred|made\s+(?:\w+\s+){0,2}recommendations?)\b")
# a sentence that reports an event or a promise, not a standing description ("The pool is the oldest …"):
# a past tense, a perfect, or "will"
_EVENT = re.compile(r"(?i)\b(?:accepts?|agrees?|rejects?|supports?|declines?|notes)\s+(?:with\s+)?(?:this|the|that)\s+"
                    r"recommendation|\b(?:was|were|has|have|had|did|will|shall)\b|\b[a-z]{3,}ed\b|\b(?:met|ran|sent|wrote|made|took|"
                    r"gave|held|paid|found|saw|spent|told|said|began|went|brought|bought|chose|led|left|won|lost|rose|"
                    r"fell|built|kept|sold|heard|became|began|undertook|agreed)\b")
# "The Head of Leisure Services met …", "Officers have written …", "We wrote …": an office or body acts
_OFFICE_OPENS = re.compile(r"^\W*(?:(?:The|Our|Its)\s+)?(?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|&)\s+)?){0,5}?(?:Officers?|Head|"
                           r"Director|Manager|Members?|Holder|Leader|Mayor|Executive|Council|Cabinet|Committee|Panel|"
                           r"Board|Team|Services?|Department|Directorate|Authority|Trust|Chair|Clerk|Auditor|"
                           r"Commissioner)\b|^\W*(?:We|I)\s")
_CAPTION = re.compile(r"^\W*(?:Table|Figure|Fig\.|Chart|Graph|Diagram|Map|Image|Photo(?:graph)?)\s+[A-Z]?\d+[a-z]?\s*[:.–-]\s+\S")


def _any(kind: str, text: str) -> bool:
    return matches_kind("response_papers", kind, text)


def responds_to_another(doc: Document) -> bool:
    """The paper says, in its title block or opening, that it answers another paper's asks.

    >>> def paper(text): return Document(doc_id="d", source_path="r.txt", sha256="0", format="txt", text=text,
    ...                                  lines=[])
    >>> responds_to_another(paper("CABINET\\n\\nRESPONSE TO PETITION: KEEP THE POOL OPEN\\n\\n1. PURPOSE"))
    True
    >>> responds_to_another(paper("1.1 This report sets out the Executive's response to each recommendation."))
    True
    >>> responds_to_another(paper("CABINET\\n\\nLEISURE REVIEW\\n\\n1.1 Responses to the consultation were positive."))
    False
    >>> responds_to_another(paper("Question 3\\nMayor's Response\\nThe bins are emptied weekly."))
    False
    """
    opening = doc.text[:OPENING_CHARS]
    if _any("responds", " ".join(opening.split())):
        return True
    for line in opening.splitlines():
        line = " ".join(line.split())
        if len(line.split()) >= 3 and len(line) <= _TITLE_MAX_CHARS and answer_heading(line):
            return True  # "RESPONSE TO PETITION: …", "Executive response to scrutiny review: …"
    return False


def is_rubric(heading: str) -> bool:
    """A report's standard section, which recounts or describes rather than answers.

    >>> [is_rubric(h) for h in ("1. PURPOSE OF THE REPORT", "5. FINANCIAL IMPLICATIONS", "Legal and risk implications",
    ...                         "Contact: Head of Leisure Services", "3. BACKGROUND", "Progress since July")]
    [True, True, True, True, False, False]
    """
    return _any("rubric", " ".join(heading.split()))


def accepts_with_exceptions(text: str) -> bool:
    """A resolution that accepts a list of recommendations except those the items under it name.

    >>> accepts_with_exceptions("RESOLVED - That the recommendations of the Committee be accepted, save that:")
    True
    >>> accepts_with_exceptions("The Panel's recommendations are agreed, subject to the following:")
    True
    >>> accepts_with_exceptions("RESOLVED - That Cabinet:"), accepts_with_exceptions("That the report be noted.")
    (False, False)
    """
    return _any("accepts_with_exceptions", " ".join(text.split()))


def decision_with_exceptions(paper: Paper, item: Item, sdoc: Doc, base: int, lead_in: Context
                             ) -> tuple[Commitment, Context]:
    """ "RESOLVED – That the recommendations of the Panel be accepted, save that: (a) the second … is not
    accepted …": the lead-in is a decision of its own (it accepts every recommendation its items do not
    name), and the context it hands down makes each item an answer to the one it names.  The body the
    lead-in names is whose recommendations they are; the body that meets decides."""
    answered = lead_in.actor if lead_in.actor != paper.decider else ""
    row = make_commitment(paper, item, 1, sdoc[:], base, "decision", None,
                          Context(lead_in.kind, lead_in.modality, paper.decider, answered))
    return row, Context("assurance", "responds", paper.decider, answered)


_SELF_DESCRIPTION = re.compile(r"(?i)^\W*(?:this|the\s+attached)\s+(?:report|paper|briefing|note|document)\s+(?:also\s+)?"
                               r"(?:sets\s+out|summari[sz]es|describes|presents|outlines|explains|updates|provides)\b")


def recounts_asks(row: Commitment) -> bool:
    """ "This report sets out the Executive's response to … and the information the Group asked for": a paper
    saying what it contains asks nothing, whatever "asked" it recounts (as an answer it stays: it can answer a
    request for a report).

    >>> from minutemine.models import Commitment
    >>> row = Commitment(commitment_id="d/1/c1", doc_id="d", item_id="d/1", kind="request", label_path="1",
    ...                  text="This report sets out the response to the information the Group asked for.")
    >>> recounts_asks(row), recounts_asks(row.model_copy(update={"text": "The Group asked for the figures."}))
    (True, False)
    """
    return row.kind == "request" and bool(_SELF_DESCRIPTION.match(row.text))


def is_caption(text: str) -> bool:
    """A table's or figure's caption ("Table 2: Responses to the Group's requests…") names what follows;
    it asks and answers nothing.

    >>> is_caption("Table 2: Responses to the Group's requests for information (paragraph 4 of its report)")
    True
    >>> is_caption("Figure 3 - Visits by month, 2023/24"), is_caption("Table 1 shows that visits fell. Officers will report.")
    (True, False)
    """
    text = " ".join(text.split())
    return bool(_CAPTION.match(text)) and len(text) <= 200 and not re.search(r"[.;?!]\s+\S", text)


def states_fact(sent: Span, abbreviations: dict[str, str] | None = None) -> bool:
    """A sentence of a response paper's body that can answer: someone (a body or an office, opening
    the sentence or named after "by") did, found, decided or will do something.  A standing
    description, a thing's history with nobody acting ("The consultation ran from May to July"),
    a heading, a question or a description of the paper itself answers nothing.

    >>> from minutemine.nlp import get_nlp
    >>> nlp = get_nlp()
    >>> states_fact(nlp("The Cabinet Member met the lead petitioner and four members at the pool.")[:])
    True
    >>> states_fact(nlp("The Head of Leisure Services wrote to the lead petitioner on 3 May.")[:])
    True
    >>> [states_fact(nlp(t)[:]) for t in ("This report sets out the response.", "Background", "Why was it closed?",
    ...     "The pool is the oldest of the three and costs £410,000 a year.", "The consultation ran from May to July.",
    ...     "The Panel considered the hours on 4 February 2025 and made five recommendations.")]
    [False, False, False, False, False, False]
    """
    text = sent.text.strip()
    return (sum(t.is_alpha for t in sent) >= 5 and text.endswith((".", ";")) and not _DESCRIBES_PAPER.match(text)
            and not _PROCEDURE.search(text) and bool(_EVENT.search(text))
            and (bool(_OFFICE_OPENS.match(text)) or bool(actors.agent_or_subject(sent, abbreviations or {}))))


_HEADING_REACH = 40  # items looked back for a heading printed as a paragraph: a section's length, not a paper's
_ASK_ITEMS = ("recommendation", "request", "question")
_RESTATES = 5  # words: a heading item holding this many words after its label restates the ask itself


def replies_under_restated_ask(items: list[Item], positions: dict[str, int], i: int) -> bool:
    """Item i is a paragraph printed under a numbered ask it replies to: "Recommendation 2" / the
    recommendation's text / the reply.  The first paragraph restates the ask unless the heading item
    already holds it ("Recommendation 2: The Council should …"); the paragraphs after it reply."""
    item = items[i]
    at = positions.get(item.parent_id)
    if item.kind != "paragraph" or at is None or items[at].kind not in _ASK_ITEMS:
        return False
    if len(items[at].text.split()) >= _RESTATES:
        return True
    siblings = [n for n in range(at + 1, len(items)) if items[n].parent_id == item.parent_id]
    return len(siblings) >= 2 and siblings[0] != i


def nearest_heading(items: list[Item], positions: dict[str, int], i: int) -> str:
    """The nearest heading over item i: a heading line printed as a paragraph before it under the same
    parent ("Alternative options considered and rejected"), else a section's title or a numbered heading
    line over it ("1. Introduction")."""
    for n in range(i - 1, max(i - _HEADING_REACH, 0) - 1, -1):
        if items[n].parent_id != items[i].parent_id:
            continue
        if items[n].kind in ("section", "agenda_item"):
            break
        if items[n].kind == "paragraph" and not items[n].label and is_heading_line(items[n].text.strip()):
            return items[n].text.strip()
    at = positions.get(items[i].parent_id)
    while at is not None:
        text = items[at].text.strip()
        if text and (items[at].kind in ("section", "agenda_item") or is_heading_line(text)):
            return text
        at = positions.get(items[at].parent_id)
    return ""
