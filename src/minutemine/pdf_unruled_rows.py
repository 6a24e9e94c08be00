"""Tables without rules, part two: the text runs and columns they are read in, and where one row ends
and the next starts (`pdf_unruled` finds the tables and prints their rows).

Rows are parted by a gap wider than a cell's line spacing (`line_gap`), else where the first column
opens again after a label or with a numbered item (`starts_row`), else, for cells set in the middle or
at the foot of their rows, where every cell of a row lines up (`rows_by_alignment`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .pdf_cells import unwrap_cell


ALIGN = 4.0  # points: a run this far left of a column's start still starts in it
UNPARTED_LINES = 4  # a "row" of more lines than this, with nothing to part it, is rows that could not be told apart
ROW_GAP = 0.4  # a gap this much of a line's height wider than a cell's line spacing sets rows apart
# a first-column line that is only a row's label: "A1", "R3", "3.", "(b)", "Recommendation 4"
_LABEL = re.compile(r"^(?:\(?[A-Za-z]{0,3}\s?\d{1,3}[a-z]?[.)]?|\(?[a-z]{1,2}\)|[IVX]{1,4}\.?|"
                    r"(?:Recommendation|Rec\.?|Action|Question|Issue|Item|Minute|Ref\.?)\s+\d{1,3}[a-z]?[.:]?)$")
_NUMBERED = re.compile(r"^(?:\(?\d{1,3}[a-z]?[.)]\s|R\d{1,3}\b|(?:Recommendation|Question|Action|Issue)\s+\d{1,3}\b)")


@dataclass(frozen=True)
class Run:
    """A run of text on one line, as pdfium's text rectangles give it (PDF points, y up)."""

    text: str
    left: float
    right: float
    bottom: float
    top: float


@dataclass
class UnruledTable:
    """Column starts and the (asking, answering…) columns of a table without rules."""

    starts: list[float]
    columns: tuple[int, ...]
    right: float  # the page's right edge of text: a last-column run may reach it

    def column_of(self, run: Run) -> int | None:
        """The column a run starts in, None if it does not fit one (it starts left of the table or
        runs on into the next column: prose, not a cell)."""
        if run.left < self.starts[0] - ALIGN:
            return None
        i = max(k for k, start in enumerate(self.starts) if run.left >= start - ALIGN)
        if i + 1 < len(self.starts) and run.right > self.starts[i + 1] + 1:
            return None
        return i


def one_run_a_cell(line: list[Run], table: UnruledTable) -> list[Run]:
    """A line's runs in one column joined: a justified line, or one set word by word, is several runs.

    >>> t = UnruledTable([10, 100], (0, 1), 200)
    >>> [r.text for r in one_run_a_cell([Run("The", 10, 25, 90, 98), Run("budget", 31, 60, 90, 98),
    ...                                   Run("Agreed.", 100, 130, 90, 98)], t)]
    ['The budget', 'Agreed.']
    """
    out: list[Run] = []
    for run in line:
        if out and table.column_of(out[-1]) == table.column_of(run):
            last = out[-1]
            out[-1] = Run(f"{last.text} {run.text}", last.left, run.right, min(last.bottom, run.bottom),
                          max(last.top, run.top))
        else:
            out.append(run)
    return out


