"""Ask and answer wordings read from where an item stands, when its own words carry no cue.

`extract.document_commitments` hands every item's rows through `reworded` once the cue-driven
reading (`extract_item.item_commitments`) is done.  It adds or re-kinds rows for wordings real
councils use that a cue word alone cannot tell:

- an audit report's recommendations, phrased "Cards should be cancelled …" / "Management should
  ensure …" under a "Recommendations" heading, are recommendations (a bare "should" elsewhere is
  description);
- the items of a list of recommendations a committee makes ("RESOLVED – That the following
  recommendations be made to Cabinet: 1. That every … be inspected …") are recommendations, though
  only "be" and a participle say so;
- a resolution that asks another body ("… and that Cabinet be asked to consider …") is a request;
- a reply reported in minutes ("The Head of Finance said that …", "The Director explained that …")
  answers the question minuted just before it;
- under a heading that says the paper answers an earlier one ("Matters arising", "Recommendations
  of the Scrutiny Committee", "… following call-in") the sentences that report what was done or
  found are assurances, facts with no cue word included;
- a tracker's management-response cell opening with its verdict ("Agreed.", "Not agreed as
  worded.", "Accepted in part.") is one answer.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .cues import first_cue
from .extract_paper import Context, Paper
from .extract_response import is_rubric, nearest_heading, replies_under_restated_ask, states_fact
from .extract_rows import make_commitment
from .models import Commitment, Item

# "4. RECOMMENDATIONS", "Audit recommendations", "Key recommendations:": a heading over the recommendations
_RECOMMENDATIONS_HEADING = re.compile(
    r"(?i)^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:key|audit|our|detailed|main|summary\s+of|list\s+of)\s+)?"
    r"(?:recommendations|(?:findings|conclusions)\s+and\s+recommendations)"
    r"(?:\s+and\s+(?:agreed\s+)?(?:actions|management\s+responses))?\s*:?\s*$")
_SHOULD = re.compile(r"(?i)\bshould\s+(?:be\s+|also\s+|now\s+|continue\s+to\s+)?[a-z]+")
# "That every house … be inspected", "That the Council write to …": a recommendation as a resolution words it
_THAT_CLAUSE = re.compile(r"^\W*That\s+\S+(?:\s+\S+){2,}")
# "… and that Cabinet be asked to consider …": the resolution asks another body to act
_ASKS_ANOTHER_BODY = re.compile(r"(?i)\bthat\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,6}?\s+be\s+(?:asked|requested)\s+to\b")
# "the Commissioner be asked to provide …" as a resolution's item: the one named is asked
_ASKED_BY_RESOLUTION = re.compile(r"^\W*(?:that\s+)?(?:the\s+)?(?P<who>[A-Z][\w'’-]*(?:\s+(?:of|for|and|&|[A-Z][\w'’-]*)){0,6}?)"
                                  r"\s+be\s+(?:asked|requested|invited)\s+to\b")
# the speaker of a reported reply: an office holder, not "the members who had called it in"
_OFFICE = r"(?:Officer|Head|Director|Manager|Cabinet Member|Portfolio Holder|Leader|Mayor|Chief Executive|Lead|Auditor|Treasurer|Solicitor|Clerk|Engineer|Commissioner|Superintendent|Inspector|Chair)"
_REPORTED_REPLY = re.compile(
    r"^\W*(?:The\s+)?(?:[A-Z][\w'’()-]*\s+|(?:of|for|and|the|&)\s+){0,9}?" + _OFFICE +
    r"(?:\s+(?:of|for|and|the|&)?\s*[A-Z][\w'’()-]*){0,6}\s+(?:also\s+|then\s+|further\s+)?"
    r"(?:said|explained|stated|reported|replied|responded|advised|told\s+(?:members|the\s+\w+))\s+(?:\w+\s+)?that\b")
# headings that say what follows answers an earlier paper's asks
_ANSWERING_HEADING = re.compile(
    r"(?i)\bmatters\s+arising\b|\bactions?\s+arising\b|\brecommendations?\s+(?:of|from|made\s+by)\s+the\b"
    r"|\bfollowing\s+(?:the\s+)?call[\s-]in\b|\bresponse\s+to\s+(?:the\s+)?petition\b")
# a statement of what was done or found: "was sent to all 1,140 landlords on 2 December", "262 HMOs had been inspected"
_DONE = re.compile(r"(?i)\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|nt|un|ne|de)\b")
_PROCEDURE = re.compile(r"(?i)\b(?:presented|introduced|welcomed|thanked|considered|reconsidered|seconded)\b"
                        r"|\b(?:was\s+moved|moved\s+(?:an?|the)\s+(?:amendment|motion|recommendation))\b")
# "There were no matters arising.", "None.": nothing to report
_NOTHING = re.compile(r"(?i)^\W*(?:there\s+(?:were|was|are|is)\s+no\b|none\b|nil\b|no\s+(?:matters|issues|actions)\b)")
# "Decision", "Decisions taken": the heading over a decision notice's decision; "To confirm …", "That …" words it
_DECISION_HEADING = re.compile(r"(?i)^\W*(?:the\s+)?decisions?(?:\s+(?:taken|made|reached))?\s*:?\s*$")
_RESOLUTION = re.compile(r"^\W*(?:To|That)\s+[a-z]+")
_REASONS_HEADING = re.compile(r"(?i)^\W*(?:\d+(?:\.\d+)*\.?\s+)?reasons?\s+for\s+(?:the\s+|this\s+)?decisions?\b")
# the verdict a management response opens with
_VERDICT = re.compile(r"^\W*(?:(?:Not|Partially|Partly)\s+(?i:agreed|accepted|supported)|Agreed|Accepted|Rejected|Noted|Supported|"
                      r"Declined)(?:\s+(?:in\s+part|in\s+principle|as\s+worded))?\s*[.:;–-]")


def states_recommendations(heading: str) -> bool:
    """A heading over a list of recommendations.

    >>> states_recommendations("RECOMMENDATIONS"), states_recommendations("4. Audit recommendations:")
    (True, True)
    >>> states_recommendations("Conclusions and recommendations"), states_recommendations("Summary of recommendations")
    (True, True)
    >>> states_recommendations("Recommendation to the Committee"), states_recommendations("Background")
    (False, False)
    """
    return bool(_RECOMMENDATIONS_HEADING.match(heading.strip()))


def asks_another_body(text: str) -> bool:
    """A resolution that asks another body to act is a request, whatever else it resolves.

    >>> asks_another_body("RESOLVED - That the decision be referred back, and that Cabinet be asked to consider opening it.")
    True
    >>> asks_another_body("RESOLVED - That the report be noted.")
    False
    """
    return bool(_ASKS_ANOTHER_BODY.search(text))


def reports_reply(text: str) -> bool:
    """A reply reported in minutes: an office holder "said/explained/replied that …".

    >>> reports_reply("The Head of Parks said that the gates were locked at dusk.")
    True
    >>> reports_reply("The Director of Adult Social Care explained that the waiting list had fallen.")
    True
    >>> reports_reply("The members who had called the decision in said that the toilets were needed.")
    False
    """
    return bool(_REPORTED_REPLY.match(text))


def answers_earlier_paper(heading: str) -> bool:
    """A heading that says the paragraphs under it answer an earlier paper's asks.

    >>> answers_earlier_paper("Matters arising from the meeting of 4 March 2025")
    True
    >>> answers_earlier_paper("LIBRARY OPENING HOURS: RECOMMENDATIONS OF THE PLACE SCRUTINY PANEL")
    True
    >>> answers_earlier_paper("Recommendations")
    False
    """
    return bool(_ANSWERING_HEADING.search(heading))


def opens_with_verdict(text: str) -> bool:
    """A management response that opens with its verdict on the recommendation.

    >>> opens_with_verdict("Agreed in part. Limits were cut on 12 cards."), opens_with_verdict("Not agreed as worded. The rules allow it.")
    (True, True)
    >>> opens_with_verdict("Noted. The hours will be reviewed."), opens_with_verdict("Not supported - it costs too much.")
    (True, True)
    >>> opens_with_verdict("Agreed to circulate the list."), opens_with_verdict("Accepted practice is to wait.")
    (False, False)
    >>> opens_with_verdict("Noted that the schemes follow the plan.")
    False
    """
    return bool(_VERDICT.match(text))


def reworded(paper: Paper, items: list[Item], i: int, sdoc: Doc, base: int, rows: list[Commitment],
             before: list[Commitment]) -> list[Commitment]:
    """Item i's rows, with the wordings of this module's docstring read; `before` are the paper's rows so far."""
    item = items[i]
    text = item.text  # the item's own words as segment tidied them: a str already, where `text` is rebuilt per call
    if rows and paper.is_minutes and any(r.kind == "decision" and asks_another_body(r.text) for r in rows):
        return [r.model_copy(update={"kind": "request", "modality": "requests"})
                if r.kind == "decision" and asks_another_body(r.text) else r for r in rows]
    if paper.is_minutes and any(r.kind == "request" and _ASKED_BY_RESOLUTION.match(r.text) for r in rows):
        # "(b) the Commissioner be asked to provide …": the body resolving asks the one it names, not the reverse
        rows = [r.model_copy(update={"actor": paper.decider, "addressee": paper.canonical(m["who"])})
                if r.kind == "request" and (m := _ASKED_BY_RESOLUTION.match(r.text)) else r for r in rows]
    if item.kind in ("paragraph", "recommendation") and opens_with_verdict(text):
        # whatever the cues read in it; "Recommendation 4 – Noted. …" is the answer printed under the number it answers
        return [_whole(paper, item, sdoc, base, "assurance", "responds")]
    heading = nearest_heading(items, _positions(items), i)
    if not rows and item.kind == "paragraph" and _DECISION_HEADING.match(heading) and _RESOLUTION.match(text):
        return [_whole(paper, item, sdoc, base, "decision", "resolved")]  # "Decision" / "To confirm the decision of …"
    if paper.responds and not paper.is_minutes and replies_under_restated_ask(items, _positions(items), i):
        # "Recommendation 2" / its text / "The Council accepts this recommendation in part. Operators are …"
        return _sentences(paper, item, sdoc, base, [_as_answer(r) for r in rows], _says_something)
    if paper.responds and not paper.is_minutes and not _under_answering_heading(items, i) and _prose(items, i) \
            and not is_rubric(heading):
        # the body of a paper that answers another: its facts and promises are candidate answers; the reasons
        # given for a decision taken in answer answer it, whatever they state
        answers = _says_something if _REASONS_HEADING.match(heading) else lambda s: states_fact(s, paper.abbreviations)
        return _sentences(paper, item, sdoc, base, [_as_answer(r) for r in rows], answers)
    if rows and not _under_answering_heading(items, i):
        return rows
    if item.kind not in ("paragraph", "bullet", "recommendation") or not text.strip():
        return rows
    if item.kind == "recommendation" and "recommend" in _parent_text(items, i).lower() and _THAT_CLAUSE.match(text):
        return [_whole(paper, item, sdoc, base, "recommendation", "recommends")]
    if _SHOULD.search(text) and any(map(states_recommendations, [heading, *_ancestor_headings(items, i).splitlines()])):
        return [_whole(paper, item, sdoc, base, "recommendation", "recommends")]
    if item.kind == "recommendation":
        return rows
    if paper.is_minutes and reports_reply(text) and before and i and before[-1].item_id == items[i - 1].item_id \
            and before[-1].kind == "request":
        return _sentences(paper, item, sdoc, base, rows, lambda s: True)  # the reply to the question just minuted
    if _under_answering_heading(items, i):
        if "arising" in _ancestor_headings(items, i).lower():
            return _sentences(paper, item, sdoc, base, rows, _reports_something)
        if paper.is_minutes:  # a minute titled with another body's recommendations records the response
            return _sentences(paper, item, sdoc, base, rows, _states_what_was_done)
    return rows


