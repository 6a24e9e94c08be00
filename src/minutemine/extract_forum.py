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
from functools import lru_cache

from spacy.tokens import Doc

from .cues import first_cue
from .extract_paper import Context, Paper
from .extract_rows import make_commitment
from .models import Commitment, Item
from .nlp import read_patterns

_INTRODUCES = re.compile(r"(?::|\b(?:that|following)\s*[;:]?)\s*$")  # "In response to follow up questions it was confirmed that;"
HEADING_MAX_CHARS = 100  # a heading is a short line, not a sentence
MIN_QUESTION_CHARS = 12  # a listed question's words must be this long to be recognised again


@lru_cache(maxsize=None)
def _patterns(kind: str) -> list[re.Pattern[str]]:
    return [re.compile(r["regex"]) for r in read_patterns("lead_ins") if r["kind"] == kind]


def _first_asker(kind: str, text: str) -> str:
    for regex in _patterns(kind):
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
    """A public question as a request from its asker to the committee."""
    return make_commitment(paper, item, n, sdoc[:], base, "request", None, Context(
        modality="asks", actor=asker, addressee=paper.committee or paper.doc.body))


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
