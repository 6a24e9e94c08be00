"""PDF ingest: the text layer of each page, with furniture, tables and hyphenation handled.

The stages, chained in `ingest_pdf`:

    open_pdf → page_to_raw_lines (pdfium text layer, one RawLine per visual line, with its
    position; ruled tables rebuilt row by row by `pdf_tables`) →
    mark_furniture (lines repeating at the same height in the page margins) →
    raw_to_lines (bullets, spaces) → rejoin_hyphenated → renumber (offsets).

pypdfium2's text layer is used for everything, because it is two orders of magnitude faster
than pdfplumber (pdfminer parses each page in Python: ~10 pages/s against ~500).  Ruled
tables are found from pdfium's own path objects rather than by pdfplumber's table finder
for the same reason: on these council papers a third of all pages carry a ruled table.
How a table comes out as lines is described in `pdf_tables`.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from . import deadline
from .ingest import join_lines, normalise_line, rejoin_hyphenated, renumber
from .models import Document, Line
from .pdf_answer_tables import AnswerTable, join_continued_rows
from .pdf_tables import page_rulings, rulings_to_tables, table_rows_to_lines
from .pdf_unruled import unruled_tables_to_lines

MARGIN = 0.1  # headers/footers sit in the top or bottom tenth of the page
SAME_HEIGHT = 3.0  # points: a running header sits at the same height on every page
FURNITURE_SHARE = 0.3  # ... on at least this share of the pages (and at least two)
# Markings that are furniture even on a one-page paper, when they sit in the margin.
_MARKINGS = re.compile(r"^(?:OFFICIAL(?:[- ]SENSITIVE)?|NOT PROTECTIVELY MARKED|page \d+( of \d+)?|\d+)$", re.I)
_HYPHEN_INSIDE = re.compile(r"(?<=\w)[-\ufffe](?=\w)")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class RawLine:
    """One visual line of a page's text layer, with where it sits (PDF points, y up)."""

    text: str
    page: int
    source_offset: int  # index of the line's first character in the page's text layer
    bottom: float = 0.0
    top: float = 0.0
    page_height: float = 0.0
    left: float = 0.0
    furniture: bool = False
    table: bool = False  # a row or cell line of a ruled table


def ingest_pdf(path: Path, data: bytes, doc_id: str, digest: str, max_pages: int = 2000) -> Document:
    """Read a PDF's text layer into a Document; never raises for a bad file."""
    base = dict(doc_id=doc_id, source_path=str(path), sha256=digest, format="pdf")
    pdf, error = open_pdf(data)
    if pdf is None:
        return Document(**base, status="error", error=error)
    try:
        n_pages = len(pdf)
        if n_pages > max_pages:
            return Document(**base, n_pages=n_pages, status="error",
                            error=f"PDF has {n_pages} pages, over the limit of {max_pages} (--max-pages)")
        raw: list[RawLine] = []
        answer_table = AnswerTable()  # a table that answers, carried over a page break
        for index in range(n_pages):
            deadline.check()
            raw.extend(page_to_raw_lines(pdf, index, answer_table))
        if not any(r.text.strip() for r in raw):
            if _has_images(pdf):
                return Document(**base, n_pages=n_pages, status="error",
                                error="PDF has no text layer (scanned?): OCR it first")
            return Document(**base, n_pages=n_pages, status="empty", error="PDF has no text on any page")
    except Exception as exc:  # pdfium raises on damaged page trees; the paper must still get a row
        return Document(**base, status="error", error=f"cannot read PDF (damaged?): {_one_line(exc)}")
    finally:
        pdf.close()
    raw = join_continued_rows(mark_furniture(raw, n_pages))
    lines = rejoin_hyphenated(raw_to_lines(raw))
    lines = renumber(lines)
    furniture = list(dict.fromkeys(line.text for line in lines if line.furniture))
    return Document(**base, n_pages=n_pages, text=join_lines(lines), lines=lines, furniture=furniture)


