"""Papers and sections that answer: what they say is an assurance, facts included.

corpus/gold/GUIDE.md makes "each bullet or sentence of a recorded reply" an assurance, so a
reply is read by its layout, not by cue words ("41 were waiting for the tenant to give
access" answers a request for a breakdown though nothing in it promises):

- an **answer heading** ("Cabinet response", "Response to the Panel's questions",
  "Information requested by the Group", "Update on recommendations") makes every sentence
  under it an assurance, up to the next heading;
- a **reply letter** ("Dear Convener, Thank you for your letter of … I respond to the points
  you raised below") makes every sentence between the salutation and "Yours sincerely" an
  assurance by its signatory, except courtesies ("Thank you for…") and a restated question
  ("You asked how the new hours were set."), which stays a request.

The wordings are data (patterns/lead_ins.jsonl, kinds `answer_heading`, `reply_letter` and
`courtesy`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .cues import first_cue
from .extract_paper import Context, Paper
from .extract_rows import make_commitment
from .models import Commitment, Document, Item
from .nlp import matches_kind
from .segment_questions import question_byline
from .table_columns import RECORD_ANSWER, RECORD_ASK, RECORD_FIELDS
from .table_columns import answer_table_columns  # noqa: F401 (extract reads headers through here)

HEADING_MAX_WORDS = 12  # an unpunctuated line this short is a heading or a label ("Lead: Head of Housing")
LETTER_OPENING_CHARS = 3000  # where a letter says it replies: its first paragraphs
_SALUTATION = re.compile(r"^\s*Dear\b")
_SIGN_OFF = re.compile(r"^\s*(?:Yours\s+(?:sincerely|faithfully|truly)|Kind regards|Best wishes|Regards)\b", re.I)
# "Thank you for the Committee's questions at its meeting …", "I undertook to reply in writing": a letter answering
# what was put to its writer at a meeting, not one it received (the patterns' `reply_letter` wordings)
_ANSWERS_MEETING = re.compile(r"(?i)\bthank you for the (?:\w+['’]s |your )?(?:questions|points|recommendations)\b|"
                              r"\b(?:undertook|promised|agreed|offered) to (?:reply|respond|write|answer)\b[^.]{0,40}\bin writing\b")
# "Recommendation 1 – I agree.": a letter's verdict on a point, said in a sentence of its own
_VERDICT_ALONE = re.compile(r"(?i)^\W*(?:(?:I|we)\s+(?:do\s+not\s+|don['’]t\s+|cannot\s+|partly\s+|partially\s+|fully\s+)?"
                            r"(?:agree|accept|support)|(?:not\s+|partly\s+|partially\s+)?(?:agreed|accepted|supported|"
                            r"rejected|declined|noted))(?:\s+in\s+(?:part|principle|full))?\s*[.:;–—-]?\s*$")
_WRITER_ASKED = re.compile(r"\b(?:I|we)\s+(?:have\s+|had\s+|will\s+|shall\s+)?(?:asked|requested|instructed|commissioned|tasked)\b")
_PERSON_NAME = re.compile(r"^(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Mx|Professor)\.?\s+)?(?:[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?\s+){1,3}"
                          r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?$")
_OFFICE = re.compile(r"\b(?:Commissioner|Mayor|Leader|Member|Director|Chief|Executive|Officer|Chair|Head|Minister|Secretary|"
                     r"Manager|Portfolio|Lead)\b")
_NAMES_BODY = re.compile(r"\b(?:Panel|Committee|Board|Commission|Forum|Group|Council|Cabinet)\b")
_CHAIR_OF = re.compile(r"^(?:the\s+)?(?:Chair|Chairman|Chairperson|Convener|Convenor)\s*(?:,|of)\s*(?:the\s+)?", re.I)
_LETTER_FIELD = re.compile(r"^\s*(?:To|From)\s*:\s*(?P<name>[^\n]+)$", re.M)


def _any(kind: str, text: str) -> bool:
    return matches_kind("lead_ins", kind, text)


def is_heading_line(text: str) -> bool:
    """A few words with no sentence end: a heading, a subject line or a label, never an answer.

    >>> is_heading_line("Response 3 – Funding for ventilation and heating works"), is_heading_line("Lead: Director of Finance")
    (True, True)
    >>> is_heading_line("All 97 have now been inspected and 62 are closed.")
    False
    """
    text = " ".join(text.split())
    return len(text.split()) <= HEADING_MAX_WORDS and not text.endswith((".", ";", "?", "!", ")"))


def answer_heading(text: str) -> bool:
    """A heading over answers: the sentences under it reply to requests made elsewhere.

    >>> answer_heading("INFORMATION REQUESTED BY THE GROUP"), answer_heading("APPENDIX A – CABINET RESPONSE")
    (True, True)
    >>> answer_heading("Executive response to the Panel's recommendations"), answer_heading("Update on actions")
    (True, True)
    >>> answer_heading("FINANCIAL IMPLICATIONS"), answer_heading("Responses to the consultation were positive.")
    (False, False)
    """
    text = " ".join(text.split())
    return len(text) <= 120 and not text.endswith((".", ";", "?")) and _any("answer_heading", text)


def reply_letter(doc: Document) -> tuple[str, str] | None:
    """(signatory, addressee) when the paper is a letter replying to one it received, else None.

    >>> d = Document(doc_id="d", source_path="reply.txt", sha256="0", format="txt", text=(
    ...     "To: Convener, Scrutiny Panel\\nDear Convener,\\nThank you for your letter of 2 May.\\n"
    ...     "Yours sincerely,\\n\\nCabinet Member for Libraries\\n"))
    >>> reply_letter(d)
    ('Cabinet Member for Libraries', 'Convener, Scrutiny Panel')
    """
    text = doc.text
    lines = text.splitlines()
    if not any(_SALUTATION.match(ln) for ln in lines[:60]) or not (_any("reply_letter", text[:LETTER_OPENING_CHARS])
                                                                  or _ANSWERS_MEETING.search(text[:LETTER_OPENING_CHARS])):
        return None
    signatory, salutation = "", next(at for at, ln in enumerate(lines) if _SALUTATION.match(ln))
    for at, line in enumerate(lines):
        if _SIGN_OFF.match(line):
            signature = [ln.strip().rstrip(",") for ln in lines[at + 1:] if ln.strip()][:2]
            signatory = _office_under_name(signature) or (signature[0] if signature else "")
    fields = {m.group(0).split(":")[0].strip().lower(): m.group("name").strip() for m in _LETTER_FIELD.finditer(text)}
    # no "To:" field: the addressee block above "Dear …" ("Chair, Ashvale Police and Crime Panel")
    named_body = next((_CHAIR_OF.sub("", ln.strip()) for ln in reversed(lines[max(0, salutation - 4):salutation])
                       if _NAMES_BODY.search(ln) and is_heading_line(ln)), "")
    return signatory or fields.get("from", ""), fields.get("to", "") or named_body


def _office_under_name(signature: list[str]) -> str:
    """The office printed under the signatory's name ("Alan Carrow" / "Police and Crime Commissioner for
    Ashvale"): the office is who answers, as the rest of the dataset names bodies and office holders.

    >>> _office_under_name(["Alan Carrow", "Police and Crime Commissioner for Ashvale"])
    'Police and Crime Commissioner for Ashvale'
    >>> _office_under_name(["Cabinet Member for Libraries"]), _office_under_name(["Jo Bell", "12 May 2025"])
    ('', '')
    """
    if len(signature) < 2 or not _PERSON_NAME.match(signature[0]) or not _OFFICE.search(signature[1]) \
            or not is_heading_line(signature[1]):
        return ""
    return signature[1]


def opens_letter(text: str) -> bool:
    return bool(_SALUTATION.match(text))


def closes_letter(text: str) -> bool:
    return bool(_SIGN_OFF.match(text))


def is_courtesy(text: str) -> bool:
    """A sentence of a letter that thanks, hopes or signs off: it answers nothing.

    >>> is_courtesy("Thank you for your letter of 28 November 2024."), is_courtesy("I can confirm that it will.")
    (True, False)
    """
    return _any("courtesy", " ".join(text.split()))


def answer_rows(paper: Paper, item: Item, sdoc: Doc, base: int, context: Context, letter: bool = False,
                first_n: int = 1) -> list[Commitment]:
    """Each sentence of an item under an answer heading, or of a reply letter, as an assurance
    (a bullet is one answer however many sentences it has); headings, labels and courtesies
    are skipped, and a sentence that asks stays a request: in a letter it restates a question, and
    under "Information requested by the Group" in the paper that asks, it is the question itself."""
    parts: list[Span] = [sdoc[:]] if item.kind == "bullet" else list(sdoc.sents)
    out: list[Commitment] = []
    verdict_at: int | None = None  # where a verdict alone ("I agree.") began: it opens the answer that follows
    for sent in parts:
        if verdict_at is not None:
            sent, verdict_at = sdoc[verdict_at:sent.end], None
        if letter and _VERDICT_ALONE.match(sent.text):
            verdict_at = sent.start
            continue
        if sum(t.is_alpha for t in sent) < 4 or item.kind != "bullet" and is_heading_line(sent.text) \
                or letter and is_courtesy(sent.text):
            continue
        cue = first_cue(sent, weak_ok=True)
        kind = "request" if cue is not None and cue.label_ == "request" and not (
            letter and _WRITER_ASKED.search(sent.text)) else "assurance"  # "I have asked my office to …" undertakes
        # a restated question was asked by the one the reply goes to, of the one replying
        sent_context = context if kind == "assurance" else Context(actor=context.addressee, addressee=context.actor)
        row = make_commitment(paper, item, first_n + len(out), sent, base, kind, cue, sent_context)
        if letter and kind == "assurance" and context.actor:  # every answer in a letter is its signatory's, to its addressee
            row = row.model_copy(update={"actor": context.actor, "addressee": context.addressee or row.addressee})
        out.append(row)
    return out


def _cell_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in re.finditer(r"\s*\|\s*", text):
        bounds.append((start, m.start()))
        start = m.end()
    return bounds + [(start, len(text.rstrip()))]


def answer_table_rows(paper: Paper, item: Item, sdoc: Doc, base: int, columns: tuple[int, ...],
                      context: Context) -> list[Commitment]:
    """A row of an answer table: its asking cell as a request, each answering cell as one answer
    (an assurance, like a bullet, however many sentences it has).

    The asking cell restates a request (GUIDE: a restated request in a response paper is a
    request), unless it opens with a byline ("From a councillor for Castle ward, to the Leader:
    Will the Leader publish …"): then it is the question itself, asked by the one the byline names
    of the one it names, and the answers are theirs to the asker.
    """
    cells = _cell_bounds(sdoc.text)
    if columns[0] >= len(cells) or all(c >= len(cells) for c in columns[1:]):
        return []
    out: list[Commitment] = []
    ask_start, ask_end = cells[columns[0]]
    asker, asked, ask_start = _byline_in(sdoc.text, ask_start, ask_end)
    if not asker:  # "No. | Questioner | To | Question | Answer": the row's own cells name them
        asker, asked = _cell(sdoc.text, cells, getattr(columns, "asker", None)), _cell(
            sdoc.text, cells, getattr(columns, "asked", None))
    ask = sdoc.char_span(ask_start, ask_end, alignment_mode="contract")
    answer_context = Context(actor=context.actor, addressee=context.addressee)
    if ask is not None and sum(t.is_alpha for t in ask) >= 3:
        if asker or asked:
            out.append(make_commitment(paper, item, 1, ask, base, "request", None, Context(
                modality="asks", actor=asker, addressee=paper.canonical(asked) if asked else "")))
            answer_context = Context(actor=paper.canonical(asked) if asked else "", addressee=asker)
        else:
            out.append(make_commitment(paper, item, 1, ask, base, "request", first_cue(ask), Context(
                modality="restates", actor=context.addressee, addressee=context.actor)))
    for column in columns[1:]:
        if column >= len(cells):
            continue
        start, end = cells[column]
        # "Accepted." says only the verdict: the answer starts at the first sentence that says more
        start = next((max(start, sent.start_char) for sent in sdoc.sents if sent.end_char > start and sent.start_char < end
                      and sum(t.is_alpha for t in sent if start <= t.idx < end) >= 4), end)
        part = sdoc.char_span(start, end, alignment_mode="contract")
        if part is None or sum(t.is_alpha for t in part) < 4:
            continue  # an empty cell, or a verdict alone, answers nothing
        out.append(make_commitment(paper, item, len(out) + 1, part, base, "assurance", first_cue(part, weak_ok=True),
                                   answer_context))
    return out


def _cell(text: str, cells: list[tuple[int, int]], column: int | None) -> str:
    if column is None or column >= len(cells):
        return ""
    return " ".join(text[cells[column][0]:cells[column][1]].split())


_CELL_HEADING_END = ": "  # how ingest sets a cell's heading line (a byline) before its text


def _byline_in(text: str, start: int, end: int) -> tuple[str, str, int]:
    """(who asks, whom, where the question starts) when a cell opens with a byline, else ("", "", start).

    >>> _byline_in("From a councillor for Castle ward, to the Leader of the Council: Will the Leader publish it?", 0, 90)
    ('a councillor for Castle ward', 'Leader of the Council', 65)
    >>> _byline_in("Review the limits: all of them", 0, 30)
    ('', '', 0)
    """
    at = text.find(_CELL_HEADING_END, start, end)
    named = question_byline(text[start:at]) if at > 0 else None
    if not named:
        return "", "", start
    return named[0], named[1], at + len(_CELL_HEADING_END)


def goes_on_answering(items: list[Item], by_id: dict[str, int], has_children: set[str], item: Item,
                       heading: Item) -> bool:
    """An item stands under an answer heading: inside its subtree, or (a heading printed as a
    paragraph of its own) a following sibling that is not itself a heading."""
    parent = item.parent_id
    while parent in by_id:
        if parent == heading.item_id:
            return True
        parent = items[by_id[parent]].parent_id
    return (item.parent_id == heading.parent_id and item.kind in ("paragraph", "bullet")
            and not is_heading_line(item.text) and heading.item_id not in has_children)


# An action tracker prints each request as a record of "Field: value" lines; its "Update:" answers
# the record's "Information requested:" (or "Action:", "Question:") a few lines above.


def record_answer(items: list[Item], i: int) -> bool:
    """Item `i` is the answering field of a record whose asking field stands a few siblings above.

    >>> rec = [Item(item_id=f"d/#{n}", doc_id="d", kind="paragraph", label_path=f"#{n}", text=t, parent_id="d/s",
    ...             char_start=0, char_end=0) for n, t in enumerate([
    ...     "Information requested: Breakdown of reports by ward", "Officer: Community Safety Manager",
    ...     "Update: 46 notices were issued.", "Update: none yet."])]
    >>> [record_answer(rec, n) for n in range(4)]
    [False, False, True, False]
    """
    if not RECORD_ANSWER.match(items[i].text):
        return False
    for j in range(i - 1, max(-1, i - RECORD_FIELDS - 1), -1):
        if items[j].parent_id != items[i].parent_id or RECORD_ANSWER.match(items[j].text):
            return False  # another record's answer comes first: this one has no ask of its own
        if RECORD_ASK.match(items[j].text):
            return True
    return False

