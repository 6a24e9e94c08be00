"""Ruled tables on a PDF page, rebuilt row by row from pdfium's text layer.

The stages: `page_rulings` (path objects through pdfium's C API) → `rulings_to_tables`
(bands between horizontal rules crossed by three or more vertical ones) →
`table_rows_to_lines` (each row's cells, from the text-layer lines cut at the column edges by
`pdf_cells`).

pdfplumber's table finder would do the same from pdfminer's layout, at ~10 pages/s; a third
of the pages of council papers carry a ruled table, so it is done here on pdfium's objects.

Output format: first the lines of each cell that only wrap are joined back (`pdf_cells`).  A line wrapped
when the next line's first word would not have fitted in the room left at its end (the
cell's width less the text's inset, from the character boxes): that is how a word processor
breaks a paragraph, whatever the words ("… for the September 2025 intake. Parents can add
all" / "their children …", "Transport Contracts" / "Manager").  Where the boxes are not to
hand, a line wraps when the next starts in lower case or it ends with "and", "to", "of" ….

Then a row comes out as ONE line, "cell | cell | cell", when every cell but the last is one
line; further lines of the last cell (a list of questions, "05 - …", "06 - …") follow it, one
per line.  A single-line label cell ("(d)", "1") or form field ("(a) Subject:") is put in
front of the next cell's text.  A row where an earlier cell holds several lines (a label
over its text, as in a decision form) comes out as consecutive lines, the whole left cell
first (a short label cell such as "(d)" in front of the next cell's first line).  Either
way the columns of an "Issue raised | Response" table never interleave half-lines.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .pdf_answer_tables import AnswerTable, cell_text
from .pdf_cells import cells_bounded, cells_from_lines, unwrap_cell
from .table_columns import CELL_SEPARATOR, answer_table_columns

if TYPE_CHECKING:
    from .pdf import RawLine

RULE_THICKNESS = 2.5  # points: a path thinner than this is a ruling line
MAX_TABLE_COLUMNS = 10  # more "columns" than this is word highlighting, not a table (trackers have 7–9)
NARROW_TABLE_COLUMNS = 6  # up to this many columns any widths do; beyond it ...
MIN_WIDE_COLUMN = 25.0  # ... every column must be this wide (points): boxes round single words are no table
LABEL_CELL_CHARS = 12  # a one-line cell this short is a label ("(d)", "Q3") for the next cell
_LABEL_CELL = re.compile(r"^(?:\(?[A-Za-z0-9]{1,3}[.)]?|Q\d+)$")  # "(b)", "01", "2.", "Q3": a row's label
# A form's field name ("(a) Subject:", "Ward:") belongs in front of its value, as one line.
_FIELD_CELL = re.compile(r"^(?:\(?[a-z0-9]{1,3}[.)]\s+)?[A-Z][A-Za-z ]{0,24}:$")
# a row's first cell that names what its second holds: "Question 2", "Q3", "Answer", "Response", "Reply"
_ROLE_CELL = re.compile(r"(?i)^(?:(?:supplementary\s+)?question|q|answer|a|response|reply)(?:\s*\d{1,3}[a-z]?)?\s*:?$")


@dataclass
class Table:
    """A ruled table: row bands (top, bottom) each with its column edges (x positions)."""

    rows: list[tuple[float, float, list[float]]]

    @property
    def top(self) -> float:
        return self.rows[0][0]

    @property
    def bottom(self) -> float:
        return self.rows[-1][1]


def page_rulings(page) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Horizontal (y, x0, x1) and vertical (x, y0, y1) ruling segments from path objects.

    Walks the page objects through pdfium's C API: pypdfium2's `get_objects` wraps every
    text object in a Python object first, which cost more than the whole text layer.
    """
    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    for left, bottom, right, top in _path_bounds(page.raw):
        width, height = right - left, top - bottom
        if height <= RULE_THICKNESS and width > RULE_THICKNESS:
            horizontal.append(((bottom + top) / 2, left, right))
        elif width <= RULE_THICKNESS and height > RULE_THICKNESS:
            vertical.append(((left + right) / 2, bottom, top))
        elif width > RULE_THICKNESS and height > RULE_THICKNESS:  # a cell drawn as a rectangle
            horizontal += [(bottom, left, right), (top, left, right)]
            vertical += [(left, bottom, top), (right, bottom, top)]
    return horizontal, vertical


