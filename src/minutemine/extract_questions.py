"""Questions printed in full (public and members' questions to council): who asks whom, and the replies.

Council papers print each question whole:

    Question 1 – Brookside Park toilets        the heading: a title, not a second request
    Asked by a resident of Brookside ward      the byline: who asks (no row of its own)
    "… Will the Mayor explain why …?"          the question: one request, by the asker, of the one who replies
    Mayor's Response                           the reply heading: who answers (no row of its own)
    The toilets were closed on …               each sentence an assurance to the asker, facts included
    Supplementary question / "…?" / Reply / …  the same again, asked by the same person

Segment marks the question (an item of kind `question` with no label: see
`segment_tree.awaits_its_question`) and nests its reply heading under it, so the linking
stage pairs each reply with its own question through the item tree.  This module reads
the rows: the byline and the reply heading say who asks and who answers, wherever the
layout prints them ("Question from Councillor Jane Smith to the Leader", "Answer from the
Cabinet Member for Housing").  A heading whose question is not printed under it (Bristol's
"Q26, 27, 28 – Melissa Topping") is left to the rest of the stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .cues import first_cue
from .extract_paper import Context, Paper
from .extract_reply import is_courtesy
from .extract_rows import make_commitment
from .models import Commitment, Item
from .nlp import matches_kind
from .question_answers import AnsweredQuestions
from .segment import _patterns
from .segment_questions import question_byline

MAX_REPLY_DEPTH = 4  # how far below its reply heading a reply's paragraph or bullet may sit
MIN_WORDS = 4  # a "sentence" with fewer words is a label or a stray line, not an answer
# "Mayor's Response", "Cabinet Member's reply", "Cabinet Response"; "Answer from the Cabinet Member for Housing"
_REPLIER_BEFORE = re.compile(r"^(?:the\s+)?(?P<who>(?-i:[A-Z])[\w'’ ]{1,60}?)(?:['’]s?)?\s+(?:response|reply|answer)\s*[:–—-]?$",
                             re.I)
_REPLIER_AFTER = re.compile(r"^(?:[\w'’]+\s+){0,2}?(?:response|reply|answer)\s+(?:from|of|by)\s+(?:the\s+)?"
                            r"(?P<who>[^:–—(,]+?)\s*(?:\(|,|[:–—-]|$)", re.I)
_SUPPLEMENTARY = re.compile(r"^\W*(?:supplementary|follow[- ]up)(?:\s+question)?\s*[:–—-]", re.I)
_OFFICE_OF = re.compile(r"^(?:the\s+)?office\s+of\s+(?:the\s+)?", re.I)
_NOT_A_REPLIER = {"written", "oral", "verbal", "full", "formal", "supplementary", "further", "initial", "final", "draft"}
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?|[A-Z]['’][A-Z][a-z]+)$")  # "Ann", "Mary-Jane", "O'Neill"
_HONORIFIC_NAME = re.compile(r"^(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Mx|Revd?)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}$")


def replier(heading: str) -> str:
    """Who answers, as a reply heading names them, else "".

    >>> replier("Mayor's Response"), replier("Answer from the Cabinet Member for Housing"), replier("Reply")
    ('Mayor', 'Cabinet Member for Housing', '')
    >>> replier("Response by the Leader (Councillor Amir Khan):"), replier("Written answer"), replier("Cabinet Response")
    ('Leader', '', 'Cabinet')
    >>> replier("Answer from the Cabinet Member for Environment, Councillor Raj Patel")
    'Cabinet Member for Environment'
    >>> replier("Response from the Office of the Police and Crime Commissioner:")
    'Police and Crime Commissioner'
    """
    text = " ".join(heading.split())
    m = _REPLIER_AFTER.match(text) or _REPLIER_BEFORE.match(text)
    who = _OFFICE_OF.sub("", m["who"].strip()) if m else ""  # the office answers for its office holder
    return "" if who.lower() in _NOT_A_REPLIER else who


def heading_asker(text: str) -> tuple[str, str] | None:
    """(who asks, whom) as a question's heading names them ("Question 2 – Councillor Ann Smith",
    "Question from Councillor Jane Smith to the Leader"), else None: "Brookside Park toilets" is a title.

    >>> heading_asker("Councillor Ann Smith"), heading_asker("Brookside Park toilets")
    (('Councillor Ann Smith', ''), None)
    """
    text = " ".join(text.split())
    name = re.split(r"\s+[–—-]\s+", text, maxsplit=1)[0]  # "Ann Example - Bus lanes": the name, then the topic
    return question_byline(text) or ((text, "") if _HONORIFIC_NAME.match(text) else None) or (
        (name, "") if is_bare_person_name(name) else None)


def is_bare_person_name(text: str) -> bool:
    """A person's name printed with no title: two or three capitalised words, none of them a body's
    ("Committee", "Officers") or a topic's ("Road", "Toilets", "Budget": patterns/headings.jsonl, kind
    `not_a_name`).

    >>> is_bare_person_name("Ann Example"), is_bare_person_name("Mary-Jane O'Neill")
    (True, True)
    >>> is_bare_person_name("Brookside Park Toilets"), is_bare_person_name("Mill Road"), is_bare_person_name("Planning Committee")
    (False, False, False)
    >>> is_bare_person_name("Ann"), is_bare_person_name("Why was it closed")
    (False, False)
    """
    words = text.split()
    if not 2 <= len(words) <= 3 or not all(_NAME_WORD.match(w) for w in words):
        return False
    return not any(r["regex"].search(text) for r in _patterns("headings.jsonl") if r["kind"] == "not_a_name")


def answers_nothing(text: str) -> bool:
    """A line under a reply that is not part of it: a courtesy, "No supplementary question was asked.",
    "The Chair thanked the questioners." (patterns/lead_ins.jsonl, kinds `courtesy` and `not_a_reply`).

    >>> answers_nothing("No supplementary question was asked."), answers_nothing("The Chair thanked everyone for their questions.")
    (True, True)
    >>> answers_nothing("The toilets will reopen by 1 March 2025.")
    False
    """
    text = " ".join(text.split())
    return is_courtesy(text) or matches_kind("lead_ins", "not_a_reply", text)


@dataclass
class QuestionsInFull:
    """Where a paper's questions printed in full stand, read once before its items are walked."""

    questions: set[str] = field(default_factory=set)  # the questions themselves
    headings: set[str] = field(default_factory=set)  # the headings they stand under
    replies: dict[str, str] = field(default_factory=dict)  # reply heading -> the question it answers
    askers: dict[str, tuple[str, str]] = field(default_factory=dict)  # heading -> (who asks, whom), from it or its byline
    repliers: dict[str, str] = field(default_factory=dict)  # question or heading -> who answers, from a reply heading
    parents: dict[str, str] = field(default_factory=dict)
    other_asks: set[str] = field(default_factory=set)  # questions and requests not printed in full, and what they hold
    numbered: set[str] = field(default_factory=set)  # numbered questions ("1. What …?"): the paper's body asks them
    answered: AnsweredQuestions = field(default_factory=AnsweredQuestions)  # "Q1 - topic" / its answer, in a later paper

    @classmethod
    def of(cls, items: list[Item]) -> QuestionsInFull:
        found = cls._printed_in_full(items)
        found.answered = AnsweredQuestions.of(items)
        return found

    @classmethod
    def _printed_in_full(cls, items: list[Item]) -> QuestionsInFull:
        # a numbered question ("1. What assessment …?") with a reply heading under it is printed in full too
        replied = {it.parent_id for it in items if it.kind == "response"}
        numbered = {it.item_id for it in items if it.kind == "question" and it.label and it.item_id in replied
                    and it.text.rstrip().endswith("?")}
        found = cls(questions={it.item_id for it in items if it.kind == "question" and not it.label} | numbered)
        if not found.questions:
            return found
        found.parents = {it.item_id: it.parent_id for it in items}
        found.other_asks = {it.item_id for it in items if it.kind in ("question", "request")} - found.questions
        found.numbered = numbered
        kinds = {it.item_id: (it.kind, it.label) for it in items}
        for question in found.questions - numbered:  # a numbered question's parent is a part of the paper, no heading
            heading = found.parents[question]
            found.headings.add(heading)
            above = found.parents.get(heading, "")
            if kinds.get(heading, ("", ""))[0] == "section" and kinds.get(above, ("", ""))[0] in ("question", "request") \
                    and kinds[above][1]:
                found.headings.add(above)  # "Question 1 – Tree felling" over "Question from Mrs Ada Lowe": one question
        found.headings.discard("")
        for it in items:
            if it.item_id in found.headings and (named := heading_asker(it.text)):
                found.askers.setdefault(it.item_id, named)
            elif it.parent_id in found.headings and it.kind == "paragraph" and (named := question_byline(it.text)):
                found.askers.setdefault(it.parent_id, named)  # "Asked by a resident of Brookside ward"
            elif it.kind == "response" and it.parent_id in found.questions:
                found.replies[it.item_id] = it.parent_id
                who = replier(it.text)
                if who:  # "Mayor's Response" names who answers this question, and the supplementaries under its heading
                    found.repliers.setdefault(it.parent_id, who)
                    found.repliers.setdefault(found.parents[it.parent_id], who)
        return found

    def _up(self, item_id: str) -> list[str]:
        chain = []
        while item_id and len(chain) <= MAX_REPLY_DEPTH + 2:
            chain.append(item_id)
            item_id = self.parents.get(item_id, "")
        return chain

    def _question_replied(self, item: Item) -> str:
        """The question whose reply heading the item is, or stands under, or that it is printed under after
        the reply began ("Reply: Twelve new trees …" under "Supplementary question: …"); else ""."""
        if item.parent_id in self.questions and item.kind in ("paragraph", "bullet"):
            return item.parent_id
        for at in self._up(item.item_id)[: MAX_REPLY_DEPTH + 1]:
            if at in self.replies:
                return self.replies[at]
            if at in self.questions or at in self.headings or at in self.other_asks:
                return ""  # "Q3. How many …?" placed under the reply before it is a question of its own
        return ""

    def _who(self, question: str) -> tuple[str, str]:
        """(who asks, who answers) a question: from its byline or heading and its reply heading, looked
        for upwards so that a supplementary question is the first asker's and goes to the first replier."""
        chain = self._up(question)
        asker, addressee = next((self.askers[a] for a in chain if a in self.askers), ("", ""))
        return asker, addressee or next((self.repliers[a] for a in chain if a in self.repliers), "")

    def covers(self, item: Item) -> bool:
        """Whether the item is a part of a question printed in full (its heading, byline, question or reply),
        or a question's heading or answer in a paper of written answers."""
        if self._answers_question(item):
            return True
        if not self.questions:
            return False
        return item.item_id in self.questions or item.item_id in self.headings or bool(self._question_replied(item)) \
            or item.parent_id in self.headings and item.kind == "paragraph" and bool(question_byline(item.text))

    def _answers_question(self, item: Item) -> bool:
        return self.answered.covers(item)

    def rows(self, paper: Paper, item: Item, sdoc: Doc, base: int) -> list[Commitment]:
        """The item's rows: the question as one request, each sentence of a reply as an assurance, nothing
        for a heading, a byline or a reply heading."""
        if self._answers_question(item):
            return self._written_answer_rows(paper, item, sdoc, base)
        if item.item_id in self.questions:
            asker, addressee = self._who(item.item_id)
            asker = asker or (paper.committee if item.item_id in self.numbered else "")
            if sum(t.is_alpha for t in sdoc) < MIN_WORDS:
                return []
            return [make_commitment(paper, item, 1, sdoc[:], base, "request", None, Context(
                modality="asks", actor=asker,  # as printed: "a resident of Brookside ward"
                addressee=paper.canonical(addressee) if addressee else ""))]
        question = self._question_replied(item)
        if not question or item.item_id in self.replies or item.kind not in ("paragraph", "bullet"):
            return []
        asker, addressee = self._who(question)
        asker = asker or (paper.committee if question in self.numbered else "")
        context = Context(actor=paper.canonical(addressee) if addressee else "",
                          addressee=asker)
        out: list[Commitment] = []
        for sent in [sdoc[:]] if item.kind == "bullet" else sdoc.sents:
            if sum(t.is_alpha for t in sent) < MIN_WORDS or answers_nothing(sent.text):
                continue
            cue = first_cue(sent, weak_ok=True)
            if _SUPPLEMENTARY.match(sent.text) and (sent.text.rstrip().endswith("?") or cue is not None and cue.label_ == "request"):
                # "Supplementary: Councillor Dunmore asked whether …" printed among the replies: the asker asks again
                out.append(make_commitment(paper, item, len(out) + 1, sent, base, "request", cue, Context(
                    modality="asks", actor=asker, addressee=context.actor)))
                continue
            out.append(make_commitment(paper, item, len(out) + 1, sent, base, "assurance", cue, context))
        return out

    def _written_answer_rows(self, paper: Paper, item: Item, sdoc: Doc, base: int) -> list[Commitment]:
        """Each sentence under a question's heading in a paper of written answers, as an assurance by who
        answers to who asked, facts included ("1.9 per cent of 999 calls … were abandoned"); the heading itself
        is no row."""
        heading = self.answered.answers.get(item.item_id)
        if heading is None:
            return []
        asker, replier_named = self.answered.askers.get(heading, ""), self.answered.replier
        context = Context(actor=paper.canonical(replier_named) if replier_named else "", addressee=asker)
        out: list[Commitment] = []
        for sent in [sdoc[:]] if item.kind == "bullet" else sdoc.sents:
            if sum(t.is_alpha for t in sent) < MIN_WORDS or answers_nothing(sent.text):
                continue
            out.append(make_commitment(paper, item, len(out) + 1, sent, base, "assurance",
                                       first_cue(sent, weak_ok=True), context))
        return out
