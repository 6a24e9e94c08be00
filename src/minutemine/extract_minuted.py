"""Questions and their answers as minutes record them in running prose, seen on real minutes.

Shapes that the sentence-by-sentence rules of `extract` miss:

- **a question and its reply in one numbered paragraph** — "49.2 With regard to question 2,
  Councillor A asked when … . Councillor B confirmed that … He agreed to provide more detail
  in writing.": the paragraph is one row (its item's kind forces the whole of it), yet it
  holds what was asked and what was answered.  It is split at the first sentence that
  opens with a named speaker's answer ("Councillor B confirmed", "In response, the Cabinet
  Member replied"); the ask stays a request, the rest is the assurance that answers it;
- **an ask minuted after another verb** — "Councillor A noted that … and asked if further
  action would be taken" (read as a decision by "noted"), "As a supplementary question
  Councillor A advised that … and sought clarification …" (read as an answer by
  "advised"): a sentence whose subject is a member and which asks is a request;
- (an answer that carries its own question on its own topic — "In response to a question
  concerning the recording of meetings, the Town Clerk advised that …" — is split into the
  ask and its answer by `extract_split`, with "in terms of …, X advised …".)

The wording is data (patterns/minuted.jsonl).  Rows are numbered again in order, as
`extract_split` does, so commitment ids stay f"{item_id}/c{n}".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .cues import first_cue
from .extract_paper import Context, Paper
from .extract_rows import make_commitment
from .models import Commitment, Item
from .nlp import kind_regexes

_ASKING_KINDS = ("request", "decision", "action", "assurance")


def _first(kind: str, text: str):
    for regex in kind_regexes("minuted", kind):
        found = regex.search(text)
        if found:
            return found
    return None


def opens_with_named_reply(sentence: str, strong: bool = False) -> bool:
    """Whether a sentence opens with a named speaker answering.

    >>> opens_with_named_reply("Councillor Marsh confirmed that the depot would reopen in May.")
    True
    >>> opens_with_named_reply("In response, Councillor Okafor replied that a report was due.")
    True
    >>> opens_with_named_reply("The Portfolio Holder for Parks and Open Spaces responded that the budget was set.")
    True
    >>> opens_with_named_reply("Councillor Marsh asked when the depot would reopen.")
    False
    >>> opens_with_named_reply("Councillor Marsh noted that the depot was shut."), opens_with_named_reply(
    ...     "Councillor Marsh noted that the depot was shut.", strong=True)
    (True, False)
    """
    return _first("named_reply_strong" if strong else "named_reply", " ".join(sentence.split())) is not None


def member_asks(sentence: str) -> bool:
    """Whether a sentence is a member (or the meeting) asking something.

    >>> member_asks("Councillor Marsh noted the new covenant and asked if more would be done.")
    True
    >>> member_asks("In respect of question 4, Councillor Marsh enquired whether bins were ordered.")
    True
    >>> member_asks("The Director asked officers to circulate the plan."), member_asks("Councillor Marsh noted the report.")
    (False, False)
    """
    text = " ".join(sentence.split())
    return _first("member_subject", text) is not None and _first("member_asks", text) is not None


def replies_by_title(text: str) -> bool:
    """Whether a row opens with an office-holder or officer, named by title, answering.

    >>> replies_by_title("The Cabinet Member for Parks commented that she would welcome a meeting.")
    True
    >>> replies_by_title("Councillor Marsh commented that the park should open."), replies_by_title(
    ...     "The Chair asked Members whether they wished to proceed.")
    (False, False)
    """
    return _first("role_reply", " ".join(text.split())) is not None


def asks_a_question(text: str) -> bool:
    """Whether a row's text puts a question (someone asked, enquired, sought clarification …), whoever its subject.

    >>> asks_a_question("A question was received from Councillor Ames who asked if the plan was ready.")
    True
    >>> asks_a_question("The Chairs raised the issue of workload.")
    False
    >>> asks_a_question("Members requested that the survey results be reported to the Committee.")
    False
    """
    return _first("question_asked", " ".join(text.split())) is not None


def named_question(text: str) -> str | None:
    """What an answer names of the question it answers (who put it, its number, its topic), or None.

    >>> named_question("In reply to a question from Councillor Ames, it was confirmed that …")
    'from Councillor Ames'
    >>> named_question("In response the Clerk advised that …") is None
    True
    """
    text = " ".join(text.split())
    found = _first("names_own_question", text)
    if found is None:
        return None
    tail = text[found.start("named"):]
    return tail.split(",")[0].strip()


def _reply_start(sdoc: Doc, start: int, end: int) -> int | None:
    """The char offset (in `sdoc`) where a named reply begins inside the row [start, end) after an ask."""
    for sent in sdoc.sents:
        if sent.start_char <= start or sent.start_char >= end:
            continue
        if opens_with_named_reply(sent.text) and member_asks(sdoc.text[start:sent.start_char]):
            return sent.start_char
    return None


def _span(sdoc: Doc, start: int, end: int) -> Span | None:
    span = sdoc.char_span(start, end, alignment_mode="contract")
    return span if span is not None and len(span) else None


def minuted_questions(paper: Paper, item: Item, rows: list[Commitment], sdoc: Doc, base: int) -> list[Commitment]:
    """The item's rows with minuted questions split from their replies and asks made requests."""
    out: list[Commitment] = []
    for row in rows:
        start, end = row.char_start - base, row.char_end - base
        if row.kind not in _ASKING_KINDS or not 0 <= start < end <= len(sdoc.text):
            out.append(row)
            continue
        text = sdoc.text[start:end]
        reply = _reply_start(sdoc, start, end) if row.kind != "assurance" else None
        ask = _span(sdoc, start, reply) if reply is not None else None
        answer = _span(sdoc, reply, end) if reply is not None else None
        if ask is not None and answer is not None:
            asked = make_commitment(paper, item, 0, ask, base, "request", first_cue(ask, weak_ok=True), Context(
                modality="asks"))
            out.append(asked)
            out.append(make_commitment(paper, item, 0, answer, base, "assurance", first_cue(answer, weak_ok=True),
                                       Context(modality="replies", addressee=asked.actor)))
            continue
        if row.kind == "request" and out and out[-1].kind in ("request", "assurance") and replies_by_title(text):
            # "He asked … . The Leader answered … . The Cabinet Member for X commented that she would welcome …"
            out.append(row.model_copy(update={"kind": "assurance", "modality": "replies"}))
            continue
        if row.kind in ("assurance", "action") and _first("meeting_asks_last", " ".join(text.split())) \
                and not opens_with_named_reply(text):
            out.append(row.model_copy(update={"kind": "request", "modality": "asks"}))
            continue
        if row.kind != "request" and member_asks(text) and (row.kind != "assurance" or _first("supplementary", text)):
            out.append(row.model_copy(update={"kind": "request", "modality": "asks"}))
            continue
        out.append(row)
    out = _with_reply_after(paper, item, out, sdoc, base)
    if len(out) == len(rows) and all(a is b for a, b in zip(out, rows)):
        return rows
    return [row.model_copy(update={"commitment_id": f"{item.item_id}/c{n}"}) for n, row in enumerate(out, 1)]