def open_pdf(data: bytes):
    """(PdfDocument, "") or (None, a one-line reason a person understands)."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data), ""
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            return None, "PDF is encrypted (password-protected): save an unprotected copy first"
        if "format" in message.lower() or "file" in message.lower():
            return None, "not a readable PDF (damaged, truncated or not a PDF at all)"
        return None, f"cannot open PDF: {_one_line(exc)}"
    except Exception as exc:
        return None, f"cannot open PDF: {_one_line(exc)}"


def page_to_raw_lines(pdf, index: int, answer_table: AnswerTable | None = None) -> list[RawLine]:
    """The visual lines of one page in text-layer order, tables rebuilt row by row."""
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        height = page.get_height()
        lines = _split_lines(text, textpage, index + 1, height)
        tables = []
        try:
            tables = rulings_to_tables(page_rulings(page), answer_table)
            if tables:
                lines = table_rows_to_lines(lines, tables, textpage, answer_table)
        except Exception:  # odd drawing operators: the plain text layer is still good text
            pass
        if answer_table is not None:
            try:
                lines = unruled_tables_to_lines(lines, textpage, page.get_width(), answer_table,
                                                [(t.top, t.bottom) for t in tables])
            except Exception:  # odd text rectangles: the plain text layer is still good text
                answer_table.unruled = None
        return lines
    finally:
        textpage.close()
        page.close()


def _split_lines(text: str, textpage, page_no: int, height: float) -> list[RawLine]:
    import ctypes

    import pypdfium2.raw as c

    box = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top: pdfium's order
    refs = [ctypes.byref(v) for v in box]
    get_box, raw_textpage = c.FPDFText_GetCharBox, textpage.raw
    out = []
    pos = 0
    for m in _LINE_BREAK.finditer(text + "\n"):
        spans = _visual_lines(text, pos, m.start(), textpage) if _HYPHEN_INSIDE.search(text, pos, m.start()) else [(pos, m.start())]
        for start, end in spans:
            line = text[start:end].replace("\ufffe", "-")
            first = start + len(line) - len(line.lstrip())
            if line.strip():
                get_box(raw_textpage, first, *refs)  # the wrapper's per-call overhead showed in profiles
                out.append(RawLine(line, page_no, start, box[2].value, box[3].value, height, box[0].value))
            else:
                out.append(RawLine("", page_no, start, page_height=height))
        pos = m.end()
    return out


def _visual_lines(text: str, start: int, end: int, textpage) -> list[tuple[int, int]]:
    """Undo pdfium's own joining of a word hyphenated at a line end.

    pdfium merges "imple-" and "mentation ..." into one text line (marking the hyphen as
    U+FFFE or leaving "-"), which hides the line end from `rejoin_hyphenated`; split the
    line again where the character after a hyphen sits on a lower line.
    """
    spans = []
    for m in _HYPHEN_INSIDE.finditer(text, start, end):
        # Loose boxes span the font's whole height, so a hyphen and a letter on one line match.
        _, before_bottom, _, before_top = textpage.get_charbox(m.start() - 1, loose=True)
        after_top = textpage.get_charbox(m.start() + 1, loose=True)[3]
        if after_top <= before_bottom + (before_top - before_bottom) * 0.5:  # next letter on a lower line
            spans.append((start, m.start() + 1))
            start = m.start() + 1
    spans.append((start, end))
    return spans


# --- tables -------------------------------------------------------------------------------
# --- furniture ----------------------------------------------------------------------------

def furniture_key(text: str) -> str:
    """What a running header or footer looks like with its page-specific digits blurred.

    >>> furniture_key("Page 3 of 12") == furniture_key("page  4 of 12")
    True
    """
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def mark_furniture(lines: list[RawLine], n_pages: int) -> list[RawLine]:
    """Mark running headers, footers, page numbers and markings as furniture.

    A line is furniture when it sits in the top or bottom margin and the same text (digits
    blurred) sits at the same height on at least `FURNITURE_SHARE` of the pages (and on two
    or more); on any paper, a known marking ("OFFICIAL", a page number) in the margin is too.
    Lines in the body of the page never are, however often they repeat ("None", "Open").
    """
    by_key: dict[str, list[RawLine]] = defaultdict(list)
    for line in lines:
        if line.text.strip() and not line.table and _in_margin(line):
            by_key[furniture_key(line.text)].append(line)
    need = max(2, math.ceil(FURNITURE_SHARE * n_pages))
    for key, found in by_key.items():
        for group in _same_height_groups(found):
            if len({line.page for line in group}) >= need or _MARKINGS.match(key.replace("#", "1")):
                for line in group:
                    line.furniture = True
    return lines


def _in_margin(line: RawLine) -> bool:
    return line.page_height > 0 and (line.bottom >= (1 - MARGIN) * line.page_height
                                     or line.top <= MARGIN * line.page_height)


def _same_height_groups(lines: list[RawLine]) -> list[list[RawLine]]:
    groups: list[list[RawLine]] = []
    for line in sorted(lines, key=lambda r: r.bottom):
        if groups and line.bottom - groups[-1][-1].bottom <= SAME_HEIGHT:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


# --- lines --------------------------------------------------------------------------------

def raw_to_lines(raw: list[RawLine]) -> list[Line]:
    """Normalise each visual line (bullets, odd spaces) and drop runs of blank lines.

    pdfium's text layer has no blank lines between paragraphs, so the body flows from one
    page to the next like a single text: a sentence cut by a page break continues on the
    next line, with no furniture between.
    """
    out: list[Line] = []
    for r in raw:
        text, indent, bullet, heading = normalise_line(r.text)
        if not text and not bullet:
            continue
        out.append(Line(text=text, page=r.page, char_start=0, char_end=0, source_offset=r.source_offset,
                        furniture=r.furniture, indent=indent, bullet=bullet, heading=heading, table=r.table))
    return out


def _has_images(pdf) -> bool:
    import pypdfium2.raw as pdfium_c

    for index in range(min(len(pdf), 20)):
        page = pdf[index]
        try:
            if any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3)):
                return True
        finally:
            page.close()
    return False


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