def rows_by_alignment(lines: list[list[Run]], table: UnruledTable, carried: bool) -> list[list[list[Run]]] | None:
    """The most rows the lines split into such that in each row every cell lines up with the others (all
    at its top, all at its middle or all at its foot), the first column has text (but in the rest of a
    row the page break cut), and no cell ends on a line that the next line of its column carries on.

    >>> t = UnruledTable([10, 100], (0, 1), 200)
    >>> lines = [[Run("Ask one spans", 100, 150, 90, 98)], [Run("R1", 10, 20, 78, 86)], [Run("three lines.", 100, 150, 66, 74)],
    ...          [Run("R2", 10, 20, 54, 62), Run("One line.", 100, 150, 54, 62)]]
    >>> [[[r.text for r in cell] for cell in row] for row in rows_by_alignment(lines, t, False)]
    [[['R1'], ['Ask one spans', 'three lines.']], [['R2'], ['One line.']]]
    """
    cells = [[(table.column_of(run), run) for run in line] for line in lines]
    best: list[tuple[int, int] | None] = [(0, -1)] + [None] * len(lines)  # (rows so far, where the last row starts)
    for j in range(1, len(lines) + 1):
        for i in range(j):
            if best[i] is not None and lines_up(cells, i, j, carried and i == 0) and (
                    best[j] is None or best[i][0] + 1 > best[j][0]):
                best[j] = (best[i][0] + 1, i)
    if best[-1] is None:
        return None
    bounds, j = [], len(lines)
    while j > 0:
        i = best[j][1]
        bounds.append((i, j))
        j = i
    rows = []
    for i, j in reversed(bounds):
        row: list[list[Run]] = [[] for _ in table.starts]
        for line in cells[i:j]:
            for column, run in line:
                row[column].append(run)
        rows.append(row)
    return rows


def lines_up(cells: list[list[tuple[int, Run]]], i: int, j: int, carried: bool) -> bool:
    by_column: dict[int, list[Run]] = {}
    for line in cells[i:j]:
        for column, run in line:
            by_column.setdefault(column, []).append(run)
    if 0 not in by_column and not carried:
        return False
    for column, runs in by_column.items():
        after = next((run for line in cells[j:] for c, run in line if c == column), None)
        if after is not None and len(unwrap_cell([runs[-1].text, after.text])) == 1:
            return False  # the cell's text goes on in the next line of its column
    tolerance = 0.4 * max(run.top - run.bottom for runs in by_column.values() for run in runs)
    tops = [runs[0].top for runs in by_column.values()]
    feet = [runs[-1].bottom for runs in by_column.values()]
    middles = [(runs[0].top + runs[-1].bottom) / 2 for runs in by_column.values()]
    return any(max(ys) - min(ys) <= tolerance for ys in (tops, feet, middles))


def gap(above: list[Run], below: list[Run]) -> float:
    """The white between two lines of runs (their runs need not share a baseline)."""
    return min(run.bottom for run in above) - max(run.top for run in below)


def line_gap(lines: list[list[Run]], table: UnruledTable) -> float:
    """The gap between a cell's lines: the narrower gaps between one column's consecutive lines (the
    columns' lines need not share baselines: a cell set in the middle of its row sits between them).

    >>> t = UnruledTable([10, 100], (0, 1), 200)
    >>> line_gap([[Run("a", 10, 50, 90, 98)], [Run("b", 10, 50, 78, 86)], [Run("c", 100, 150, 74, 82)],
    ...            [Run("d", 10, 50, 50, 58)]], t)
    4
    """
    by_column: dict[int, list[Run]] = {}
    for line in lines:
        for run in line:
            by_column.setdefault(table.column_of(run), []).append(run)
    gaps = sorted(above.bottom - below.top for runs in by_column.values() for above, below in zip(runs, runs[1:]))
    return gaps[len(gaps) // 4] if gaps else 0.0


def starts_row(first_cell: list[Run], run: Run, carried: bool) -> bool:
    """A first-column line opens a new row (rows not set apart by a gap): the row so far is the rest of
    a row cut by the page break, with nothing in its first column; the line above is a label ("A1",
    "R3"); or this line opens a numbered item after a finished sentence.  In a row whose first column
    has no text yet, it is that row's first cell (cells set in the middle or at the foot of a row)."""
    if not first_cell:
        return carried
    above = first_cell[-1].text
    if len(unwrap_cell([above, run.text])) == 1:
        return False  # "4 June" / "2025", "… of the" / "Council": one cell's wrapped line
    if _LABEL.match(above):
        return True
    return above.endswith((".", "?", "!")) and bool(_NUMBERED.match(run.text))
