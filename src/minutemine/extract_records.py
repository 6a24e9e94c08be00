"""Registers printed as records of "Field: value": action logs, audit follow-ups, recommendation trackers.

A register row printed on one line, its fields joined by " | ":

    Ref: A12 | Action: Reconcile payroll monthly | Owner: Head of Finance | Due: 31 March 2025 | Status: Complete - …

is read as a reader pairs its fields: the asking field ("Action:", "Recommendation:") is a request of the
owner the row names ("Owner:", "Lead:"), and each answering field ("Status:", "Progress:", "Management
response:") is the owner's answer to it, its verdict included ("Complete", "Partly implemented - revised
date: …"): the verdict is what tells whether the request was met.  The reference, owner and dates are
fields, not commitments.  A record printed one field a line is nested by segment
(segment_kinds.nest_record_fields); its answering field is read here too, as the owner's answer.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .extract_paper import Context, Paper
from .extract_rows import make_commitment
from .models import Commitment, Item
from .segment_records import (_FIELD, ANSWER_KEY, ASK_KEY, OWNER_KEY, REFERRED, REFERRER_KEY, STATUS_KEY, field_key,
                              responder, says_more_than_a_state)
from .table_columns import RECORD_FIELDS

_SEPARATOR = re.compile(r"\s*\|\s*")


def record_cells(text: str) -> list[tuple[str, int, int]]:
    """(field name, value start, value end) of each cell of a register row printed on one line; [] unless
    every cell is a field and one asks and another answers.

    >>> row = "Ref: A13 | Action: Review access | Owner: ICT Manager | Status: Partly implemented"
    >>> [(k, row[s:e]) for k, s, e in record_cells(row)][1:]
    [('Action', 'Review access'), ('Owner', 'ICT Manager'), ('Status', 'Partly implemented')]
    >>> record_cells("No | Recommendation | Response"), record_cells("Ref: A1 | Owner: ICT Manager")
    ([], [])
    """
    cells, start = [], 0
    for m in list(_SEPARATOR.finditer(text)) + [None]:
        end = m.start() if m else len(text.rstrip())
        field = _FIELD.match(text[start:end])
        if not field:
            return []
        cells.append((field["key"], start + field.end(), end))
        start = m.end() if m else end
    keys = [k for k, _, _ in cells]
    if len(cells) < 2 or not any(ASK_KEY.match(k) for k in keys) or not any(ANSWER_KEY.match(k) for k in keys):
        return []
    return cells


def record_row(paper: Paper, item: Item, sdoc: Doc, base: int) -> list[Commitment]:
    """A register row printed on one line: its asking cell a request of the owner, each answering cell the
    owner's answer (a bare state, "Status: Open", answers nothing)."""
    cells = record_cells(sdoc.text)
    owner = next((" ".join(sdoc.text[s:e].split()) for k, s, e in cells if OWNER_KEY.match(k)), "")
    owner = paper.canonical(owner) if owner else ""
    out: list[Commitment] = []
    for key, start, end in cells:
        asks, answers = bool(ASK_KEY.match(key)), bool(ANSWER_KEY.match(key))
        part = sdoc.char_span(start, end, alignment_mode="contract")
        if not (asks or answers) or part is None or not any(t.is_alpha for t in part) or asks and out or \
                STATUS_KEY.match(key) and not says_more_than_a_state(f"{key}: {part.text}"):
            continue  # "Status: Open" says no more than the state the linking stage reads from the answers
        if asks:
            context = Context(modality="restates", actor=paper.committee, addressee=owner)
        else:
            context = Context(modality="answers", actor=owner, addressee=paper.committee)
        out.append(make_commitment(paper, item, len(out) + 1, part, base, "request" if asks else "assurance", None,
                                   context))
    return out


def record_owner(items: list[Item], i: int) -> str:
    """The owner a record printed one field a line names ("Lead: Procurement Manager"), looked for among the
    fields around its answering field `i`; "" if none."""
    for j in range(max(0, i - RECORD_FIELDS), min(len(items), i + 3)):
        if items[j].parent_id == items[i].parent_id and OWNER_KEY.match(field_key(items[j].text)):
            return items[j].text.split(":", 1)[1].strip()
    return ""


def with_record_owners(items: list[Item], rows: list[Commitment], paper: Paper) -> list[Commitment]:
    """A record printed one field a line, nested by segment (its asking field a request, its answering field
    the response under it): the owner its "Lead:"/"Owner:" field names, or the body its answering field
    names ("Cabinet response:"), is the one asked and the one answering; "Referred by the Scrutiny
    Committee: …" names who asks."""
    by_id = {it.item_id: n for n, it in enumerate(items)}
    owners: dict[str, str] = {}  # asking field's item -> who answers it, from its fields
    for it in items:
        if it.parent_id in by_id and items[by_id[it.parent_id]].kind == "request":
            if OWNER_KEY.match(field_key(it.text)):
                owners[it.parent_id] = it.text.split(":", 1)[1].strip()
            elif responder(it.text) and it.kind == "response":
                owners.setdefault(it.parent_id, paper.canonical(responder(it.text)))
    referrers: dict[str, str] = {}  # the record's "Referred by: Environment Scrutiny Panel, 12 June 2025" field
    for n, it in enumerate(items):
        if REFERRER_KEY.match(field_key(it.text)):
            ask = next((later for later in items[n + 1:n + 1 + RECORD_FIELDS] if later.parent_id == it.parent_id
                        and later.kind == "request"), None)
            if ask is not None:
                referrers[it.item_id] = referrers[ask.item_id] = it.text.split(":", 1)[1].split(",")[0].strip()
    out = []
    for row in rows:
        item = items[by_id[row.item_id]] if row.item_id in by_id else None
        if item is not None and item.item_id in referrers and item.kind != "request":
            continue  # the field naming who referred the record asks nothing itself
        if item is not None and item.item_id in referrers and row.kind == "request" and not REFERRED.match(item.text):
            row = row.model_copy(update={"actor": paper.canonical(referrers[item.item_id])})
        if item is not None and item.item_id in owners and row.kind in ("request", "decision"):
            referred = REFERRED.match(item.text)
            row = row.model_copy(update={"kind": "request", "addressee": row.addressee if row.addressee and not referred
                                         else owners[item.item_id],
                                         "actor": paper.canonical(referred["who"]) if referred else row.actor})
        elif item is not None and item.parent_id in owners and row.kind == "assurance" and item.kind == "response":
            row = row.model_copy(update={"actor": owners[item.parent_id]})
        out.append(row)
    return out