def _reports_something(sent: Span) -> bool:
    """A matter arising reports something, unless it says there is nothing to report."""
    return len(sent) > 3 and not _NOTHING.match(sent.text) and not _PROCEDURE.search(sent.text)


def _prose(items: list[Item], i: int) -> bool:
    """A report's prose: a bullet, a numbered paragraph or one under a section's title (not the debris
    of a table, whose cells come out as unnumbered paragraphs under the table's caption)."""
    item, at = items[i], _positions(items).get(items[i].parent_id)
    return item.kind == "bullet" or item.kind == "paragraph" and bool(
        item.label or at is not None and items[at].kind == "section")


def _says_something(sent: Span) -> bool:
    return sum(t.is_alpha for t in sent) >= 4 and sent.text.rstrip().endswith((".", ";", ")"))


def _states_what_was_done(sent: Span) -> bool:
    text = sent.text
    if _PROCEDURE.search(text):
        return False  # "The Cabinet Member presented the report …", "The Chair welcomed the response."
    return reports_reply(text) or bool(_DONE.search(text) and re.search(r"\d", text))


def _as_answer(row: Commitment) -> Commitment:
    """An undertaking in a paper that answers another is given in answer."""
    return row.model_copy(update={"kind": "assurance"}) if row.kind == "action" else row