def _path_bounds(raw_page, depth: int = 0) -> list[tuple[float, float, float, float]]:
    """Bounding boxes of the path objects of a page (or of a form XObject inside it)."""
    import ctypes

    import pypdfium2.raw as c

    count, get = ((c.FPDFPage_CountObjects, c.FPDFPage_GetObject) if depth == 0
                  else (c.FPDFFormObj_CountObjects, c.FPDFFormObj_GetObject))
    box = [ctypes.c_float() for _ in range(4)]
    refs = [ctypes.byref(v) for v in box]
    get_type, get_bounds, path, form = c.FPDFPageObj_GetType, c.FPDFPageObj_GetBounds, c.FPDF_PAGEOBJ_PATH, c.FPDF_PAGEOBJ_FORM
    out = []
    for i in range(count(raw_page)):
        obj = get(raw_page, i)
        kind = get_type(obj)
        if kind == path and get_bounds(obj, *refs):
            out.append((box[0].value, box[1].value, box[2].value, box[3].value))
        elif kind == form and depth < 3:
            out.extend(_path_bounds(obj, depth + 1))
    return out


def rulings_to_tables(rulings, answer_table: AnswerTable | None = None) -> list[Table]:
    """Group ruling lines into tables: bands between horizontal rules crossed by ≥ 3 verticals.

    A table needs two or more such rows.

    >>> grid = ([(100, 0, 200), (80, 0, 200), (60, 0, 200)], [(0, 60, 100), (90, 60, 100), (200, 60, 100)])
    >>> [(t.top, t.bottom, len(t.rows)) for t in rulings_to_tables(grid)]
    [(100, 60, 2)]
    >>> rulings_to_tables(([(100, 0, 200), (80, 0, 200)], []))
    []
    """
    horizontal, vertical = rulings
    levels = sorted({round(y, 0) for y, _, _ in horizontal}, reverse=True)
    tables: list[Table] = []
    current: list[tuple[float, float, list[float]]] = []
    for top, bottom in zip(levels, levels[1:]):
        if top - bottom < 4:  # a double rule, not a row
            continue
        edges = sorted({round(x, 0) for x, y0, y1 in vertical if y0 <= bottom + 2 and y1 >= top - 2})
        edges = [x for i, x in enumerate(edges) if i == 0 or x - edges[i - 1] > 4]
        if 3 <= len(edges) <= MAX_TABLE_COLUMNS + 1 and (len(edges) <= NARROW_TABLE_COLUMNS + 1 or min(
                b - a for a, b in zip(edges, edges[1:])) >= MIN_WIDE_COLUMN):
            if current and abs(current[-1][1] - top) > 2:
                tables.append(Table(current))
                current = []
            current.append((top, bottom, edges))
        elif current:
            tables.append(Table(current))
            current = []
    if current:
        tables.append(Table(current))
    # One ruled row is a form field or a box around a heading, not a table worth rebuilding, unless it
    # is the last row of a table that answers, carried over from the page before
    return [t for t in tables if len(t.rows) >= 2 or answer_table is not None and answer_table.continues(t.rows[0][2])]


def table_rows_to_lines(lines: list[RawLine], tables: list[Table], textpage,
                        answer_table: AnswerTable | None = None) -> list[RawLine]:
    """Replace the text-layer lines inside each table by its rows, read cell by cell."""
    band: dict[int, list[RawLine]] = defaultdict(list)
    out: list[RawLine | int] = []
    for line in lines:
        hit = next((k for k, t in enumerate(tables) if line.text and t.bottom - 1 <= line.bottom <= t.top + 1), None)
        if hit is None:
            out.append(line)
            continue
        if hit not in band:
            out.append(hit)  # the table goes where its first line was
        band[hit].append(line)
    result: list[RawLine] = []
    for item in out:
        if isinstance(item, int):
            result.extend(_table_lines(tables[item], band[item], textpage, answer_table or AnswerTable()))
        else:
            result.append(item)
    return result


