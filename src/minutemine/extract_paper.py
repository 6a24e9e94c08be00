"""Per-paper facts the extract stage needs, and the context a lead-in hands down to its items.

A `Paper` is read once per document (abbreviations it supports, people it introduces,
the committee it records or goes to, whether it is minutes or a decision record); a
`Context` is what a lead-in ("Cabinet -", "That council seeks assurance –") says about
the items under it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from . import actors
from .cues import first_cue
from .models import Document, Item
from .nlp import read_patterns

FORUM_PATTERN_KINDS = {"public_question", "questioner", "asked_and_answered"}  # lead_ins.jsonl rows not read as lead-ins
REPLY_PATTERN_KINDS = {"answer_heading", "reply_letter", "courtesy", "not_a_reply"}  # read by extract_reply, extract_questions
LEAD_IN_END = re.compile(r"(?:[-–:]|\bto|\bthat;?)\s*$")  # a line that opens a sentence its items finish

_UPDATE_TITLE = re.compile(r"(?i)\b(?:update|progress report)\b")  # the paper's own title says it reports progress
_LIST_START = re.compile(r"^\s*(?:[-•·o]\s|\(?(?:[a-z]|[ivx]+|\d+(?:\.\d+)*)[.)]\s)")


@dataclass
class Context:
    """What the lead-in an item hangs from says about it."""

    kind: str = ""
    modality: str = ""
    actor: str = ""
    addressee: str = ""


@dataclass
class Paper:
    """Per-document facts the rows need: abbreviations, named people, default actor."""

    doc: Document
    abbreviations: dict[str, str]
    people: dict[str, str]
    line_starts: list[int]
    committee: str
    is_minutes: bool
    is_decision_record: bool  # "Decision Recording Form": what it lists was decided
    is_update: bool = False  # "Workplace Parking Levy Update": it reports progress on earlier decisions
    responds: bool = False  # "Response to petition: …": it answers another paper (set by extract, see extract_response)
    executive: str = ""  # "Cabinet", "Executive" or a decision notice's decision maker, when that body decides

    @property
    def decider(self) -> str:
        """Who decides when a resolution names nobody: the executive body whose paper this is, else the
        paper's committee, else its council."""
        return self.executive or self.committee or self.doc.body

    def canonical(self, name: str) -> str:
        name = actors.canonical(name, self.abbreviations)
        bare = re.sub(r"^the ", "", name, flags=re.I)
        if bare.lower() in {"council", "city council", "full council", "this council"} and self.doc.body:
            return self.doc.body
        if bare.lower() == "officers":
            return "Officers"
        words = set(bare.lower().replace("&", "and").split())
        if self.committee and words & {"committee", "panel"} and words <= set(
                self.committee.lower().replace("&", "and").split()) | {"policy", "for", "the", "committee"}:
            return self.committee  # "the Committee for Transport and Connectivity"
        for qualifier in ("Joint ", "joint ", "Shared "):
            bare = bare.removeprefix(qualifier)
        bare = self.abbreviations.get(bare, bare)
        if re.match(r"^[A-Z]{2,} Finance$", bare):  # "PCC Finance" acts for its council
            bare = self.abbreviations.get(bare.split()[0], bare)
        first = bare.split(" ")[0]
        if bare.endswith("Council") and self.abbreviations.get(first, "").endswith("Council"):
            bare = self.abbreviations[first]  # "Torbay Full Council" is Torbay Council
        return re.sub(r"^the ", "", bare) if name.lower().startswith("the ") else bare

    def page_at(self, offset: int) -> int:
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return self.doc.lines[i].page if i >= 0 and self.doc.lines else 1


# where a name printed over two lines cannot go on: a blank line, a line that ends naming a whole
# body ("X City Council" above "Committee Report"), a new line that opens a sentence ("The Committee …")
_NAME_BREAK = re.compile(r"\n\s*\n|(?:(?<=Council)|(?<=Board)|(?<=Trust))[^\S\n]*\n|\n(?=[^\S\n]*The\b)")


def committee_after_break(name: str) -> str:
    """The part of a committee name found across line breaks that can be one name.

    >>> committee_after_break("Harbridge City Council\\nCommittee"), committee_after_break("Transport and Connectivity\\nPolicy Committee")
    ('Committee', 'Transport and Connectivity\\nPolicy Committee')
    >>> committee_after_break("Public Forum\\nThe Committee")
    'The Committee'
    """
    parts = _NAME_BREAK.split(name)
    return parts[-1].strip()


def paper_of(doc: Document) -> Paper:
    """The per-paper facts: its abbreviations, named people, the committee it records or goes to."""
    abbreviations = actors.abbreviations_for(doc.text)
    committees = re.findall(r"\b((?:[A-Z][\w&'’]*\s+(?:and\s+|&\s+)?){1,5}(?:Committee|Panel))\b", doc.text)
    named = [" ".join(c.split()) for c in map(committee_after_break, committees) if len(c.split()) > 2]
    committee = max(named, key=named.count) if named else ""
    words = set(committee.replace("&", "and").split())
    fuller = [c for c in named if words < set(c.replace("&", "and").split())]
    if fuller:  # "Transport and Connectivity Committee" is short for "… Policy Committee"
        committee = max(fuller, key=fuller.count)
    in_title = [c for c in named if c in doc.title]
    committee = (max(in_title, key=len) if in_title else committee).replace(" & ", " and ")
    # who decides, when not the committee named most: Cabinet's minutes name the scrutiny committee whose
    # recommendations it answers; a decision notice names its "Decision maker: Cabinet Member for Culture"
    maker = _DECISION_MAKER.search(doc.text[:1500])
    executive = maker.group(1).strip() if maker else "" if in_title else meets_as_executive(doc.text)
    if not committee and re.search(r"\bScrutiny\b", doc.text) and re.search(r"\bthe Panel\b", doc.text):
        committee = "Scrutiny Panel"
    name = (doc.source_path.rsplit("/", 1)[-1] + " " + doc.title).lower()
    return Paper(doc=doc, abbreviations=abbreviations, people=actors.named_people(doc.text),
                 line_starts=[ln.char_start for ln in doc.lines], committee=committee,
                 is_minutes="minute" in name, is_decision_record="decision" in name and "report" not in name,
                 is_update="minute" not in name and bool(_UPDATE_TITLE.search(doc.title)), executive=executive)