def _whole(paper: Paper, item: Item, sdoc: Doc, base: int, kind: str, modality: str) -> Commitment:
    cue = first_cue(sdoc[:])
    return make_commitment(paper, item, 1, sdoc[:], base, kind, cue if cue is not None and cue.label_ == kind else None,
                           Context(modality=modality))


def _sentences(paper: Paper, item: Item, sdoc: Doc, base: int, rows: list[Commitment], answers) -> list[Commitment]:
    """Every sentence that answers becomes an assurance; sentences the cues already read keep their row."""
    kept = {r.char_start: r for r in rows}
    out: list[Commitment] = []
    for sent in sdoc.sents:
        start = base + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        row = kept.get(start)
        if row is not None:
            out.append(row.model_copy(update={"commitment_id": f"{item.item_id}/c{len(out) + 1}"}))
        elif answers(sent) and not sent.text.rstrip().endswith(":"):
            out.append(make_commitment(paper, item, len(out) + 1, sent, base, "assurance", None,
                                       Context(modality="replies", addressee=paper.committee)))
    return out


# the last paper's items, their count and each item_id's index: one dict per paper, not a scan per item
_positions_of: list = [None, -1, {}]


def _positions(items: list[Item]) -> dict[str, int]:
    if _positions_of[0] is not items or _positions_of[1] != len(items):
        _positions_of[:] = [items, len(items), {it.item_id: n for n, it in enumerate(items)}]
    return _positions_of[2]


def _parent_text(items: list[Item], i: int) -> str:
    at = _positions(items).get(items[i].parent_id)
    return items[at].text if at is not None else ""


def _ancestor_headings(items: list[Item], i: int, depth: int = 3) -> str:
    """The texts of the item's nearest ancestors that are short enough to be headings, newline-joined."""
    texts, at, positions = [], i, _positions(items)
    for _ in range(depth):
        at = positions.get(items[at].parent_id)
        if at is None:
            break
        if len(items[at].text) <= 160:
            texts.append(items[at].text)
    return "\n".join(texts)


def _under_answering_heading(items: list[Item], i: int) -> bool:
    return any(answers_earlier_paper(t) for t in _ancestor_headings(items, i).splitlines())
