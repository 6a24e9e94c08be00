"""Tables printed WITHOUT ruling lines, rebuilt row by row: columns from where the header's words
start, rows from where the first column's text starts.

Word and Excel exports often turn a table's borders off.  pdfium's text layer then runs the cells
of a row together ("A1 4 June 2025 Provide members with the number of missed", "Head of Waste 31 July
2025 Complete A table of …"), so the ask and its answer are lost.  pdfium's text rectangles
(`count_rects`: one per run of text of one object on one line) still keep the cells apart.

A table is read only when one line of such runs is a header that says the table answers
(`table_columns.answer_table_columns`: "Recommendation | Response", "Ref | Action | Owner | Due date |
Status | Update"): prose never is, so prose is never cut into cells.  Each header run starts a column;
every run below is put in the column it starts in.  The table ends at a line whose runs do not fit the
columns (prose across the page, text left of the first column).  A new row starts where the first
column has text again after a gap, after a label cell ("A1", "R3", "3."), or opening a numbered item;
the other columns' lines go to the row they stand in; cells set mid-row are parted where they line up
(`pdf_unruled_rows`).  Rows come out like a ruled answer table's
(`pdf_tables`): one line, "cell | cell | …", every cell in its column, blank ones too.

A table still open at the foot of a page goes on at the top of the next if the lines there fit its
columns; a row the break cut starts there with a blank first cell, and `join_continued_rows` mends it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .pdf_answer_tables import AnswerTable, cell_text
from .pdf_cells import CellLine, unwrap_cell, wrapped_lines
from .pdf_unruled_rows import (ALIGN, ROW_GAP, UNPARTED_LINES, Run, UnruledTable, gap, line_gap, one_run_a_cell,
                               rows_by_alignment, starts_row)
from .table_columns import CELL_SEPARATOR, answer_table_columns, may_be_answer_header

if TYPE_CHECKING:
    from .pdf import RawLine

MAX_SCAN_LINES = 40  # lines below a header read to find where centred columns start
MARGIN = 0.1  # the top and bottom tenth of a page hold running headers and footers
END_GAP = 2.5  # a gap this many lines high ends a table (a heading or a paragraph below it)


def page_runs(textpage, skip_bands: list[tuple[float, float]] = ()) -> list[Run]:
    """The page's text runs, leaving out those inside ruled tables' bands (top, bottom)."""
    runs = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        if any(b - 1 <= (bottom + top) / 2 <= t + 1 for t, b in skip_bands):
            continue
        text = " ".join(textpage.get_text_bounded(left, bottom, right, top).split())
        if text:
            runs.append(Run(text, left, right, bottom, top))
    return runs


def visual_lines(runs: list[Run]) -> list[list[Run]]:
    """Runs grouped into lines (their middles within half a line of each other), top to bottom, each
    line left to right, runs that touch joined (a line set in several fonts is several runs).

    >>> [[r.text for r in line] for line in visual_lines([Run("b", 50, 60, 88, 96), Run("a", 10, 20, 90, 98),
    ...  Run("c", 61, 70, 89, 97), Run("d", 10, 20, 70, 78)])]
    [['a', 'b c'], ['d']]
    """
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: -(r.top + r.bottom)):
        middle = (run.top + run.bottom) / 2
        if lines and abs(middle - (lines[-1][0].top + lines[-1][0].bottom) / 2) <= (run.top - run.bottom) / 2:
            lines[-1].append(run)
        else:
            lines.append([run])
    out = []
    for line in lines:
        joined: list[Run] = []
        for run in sorted(line, key=lambda r: r.left):
            if joined and run.left - joined[-1].right < 0.3 * (run.top - run.bottom):
                last = joined[-1]
                joined[-1] = Run(f"{last.text} {run.text}", last.left, run.right, min(last.bottom, run.bottom),
                                 max(last.top, run.top))
            else:
                joined.append(run)
        out.append(joined)
    return out


def header_of(line: list[Run], right: float, below: list[list[Run]] = ()) -> UnruledTable | None:
    """The table a line of runs heads, when its runs name columns that ask and answer.  A column starts
    where its header cell starts, or further left where the cells below start (a header set centred)."""
    if len(line) < 2:
        return None
    columns = answer_table_columns(CELL_SEPARATOR.join(run.text for run in line))
    if not columns:
        return None
    return UnruledTable(_column_starts(line, below), columns, right)


def _column_starts(header: list[Run], below: list[list[Run]]) -> list[float]:
    """Where each column starts: its header cell's left edge, unless the cells of two or more lines below
    start further left, between the header cell before and this one (headers set centred, as Excel does).

    >>> head = [Run("Ref", 14, 26, 90, 98), Run("Action", 80, 110, 90, 98)]
    >>> _column_starts(head, [[Run("A1", 6, 16, 78, 86), Run("Mend the roof.", 40, 90, 78, 86)],
    ...                       [Run("A2", 6, 16, 66, 74), Run("Paint it.", 40, 60, 66, 74)]])
    [6, 40]
    """
    middles = [(run.left + run.right) / 2 for run in header]
    lines = []
    for line in below[:MAX_SCAN_LINES]:
        if any(sum(run.left < m < run.right for m in middles) > 1 for run in line):
            break  # prose across the columns: the table ended above it
        lines.append(line)
    starts = [run.left for run in header]
    for i in range(len(header) - 1, -1, -1):
        low = header[i - 1].right if i else float("-inf")
        high = starts[i + 1] if i + 1 < len(starts) else float("inf")
        lefts = [run.left for line in lines for run in line
                 if low < run.left < header[i].left - ALIGN and run.right <= high + 1]
        if len(lefts) >= 2:
            starts[i] = min(lefts)
    return starts


def unruled_tables_to_lines(lines: list[RawLine], textpage, page_width: float, answer_table: AnswerTable,
                            ruled_bands: list[tuple[float, float]] = ()) -> list[RawLine]:
    """Replace the text-layer lines of each table without rules on the page by its rows."""
    open_table = answer_table.unruled
    answer_table.unruled = None
    if open_table is None and not may_be_answer_header([line.text for line in lines if not line.table]):
        return lines  # the usual page: no header that answers, no table going on from the page before
    height = next((line.page_height for line in lines if line.page_height), 0.0)
    body = visual_lines(page_runs(textpage, list(ruled_bands)))
    right = max((run.right for line in body for run in line), default=page_width)
    tables: list[tuple[float, float, list[str]]] = []  # (top, bottom, the lines to print) of each table
    i = 0
    if open_table is not None:
        # the running header in the top margin does not fit the table's columns, or stands apart from the lines
        # under it ("OFFICIAL", centred where a column happens to start); the next line does
        while i < len(body) and _in_top_margin(body[i], height) and (
                not _fits(body[i], open_table) or _stands_apart(body, i)):
            i += 1
        if i < len(body) and _fits(body[i], open_table) and header_of(body[i], right) is None:  # (a header again: below)
            start = i
            i, printed, open_at_foot = _read_rows(body, i, open_table, height, carried=True)
            if i > start:
                tables.append((body[start][0].top, body[i - 1][0].bottom, printed))
                answer_table.unruled = open_table if open_at_foot else None
    while i < len(body):
        table = header_of(body[i], right, body[i + 1:])
        if table is None:
            i += 1
            continue
        header = [run.text for run in body[i]]
        first_row = i + 1
        if first_row < len(body) and _goes_on_header(body[first_row], body[i]):
            # "Meeting" / "date", "Due" / "date": a header cell wrapped onto a second line
            for run in body[first_row]:
                k = table.column_of(run)
                header[k] = f"{header[k]} {run.text}"
            first_row += 1
            columns = answer_table_columns(CELL_SEPARATOR.join(header))
            table = UnruledTable(table.starts, columns, right) if columns else table
        # under a header at the top of a page, repeated over a table going on from the page before, the
        # first row may be the rest of one the page break cut
        at_top = open_table is not None and all(_in_top_margin(line, height) for line in body[:i])
        end, printed, open_at_foot = _read_rows(body, first_row, table, height, carried=at_top)
        if end == first_row:
            i += 1
            continue
        tables.append((body[i][0].top, body[end - 1][0].bottom, [CELL_SEPARATOR.join(header)] + printed))
        answer_table.unruled = table if open_at_foot else None
        i = end
    return _put_in_place(lines, tables) if tables else lines


def _goes_on_header(line: list[Run], header: list[Run]) -> bool:
    """A line under a header whose every run starts where a header cell starts and is a word or two of
    a column's name: the header's cells wrapped.

    >>> head = [Run("Ref", 10, 20, 90, 98), Run("Meeting", 40, 70, 90, 98), Run("Action", 100, 130, 90, 98)]
    >>> _goes_on_header([Run("date", 40, 55, 80, 88)], head), _goes_on_header([Run("A1", 10, 20, 80, 88)], head)
    (True, False)
    """
    starts = [run.left for run in header]
    return len(line) < len(header) and all(
        any(abs(run.left - x) <= 1 for x in starts) and len(run.text.split()) <= 2 and run.text[:1].isalpha()
        and not any(c.isdigit() for c in run.text) and not run.text.endswith(".") for run in line)


def _stands_apart(body: list[list[Run]], i: int) -> bool:
    """A line with a gap under it of more than END_GAP lines: not a table's line (a running header).

    >>> _stands_apart([[Run("OFFICIAL", 280, 315, 810, 816)], [Run("Ask", 65, 200, 769, 778)]], 0)
    True
    >>> _stands_apart([[Run("community flood", 65, 259, 741, 750)], [Run("flood barriers", 65, 194, 728, 737)]], 0)
    False
    """
    return i + 1 < len(body) and gap(body[i], body[i + 1]) > END_GAP * (body[i + 1][0].top - body[i + 1][0].bottom)


def _in_top_margin(line: list[Run], height: float) -> bool:
    return bool(height) and line[0].bottom > (1 - MARGIN) * height


def _fits(line: list[Run], table: UnruledTable) -> bool:
    return all(table.column_of(run) is not None for run in line)


def _read_rows(body: list[list[Run]], start: int, table: UnruledTable, height: float,
               carried: bool = False) -> tuple[int, list[str], bool]:
    """(index of the first line after the table, its rows as printed, whether it runs on to the page's foot,
    with only the footer's lines in the bottom margin below it)."""
    end = start
    while end < len(body) and _fits(body[end], table) and not (
            end > start and gap(body[end - 1], body[end]) > END_GAP * (body[end][0].top - body[end][0].bottom)):
        end += 1
    lines = [one_run_a_cell(line, table) for line in body[start:end]]
    spacing = line_gap(lines, table)
    rows: list[list[list[Run]]] = []
    gaps_part_rows = False
    first_cell_late = False  # a row whose first cell starts below its first line: cells set mid-row or low
    for k, line in enumerate(lines):
        placed = [(table.column_of(run), run) for run in line]
        first = next((run for column, run in placed if column == 0), None)
        line_height = line[0].top - line[0].bottom
        row_gap = k > 0 and gap(lines[k - 1], line) > spacing + ROW_GAP * line_height
        gaps_part_rows = gaps_part_rows or row_gap
        if not rows or row_gap or first is not None and starts_row(rows[-1][0], first, carried and len(rows) == 1):
            rows.append([[] for _ in table.starts])
        elif first is not None and not rows[-1][0] and not (carried and len(rows) == 1):
            first_cell_late = True
        for column, run in placed:
            rows[-1][column].append(run)
    if not gaps_part_rows and (first_cell_late or len(rows) == 1 and len(lines) > UNPARTED_LINES):
        # no gap between rows, and the first column's text does not open them: cells set in the middle
        # (or at the foot) of their rows.  Rows are then where every cell lines up; where that cannot be
        # told, rows read wrongly would pair asks with the wrong answers, so the table is left as text
        rows = rows_by_alignment(lines, table, carried) or []
        if not rows:
            return start, [], False
    # a cell's room ends where the column's longest line ends: a word processor fills a line to within a word
    widest = [max((run.right for row in rows for run in row[n]), default=0.0) for n in range(len(table.starts))]
    printed = [_row_text(row, table, widest) for row in rows]
    at_foot = all(height and line[0].top < MARGIN * height for line in body[end:])
    return end, [text for text in printed if text.strip(" |")], at_foot


def _row_text(row: list[list[Run]], table: UnruledTable, widest: list[float]) -> str:
    cells = []
    for n, runs in enumerate(row):
        geometry = [_cell_line(run) for run in runs]
        lines = unwrap_cell([run.text for run in runs], wrapped_lines(geometry, min(r.left for r in runs), widest[n] + 1)
                            if len(runs) > 1 else None)
        cells.append(cell_text(lines, heading=n == table.columns[0]))
    return CELL_SEPARATOR.join(cells)


def _cell_line(run: Run) -> CellLine:
    """A run's extent, its first word's width and a space's, taken as even shares of its width (the
    character boxes are not read: the shares are close enough to tell a wrapped line)."""
    per_char = (run.right - run.left) / max(1, len(run.text))
    first_word = len(run.text.split(" ", 1)[0]) * per_char
    return CellLine(run.text, run.left, run.right, first_word, per_char)


def _put_in_place(lines: list[RawLine], tables: list[tuple[float, float, list[str]]]) -> list[RawLine]:
    """The text-layer lines inside each table's band give way to its printed rows, put where its first line was."""
    out: list[RawLine] = []
    placed: set[int] = set()
    for line in lines:
        hit = next((k for k, (top, bottom, _) in enumerate(tables)
                    if not line.table and line.text.strip() and bottom - 1 <= line.bottom <= top + 1), None)
        if hit is None:
            out.append(line)
            continue
        if hit not in placed:
            placed.add(hit)
            out.extend(replace(line, text=text, table=True) for text in tables[hit][2])
    return out
