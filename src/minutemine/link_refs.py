"""Reference codes: a tracker's row "R3" answers the recommendation an earlier paper printed as "R3 (Priority: …)".

An audit report numbers its recommendations with codes ("R1 (Priority: High) Every card
transaction should …"), and the recommendations tracker that follows them months later
prints each row under the same code ("R3 | Medium | Review and reset … | Agreed in part.
Limits on the 38 cards …").  The response paraphrases and is often more like another ask
of the same topic than its own recommendation; the code is the evidence.  A code counts
only when it opens exactly one ask of the earlier papers, and only in a paper where at
least two of its codes do so within one earlier paper (a series, not a stray "Q3").
"""

from __future__ import annotations

import re
from collections import defaultdict

from .link_numbered import NUMBERED_SCORE
from .link_rows import ANSWERING, ASKING, Rows
from .models import DocumentRow, Item
from .stories import meeting_day_range

MIN_CODES = 2  # one code could be anything; a series of them is a point-by-point reply
_ENDS_ROW = {"section", "agenda_item"}  # a new section or agenda item ends the row above it
# "R3", "AR12": capitals then a number, alone on its line or as a table row's first cell ("R3 | Medium | …").
_CODE_LINE = re.compile(r"^\s*([A-Z]{1,3}\d{1,2})\s*(?:$|\|)")
# An ask opening with its code: "R3 (Priority: Medium) All monthly …", "R3: …", "R3. …", "R3 – …".
_CODE_OPENING = re.compile(r"^\W*([A-Z]{1,3}\d{1,2})(?=\s*[(:.–-]|\s+[A-Z])")


def code_of_line(text: str) -> str:
    """The reference code a tracker line is, or opens its row with, or "".

    >>> [code_of_line(t) for t in ("R3", "R12 | High | Cancel cards …", "Ref", "2024", "R3 (Priority: Medium) All",
    ...                            "Q&A", "Agreed in part.")]
    ['R3', 'R12', '', '', '', '', '']
    """
    m = _CODE_LINE.match(text)
    return m.group(1) if m else ""


def code_opening(text: str) -> str:
    """The reference code an ask opens with, or "".

    >>> [code_opening(t) for t in ("R3 (Priority: Medium) All monthly and single transaction limits should be reviewed",
    ...                            "R1: Every card transaction should have a receipt", "CCTV cameras were repaired",
    ...                            "A member asked whether …", "R2 Cards should be cancelled")]
    ['R3', 'R1', '', '', 'R2']
    """
    m = _CODE_OPENING.match(text)
    return m.group(1) if m else ""


def reference_code_links(rows: Rows, items: list[Item], documents: list[DocumentRow]):
    """Yield (answer row, ask row, "numbered", NUMBERED_SCORE) for answers in a row under a code an earlier ask opens with."""
    asks_by_code: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))  # doc -> code -> asks
    for r, c in enumerate(rows.commitments):
        code = code_opening(c.text) if rows.role[r] in ASKING else ""
        if code:
            asks_by_code[c.doc_id][code].append(r)
    if not asks_by_code:
        return
    days = {d.doc_id: meeting_day_range(d.meeting_date) for d in documents}
    for doc, by_code in sorted(_answers_by_code(rows, items).items()):
        last_day = days.get(doc, (float("-inf"), float("inf")))[1]
        earlier = [other for other in sorted(asks_by_code) if other != doc
                   and days.get(other, (float("-inf"), float("inf")))[0] <= last_day]
        resolved: dict[str, dict[str, int]] = {}  # earlier paper -> code -> its one ask so coded
        for other in earlier:
            unique = {code: asks[0] for code, asks in asks_by_code[other].items() if len(asks) == 1 and code in by_code}
            if len(unique) >= MIN_CODES:
                resolved[other] = unique
        for code, answers in sorted(by_code.items()):
            targets = [papers[code] for papers in resolved.values() if code in papers]
            if len(targets) != 1:
                continue  # no earlier paper, or two, open an ask with the code: which one is meant is unknown
            for r in answers:
                yield r, targets[0], "numbered", NUMBERED_SCORE


def _answers_by_code(rows: Rows, items: list[Item]) -> dict[str, dict[str, list[int]]]:
    """doc -> code -> the answer rows printed in the row under that code (up to the next code or heading)."""
    rows_on_item: dict[str, list[int]] = defaultdict(list)
    for r, c in enumerate(rows.commitments):
        rows_on_item[c.item_id].append(r)
    out: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    current: tuple[str, str] | None = None  # (doc, code) of the row being read
    seen: set[tuple[str, str]] = set()
    for item in sorted(items, key=lambda i: (i.doc_id, i.char_start, i.item_id)):
        code = code_of_line(item.text)
        if code:
            # The same code twice in one paper is not one row per recommendation.
            current = None if (item.doc_id, code) in seen else (item.doc_id, code)
            seen.add((item.doc_id, code))
        elif current is None or current[0] != item.doc_id or item.kind in _ENDS_ROW or item.label.strip():
            # A numbered paragraph ("3. Matters arising", "3.1 …") is past the table.
            current = None
            continue
        if current is None:
            continue
        out[current[0]][current[1]].extend(r for r in sorted(rows_on_item.get(item.item_id, []))
                                           if rows.role[r] in ANSWERING)
    return {doc: dict(by_code) for doc, by_code in out.items()}
