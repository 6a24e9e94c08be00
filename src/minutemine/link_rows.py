"""The rows linking works on: every commitment with its role, item and the evidence it carries.

Shared by the link modules (link_structure, link_similarity, link_choose, link_status).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .answer_cues import names_only
from .models import Commitment, Item

KINDS = ("request", "recommendation", "decision", "assurance", "action")
ASKING = {"request", "recommendation"}
ANSWERING = {"assurance", "action"}


@dataclass
class Candidate:
    target: int
    score: float
    method: str
    reply: bool = False  # one per paper and target: an ask from the body asked, or a record of a proposal


@dataclass
class Rows:
    """The commitments in id order, with what linking needs to know about each."""

    commitments: list[Commitment]
    role: list[str]
    item: list[Item | None]
    row_of: dict[str, int] = field(default_factory=dict)
    record_paper: dict[str, bool] = field(default_factory=dict)  # doc_id -> its decisions read as done
    meeting: list[tuple[float, float]] = field(default_factory=list)  # per row: meeting_day_range of its paper
    items_said: set[str] = field(default_factory=set)  # item ids that hold at least one commitment
    # Per row, computed once rather than for each of the row's candidate pairs:
    amounts: list[frozenset] = field(default_factory=list)
    dates: list[frozenset] = field(default_factory=list)
    names: list[frozenset[str]] = field(default_factory=list)  # people and organisations, lower-case
    names_only: dict[int, bool] = field(default_factory=dict)  # row -> answer_cues.names_only, when asked
    reply_number: dict[int, str] = field(default_factory=dict)  # row -> N of the "Response N – …" it sits under
    cited: dict[str, set[str]] = field(default_factory=dict)  # doc -> papers whose meeting day its opening names
    named: dict[str, set[str]] = field(default_factory=dict)  # doc -> papers whose meeting day it names anywhere
    text_index: object = None  # link_similarity.fit_text_index: TF-IDF of the rows' matching texts

    def says_names_only(self, r: int) -> bool:
        if r not in self.names_only:
            self.names_only[r] = names_only(self.commitments[r])
        return self.names_only[r]


def index_rows(items: list[Item], commitments: list[Commitment]) -> Rows:
    items_by_id = {i.item_id: i for i in items}
    ordered = sorted(commitments, key=lambda c: (c.commitment_id, c.char_start))
    first_on_item: dict[str, str] = {}
    for c in sorted(ordered, key=lambda c: (c.item_id, c.char_start, c.commitment_id)):
        first_on_item.setdefault(c.item_id, c.commitment_id)
    roles = []
    for c in ordered:
        item = items_by_id.get(c.item_id)
        # A deck's restated request ("Provides reassurance that ...") reads like an
        # assurance; the segmenter knows it is the request its bullets answer.
        restated = item is not None and item.kind in ("request", "question") \
            and first_on_item[c.item_id] == c.commitment_id
        roles.append("request" if restated else c.kind)
    rows = Rows(ordered, roles, [items_by_id.get(c.item_id) for c in ordered])
    rows.row_of = {c.commitment_id: r for r, c in enumerate(ordered)}
    rows.items_said = {c.item_id for c in ordered}
    rows.amounts = [frozenset(c.amounts_gbp) for c in ordered]
    rows.dates = [frozenset(c.dates) for c in ordered]
    rows.names = [frozenset(n.lower() for n in c.people + c.organisations) for c in ordered]
    return rows


def ancestors(item: Item | None, items_by_id: dict[str, Item]) -> list[Item]:
    out, seen = [], set()
    while item is not None and item.parent_id and item.parent_id not in seen:
        seen.add(item.parent_id)
        item = items_by_id.get(item.parent_id)
        if item is not None:
            out.append(item)
    return out