def _with_reply_after(paper: Paper, item: Item, rows: list[Commitment], sdoc: Doc, base: int) -> list[Commitment]:
    """The rows with the named reply that follows a request in the same paragraph made an assurance.

    "Councillor A … asked the Cabinet Member if …. Councillor B reiterated that …": the second
    sentence has no cue of its own, so nothing read it; it answers the ask before it and runs
    to the next row (or the end of the paragraph).
    """
    out: list[Commitment] = []
    for n, row in enumerate(rows):
        out.append(row)
        if row.kind != "request":
            continue
        end = row.char_end - base
        next_start = rows[n + 1].char_start - base if n + 1 < len(rows) else len(sdoc.text)
        after = next((s for s in sdoc.sents if s.start_char >= end and s.text.strip()), None)
        start = after.start_char + len(after.text) - len(after.text.lstrip()) if after is not None else next_start
        if start >= next_start or sdoc.text[end:start].strip(" .;:\n\t") or not opens_with_named_reply(after.text):
            continue
        answer = _span(sdoc, start, next_start)
        if answer is not None and answer.text.strip():
            out.append(make_commitment(paper, item, 0, answer, base, "assurance", first_cue(answer, weak_ok=True),
                                       Context(modality="replies", addressee=row.actor)))
    return out


def minuted_paper_rows(paper: Paper, items: list[Item], sdocs: list[Doc], bases: list[int],
                              rows: list[Commitment]) -> list[Commitment]:
    """The paper's rows with a paragraph that opens with a named reply, right after a paragraph
    that ends in a request, made an assurance (rows stay in item order); asks no cue read made
    requests; a recounted recommendation and what the paper reports done on it (`_referral`).

    "One member asked for an update …" / "In response Jane Doe outlined that …": the reply has
    no cue of its own ("outlined", "indicated he had full confidence"), so nothing read it.
    """
    by_item: dict[str, list[Commitment]] = {}
    for row in rows:
        by_item.setdefault(row.item_id, []).append(row)
    out: list[Commitment] = []
    last: Commitment | None = None  # the last row of the paragraphs read so far, and its item
    last_item: Item | None = None
    for item, sdoc, base in zip(items, sdocs, bases):
        own = by_item.pop(item.item_id, [])
        after_question = last is not None and last.kind == "request" and asks_a_question(last.text)
        if own and own[0].kind == "request" and after_question and replies_by_title(own[0].text):
            # "The CE stated that it would be useful to understand …" after a member's question: the reply
            own[0] = own[0].model_copy(update={"kind": "assurance", "modality": "replies"})
        if not own and (item.kind in ("paragraph", "bullet") or item.kind == "agenda_item" and len(sdoc.text) > 200):
            # a moderngov agenda item holds its minute in its own text ("Minute 42 - … Minutes: …")
            own = _asks_no_cue_read(paper, item, sdoc, base)
        if not own and last is not None and last.kind == "request" and asks_a_question(last.text) \
                and item.kind == "paragraph" and sdoc.text.strip():
            first = next(iter(sdoc.sents), None)
            whole = _span(sdoc, 0, len(sdoc.text.rstrip()))
            if first is not None and whole is not None and opens_with_named_reply(first.text, strong=True) \
                    and item.parent_id == last_item.parent_id:
                own = [make_commitment(paper, item, 1, whole, base, "assurance", first_cue(whole, weak_ok=True),
                                       Context(modality="replies", addressee=last.actor))]
        out.extend(own)
        if own:
            last, last_item = own[-1], item
        elif item.kind in ("agenda_item", "section"):
            last = None  # a new agenda item: what follows answers nothing asked above it
    for left in by_item.values():  # rows of items not in `items` (none expected): kept, at the end
        out.extend(left)
    return _referral(paper, out)


