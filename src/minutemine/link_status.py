"""Request status: answered, partly answered or outstanding, through restatements and sub-requests."""

from __future__ import annotations

from collections import defaultdict

from .answer_cues import defers
from .link_rows import ASKING, Candidate, Rows, ancestors
from .models import Item

SUB_ASK_ITEM_KINDS = {"request", "question", "recommendation"}


def statuses(rows: Rows, chosen: dict[int, Candidate], items_by_id: dict[str, Item]) -> dict[int, str]:
    """answered / partly answered / outstanding for every ask, through restatements and sub-requests."""
    answered_by: dict[int, list[int]] = defaultdict(list)
    restated_by: dict[int, list[int]] = defaultdict(list)
    for s, cand in chosen.items():
        (restated_by if cand.method == "restatement" else answered_by)[cand.target].append(s)
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
        deferred = [a for a in answers if defers(rows.commitments[a].text)]
        if len(deferred) < len(answers) and not deferred or "answered" in via_restatement:
            own = "answered"
        elif len(deferred) < len(answers):
            # answered, and the rest promised ("… the full report will be presented in September")
            own = "partly answered"
        elif answers or via_restatement:
            # Only promised ("review in progress"), or taken up by a later paper that restates
            # it with no substantive answer yet (the deck's ICT items restate OSC (h)): the
            # request is on someone's list, which is more than outstanding and less than answered.
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

