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

from . import actors
from .models import Document, Item

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

    @property
    def decider(self) -> str:
        """Who decides when a resolution names nobody: the paper's committee, else its council."""
        return self.committee or self.doc.body

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


def paper_of(doc: Document) -> Paper:
    """The per-paper facts: its abbreviations, named people, the committee it records or goes to."""
    abbreviations = actors.abbreviations_for(doc.text)
    committees = re.findall(r"\b((?:[A-Z][\w&'’]*\s+(?:and\s+|&\s+)?){1,5}(?:Committee|Panel))\b", doc.text)
    named = [" ".join(c.split()) for c in committees if len(c.split()) > 2]
    committee = max(named, key=named.count) if named else ""
    words = set(committee.replace("&", "and").split())
    fuller = [c for c in named if words < set(c.replace("&", "and").split())]
    if fuller:  # "Transport and Connectivity Committee" is short for "… Policy Committee"
        committee = max(fuller, key=fuller.count)
    in_title = [c for c in named if c in doc.title]
    committee = (max(in_title, key=len) if in_title else committee).replace(" & ", " and ")
    if not committee and re.search(r"\bScrutiny\b", doc.text) and re.search(r"\bthe Panel\b", doc.text):
        committee = "Scrutiny Panel"
    name = (doc.source_path.rsplit("/", 1)[-1] + " " + doc.title).lower()
    return Paper(doc=doc, abbreviations=abbreviations, people=actors.named_people(doc.text),
                 line_starts=[ln.char_start for ln in doc.lines], committee=committee,
                 is_minutes="minute" in name, is_decision_record="decision" in name and "report" not in name,
                 is_update="minute" not in name and bool(_UPDATE_TITLE.search(doc.title)))


def looks_listed(doc: Document, item: Item, text: str) -> bool:
    """A list entry under a lead-in: a bullet in the source or a list label."""
    for line in doc.lines:
        if line.char_start <= item.char_start < line.char_end + 1:
            return line.bullet > 0 or bool(_LIST_START.match(line.text))
    return bool(_LIST_START.match(text))
