"""One item's commitments: one row per cued sentence, or the whole item when its kind or lead-in
makes it a commitment whatever its wording.

`extract.document_commitments` walks a paper's items and settles each item's context (lead-in,
answer heading, table, letter); this module reads the item's own sentences under that context.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from . import actors
from .cues import PASSIVE_UNDERTAKING, asks_for_report, cues_in, decides, first_cue, remarks, reports_progress, tells_history
from .dates import find_dates
from .extract_asked import ASKED_IN_LEAD_IN, officer_asked, reply_speaker
from .extract_forum import reply_sentences
from .extract_paper import LEAD_IN_END, Context, Paper, is_bare_name
from .extract_rows import make_commitment
from .models import Commitment, Item

ITEM_KINDS = {"request": "request", "response": "assurance", "question": "request", "resolution": "decision"}
_PASSIVE_RESOLUTION = re.compile(r"^\S.{10,}?\bto be (?:\w+ed|met|paid|spent|drawn|taken|given|made)\b")  # "OBC costs to be funded"
_REPLY_BACK = re.compile(r"^\s*(?:This|That|These|It)\s+(?:was|were|is|are|had been|has been|have been)\s+(?:already\s+|also\s+)?\w+ed\b")  # "This was recognised …"
# "Response: There were 212 births …": a reply printed as its own paragraph under the question it answers
_REPLY_LABEL = re.compile(r"^\W*(?:[\w']+\s+){0,2}?(?:response|answer|reply)\s*:", re.IGNORECASE)
_GOES_ON = re.compile(r"^\s*(?:However|But|Although|Nevertheless)\b")  # a sentence that qualifies the one before


def item_commitments(paper: Paper, item: Item, sdoc: Doc, base: int, context: Context) -> list[Commitment]:
    """The commitments one item holds: one per cued sentence, or the whole item when its
    kind or lead-in makes it a commitment whatever its wording."""
    if context.kind == "statements":
        return []  # the title of a public statement received: GUIDE does not annotate statements
    if context.kind == "reply" or item.kind == "paragraph" and _REPLY_LABEL.match(sdoc.text):
        return reply_sentences(paper, item, sdoc, base, context)
    forced = "request" if context.modality == ASKED_IN_LEAD_IN else ITEM_KINDS.get(item.kind, "") or context.kind
    if forced == "recommendation" and item.kind == "paragraph" and not item.label:
        forced = ""  # the signature under "4. Recommendations" recommends nothing
    if forced == "decision" and item.kind == "recommendation" and context.modality == "endorses" \
            and not paper.is_decision_record:
        forced = "recommendation"  # "… endorses the following recommendations and refers them to Cabinet: 1. That …"
    if forced == "recommendation" and paper.is_decision_record:
        forced = "decision"  # a decision record restates the recommendations it approved
    whole = sdoc[:]
    if forced and forced != "request" and sdoc.text.rstrip().endswith("?"):
        return []  # a form's field label: "Exempt Information?"
    if sdoc.text.rstrip().endswith(":") and item.kind not in ("request", "question") and not any(
            c.id_ == "moves" for c in cues_in(whole)):
        # "Phase 1 Initial discussion:" introduces; "… moved an amendment as follows:" proposes; a
        # restated request printed with a colon before its answers ("9.. Provides clarity …:") still asks
        return []
    if not forced and (item.kind in ("bullet", "table_row") or item.label and item.kind == "paragraph") and not any(
            map(cues_in, sdoc.sents)) and not (paper.is_update and reports_progress(sdoc.text)):  # per sentence: a closing
        return _scheduled_entry(paper, item, whole, base)  # "It should be noted that …" silences only itself
    if forced == "discussion":
        forced = ITEM_KINDS.get(item.kind, "")
    if forced and item.kind in ITEM_KINDS or (forced and not LEAD_IN_END.search(sdoc.text)):
        if not sdoc.text.strip() or len(sdoc) < 2 and forced != "action":
            return []
        cue = first_cue(whole, weak_ok=True)
        if forced == "decision" and paper.is_minutes and (cue is None or cue.label_ == "action") and (asks_for_report(
                sdoc.text) or officer_asked(sdoc.text)):  # "That a report on … be brought to the Committee in six
            # months" asks officers; "(d) the Scrutiny Officer arrange a visit …" asks the officer it names
            return [make_commitment(paper, item, 1, whole, base, "request", None, Context(modality="requests report" if (
                asks_for_report(sdoc.text)) else "asks", actor=paper.decider, addressee=paper.canonical(
                officer_asked(sdoc.text)) or "Officers"))]
        if forced == "decision" and cue is None and not (item.label and _PASSIVE_RESOLUTION.search(sdoc.text)):
            return []  # a heading or note inside a list of resolutions; "2. … costs to be funded through …" resolves
        if cue is None and item.kind not in ITEM_KINDS and is_bare_name(sdoc.text):
            return []  # "To provide assurance to: - Cabinet - Council": a list of names promises nothing
        kind = forced
        if cue is not None and forced == "decision" and cue.label_ in ("action", "assurance"):
            kind = "assurance" if paper.is_minutes else "action"  # "The website will be updated" under a heading
        if cue is not None and forced == "decision" and cue.label_ in ("request", "recommendation"):
            kind = cue.label_  # "Cabinet - 3. Requests the Committee to…" is Cabinet's request
        if item.kind == "question":
            context = Context(context.kind, context.modality or "questions", context.actor or paper.committee,
                              context.addressee)
        return [make_commitment(paper, item, 1, whole, base, kind, cue, context)]
    out = []
    last: tuple | None = None  # (rows so far, start token, kind, cue, context) of the last cued sentence
    discussion = context.kind == "discussion"
    for sent in sdoc.sents:
        cue = first_cue(sent, weak_ok=discussion)
        if cue is not None and cue.id_ == "action noted" and sum(t.is_alpha for t in sent[cue.end - sent.start:]) < 2:
            continue  # "(ACTION: EP)" only names who acts on the sentence before
        if cue is not None and (cue.label_ == "decision" and not decides(sent, cue) or remarks(sent, cue)):
            cue = None  # "… officers have initiated the procurement": a verb mid-sentence decides nothing
        if cue is None and (paper.is_update and not context.kind or discussion and item.kind == "bullet") and \
                reports_progress(sent.text) and not tells_history(sent.text, paper.doc.meeting_date):
            # "The OBC programme is currently in progress": an update's progress on an earlier decision; a point
            # of discussion saying what is being done ("Ongoing engagement is taking place…") is the officers' reply
            out.append(make_commitment(paper, item, len(out) + 1, sent, base, "assurance", None, Context(
                modality="reports progress", actor="Officers", addressee=paper.committee or paper.doc.body)))
            continue
        if cue is None and last is not None and last[0] == len(out) and _GOES_ON.match(sent.text):
            # "… The Assistant Director confirmed that … However regular drop in sessions were being run":
            # a sentence with no cue that answers "but" goes on with the point before it
            start, kind, prev_cue, prev_context = last[1:]
            out[-1] = make_commitment(paper, item, len(out), sdoc[start:sent.end], base, kind, prev_cue, prev_context)
            continue
        if (cue is None or cue.label_ == "action") and last is not None and last[0] == len(out) and last[2] == "request" \
                and (cue is None and paper.is_minutes and _REPLY_BACK.match(sent.text) or reply_speaker(sent.text)):
            # "There was major concern regarding … This was recognised at regional level …", "A resident asked when
            # … The Head of Regeneration said that work …": the reply to it
            out.append(make_commitment(paper, item, len(out) + 1, sent, base, "assurance", None, Context(
                modality="replies", actor=paper.canonical(reply_speaker(sent.text)), addressee=paper.committee)))
            continue
        if cue is None:
            continue
        kind = cue.label_
        if kind == "action" and not discussion and not context.kind and not _owned_or_dated(sent, cue, paper):
            continue  # "This will enable…", "the consultation must be…": description, not an undertaking
        if kind == "action" and context.kind in ("assurance", "request", "discussion"):
            kind = "assurance" if discussion else context.kind  # a point made in reply by officers
        elif (kind == "action" and paper.is_minutes and not context.kind and cue.id_ == "will"
              and paper.canonical(actors.actor_before(sent, cue.start, paper.abbreviations)) in ("", "Officers")):
            kind = "assurance"  # "Officers will work with…": minutes record undertakings given in reply
        elif kind == "action" and paper.is_minutes and last is not None and last[0] == len(out) and last[2] == "request":
            kind = "assurance"  # "Concerns were raised … This … is scheduled to be presented": the reply to it
        sent_context = context
        if discussion:
            sent_context = Context(actor=paper.committee if kind == "request" else "",
                                   addressee="Officers" if kind == "request" else "")
        out.append(make_commitment(paper, item, len(out) + 1, sent, base, kind, cue, sent_context))
        last = (len(out), sent.start, kind, cue, sent_context)
    return out


def _owned_or_dated(sent: Span, cue: Span, paper: Paper) -> bool:
    """An undertaking names who will act (before the cue) or when, or is something that
    "will be brought/produced/drafted" (by officers); "This will enable…" describes."""
    cues = [c for c in cues_in(sent) if c.label_ == "action"] or [cue]
    if any(actors.actor_before(sent, c.start, paper.abbreviations) for c in cues):
        return True
    if any(PASSIVE_UNDERTAKING.match(sent.doc.text[c.end_char:c.end_char + 40]) for c in cues):
        return True
    return bool(find_dates(sent.text, meeting_date=paper.doc.meeting_date))


def _scheduled_entry(paper: Paper, item: Item, whole: Span, base: int) -> list[Commitment]:
    """A timeline bullet ("Cabinet 16th Jan") is an action: a body and a date still to come."""
    meeting = paper.doc.meeting_date
    dates = find_dates(whole.text, meeting_date=meeting)
    spans_months = any(re.fullmatch(r"\d{4}-\d\d/\d{4}-\d\d", d.iso) for d in dates)
    if not dates or not (actors.first_actor(whole, paper.abbreviations) or spans_months):
        return []  # a timeline entry names who meets, or spans months: "Surveys (June to September 2025)"
    if meeting and max(d.iso.split("/")[-1] for d in dates) <= meeting[:10]:
        return []  # the meeting itself, or past
    return [make_commitment(paper, item, 1, whole, base, "action", None, Context(modality="scheduled"))]