def _table_lines(table: Table, band: list[RawLine], textpage, answer_table: AnswerTable) -> list[RawLine]:
    out = []
    # (asking, answering…) when the header says the table answers, or the table goes on from one that did
    columns: tuple[int, ...] | None = answer_table.continues(table.rows[0][2])
    header_rows = 0 if columns else 2  # the header, or a title row spanning the table and then the header
    for n, (top, bottom, edges) in enumerate(table.rows):
        all_cells = cells_from_lines(band, top, bottom, edges, textpage) or cells_bounded(top, bottom, edges, textpage)
        all_cells = [(unwrap_cell(cell, wraps), offset) for cell, wraps, offset in all_cells]
        cells = [(cell, offset) for cell, offset in all_cells if cell]
        if not cells:
            continue

        def make(s: str, offset: int) -> RawLine:
            return replace(band[0], text=s, source_offset=max(offset, band[0].source_offset),
                           bottom=bottom, top=top, table=True)

        if n < header_rows and columns is None and all(len(cell) == 1 for cell, _ in cells):
            columns = answer_table_columns(CELL_SEPARATOR.join(cell[0] for cell, _ in all_cells if cell))
            if columns and len(cells) != len(all_cells):
                columns = None  # a header with a blank cell: its columns cannot be told apart
            if columns:
                answer_table.edges, answer_table.columns = edges, columns
            elif len(cells) > 1:
                header_rows = 0  # a row of several cells that is no header: the table does not answer
        if columns is not None:
            # "Question | Answer", "Recommendation | Management response | Agreed action": the row on one
            # line, every cell in its column (blank ones too), so that each answer stays beside its ask
            texts = [cell_text(cell, heading=i == columns[0]) for i, (cell, _) in enumerate(all_cells)]
            out.append(make(CELL_SEPARATOR.join(texts), cells[0][1]))
            continue

        if len(all_cells) == 2 and len(cells) == 2 and len(cells[0][0]) == 1 and _ROLE_CELL.match(cells[0][0][0]):
            # "Question 1 | Could the Leader …" / "Answer | The review …": a form that prints each part of a
            # question in a row of its own, named in its first cell; read as the label it is
            (label, offset), (lines, _) = cells
            out.append(make(f"{label[0].rstrip(':')}: {' '.join(lines)}", offset))
            continue
        if len(cells) > 1 and len(cells[0][0]) == 1 and _LABEL_CELL.match(cells[0][0][0]):
            cells = _label_in_front(cells)  # "(a)" | "Subject:" | …
        if len(cells) > 1 and len(cells[0][0]) == 1 and _FIELD_CELL.match(cells[0][0][0]):
            cells = _label_in_front(cells)  # "(a) Subject:" | "Quarterly Finance Report" | …
        if all(len(cell) == 1 for cell, _ in cells[:-1]):
            # one line for the row; a last cell that holds a list ("05 - Bus gate: REASONS",
            # "06 - …") goes on below it, one line per item
            (last, last_offset) = cells[-1]
            out.append(make(" | ".join([cell[0] for cell, _ in cells[:-1]] + last[:1]), cells[0][1]))
            out.extend(make(s, last_offset) for s in last[1:])
            continue
        if len(cells) > 1 and len(" ".join(cells[0][0])) <= LABEL_CELL_CHARS:
            cells = _label_in_front(cells)
        out.extend(make(s, offset) for cell, offset in cells for s in cell)
    return out


def _label_in_front(cells: list[tuple[list[str], int]]) -> list[tuple[list[str], int]]:
    """Put a label cell ("(d)", "01, 02 & 03") in front of the first line of the next cell."""
    (label, offset), (lines, _) = cells[0], cells[1]
    return [([f"{' '.join(label)} {lines[0]}"] + lines[1:], offset)] + cells[2:]
