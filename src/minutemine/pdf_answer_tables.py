"""PDF tables that answer ("Question | Answer", "Recommendation | Management response | Agreed
action"): how their rows are written out, and how a row a page break cut is mended.

`pdf_tables` reads the cells; a table whose header says it answers (`table_columns`) keeps every
row on one line, every cell in its column, so that each answer stays beside its ask.  Such a
table may run on over a page break, with its header repeated or not (`AnswerTable`), and a row
may be cut by the break (`join_continued_rows`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .pdf_cells import unwrap_cell
from .table_columns import CELL_SEPARATOR, answer_table_columns

if TYPE_CHECKING:
    from .pdf import RawLine
    from .pdf_unruled import UnruledTable


@dataclass
class AnswerTable:
    """The last table read whose header says it answers, so that its rows on the next page (under no
    header of their own) are read the same way: its column edges, and its (asking, answering…) columns."""

    edges: list[float] | None = None
    columns: tuple[int, ...] | None = None
    unruled: UnruledTable | None = None  # a table without rules still open at the foot of the last page

    def continues(self, edges: list[float]) -> tuple[int, ...] | None:
        """The columns, when a table with these edges carries on this one.

        >>> AnswerTable([10, 100, 300], (0, 1)).continues([10.5, 99, 300]), AnswerTable([10, 100, 300], (0, 1)).continues([10, 200, 300])
        ((0, 1), None)
        """
        if self.edges is None or len(edges) != len(self.edges):
            return None
        return self.columns if all(abs(a - b) <= 2 for a, b in zip(edges, self.edges)) else None


def join_continued_rows(lines: list[RawLine]) -> list[RawLine]:
    """Mend the rows a page break cut: a row whose first cell is blank, with only the page's furniture
    and the table's repeated header row between it and the row above, carries on that row, cell by cell.
    A header row printed again on the next page is furniture, not a row.

    Needs `mark_furniture` first, so that running footers and headers are known.
    """
    out: list[RawLine] = []
    last: int | None = None  # index in `out` of the last table row, while only furniture follows it
    headers: set[str] = set()
    for line in lines:
        if line.furniture or not line.text.strip():
            out.append(line)
            continue
        if not line.table:
            last = None
            headers.clear()  # text between: a header printed again after it heads a table of its own
            out.append(line)
            continue
        key = " ".join(line.text.split())
        if key in headers:
            out.append(replace(line, furniture=True))  # the header again, over the rest of the table
            continue
        cells = _split_cells(line.text)
        above = _split_cells(out[last].text) if last is not None else []
        if len(cells) > 1 and len(cells) == len(above) and not answer_table_columns(out[last].text) and (
                not cells[0] or line.page != out[last].page and carries_on(above[0], cells[0])):
            # (a header row is not cut by a page: a row under it with a blank first cell is a row of its own);
            # a first cell that carries on the sentence the page's foot cut ("… help to write a" / "community
            # flood plan, …") is the same row's too
            merged = [f"{a} {b}".strip() for a, b in zip(above, cells)]
            out[last] = replace(out[last], text=CELL_SEPARATOR.join(merged))
            continue
        if answer_table_columns(line.text):
            headers.add(key)
        last = len(out)
        out.append(line)
    return out


# "Recommendation 3: …", "Conclusion 6 –", "(b) …", "4. …": a cell that opens a numbered item opens a row
_OPENS_ITEM = re.compile(r"^(?:\(?\w{1,3}[.)]\s|[A-Z][a-z]*\.?\s+\d{1,3}[a-z]?\b)")


def carries_on(above: str, below: str) -> bool:
    """Whether a cell's text at the top of a page carries on the one cut at the foot of the page before:
    the one above ends no sentence and the words say the lines wrap (`unwrap_cell`).

    >>> carries_on("Conclusion 5: offer every parish council help to write a", "community flood plan, and kits.")
    True
    >>> carries_on("Conclusion 5: offer help to write a community flood plan.", "the next one"), carries_on("", "and so")
    (False, False)
    """
    return bool(above and below) and not above.rstrip().endswith((".", "?", "!", ":", ";")) \
        and not _OPENS_ITEM.match(below) and len(unwrap_cell([above, below])) == 1


def _split_cells(text: str) -> list[str]:
    """
    >>> _split_cells(" |  | found no cards. |  | ")
    ['', '', 'found no cards.', '', '']
    """
    return [c.strip() for c in text.split(CELL_SEPARATOR.strip())]


def cell_text(lines: list[str], heading: bool) -> str:
    """A cell's lines as one text.  In the asking cell, a first line with no sentence end over
    more text is its heading (a byline "From a councillor for Castle ward, to the Leader", a
    title) and is set off by a colon, so that what follows reads as the question itself.

    >>> cell_text(["1. From a councillor for Castle ward, to the Leader", "Will the Leader publish it?"], True)
    '1. From a councillor for Castle ward, to the Leader: Will the Leader publish it?'
    >>> cell_text(["Agreed.", "The register moved in November."], False)
    'Agreed. The register moved in November.'
    """
    if heading and len(lines) > 1 and not lines[0].rstrip().endswith((".", ":", ";", "?", "!", ",")):
        return f"{lines[0]}: {' '.join(lines[1:])}"
    return " ".join(lines)
