"""Public forum questions in minutes: who asked, and the replies that answer them.

Minutes record a public forum in one of two layouts, and both are read here:

- a heading per questioner ("Q15, 16 & 17 – Zoe Mack") followed by the replies given;
- a list of the questions received ("Question 2 A,B - Chris Whitfield - EV Charging for
  terraced homes"), then "Those who attended … asked supplementary questions …" and each
  questioner's entry repeated as a heading over the replies ("Chris Whitfield - EV
  Charging for terraced homes"), sometimes run into the first reply's paragraph.

A question is a request by its asker to the committee; every sentence of the replies
under it, up to the next heading, is an assurance to the asker.  The patterns that
recognise a heading and an asker are data (patterns/lead_ins.jsonl, kinds
`public_question` and `questioner`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .cues import first_cue
from .extract_paper import Context, Paper
from .extract_rows import make_commitment
from .models import Commitment, Item
from .nlp import kind_regexes

_INTRODUCES = re.compile(r"(?::|\b(?:that|following)\s*[;:]?)\s*$")  # "In response to follow up questions it was confirmed that;"
HEADING_MAX_CHARS = 100  # a heading is a short line, not a sentence
MIN_QUESTION_CHARS = 12  # a listed question's words must be this long to be recognised again


def _first_asker(kind: str, text: str) -> str:
    for regex in kind_regexes("lead_ins", kind):
        m = regex.match(" ".join(text.split()))
        if m:
            return m.group("asker")
    return ""


def public_question_asker(text: str) -> str:
    """The member of the public whose question a minutes heading records, else "".

    >>> public_question_asker("Q15, 16 & 17 – Zoe Mack"), public_question_asker("Questions 4 & 5 A,B,C - David Redgewell")
    ('Zoe Mack', 'David Redgewell')
    >>> public_question_asker("Q1 2024/25 Corporate Risk Report - Transport and Connectivity")
    ''
    """
    return _first_asker("public_question", text)


def listed_question_asker(text: str) -> str:
    """The person a listed question opens with ("Name - topic", "Name, organisation"), else "".

    >>> listed_question_asker("Chris Whitfield - EV Charging for terraced homes")
    'Chris Whitfield'
    >>> listed_question_asker("Ian Pond, Bristol Cycling Campaign Bristol Cycleways")
    'Ian Pond'
    >>> listed_question_asker("Cllr Shona Jemphrey - East Bristol Liveable Neighbourhood Trial")
    'Cllr Shona Jemphrey'
    >>> listed_question_asker("whether this council had the capacity to deliver")
    ''
    """
    return _first_asker("questioner", text)


def normalised(text: str) -> str:
    """Text compared for "the same words": case, spacing and dashes ignored.

    >>> normalised("Matt  Saunders – Bus\\nGates")
    'matt saunders - bus gates'
    """
    return " ".join(text.replace("–", "-").replace("—", "-").split()).lower()


def repeated_question(text: str, listed: dict[str, str]) -> tuple[str, str]:
    """(the listed question's words, its asker) when a paragraph opens by repeating a question
    listed earlier in the agenda item, else ("", "").

    >>> listed = {"matt saunders - bus gates": "Matt Saunders"}
    >>> repeated_question("Matt Saunders - Bus Gates", listed)
    ('matt saunders - bus gates', 'Matt Saunders')
    >>> repeated_question("Matt Saunders - Bus Gates Officers confirmed that signage was lawful.", listed)
    ('matt saunders - bus gates', 'Matt Saunders')
    >>> repeated_question("Matt Saunders spoke about bus gates.", listed)
    ('', '')
    """
    said = normalised(text)
    for question, asker in listed.items():
        if len(question) >= MIN_QUESTION_CHARS and said.startswith(question) and (
                len(said) == len(question) or not said[len(question)].isalnum()):
            return question, asker
    return "", ""


def ends_reply(text: str) -> bool:
    """A short line with no sentence end ("Public Forum Statements:", "Ian Pond, Bristol Cycling
    Campaign") is a heading: the replies above it are over.

    >>> ends_reply("Public Forum Statements:"), ends_reply("In response to follow up questions it was confirmed that;")
    (True, False)
    >>> ends_reply("A timeframe for any change was not known.")
    False
    """
    text = text.strip()
    return len(text) <= HEADING_MAX_CHARS and not text.endswith((".", ";", ")", "?", ","))


def question_request(paper: Paper, item: Item, n: int, sdoc: Doc, base: int, asker: str) -> Commitment:
    """A public question as a request from its asker to the committee.

    When the heading ("Q1 & Q2 – Melissa Topping") takes up a question listed earlier in the
    paper ("01 & 02 | Melissa Topping | Making Bristol the UK's most accessible city"), the
    request is that listed question: its words, page and offsets (`listed_row`).  It stays
    on the heading's item, where the minutes take the question up, so the replies under the
    heading answer it.
    """
    row = make_commitment(paper, item, n, sdoc[:], base, "request", None, Context(
        modality="asks", actor=asker, addressee=paper.committee or paper.doc.body))
    listed = listed_row(paper.doc.lines, sdoc.text, asker, item.char_start)
    if listed is None:
        return row
    return row.model_copy(update={"text": listed.text, "obligation": listed.text, "char_start": listed.char_start,
                                  "char_end": listed.char_end, "page": listed.page})


_QUESTION_NUMBER = re.compile(r"\d+[a-z]?\b", re.I)
_ROW_LABEL = re.compile(r"^\s*(?:\d+[a-z]?\b[\s,&]*(?:and\s+)?)+", re.I)  # "01 & 02 ", "06, 07 & 08 ", "33a, 33b & 33c "


def question_numbers(text: str) -> tuple[str, ...]:
    """The question numbers a heading or a listed row's label cites, leading zeros dropped.

    >>> question_numbers("Q1 & Q2"), question_numbers("01 & 02"), question_numbers("33a, 33b & 33c")
    (('1', '2'), ('1', '2'), ('33a', '33b', '33c'))
    """
    return tuple(m.group().lstrip("0") or "0" for m in _QUESTION_NUMBER.finditer(text.lower().replace("q", " ")))


def listed_row(lines, heading: str, asker: str, before: int):
    """The table row, above `before`, that lists the question a heading takes up: its label
    cites the heading's numbers and its next cell is the asker's name ("01 & 02 | Melissa
    Topping | …", "07 Imogen Griffin | …"); the nearest such row, else None.

    >>> from minutemine.models import Line
    >>> rows = [Line(text="05 | Melissa Topping | East Bristol (statement)", char_start=0, char_end=47),
    ...         Line(text="01 & 02 | Melissa Topping | Making Bristol accessible", char_start=48, char_end=101)]
    >>> listed_row(rows, "Q1 & Q2 – Melissa Topping", "Melissa Topping", 200).text
    '01 & 02 | Melissa Topping | Making Bristol accessible'
    >>> listed_row(rows, "Q3 – Melissa Topping", "Melissa Topping", 200) is None
    True
    """
    cited = question_numbers(heading[:heading.rfind(asker)] if asker in heading else "")
    if not cited:
        return None
    name = normalised(asker)
    for line in reversed(lines):
        if line.char_start >= before or line.furniture or " | " not in line.text:
            continue
        label = _ROW_LABEL.match(line.text)
        if label is None:
            continue
        rest = line.text[label.end():].lstrip("| ")
        if question_numbers(label.group()) == cited and normalised(rest.split(" | ")[0]) == name:
            return line
    return None


def with_printed_label(paper: Paper, item: Item, row: Commitment) -> Commitment:
    """The row with its item's printed label in front ("Questions 4 & 5 A,B,C - David Redgewell…"):
    the question's numbers are how the minutes and the public refer to it."""
    text = paper.doc.text
    if not item.label or not 0 <= item.char_start < row.char_start <= len(text) \
            or not text[item.char_start:row.char_start].strip().startswith(item.label):
        return row
    return row.model_copy(update={"text": " ".join(text[item.char_start:row.char_end].split()),
                                  "char_start": item.char_start, "page": paper.page_at(item.char_start)})


def reply_sentences(paper: Paper, item: Item, sdoc: Doc, base: int, context: Context,
                    start_char: int = 0, first_n: int = 1) -> list[Commitment]:
    """Each sentence of a recorded reply to a public question is an assurance to its asker,
    even one that states a fact ("A six-month trial period has been set"); a bullet is one
    answer however many sentences it has (corpus/gold/GUIDE.md); `start_char` skips a
    questioner's heading run into the reply's paragraph."""
    out: list[Commitment] = []
    parts = [sdoc[:]] if item.kind == "bullet" and not start_char else sdoc.sents
    for sent in parts:
        if sent.end_char <= start_char:
            continue
        if sent.start_char < start_char:
            sent = sdoc.char_span(start_char, sent.end_char, alignment_mode="contract")
            if sent is None:
                continue
        if sum(t.is_alpha for t in sent) < 4 or _INTRODUCES.search(sent.text):
            continue  # "(ACTION: EP)" names who acts on the sentence before; "… it was confirmed that;" introduces
        cue = first_cue(sent, weak_ok=True)
        out.append(make_commitment(paper, item, first_n + len(out), sent, base, "assurance", cue,
                                   Context(addressee=context.addressee)))
    return out


def raw_end(text: str, prefix: str) -> int:
    """Where in `text` the `normalised` words `prefix` end (spacing and case may differ).

    >>> raw_end("Matt  Saunders - Bus\\nGates Officers confirmed", "matt saunders - bus gates")
    26
    """
    want = prefix.replace(" ", "")
    seen = 0
    for at, ch in enumerate(text):
        if seen == len(want):
            return at
        if not ch.isspace():
            seen += 1
    return len(text)
