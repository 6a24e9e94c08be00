"""Extract: one Commitment row per request, assurance, recommendation, decision or action.

How a reader tells the kinds apart (the same rules the code applies):

- **request** — something asked of someone: "seeks assurance that…", "Requests the
  Committee to…", "advises council to consider…", "are asked to…", a restated request in
  an update deck, or a question raised ("Key areas of questioning related to – (a) …").
- **assurance** — an answer or undertaking given in reply: a response bullet under a
  restated request, "Provides reassurance…", "it was confirmed that…", "Officers agreed to…".
- **recommendation** — "Recommends that…", an item of a list of recommendations.
- **decision** — what a body decided: "Agrees", "Delegates", "Approved", "Authorised",
  "notes the report", "RESOLVED", "CARRIED", items under "Cabinet -" or "It was APPROVED that".
- **action** — an undertaking with an owner or a date that answers no request:
  "Torbay Council will now consider…", "is scheduled to…", a timeline entry.

A sentence's own cue (patterns/cues.jsonl) decides its kind; the lead-in an item hangs
from (patterns/lead_ins.jsonl: "That council seeks assurance –", "Cabinet -") decides
the kind of items that carry no decisive cue of their own, and names the actor.  An
item of kind `request`/`response`/`question` from segment is a request/assurance/
request whatever its wording.  Background prose with no cue ("In January 2016, Ofsted
judged…") is not a commitment.

In a paper titled as an update, a sentence reporting what has been done ("… has already
begun", "… took place") is an assurance: progress on an earlier decision.

commitment_id is f"{item_id}/c{n}", n counting the item's commitments from 1.

This module walks a paper's items; the rest of the stage lives beside it:
`extract_paper` (per-paper facts, lead-in context), `extract_rows` (one row's fields),
`extract_item` (one item's own sentences, under the context this walk settles), `extract_forum`
(public questions and their replies), `extract_reply` (answer headings, reply letters and answer
tables: what a reply says is an assurance, facts included), `extract_split`
(a question and its answer, or an answer and an action note, minuted together), `extract_response`
(a paper that answers another: its body's facts, "accepted, save that:" resolutions, captions).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc

from . import deadline
from .cues import cues_in, is_procedural_rubric
from .extract_asked import items_asked
from .extract_forum import (ends_reply, listed_question_asker, normalised, raw_end,
                            public_question_asker, question_request, repeated_question, reply_sentences,
                            with_printed_label)
from .extract_item import ITEM_KINDS, item_commitments
from .extract_paper import LEAD_IN_END, Context, cue_lead_in, is_title_line, lead_in_context, looks_listed, paper_of
from .extract_reply import (answer_heading, answer_rows, answer_table_columns, answer_table_rows,
                            closes_letter, goes_on_answering, is_heading_line, opens_letter, record_answer,
                            reply_letter)
from .extract_rows import report_proposes
from .extract_questions import QuestionsInFull
from .extract_records import record_cells, record_row, with_record_owners
from .extract_response import (accepts_with_exceptions, decision_with_exceptions, is_caption, recounts_asks,
                               responds_to_another)
from .extract_split import split_asked_and_answered
from .extract_minuted import minuted_questions, minuted_paper_rows
from .extract_wording import opens_with_verdict, reworded
from .models import Commitment, Document, Item
from .nlp import get_nlp

# "Response 1 – Inspection times": a numbered reply's heading; the paragraph under it is the reply
_REPLY_HEADING = re.compile(r"^\W*(?:response|reply|answer)\s+(?:to\s+(?:recommendation|question)\s+)?[\w.()]{1,6}\s*(?:[–:-]|$)",
                            re.IGNORECASE)
# "Information requested by the Panel" heads answers only in a paper that says it replies; in the
# paper that asks, it heads the questions
_INFORMATION_HEADING = re.compile(r"(?i)^\W*(?:[\d.]+\s+)?information\s+(?:requested|asked\s+for|sought|requests?)\b")
_SAYS_IT_REPLIES = re.compile(r"(?i)\b(?:responses?|repl(?:y|ies)|answers?)\b")
OPENING_CHARS = 1500  # a paper's title and summary


def own_text(doc: Document, item: Item, child_starts: list[int]) -> tuple[int, str]:
    """The item's own words as printed in Document.text and their offset, children cut off.

    Segment gives `text` tidied (label stripped, lines joined) and char_start at the label;
    the source extent is what offsets must point into.
    """
    if not doc.text or not (0 <= item.char_start < item.char_end <= len(doc.text)):
        return item.char_start, item.text
    head = item.text[:20]
    at = doc.text.find(head, item.char_start, item.char_end) if head else -1
    start = at if at >= 0 else item.char_start
    if any(c <= start for c in child_starts):
        return item.char_start, item.text  # a slide title printed away from its items
    end = min([c for c in child_starts if c > start] + [item.char_end])
    return start, doc.text[start:end]


def document_commitments(doc: Document, items: list[Item], sdocs: list[Doc], bases: list[int]) -> list[Commitment]:
    """Walk one paper's items in order, carrying the lead-in context down the tree."""
    paper = replace(paper_of(doc), responds=responds_to_another(doc))
    by_id = {it.item_id: i for i, it in enumerate(items)}
    has_children = {it.parent_id for it in items}
    sections_over = {it.parent_id for it in items if it.kind in ("section", "agenda_item")}
    contexts: dict[str, Context] = {}
    out: list[Commitment] = []
    loose: Context = Context()  # the last lead-in, for items that have no parent in the tree
    asker = ""  # the member of the public whose question the items now being read answer
    listed: dict[str, str] = {}  # the agenda item's listed public questions (normalised words) -> asker
    listed_rows: list[str] = []  # their rows, kept only when the minutes record a reply to the asker
    cut_list: tuple[str, Context] | None = None  # (parent, context) of the last list of answers or points made
    table: tuple[int, int] | None = None  # (asking, answering) columns of the answer table being read
    answering: tuple[Item, Context] | None = None  # the answer heading the items now being read stand under
    in_full = QuestionsInFull.of(items)
    letter = reply_letter(doc)
    replies = bool(_SAYS_IT_REPLIES.search(doc.text[:OPENING_CHARS]))
    in_letter = False
    letter_context = Context("answers", "answers", *(paper.canonical(name) for name in letter)) if letter else Context()
    for i, (item, sdoc) in enumerate(zip(items, sdocs)):
        deadline.check()
        if item.kind in ("agenda_item", "section"):
            asker, listed, cut_list = "", {}, None
        if in_full.covers(item):  # "Question 1 – title" / "Asked by …" / the question / "Mayor's Response" / the reply
            out.extend(in_full.rows(paper, item, sdoc, bases[i]))
            continue
        if paper.is_minutes and public_question_asker(sdoc.text):
            asker = public_question_asker(sdoc.text)  # "Q15, 16 & 17 – Zoe Mack": a request to the committee
            out.append(question_request(paper, item, 1, sdoc, bases[i], asker))
            continue
        if paper.is_minutes and item.kind == "question" and listed_question_asker(sdoc.text):
            # "Question 2 A,B - Chris Whitfield - EV Charging…": asked by the person it names
            listed[normalised(sdoc.text)] = listed_question_asker(sdoc.text)
            out.append(with_printed_label(paper, item, question_request(
                paper, item, 1, sdoc, bases[i], listed[normalised(sdoc.text)])))
            listed_rows.append(out[-1].commitment_id)
            continue
        question, repeated_by = repeated_question(sdoc.text, listed) if listed and item.kind in (
            "paragraph", "bullet") else ("", "")
        if repeated_by:
            # the listed question repeated as the heading of its replies, maybe run into the first: not a
            # second request (linking finds the listed one from the heading's words), its replies answer the asker
            asker, heading_end = repeated_by, raw_end(sdoc.text, question)
            out.extend(reply_sentences(paper, item, sdoc, bases[i], Context(addressee=asker), heading_end))
            continue
        if item.kind == "paragraph" and i and _REPLY_HEADING.match(items[i - 1].text) and len(items[i - 1].text) < 100:
            # "Response 1 – Inspection times" / "Accepted. Since 1 April 2025 every new report …": each sentence
            # under a numbered reply's heading answers, facts included
            out.extend(reply_sentences(paper, item, sdoc, bases[i], Context(addressee=paper.committee)))
            continue
        if item.kind != "table_row":
            table = None
        elif table is None and answer_table_columns(sdoc.text):
            table = answer_table_columns(sdoc.text)  # "No | Recommendation | Cabinet response | Lead officer"
            continue
        elif table is not None or record_cells(sdoc.text):  # "Ref: A12 | Action: … | Owner: … | Status: Complete"
            out.extend(answer_table_rows(paper, item, sdoc, bases[i], table, Context(addressee=paper.committee))
                       if table is not None else record_row(paper, item, sdoc, bases[i]))
            continue
        if item.kind == "paragraph" and record_answer(items, i):  # "Update: Reports fell by 7.5%…"
            out.extend(answer_rows(paper, item, sdoc, bases[i], Context("answers", "answers", "", paper.committee)))
            continue
        if letter is not None and (opens_letter(sdoc.text) or closes_letter(sdoc.text)):
            in_letter = opens_letter(sdoc.text)  # "Dear Convener," … "Yours sincerely,"
            continue
        if in_letter:  # a reply letter's body: each sentence answers the letter it replies to
            if item.kind in ("paragraph", "bullet", "recommendation", "response"):  # "Recommendation 2 – I agree. …"
                out.extend(answer_rows(paper, item, sdoc, bases[i], letter_context, letter=True))
            continue
        if item.kind in ("section", "agenda_item", "paragraph") and answer_heading(sdoc.text) \
                and item.item_id not in sections_over and (replies or not _INFORMATION_HEADING.match(sdoc.text)):  # a title over sections ("RESPONSE TO THE …") heads a whole paper
            answering = (item, Context("answers", "answers", "", paper.committee))  # "INFORMATION REQUESTED BY THE GROUP"
            continue
        if answering is not None and item.kind not in ITEM_KINDS and goes_on_answering(items, by_id, has_children, item,
                                                                                            answering[0]):
            if item.kind in ("paragraph", "bullet"):
                out.extend(answer_rows(paper, item, sdoc, bases[i], answering[1]))
            elif item.kind == "recommendation" and opens_with_verdict(sdoc.text):  # "Recommendation 2: Accepted. …"
                out.extend(reworded(paper, items, i, sdoc, bases[i], [], out))
            continue
        answering = None
        if asker and item.kind == "paragraph" and ends_reply(sdoc.text):
            asker = ""  # "Public Forum Statements:", or a questioner whose question we do not have
        own = lead_in_context(sdoc[:], paper) if LEAD_IN_END.search(sdoc.text) or len(sdoc) <= 8 or item.kind in (
            "section", "agenda_item") else Context()
        if own.kind and item.item_id in sections_over and answer_heading(sdoc.text):
            own = Context()  # "RESPONSE TO THE HOUSING PANEL" titles the paper: its summary and finance answer nothing
        if not own.kind and item.item_id in has_children and LEAD_IN_END.search(sdoc.text):
            own = cue_lead_in(sdoc[:], paper)  # "Authorised the Executive Director … to"
        if item.item_id in has_children and items_asked(sdoc.text, paper):  # "… and that the Cabinet Member be asked:"
            contexts[item.item_id] = loose = items_asked(sdoc.text, paper)
            continue  # its items finish its ask: each is a request, the lead-in is no row of its own
        inherited = contexts.get(item.parent_id, Context()) if item.parent_id in by_id else Context()
        if not item.parent_id and not inherited.kind and loose.kind and looks_listed(doc, item, sdoc.text):
            inherited = loose
        if cut_list is not None and item.parent_id == cut_list[0] and item.kind == "paragraph" and (
                own.kind or sdoc.text.rstrip().endswith((";", ":"))):
            cut_list = None  # "Following the discussion;" closes the list
        if cut_list is not None and item.parent_id == cut_list[0] and item.kind == "bullet" and not inherited.kind \
                and not any(c.label_ == "request" for c in cues_in(sdoc[:])):
            # a bullet of "officers confirmed the following points:" that a stray line cut off (what members
            # asked there is read by its own cue)
            inherited = cut_list[1]
        if asker:  # what follows a public question is the reply to its asker
            if own.kind == "assurance":
                own = replace(own, addressee=asker)
            if inherited.kind == "assurance":
                inherited = replace(inherited, addressee=asker)
            elif not inherited.kind and not own.kind and item.kind in ("paragraph", "bullet"):
                inherited = Context("reply", "", "", asker)
        if own.kind and inherited.kind == own.kind:
            # "That council seeks assurance –" under "The committee advises council…": the outer
            # lead-in says who asks whom; the inner one is not a row of its own
            own = Context(own.kind, own.modality, inherited.actor, inherited.addressee)
            contexts[item.item_id] = loose = own
            continue
        elif not item.parent_id and not own.kind and item.kind not in ITEM_KINDS:
            loose = Context()
        contexts[item.item_id] = own if own.kind else inherited
        if own.kind:
            loose = own
        if own.kind in ("assurance", "discussion") and item.item_id in has_children:
            cut_list = (item.parent_id, own)
        if (not own.kind and item.kind == "paragraph" and item.item_id in has_children and len(sdoc) <= 12
                and not cues_in(sdoc[:])):
            contexts[item.item_id] = inherited
            continue  # "That the Committee for Transport and Connectivity" opens its numbered items
        if own.kind == "decision" and accepts_with_exceptions(sdoc.text):  # "… be accepted, save that:"
            row, contexts[item.item_id] = decision_with_exceptions(paper, item, sdoc, bases[i], own)
            out.append(row)
            continue
        if own.kind and own.kind != "request" and own.modality != "moves":
            continue  # "It was APPROVED that", "Officers confirmed the following:" open a list
        if item.kind == "section" or item.item_id in has_children and item.kind == "response" and item.label and (
                is_title_line(sdoc.text) or _REPLY_HEADING.match(sdoc.text) and is_heading_line(sdoc.text)):
            # a slide title ("Transitional Funding (Approved)", "2(a) Transitional Funding approved") heads its points;
            # "Response 3 – Funding for ventilation and heating works" heads the reply under it
            continue
        # a request lead-in is a row through its own cue ("The committee advises council to consider…")
        lead_in = Context(modality=own.modality, actor=own.actor, addressee=own.addressee)
        rows = reworded(paper, items, i, sdoc, bases[i], item_commitments(paper, item, sdoc, bases[i], lead_in if own.kind else inherited), out)
        rows = split_asked_and_answered(paper, item, rows, sdoc, bases[i])
        out.extend(minuted_questions(paper, item, rows, sdoc, bases[i]))
    if listed_rows:
        # a question only listed as received is not minuted as asked: its written answer is elsewhere
        replied_to = {row.addressee for row in out if row.kind == "assurance"}
        unanswered = {row.commitment_id for row in out if row.commitment_id in listed_rows and row.actor not in replied_to}
        out = [row for row in out if row.commitment_id not in unanswered]
    out = minuted_paper_rows(paper, items, sdocs, bases, out)
    # captions, a recounting of the asks answered, procedural rubric ("Under Procedure Rule 10 each questioner may…")
    return [report_proposes(paper, row) for row in with_record_owners(items, out, paper)
            if not is_caption(row.text) and not recounts_asks(row) and not is_procedural_rubric(row.text)]


def extract_commitments(pairs: Iterable[tuple[Document, list[Item]]], model: str = "") -> list[list[Commitment]]:
    """The commitments of each (document, items) pair, one list per pair, in item order."""
    nlp = get_nlp(model)
    pairs = list(pairs)
    texts: list[str] = []
    bases: list[list[int]] = []
    for doc, items in pairs:
        children: dict[str, list[int]] = {}
        for it in items:
            children.setdefault(it.parent_id, []).append(it.char_start)
        doc_bases = []
        for it in items:
            base, text = own_text(doc, it, children.get(it.item_id, []))
            doc_bases.append(base)
            texts.append(text)
        bases.append(doc_bases)
    parsed = iter(nlp.pipe(deadline.checking(texts), batch_size=256))
    out = []
    for (doc, items), doc_bases in zip(pairs, bases):
        sdocs = [next(parsed) for _ in items]
        out.append(document_commitments(doc, items, sdocs, doc_bases))
    return out