# "CABINET", "EXECUTIVE - 18 FEBRUARY 2025", "MINUTES of a meeting of the CABINET held on …", "CABINET MINUTE 36"
_EXECUTIVE_MEETING = re.compile(r"(?i)^\W*(?:minutes\s+of\s+(?:a|the)\s+meeting\s+of\s+(?:the\s+)?)?(cabinet|executive)"
                                r"(?:\s+(?:minutes?|meeting|held)\b.*|\s*[-–—:]\s*.*\d{4}.*)?\W*$")
_OPENING_LINES = 8
_DECISION_MAKER = re.compile(r"(?im)^\W*decision[- ]?(?:maker|taker|taken\s+by)\s*:\s*(?:the\s+)?([A-Z][^\n.;]{2,80}?)\s*$")


def meets_as_executive(text: str) -> str:
    """ "Cabinet" or "Executive" when the paper's opening lines say it is that body's meeting or paper, else "".

    >>> meets_as_executive("NORTON COUNCIL\\n\\nCABINET\\n\\nMINUTES of a meeting held on 5 March 2025")
    'Cabinet'
    >>> meets_as_executive("EXECUTIVE - 18 FEBRUARY 2025\\nExecutive response to scrutiny review")
    'Executive'
    >>> meets_as_executive("Cabinet Member for Culture, Leisure and Libraries\\nDear Convener,")
    ''
    """
    lines = [ln for ln in text.splitlines() if ln.strip()][:_OPENING_LINES]
    for line in lines:
        m = _EXECUTIVE_MEETING.match(line.strip())
        if m:
            return m.group(1).capitalize()
    return ""


def looks_listed(doc: Document, item: Item, text: str) -> bool:
    """A list entry under a lead-in: a bullet in the source or a list label."""
    for line in doc.lines:
        if line.char_start <= item.char_start < line.char_end + 1:
            return line.bullet > 0 or bool(_LIST_START.match(line.text))
    return bool(_LIST_START.match(text))


@lru_cache(maxsize=1)
def _lead_ins() -> list[tuple[re.Pattern[str], str, str, bool]]:
    return [(re.compile(r["regex"]), r["kind"], r["modality"], r.get("needs_actor", False))
            for r in read_patterns("lead_ins") if r["kind"] not in FORUM_PATTERN_KINDS | REPLY_PATTERN_KINDS]


def lead_in_context(span: Span, paper: Paper) -> Context:
    """The kind and actor a lead-in gives the items under it ("Cabinet -" → decision by Cabinet)."""
    text = span.text.strip()
    for regex, kind, modality, needs_actor in _lead_ins():
        if regex.search(text):
            actor = actors.first_actor(span, paper.abbreviations)
            bare = re.sub(r"^(?:that\s+)?(?:the\s+)?|[\s:–-]+$", "", text, flags=re.I)
            if needs_actor and not any(re.sub(r"^the\s+", "", e.text, flags=re.I) == bare and e.label_ == "ORG"
                                       for e in span.ents):
                continue  # "Resources:", "Officer Recommendations:" are headings, not a body that decides
            if modality == "questions":
                actor = actor or paper.committee
            addressee = ""
            if kind == "request":
                cue = first_cue(span)
                if cue is not None:
                    addressee = actors.addressee_after(span, cue.start, cue.end, paper.abbreviations)
            return Context(kind, modality, paper.canonical(actor) if actor else "",
                           paper.canonical(addressee) if addressee else "")
    return Context()


def cue_lead_in(span: Span, paper: Paper) -> Context:
    """A lead-in that is the head of a sentence its sub-items finish: its cue gives their kind."""
    cue = first_cue(span)
    if cue is None or cue.label_ not in ("decision", "request", "assurance", "recommendation"):
        return Context()
    actor = actors.actor_before(span, cue.start, paper.abbreviations)
    return Context(cue.label_, cue.id_, paper.canonical(actor) if actor else "")


_NAME_JOINERS = {"and", "of", "the", "for", "in", "on", "&"}


def is_bare_name(text: str) -> bool:
    """A short title-case phrase (a body, a heading, a work stream) that a lead-in can list
    ("To provide assurance to: - Cabinet - Council") but that asks or promises nothing itself.

    >>> is_bare_name("Wellbeing and Overview Scrutiny Committee")
    True
    >>> is_bare_name("Roles & Responsibilities")
    True
    >>> is_bare_name("Communication plan in place")
    False
    >>> is_bare_name("Council endorses the decision.")
    False
    """
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in _NAME_JOINERS]
    return 0 < len(words) <= 8 and all(w[0].isupper() for w in words) and not text.rstrip().endswith((".", ";"))


def is_title_line(text: str) -> bool:
    """A few words with no sentence end: a title over the points below it, not a point itself.

    >>> is_title_line("Transitional Funding approved"), is_title_line("Communication plan in place.")
    (True, False)
    """
    return len(text.split()) <= 6 and not text.rstrip().endswith((".", ";", "?"))
