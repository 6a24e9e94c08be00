"""Request status: answered, partly answered or outstanding, through restatements and sub-requests."""

from __future__ import annotations

from collections import defaultdict

from .answer_cues import (asks_for_assurance, declines_part, defers, only_undertakes, second_part_unanswered,
                          vocabulary_pattern)
from .asked_actions import grants_the_ask
from .link_rows import ASKING, Candidate, Rows, ancestors
from .models import Item

SUB_ASK_ITEM_KINDS = {"request", "question", "recommendation"}


def statuses(rows: Rows, chosen: dict[int, Candidate], items_by_id: dict[str, Item],
             also_answering: dict[int, list[Candidate]] | None = None) -> dict[int, str]:
    """answered / partly answered / outstanding for every ask, through restatements and sub-requests.

    `chosen` is each row's top link; `also_answering` the further asks a row answers at once
    (a "save that" decision accepting several recommendations), counted like its top link.
    """
    answered_by: dict[int, list[int]] = defaultdict(list)
    restated_by: dict[int, list[int]] = defaultdict(list)
    for s, cand in chosen.items():
        (restated_by if cand.method == "restatement" else answered_by)[cand.target].append(s)
    for s, cands in (also_answering or {}).items():
        for cand in cands:
            answered_by[cand.target].append(s)
    ask_rows_on_item: dict[str, list[int]] = defaultdict(list)
    for r, role in enumerate(rows.role):
        if role in ASKING:
            ask_rows_on_item[rows.commitments[r].item_id].append(r)
    sub_asks: dict[int, list[int]] = defaultdict(list)
    for r, role in enumerate(rows.role):
        # Parts of a request are numbered asks of their own (2.a-2.e); an ask read into an
        # answer bullet ("Phase 1 Initial discussion:") is not one.
        if role not in ASKING or rows.item[r] is None or rows.item[r].kind not in SUB_ASK_ITEM_KINDS:
            continue
        for ancestor in ancestors(rows.item[r], items_by_id):
            if ask_rows_on_item.get(ancestor.item_id):
                sub_asks[ask_rows_on_item[ancestor.item_id][0]].append(r)
                break

    memo: dict[int, str] = {}

    def status(r: int, visiting: frozenset = frozenset()) -> str:
        if r in memo:
            return memo[r]
        if r in visiting:
            return "outstanding"
        visiting = visiting | {r}
        via_restatement = [status(x, visiting) for x in restated_by.get(r, [])]
        answers = answered_by.get(r, [])
        if "answered" in via_restatement or gives_an_answer(rows, answers, rows.commitments[r].text):
            own = "answered"
        elif answers or via_restatement:
            # Only promised ("review in progress"), answered in part, or taken up by a later
            # paper that restates it with no substantive answer yet (the deck's ICT items restate
            # OSC (h)): the request is on someone's list, more than outstanding, less than answered.
            own = "partly answered"
        else:
            own = "outstanding"
        parts = [status(x, visiting) for x in sub_asks.get(r, [])]
        if parts:
            if own == "answered":
                own = "answered" if all(p == "answered" for p in parts) else "partly answered"
            elif all(p == "answered" for p in parts):
                own = "answered"
            elif any(p != "outstanding" for p in parts) or own == "partly answered":
                own = "partly answered"
        memo[r] = own
        return own

    return {r: status(r) for r, role in enumerate(rows.role) if role in ASKING}


def gives_an_answer(rows: Rows, answers: list[int], request: str = "") -> bool:
    """Whether `answers` (rows answering one `request`) answer it in full.

    Some must state a fact or refuse: an answer made only of undertakings ("A speed survey
    will be carried out in April") is a promise, unless an assurance about the future was
    what was asked ("an assurance that the mobile library will continue to visit"), or it
    undertakes just the action asked for ("restore the early morning lane swimming sessions",
    answered "Early morning lane swimming will return from 6.30 am … from April 2025": a
    decision to do it is what an ask for action wants; an ask for information or a concern
    is answered in part by a promise).  None
    may leave the rest to come: a deferral ("the full report is being finalised and will be
    presented in September") beside facts is an answer in part, unless a later paper's facts
    have kept the promise (minutes that "undertook to provide the figures", then a tracker's
    update giving them).  Nor may they
    hold back part of what was asked ("A breakdown by school will not be published"), nor
    leave out the second part of an ask of two ("…, and how many of them were upheld").
    """
    texts = [rows.commitments[a].text for a in answers]
    deferrals = [a for a, text in zip(answers, texts) if defers(text)]
    future_is_the_answer = asks_for_assurance(request)
    # "asked when the cycleway would reopen": a reply that names the day ("would reopen on 3 May 2024") gives
    # what was asked, though it speaks of the future.
    asks_a_date = bool(vocabulary_pattern("asks_when").search(request))
    facts = [a for a, text in zip(answers, texts)
             if a not in deferrals and (future_is_the_answer or not only_undertakes(text)
                                        or grants_the_ask(text, request) or asks_a_date and rows.dates[a])]
    if not facts:
        return False
    day = rows.meeting
    kept = {d for d in deferrals if day and any(day[f][0] > day[d][1] for f in facts)}
    return all(d in kept for d in deferrals) and not declines_part(texts) and not second_part_unanswered(request, texts)
