"""One Commitment row from a span of a paper: its actor, addressee, modality, obligation,
dates, deadline, money, people and source offsets."""

from __future__ import annotations

import re

from spacy.tokens import Span

from . import actors
from .cues import PASSIVE_UNDERTAKING
from .dates import find_dates
from .extract_paper import Context, Paper
from .models import Commitment, Item
from .money import amounts

FORWARD_KINDS = {"request", "action", "decision"}  # kinds whose future date is a deadline
_DEADLINE_CUE = re.compile(r"(?i)\b(?:by|before|until|till|no later than|not later than|deadline(?: of)?|due(?: by| on)?)\s*(?:the\s+)?$")
_FINANCIAL_YEAR = re.compile(r"\d{4}-04-01/\d{4}-03-31")


def deadline_of(text: str, spans, kind: str, meeting_date: str) -> str:
    """The date a commitment is due by: one written after "by/before/until", else for
    requests, actions and decisions the latest date not before the meeting."""
    for d in spans:
        if _DEADLINE_CUE.search(text[: d.start]):
            return d.iso.split("/")[-1]
    if kind in FORWARD_KINDS:
        # a financial year is the period a budget or membership covers ("for 2025/2026"), not a due date
        ends = [d.iso.split("/")[-1] for d in spans if not _FINANCIAL_YEAR.fullmatch(d.iso)]
        ahead = [e for e in ends if e >= meeting_date[:len(e)]]  # "2017" is not before 2017-09-25
        return max(ahead) if ahead else ""
    return ""


def make_commitment(paper: Paper, item: Item, n: int, span: Span, base: int, kind: str,
                    cue: Span | None, context: Context) -> Commitment:
    raw = span.text.rstrip().rstrip(";,([").rstrip()  # the sentencizer leaves "(" of "(ACTION: EP)" behind
    lead = len(raw) - len(raw.lstrip())
    start = base + span.start_char + lead
    end = base + span.start_char + len(raw)
    text = " ".join(raw.split())
    doc = paper.doc
    dates = find_dates(text, meeting_date=doc.meeting_date)
    actor, addressee = context.actor, context.addressee
    if cue is not None:
        # a restated request's "will" names what is asked for, not who asks
        asker_named = not (kind == "request" and (context.actor or cue.label_ != "request"))
        before = actors.actor_before(span, cue.start, paper.abbreviations) if asker_named else ""
        after = actors.addressee_after(span, cue.start, cue.end, paper.abbreviations)
        if not asker_named:
            pass
        elif kind == "request" and cue.text.lower().endswith(" by") and (
                after or actors.name_after(span, cue.end)):
            # "The Committee considered a petition submitted by Alison Bramall": she asks, the committee is asked
            actor = paper.canonical(after) if after else actors.name_after(span, cue.end)
            addressee = addressee or paper.committee or doc.body
        elif before:
            actor = paper.canonical(before)
        elif after and re.search(r"\bby$", cue.text + " " + span.doc[cue.end].text if cue.end < len(span.doc) else ""):
            actor = paper.canonical(after)  # "Reassurance was provided by the DfE"
        if kind in ("request", "decision", "recommendation") and after and after != actor and not context.addressee:
            addressee = paper.canonical(after)
    elif kind != "request" and not actor:
        first = actors.agent_or_subject(span, paper.abbreviations)
        actor = paper.canonical(first) if first else actor
    if not actor and kind == "action" and cue is not None and PASSIVE_UNDERTAKING.match(
            span.doc.text[cue.end_char:cue.end_char + 40]):
        actor = "Officers"  # "Further updates will be brought to the Committee"
    if not actor and kind == "request" and paper.is_minutes and cue is not None:
        actor = paper.committee  # "Members requested…", "Concerns were raised…"
        addressee = addressee or "Officers"  # …of the officers presenting the item
    if not actor and kind == "decision":
        actor = paper.decider
    if not actor and kind == "assurance":
        actor = "Officers" if paper.is_minutes else doc.body
    if not addressee and kind == "assurance" and paper.is_minutes:
        addressee = paper.committee
    modality = (cue.id_ if cue is not None else "") or context.modality
    obligation = " ".join(raw[cue.end_char - span.start_char:].split()).strip(" ,:;.-–") if cue is not None else text
    ents = list(span.ents)
    return Commitment(
        commitment_id=f"{item.item_id}/c{n}", doc_id=item.doc_id, item_id=item.item_id, kind=kind,
        label_path=item.label_path, text=text, actor=actor, addressee=addressee if addressee != actor else "",
        modality=modality, obligation=obligation,
        dates=list(dict.fromkeys(d.iso for d in dates)),
        deadline=deadline_of(text, dates, kind, doc.meeting_date),
        amounts_gbp=amounts(text), people=actors.people_in(text, ents, paper.people),
        organisations=[paper.canonical(o) for o in actors.organisations_in(ents, {})],
        page=paper.page_at(start), char_start=start, char_end=end)


# a resolution worded for a body to adopt: "Authorises the Executive Director…", "That the Committee … notes this report"
_PROPOSED_RESOLUTION = re.compile(
    r"^(?:That\s+(?:the\s+)?(?:[A-Z][\w&'’]*\s+|(?:and|&|of|for)\s+){1,8})?"
    r"(?:approves?|authori[sz]es?|notes?|agrees?|delegates?|endorses?|adopts?|instructs?)\b", re.I)


def report_proposes(paper: Paper, row: Commitment) -> Commitment:
    """A report decides nothing: what it words as a resolution it recommends to the committee
    it goes to (a decision record or minutes record what was decided)."""
    if paper.is_minutes or paper.is_decision_record:
        return row
    if row.kind == "decision" and _PROPOSED_RESOLUTION.match(row.text):
        return row.model_copy(update={"kind": "recommendation", "actor": "",
                                      "addressee": paper.committee or paper.doc.body})
    if row.kind == "recommendation" and not row.addressee and not row.actor:
        return row.model_copy(update={"addressee": paper.committee or paper.doc.body})
    return row