def recommended_by(text: str) -> str:
    """The body whose recommendation a sentence recounts ("X agreed to recommend that …"), or "".

    >>> recommended_by("The Housing Scrutiny Panel agreed to recommend that the Cabinet publish the audit.")
    'The Housing Scrutiny Panel'
    >>> recommended_by("The Cabinet agreed the recommendation.")
    ''
    """
    found = _first("recommends_to", " ".join(text.split()))
    return found["body"] if found else ""


def reported_body(text: str) -> str:
    """The body whose recommendation a row reports on ("since the recommendation of the scrutiny committee"), or "".

    >>> reported_body("Noted that since the recommendation of the scrutiny panel, two audits had been published.")
    'the scrutiny panel'
    """
    found = _first("answers_recommendation", " ".join(text.split()))
    return found["body"] if found else ""


def reports_on_recommendation(text: str) -> bool:
    """Whether a row reports what was done since (or in response to) a body's recommendation.

    >>> reports_on_recommendation("Noted that since the recommendation of the scrutiny panel, two audits had been published.")
    True
    >>> reports_on_recommendation("Noted the recommendation.")
    False
    """
    return _first("answers_recommendation", " ".join(text.split())) is not None


def _referral(paper: Paper, rows: list[Commitment]) -> list[Commitment]:
    """A recommendation recounted in the paper of the body it asks ("The Scrutiny Committee agreed to
    recommend that the Cabinet comply …") is a request, not an assurance; a row after it that reports
    what was done since that recommendation ("Noted that since the recommendation of the scrutiny
    committee, three responses had been provided …") is the answer to it, not a decision."""
    out: list[Commitment] = []
    recommended = False
    for row in rows:
        body = recommended_by(row.text) if row.kind in ("assurance", "action", "decision") else ""
        if body:
            row = row.model_copy(update={"kind": "request", "modality": "recommends", "actor": paper.canonical(body)})
            recommended = True
        elif recommended and row.kind in ("decision", "action") and reports_on_recommendation(row.text):
            row = row.model_copy(update={"kind": "assurance", "modality": "reports progress"})
        out.append(row)
    return out


def _asks_no_cue_read(paper: Paper, item: Item, sdoc: Doc, base: int) -> list[Commitment]:
    """The asks of a paragraph no cue read: "… it was noted that this had not happened and the Committee
    requested that this was actioned", "Councillors chased the response to the letter …"."""
    rows: list[Commitment] = []
    for sent in sdoc.sents:
        text = " ".join(sent.text.split())
        if text and (_first("meeting_asks", text) or member_asks(text)):
            rows.append(make_commitment(paper, item, len(rows) + 1, sent, base, "request", None, Context(
                modality="asks", actor=paper.committee, addressee="Officers")))
    return rows
