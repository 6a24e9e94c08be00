"""An action log carried in minutes: "Minute 23(b): waiting times by locality - Completed: circulated
to members on 3 May 2024." is one record, not an agenda-item heading over a paragraph.  Its ask part
restates the earlier minute's request and its verdict ("Completed: …", "Ongoing: …", "Outstanding: …")
answers it; the two are nested as an action tracker's "Information requested:" / "Update:" fields are
(segment_kinds.nest_record_fields), so extraction and linking read them the same way."""

from __future__ import annotations

from .models import Line
from .segment import Block, Node, _patterns


def log_line_parts(text: str) -> tuple[str, int] | None:
    """The ask part of an action-log line and where its verdict starts, or None.

    >>> log_line_parts("Minute 12(a): the list of sites - Completed: sent to members on 2 June")
    ('Minute 12(a): the list of sites', 34)
    >>> log_line_parts("Action 7: a note on the budget – Ongoing")
    ('Action 7: a note on the budget', 33)
    >>> log_line_parts("Minute 36 - Treasury Management Strategy") is None  # an agenda item's heading
    True
    >>> log_line_parts("Minute 4: the Committee was told the review was completed in May") is None
    True
    """
    clean = text.strip()
    for row in _patterns("headings.jsonl"):
        if row["kind"] == "log_line" and (m := row["regex"].match(clean)):
            return m["ask"], m.start("verdict")
    return None


def log_line_blocks(line: Line, blank: bool) -> list[Block]:
    """The two blocks of an action-log line, the ask part and the verdict; [] for any other line.
    The verdict's block takes the wrapped lines that follow it."""
    if line.bullet or not (parts := log_line_parts(line.text)):
        return []
    ask, verdict_at = parts
    lead = len(line.text) - len(line.text.lstrip())
    # offsets into the source only where the line's text is printed as it stands ("**…**" is not)
    exact = line.char_end - line.char_start == len(line.text)
    split = line.char_start + lead + verdict_at if exact else line.char_start
    ask_end = line.char_start + lead + len(ask) if exact else line.char_end
    return [Block(text=ask, page=line.page, start=line.char_start + (lead if exact else 0), end=ask_end,
                  blank_before=blank, log_part="ask"),
            Block(text=line.text.strip()[verdict_at:], page=line.page, start=split, end=line.char_end,
                  log_part="verdict")]


def nest_log_lines(root: Node) -> None:
    """An action-log line's verdict goes under its ask part: the ask is a request, the verdict the
    response to it."""
    stack = [root]
    while stack:
        node = stack.pop()
        kids = node.children
        i = 0
        while i < len(kids) - 1:
            ask, verdict = kids[i], kids[i + 1]
            if _half(ask) == "ask" and _half(verdict) == "verdict" and not ask.children:
                ask.list_role, verdict.list_role = "request", "response"
                verdict.parent = ask
                ask.children = [verdict]
                del kids[i + 1]
            i += 1
        stack.extend(kids)


def _half(node: Node) -> str:
    return node.block.log_part if node.role == "prose" and node.block is not None else ""
