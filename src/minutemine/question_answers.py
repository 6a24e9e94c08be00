"""Written answers to numbered questions, printed under one heading per question in a later paper.

A body that could not answer members' written questions at the meeting publishes the answers
with a later meeting's papers, one heading per question, numbered as the questions were:

    Responses to written questions submitted for the meeting on 27 June   the opening: it answers questions
    The Commissioner thanks members for their questions …                 background: answers nothing
    Q1 - Call handling (councillor member for Eastbrook)                  a heading: question 1, its topic, who asked
    In the year to 31 March, 1.9 per cent of 999 calls were abandoned …   the answer: facts, no cue word
    Question 2 – Vehicles / 3. Stop and search                            the same, in other numberings

In such a paper the prose under a question's heading IS the answer, whatever its wording, so
each of its sentences is an assurance (`extract_questions` writes the rows), and
`link_numbered` pairs the answers under heading N with question N of the earlier paper that
asked (its numbering, its wording, its earlier date).  The opening's wording is data
(patterns/response_papers.jsonl, kind `answers_questions`); the rubric of a report
(introduction, background, implications, contact officer) is never a question's heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .models import Item
from .nlp import kind_regexes, matches_kind
from .segment_questions import asks_in_full, replies_inline

OPENING_CHARS = 1500  # the title block and first paragraph: where a paper says what it is
HEADING_MAX_WORDS = 24  # "Q1 - Call handling (councillor member for Eastbrook District Council)"
MIN_HEADINGS = 2  # one numbered heading could be anything; a series of them answers a list of questions
# "Q1 - Call handling", "Q2: Vehicles", "Question 3 – Stop and search", "Question 4 (Councillor Ann Lee)"
_Q_HEADING = re.compile(r"^\W*(?:Q|Question\s+(?:no\.?\s*)?)(?P<num>\d{1,3})[a-z]?"
                        r"(?:\s*[-–—:.)]\s*|\s+(?=\())(?P<topic>\S.*)$", re.I)
# "3. Stop and search": a numbered title, a question's heading only in a paper that answers questions
_N_HEADING = re.compile(r"^\W*(?P<num>\d{1,3})[.)]?\s+(?P<topic>(?-i:[A-Z]).*)$")
_ASKER = re.compile(r"\((?P<who>[^()]{3,100})\)\s*$")  # "(councillor member for Eastbrook District Council)"
# "Prepared by the Office of the Police and Crime Commissioner": who answers, named in the opening
_PREPARED_BY = re.compile(r"^\W*(?:prepared|submitted|issued|written|answered)\s+by\s+(?:the\s+)?(?:office\s+of\s+"
                          r"(?:the\s+)?)?(?P<who>(?-i:[A-Z])[^.;:]{2,80}?)\s*\.?$", re.I)
# "Question 3" kept as an item's label, its topic as the item's text
_Q_LABEL = re.compile(r"^(?:Q|Question\s+(?:no\.?\s*)?)(?P<num>\d{1,3})[a-z]?$", re.I)
# "… be requested to provide a written response to the following questions": the paper that asks
_ASKED_FOR = re.compile(r"(?i)\b(?:provide|give|send|publish|prepare|submit|make|request|seek|ask\s+for)\w*\s+"
                        r"(?:(?:a|an|the|its|their)\s+)?(?:full\s+|formal\s+|further\s+)?$")
_NOT_A_QUESTION = re.compile(r"(?i)^\W*(?:background|context|introduction|overview|summary|purpose)\b")
_ENDS_ANSWER = {"section", "agenda_item", "question", "response", "request", "table_row"}


def says_it_answers_questions(opening: str) -> bool:
    """Whether a paper's title block or opening says it answers questions put earlier.

    >>> says_it_answers_questions("Agenda item 6: Responses to written questions submitted for the meeting on 27 June")
    True
    >>> says_it_answers_questions("Answers to Members' questions"), says_it_answers_questions("Written questions to the Mayor")
    (True, False)
    >>> says_it_answers_questions("Written answers will be published with the papers for the next meeting.")
    False
    >>> says_it_answers_questions("That the Board be requested to provide a written response to the following questions")
    False
    """
    text = " ".join(opening.split())
    return any(not _ASKED_FOR.search(text[max(0, m.start() - 60):m.start()])
               for regex in kind_regexes("response_papers", "answers_questions") for m in regex.finditer(text))


def question_heading(text: str, numbered_titles: bool = False) -> tuple[str, str] | None:
    """(N, topic) of a question's heading ("Q1 - Call handling", "Question 2 – Vehicles"), else None;
    with `numbered_titles`, a numbered title ("3. Stop and search") too.  A sentence is no heading.

    >>> question_heading("Q1 - Call handling (councillor member for Eastbrook District Council)")
    ('1', 'Call handling (councillor member for Eastbrook District Council)')
    >>> question_heading("Question 12: Street lighting"), question_heading("3. Stop and search", numbered_titles=True)
    (('12', 'Street lighting'), ('3', 'Stop and search'))
    >>> question_heading("3. Stop and search"), question_heading("Q1 2024/25 Corporate Risk Report")
    (None, None)
    >>> question_heading("2. Background", numbered_titles=True), question_heading("Q3 - The figures were published.")
    (None, None)
    """
    clean = " ".join(text.split())
    if len(clean.split()) > HEADING_MAX_WORDS or clean.endswith((".", ";", ",", ":")):
        return None
    m = _Q_HEADING.match(clean) or (_N_HEADING.match(clean) if numbered_titles else None)
    if m is None or _NOT_A_QUESTION.match(m["topic"]) or matches_kind("response_papers", "rubric", m["topic"]):
        return None
    return m["num"], m["topic"].strip()


def labelled_question_heading(item: Item) -> tuple[str, str] | None:
    """(N, topic) of an item the segmenter labelled "Q3" or "Question 3" with its topic as its text, else None.

    >>> labelled_question_heading(Item(item_id="d/Question 3", doc_id="d", kind="question", label="Question 3",
    ...                                label_path="Question 3", text="Views of families", char_start=0, char_end=9))
    ('3', 'Views of families')
    """
    m = _Q_LABEL.match(item.label.strip(" .:)–—-"))
    topic = " ".join(item.text.split()).strip(" ,–—-")
    if m is None or not topic or len(topic.split()) > HEADING_MAX_WORDS or topic.endswith((".", ";", ",", ":", "?")):
        return None
    return m["num"], topic


def heading_asker(topic: str) -> str:
    """Who asked, as a heading's closing brackets name them, else "".

    >>> heading_asker("Call handling (councillor member for Eastbrook District Council)"), heading_asker("Vehicles")
    ('councillor member for Eastbrook District Council', '')
    """
    m = _ASKER.search(topic)
    return m["who"].strip() if m else ""


def printed_heading(item: Item) -> str:
    """An item's line as printed: its label ("Question 2", "3.") and its text (a heading's label is its text).

    >>> printed_heading(Item(item_id="d/3", doc_id="d", kind="paragraph", label="3.", label_path="3",
    ...                      text="Stop and search", char_start=0, char_end=9))
    '3. Stop and search'
    """
    return f"{item.label} {item.text}".strip() if item.label and not item.text.startswith(item.label) else item.text


def paper_opening(items: Iterable[Item]) -> str:
    return "\n".join(printed_heading(it) for it in items if it.char_start < OPENING_CHARS)


@dataclass
class AnsweredQuestions:
    """One paper's question headings and the answers printed under them."""

    headings: dict[str, str] = field(default_factory=dict)  # heading item -> N
    answers: dict[str, str] = field(default_factory=dict)  # answer item -> its heading item
    askers: dict[str, str] = field(default_factory=dict)  # heading item -> who asked, as it names them
    background: set[str] = field(default_factory=set)  # the prose above the first question: it answers nothing
    replier: str = ""  # who answers, as the opening names them

    @classmethod
    def of(cls, items: list[Item]) -> AnsweredQuestions:
        """Read a paper's items (in document order) when its opening says it answers questions."""
        found = cls()
        opening = paper_opening(items)
        if not says_it_answers_questions(opening):
            return found
        found.replier = next((m["who"] for line in opening.splitlines() if (m := _PREPARED_BY.match(line))), "")
        for numbered_titles in (False, True):  # "Q1 - …" / "Question 1 – …" first; "1. Topic" only if there are none
            found.headings.clear()
            found.answers.clear()
            current = ""
            for item in items:
                heading = (labelled_question_heading(item) or question_heading(printed_heading(item), numbered_titles)
                           ) if item.kind in ("paragraph", "section", "question", "request", "response") else None
                if heading is not None:
                    current = item.item_id
                    found.headings[current] = heading[0]
                    found.askers[current] = heading_asker(heading[1])
                elif item.kind in _ENDS_ANSWER or matches_kind("response_papers", "rubric", printed_heading(item)):
                    current = ""  # a new part of the paper, an explicit question or reply: the answer above ends
                elif current and item.kind in ("paragraph", "bullet") and not asks_in_full(item.text) \
                        and not replies_inline(item.text):
                    # a paragraph that asks is the question printed; "Response: …" is read as a labelled reply
                    found.answers[item.item_id] = current
            answered = set(found.answers.values())
            found.headings = {h: n for h, n in found.headings.items() if h in answered}
            if len(set(found.headings.values())) >= MIN_HEADINGS:
                first = min(it.char_start for it in items if it.item_id in found.headings)
                found.background = {it.item_id for it in items if it.char_start < first and it.kind in ("paragraph", "bullet")}
                return found
        return cls()

    def covers(self, item: Item) -> bool:
        """A question's answer, its heading or the paper's background (neither a row of its own)."""
        return item.item_id in self.answers or item.item_id in self.headings or item.item_id in self.background
