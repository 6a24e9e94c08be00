"""A ruled table's cells read from pdfium's text layer, and a cell's wrapped lines joined back.

`cells_from_lines` cuts each text-layer line at the column edges (pdfium joins the text of cells
that share a baseline into one line); `cells_bounded` reads a cell by area when a line does not
fit the columns.  `wrapped_lines` tells, from the character boxes, which lines of a cell only
wrap, and `unwrap_cell` joins them (or, without the boxes, decides by the words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf import RawLine

_CELL_CONNECTOR_END = re.compile(r"(?:\b(?:and|or|to|of|the|a|an|for|on|in|at|with|by)|&)$", re.I)
_CELL_LIST_START = re.compile(r"^(?:\(?[0-9a-z]{1,3}[.)]\s|\d+\s*[-–]|[•·\-]\s|o\s+[A-Z])")
_WORD_HYPHEN_END = re.compile(r"\w-$")
_YEAR_ONLY = re.compile(r"^(?:19|20)\d\d\b")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class CellLine:
    """One line of text inside a table cell and where it sits (PDF points)."""

    text: str
    left: float  # left edge of its first character
    right: float  # right edge of its last character
    first_word: float  # width of its first word
    space: float  # width of a space in its font


Cells = list[tuple[list[str], list[bool] | None, int]]  # per cell: its lines, which of them wrapped, offset


def cells_from_lines(band: list[RawLine], top: float, bottom: float, edges: list[float], textpage) -> Cells | None:
    """A row's cells from the text-layer lines, each line cut where it crosses a column edge.

    pdfium joins the text of cells that share a baseline into one line ("(b) Ward:",
    "Teri Bramah 60- Can Bcc ..."); a binary search on character boxes finds the cut, a few
    boxes per line, far cheaper than reading each cell by area.  None when a line does not
    fit the columns (then `cells_bounded` reads the cells by area).
    """
    cells: list[list[tuple[int, str]]] = [[] for _ in edges[1:]]  # (offset, text) of each line piece
    offsets = [-1] * len(cells)
    boxes = CharBoxes(textpage)
    for line in band:
        if not (bottom <= line.bottom < top):
            continue
        stripped = line.text.rstrip()
        if not stripped.strip():
            continue
        first = _column(boxes.center(line.source_offset, stripped, 0), edges)
        if first is None:
            return None
        cuts = [0]
        if first != _column(boxes.center(line.source_offset, stripped, len(stripped) - 1), edges):
            for edge in edges[1:-1]:
                lo, hi = cuts[-1], len(stripped)
                while lo < hi:  # the first character whose centre is right of the edge
                    mid = (lo + hi) // 2
                    if boxes.center(line.source_offset, stripped, mid) < edge:
                        lo = mid + 1
                    else:
                        hi = mid
                cuts.append(lo)
        cuts.append(len(stripped))
        columns = [first] if len(cuts) == 2 else range(len(cells))  # the usual case: inside one cell
        for column, (a, b) in zip(columns, zip(cuts, cuts[1:])):
            if stripped[a:b].strip():
                cells[column].append((line.source_offset + a, stripped[a:b]))
                if offsets[column] < 0:
                    offsets[column] = line.source_offset + a
    out: Cells = []
    for cell, left, right, offset in zip(cells, edges, edges[1:], offsets):
        # the boxes are read only for a cell of several lines: most cells are one line
        geometry = [boxes.cell_line(at, piece) for at, piece in cell] if len(cell) > 1 else []
        out.append(([" ".join(piece.split()) for _, piece in cell],
                    wrapped_lines(geometry, left, right) if geometry else None, offset))
    return out


def wrapped_lines(lines: list[CellLine], left: float, right: float) -> list[bool]:
    """For each line of a cell, whether it continues the line above it: the line above ended
    only because this line's first word would not fit in the room left at its end.

    The text's inset from the cell's left rule is taken to be its inset on the right too
    (cells are padded alike on both sides).

    >>> cell = [CellLine("Transport Contracts", 105, 180, 40, 3), CellLine("Manager", 105, 140, 35, 3),
    ...         CellLine("July 2025", 105, 145, 18, 3)]
    >>> wrapped_lines(cell, 100, 200)
    [False, True, False]
    """
    if not lines:
        return []
    inset = max(0.0, min(line.left for line in lines) - left)
    room_end = right - inset
    out = [False]
    for above, line in zip(lines, lines[1:]):
        out.append(above.right + line.space + line.first_word > room_end)
    return out


class CharBoxes:
    """Character boxes of a text page, read through pdfium's C API (the Python wrapper's
    per-call overhead showed in profiles)."""

    def __init__(self, textpage):
        import ctypes

        import pypdfium2.raw as c

        self._box = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top: pdfium's order
        self._refs = [ctypes.byref(v) for v in self._box]
        self._rect = c.FS_RECTF()
        self._rect_ref = ctypes.byref(self._rect)
        self._get, self._get_loose, self._raw = c.FPDFText_GetCharBox, c.FPDFText_GetLooseCharBox, textpage.raw

    def center(self, offset: int, text: str, i: int) -> float:
        """x centre of the ink of the first non-space character at or after text[i]."""
        while i < len(text) and text[i] == " ":
            i += 1
        if i >= len(text):
            return float("inf")
        self._get(self._raw, offset + i, *self._refs)
        return (self._box[0].value + self._box[1].value) / 2

    def _advance(self, index: int) -> tuple[float, float]:
        """Where a character's advance starts and ends: the room it takes in the line, which
        is what a word processor measures when it breaks lines (its ink is narrower)."""
        self._get_loose(self._raw, index, self._rect_ref)
        return self._rect.left, self._rect.right

    def cell_line(self, offset: int, piece: str) -> CellLine:
        """The piece of a line that lies in one cell (not blank), with its extent."""
        start = len(piece) - len(piece.lstrip())
        end = len(piece.rstrip())
        word_end = piece.find(" ", start)
        word_end = end if word_end < 0 or word_end > end else word_end
        left = self._advance(offset + start)[0]
        word = self._advance(offset + word_end - 1)[1] - left
        if word_end < end:  # a space of this line's font, as wide as set
            space = self._advance(offset + word_end)
            space_width = space[1] - space[0]
        else:
            space_width = 0.5 * word / (word_end - start)
        return CellLine(" ".join(piece.split()), left, self._advance(offset + end - 1)[1], word, space_width)


def cells_bounded(top: float, bottom: float, edges: list[float], textpage) -> Cells:
    cells: Cells = []
    for left, right in zip(edges, edges[1:]):
        cell = textpage.get_text_bounded(left=left, bottom=bottom, right=right, top=top)
        cell = cell.replace("\x02", "\ufffe")  # pdfium's line-end hyphen here; rejoin_hyphenated resolves it
        cells.append(([" ".join(part.split()) for part in _LINE_BREAK.split(cell) if part.strip()], None, -1))
    return cells


def _column(x: float, edges: list[float]) -> int | None:
    for i, (left, right) in enumerate(zip(edges, edges[1:])):
        if left - 1 <= x <= right + 1:
            return i
    return None


def unwrap_cell(lines: list[str], wrapped: list[bool] | None = None) -> list[str]:
    """Join the lines of a table cell that only wrap; keep real breaks (lists, labels).

    `wrapped[i]` says that line i continues line i - 1 by the geometry (`wrapped_lines`);
    without it, or when it says no, the words decide: a line that starts in lower case or
    follows "and", "to", "of" … continues.  A line that opens a list item never does.

    >>> unwrap_cell(["Supporting studies and", "information"])
    ['Supporting studies and information']
    >>> unwrap_cell(["the WPL, in-", "line with the routes"])
    ['the WPL, in\ufffeline with the routes']
    >>> unwrap_cell(["November to early March", "2026"])
    ['November to early March 2026']
    >>> unwrap_cell(["Reason for decision:", "As set out in the report."])
    ['Reason for decision:', 'As set out in the report.']
    >>> unwrap_cell(["01 – EBLN Monitoring Report Q1", "02 – EBLN Monitoring Report Q2"])
    ['01 – EBLN Monitoring Report Q1', '02 – EBLN Monitoring Report Q2']
    >>> unwrap_cell(["went live in January 2025.", "Parents can apply online."], [False, True])
    ['went live in January 2025. Parents can apply online.']
    >>> unwrap_cell(["01 – EBLN Monitoring Report Q1", "02 – EBLN Monitoring Report Q2"], [False, True])
    ['01 – EBLN Monitoring Report Q1', '02 – EBLN Monitoring Report Q2']
    """
    out: list[str] = []
    for i, line in enumerate(lines):
        if out and _WORD_HYPHEN_END.search(out[-1]) and line[:1].isalnum():
            # a word broken at the hyphen: rejoin_hyphenated decides whether the hyphen stays
            out[-1] = f"{out[-1][:-1]}\ufffe{line}"
            continue
        by_words = bool(out) and bool(line[:1].islower() or _CELL_CONNECTOR_END.search(out[-1])
                                      or _YEAR_ONLY.match(line)) and not out[-1].endswith((":", "."))
        by_geometry = bool(wrapped and wrapped[i])
        if out and (by_words or by_geometry) and not _CELL_LIST_START.match(line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out
